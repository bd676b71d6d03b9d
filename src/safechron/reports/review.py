"""A case review's chronology: the entries of the review period, what was known on a date, the alerts
open then, and a key of the family as reviews lay it out, optionally anonymised for publication.

    review = review_build(chronology=chronology, scope=ReviewScope(start=..., end=..., as_of=...))
    write_review(review=review, fmt="docx", path=Path("review.docx"))

Entries before the review period are summarised by count, agency by agency, unless the reviewer names
them (`ReviewScope.include_before`), as reviews name the earlier events that matter. Entries after the
period are left out. With an as-of date, only the entries known on that date (`Entry.known_on`) are
shown, and the alerts are those open on that date with no hindsight (`pipeline.analyse`).
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from safechron.chronology.dates import PartialDate
from safechron.chronology.model import Chronology, Person
from safechron.indicators.base import Alert, Thresholds
from safechron.pipeline import analyse
from safechron.reports.anonymise import (
    CHECK_NOTE,
    AnonymiseOptions,
    WordToCheck,
    anonymise,
    person_labels,
    words_to_check,
)
from safechron.reports.exports import write_docx, write_xlsx
from safechron.reports.html import render_html
from safechron.reports.report_model import (
    age_in_words,
    alert_title,
    day_in_words,
    plural,
    severity_in_words,
)
from safechron.reports.rows import ReportTable, person_names
from safechron.reports.shapes import entry_json
from safechron.vocabulary import CHILD_ROLES, PARENT_ROLES, humanise

__all__ = [
    "REVIEW_FORMATS",
    "KeyPerson",
    "Review",
    "ReviewScope",
    "review_build",
    "review_json",
    "review_tables",
    "write_review",
]

REVIEW_FORMATS = ("xlsx", "docx", "html", "json")


@dataclass(frozen=True, slots=True)
class ReviewScope:
    """The review period, the date whose knowledge is shown (the period's end unless given), and the
    earlier entries the reviewer names as significant, as (agency, record id)."""

    start: date
    end: date
    as_of: date | None = None
    include_before: frozenset[tuple[str, str]] = frozenset()

    @property
    def known_on(self) -> date:
        return self.as_of or self.end


@dataclass(frozen=True, slots=True)
class KeyPerson:
    """One line of the family key: the label the review uses, the name (empty when anonymised), the role
    and the age at the end of the review period."""

    person_id: str
    label: str
    name: str
    role: str
    age: str


@dataclass(slots=True)
class Review:
    scope: ReviewScope
    chronology: Chronology  # the entries shown, anonymised when asked
    alerts: list[Alert]  # open on the as-of date, anonymised when asked
    key: list[KeyPerson]
    anonymised: bool
    dates_by_month: bool
    earlier: dict[str, int]  # agency as shown -> entries before the period, not shown
    included_before: int  # entries before the period shown because the reviewer named them
    later: int  # entries after the period
    not_yet_known: int  # entries of the period not yet known on the as-of date
    to_check: list[WordToCheck] = field(default_factory=list)


def review_build(
    *,
    chronology: Chronology,
    scope: ReviewScope,
    labelling: AnonymiseOptions | None = None,
    anonymised: bool = False,
    thresholds: Thresholds | None = None,
) -> Review:
    """The review of a tagged combined chronology. `labelling` says who the subject child is and, when
    `anonymised`, how coarse agencies and dates become. Raises ValueError for a period that ends before it
    starts, and KeyError for a named earlier entry or a subject that is not in the chronology."""
    if scope.end < scope.start:
        raise ValueError("the review period ends before it starts")
    options = labelling or AnonymiseOptions()
    keys = {entry.key for entry in chronology.entries}
    missing = sorted(scope.include_before - keys)
    if missing:
        raise KeyError(", ".join(f"{agency}:{record_id}" for agency, record_id in missing))
    known_on = scope.known_on
    alerts = analyse(chronology, known_on, thresholds)
    shown = []
    earlier: Counter[str] = Counter()
    included_before = later = not_yet_known = 0
    for entry in chronology.entries:
        if entry.date.start > scope.end:
            later += 1
            continue
        before = entry.date.end < scope.start
        if before and entry.key not in scope.include_before:
            earlier[entry.agency] += 1
        elif entry.known_on > known_on:
            not_yet_known += 1
        else:
            included_before += before
            shown.append(entry)
    period = Chronology(
        persons=chronology.persons,
        entries=shown,
        quarantine=chronology.quarantine,
        warnings=chronology.warnings,
        person_of_record=chronology.person_of_record,
    )
    labels = person_labels(chronology=chronology, subject_id=options.subject_id, subject_label=options.subject_label)
    review = Review(
        scope=scope,
        chronology=period,
        alerts=alerts,
        key=_family_key(chronology.persons, labels=labels, on=scope.end, with_names=not anonymised),
        anonymised=anonymised,
        dates_by_month=anonymised and options.dates_by_month,
        earlier=dict(earlier),
        included_before=included_before,
        later=later,
        not_yet_known=not_yet_known,
    )
    if anonymised:
        result = anonymise(
            chronology=period,
            alerts=alerts,
            options=options,
            agency_types={entry.agency: entry.agency_type for entry in chronology.entries},
            labels=labels,  # the key's labels: 'Adult 1' in the text is 'Adult 1' in the key
        )
        review.chronology = result.chronology
        review.alerts = result.alerts
        review.earlier = {result.agency_labels[agency]: count for agency, count in earlier.items()}
        review.to_check = words_to_check(_texts(review), labels=labels.values())
    return review


def _family_key(persons: Sequence[Person], *, labels: dict[str, str], on: date, with_names: bool) -> list[KeyPerson]:
    """Children first (the subject, then siblings oldest first), then parents, grandparents, other adults."""
    def rank(person: Person) -> tuple[int, int]:
        label = labels[person.person_id]
        if person.role in CHILD_ROLES:
            group = 1 if label.startswith(("Sibling", "Child ")) else 0
        elif person.role in PARENT_ROLES:
            group = 2
        else:
            group = 3 if person.role == "grandparent" else 4
        return (group, list(labels).index(person.person_id))

    return [
        KeyPerson(
            person_id=person.person_id,
            label=labels[person.person_id],
            name=person.display_name if with_names else "",
            role=humanise(person.role) if person.role else "Not recorded",
            age=_age_on(person, on),
        )
        for person in sorted(persons, key=rank)
    ]


def _age_on(person: Person, day: date) -> str:
    born = person.date_of_birth
    if born is None:
        return "Unborn" if person.unborn else "Not known"
    if born.start > day:
        return "Not yet born"
    age = age_in_words(born=born.start, on=day)
    return f"{age} years" if age.isdigit() else age


def _texts(review: Review) -> list[str]:
    """Every free text an export of the review shows."""
    texts = [text for entry in review.chronology.entries
             for text in (entry.summary, entry.action, entry.outcome, entry.author_role, entry.agency)]
    texts += [alert.explanation for alert in review.alerts]
    texts += [person.label for person in review.key]
    return texts


def _when(review: Review, day: date) -> str:
    """A day in words, or its month when dates are shown by month."""
    return PartialDate(day.year, day.month).display() if review.dates_by_month else day_in_words(day)


def review_tables(review: Review, *, with_indicators: bool = True) -> list[ReportTable]:
    """What every export shows before the chronology: about the review, the words to check before
    publishing (anonymised only), the family key and (unless the export shows them its own way) the
    indicators open on the as-of date."""
    scope = review.scope
    shown = review.chronology.entries
    earlier = sum(review.earlier.values())
    about = [
        ("Review period", f"{_when(review, scope.start)} to {_when(review, scope.end)}"),
        ("What was known on", _when(review, scope.known_on)),
        ("Entries shown", f"{plural(len(shown), 'entry', 'entries')} from "
                          f"{plural(len({entry.agency for entry in shown}), 'agency', 'agencies')}, in date order"),
        (
            "Before the review period",
            (f"{plural(earlier, 'earlier entry is', 'earlier entries are')} not shown: "
             + ", ".join(f"{agency} {count}" for agency, count in sorted(review.earlier.items()))
             + "." if earlier else "No earlier entry is left out.")
            + (f" {plural(review.included_before, 'earlier entry', 'earlier entries')} named by the reviewer "
               f"{'is' if review.included_before == 1 else 'are'} shown." if review.included_before else ""),
        ),
        ("After the review period", f"{plural(review.later, 'later entry', 'later entries')} not shown."),
        (
            "Not yet known",
            f"{plural(review.not_yet_known, 'entry', 'entries')} of the period not yet recorded by "
            f"{_when(review, scope.known_on)}, not shown.",
        ),
        ("Open indicators", f"{len(review.alerts)} on {_when(review, scope.known_on)}."),
        (
            "Anonymisation",
            CHECK_NOTE if review.anonymised else "Not anonymised: this holds personal and sensitive information.",
        ),
    ]
    tables = [ReportTable("About this review", "", (("Item", 26), ("Detail", 100)), tuple(about))]
    if review.anonymised:
        tables.append(
            ReportTable(
                "Check before publishing",
                "Capitalised words left in the text that are not ordinary words. Names of people and places may "
                "be among them: check each one, and read the whole document, before it is published.",
                (("Word", 24), ("Times it appears", 16)),
                tuple((item.word, str(item.count)) for item in review.to_check) or (("None found", "0"),),
            )
        )
    name_column = () if review.anonymised else (("Name", 28),)
    tables.append(
        ReportTable(
            "Family key",
            "Who is who in this review, children first.",
            (("Known in this review as", 24), *name_column, ("Role", 18), ("Age at the end of the review period", 18)),
            tuple(
                (person.label, *((person.name,) if not review.anonymised else ()), person.role, person.age)
                for person in review.key
            ),
        )
    )
    if not with_indicators:
        return tables
    tables.append(
        ReportTable(
            "Open indicators",
            f"Indicators open on {_when(review, scope.known_on)}, seeing only what agencies had recorded by then. "
            "They point to patterns found in case reviews; they do not decide anything.",
            (("Indicator", 28), ("Severity", 10), ("First met", 16), ("People", 28), ("Explanation", 60),
             ("Records", 30)),
            tuple(
                (
                    alert_title(alert),
                    severity_in_words(alert.severity),
                    _when(review, alert.first_met_on),
                    ", ".join(person_names(review.chronology, (*alert.children, *alert.adults))),
                    alert.explanation,
                    _records(review, alert),
                )
                for alert in review.alerts
            ),
        )
    )
    return tables


def _records(review: Review, alert: Alert) -> str:
    """The records an alert rests on, by agency, those not in the review's chronology counted."""
    shown = {entry.key for entry in review.chronology.entries}
    by_agency: dict[str, list[str]] = {}
    elsewhere = 0
    for item in alert.evidence:
        if (item.agency, item.record_id) in shown:
            by_agency.setdefault(item.agency, []).append(item.record_id)
        else:
            elsewhere += 1
    parts = [f"{agency} {', '.join(ids)}" for agency, ids in by_agency.items()]
    if elsewhere:
        parts.append(f"{plural(elsewhere, 'record', 'records')} not in this chronology")
    return "; ".join(parts)


def review_json(review: Review) -> dict[str, Any]:
    scope = review.scope
    return {
        "scope": {
            "from": scope.start.isoformat(),
            "to": scope.end.isoformat(),
            "as_of": scope.known_on.isoformat(),
            "include_before": [f"{agency}:{record_id}" for agency, record_id in sorted(scope.include_before)],
        },
        "anonymised": review.anonymised,
        "note": CHECK_NOTE if review.anonymised else "",
        "key": [
            {"person_id": p.person_id, "label": p.label, "name": p.name or None, "role": p.role, "age": p.age}
            for p in review.key
        ],
        "alerts": [alert.to_json() for alert in review.alerts],
        "entries": [entry_json(review.chronology, entry) for entry in review.chronology.entries],
        "left_out": {
            "before_by_agency": review.earlier,
            "after": review.later,
            "not_yet_known": review.not_yet_known,
        },
        "check_before_publishing": [{"word": item.word, "count": item.count} for item in review.to_check],
    }


def write_review(*, review: Review, fmt: str, path: Path, generated_on: date | None = None) -> None:
    """The review as a workbook, a Word document, a self-contained web page (whose report shows the open
    indicators with links to their records) or JSON."""
    if fmt == "xlsx":
        write_xlsx(chronology=review.chronology, path=path, tables=review_tables(review))
    elif fmt == "docx":
        write_docx(
            chronology=review.chronology, path=path, title="Case review chronology", tables=review_tables(review)
        )
    elif fmt == "html":
        known_on = review.scope.known_on
        if review.dates_by_month:  # an entry dated by its month is known at the month's end
            known_on = PartialDate(known_on.year, known_on.month).end
        html = render_html(
            chronology=review.chronology, alerts=review.alerts, as_of=known_on, generated_on=generated_on,
            tables=review_tables(review, with_indicators=False),
        )
        path.write_text(html, encoding="utf-8")
    elif fmt == "json":
        path.write_text(json.dumps(review_json(review), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    else:
        raise ValueError(f"unknown format '{fmt}'; use one of {', '.join(REVIEW_FORMATS)}")
