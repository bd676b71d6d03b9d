"""What a report says, worked out once for the HTML page, the terminal text and the pictures.

`build_report` turns a combined chronology and its alerts as of a date into plain, ready-to-show
values: alert summaries with their evidence rows, persons with their agency records and link
reasons, the chronology rows known on the date, and the quarantine.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from safechron.chronology.dates import PartialDate
from safechron.chronology.model import Chronology, Person, PersonRecord, QuarantinedRow
from safechron.indicators.base import REGISTRY, Alert
from safechron.reports.rows import ChronologyRow, chronology_rows, entry_anchor, person_names
from safechron.vocabulary import humanise

__all__ = [
    "SEVERITIES",
    "AlertView",
    "EvidenceLink",
    "PersonView",
    "Report",
    "alert_title",
    "build_report",
    "person_caption",
    "plural",
    "severity_in_words",
]

#: Severities, most serious first, with the words people read.
SEVERITIES: dict[str, str] = {"high": "High", "medium": "Medium"}


def alert_title(alert: Alert) -> str:
    """The sentence-case name of an alert: its own title, the catalogue's, or its code in words."""
    if alert.title:
        return alert.title
    spec = REGISTRY.get(alert.code)
    return spec.title if spec is not None else humanise(alert.code.lower())


def day_in_words(day: date) -> str:
    """'19 October 2016'."""
    return PartialDate.from_date(day).display()


def plural(number: int, one: str, many: str) -> str:
    """'1 entry', '3 entries'."""
    return f"{number} {one if number == 1 else many}"


def severity_in_words(severity: str) -> str:
    """'High', 'Medium': the word people read for an alert's severity."""
    return SEVERITIES.get(severity, humanise(severity))


def age_in_words(*, born: date, on: date) -> str:
    """'4', or for a child under two '5 months' or 'under 1 month': babies' ages are counted in months."""
    months = (on.year - born.year) * 12 + on.month - born.month - (on.day < born.day)
    if months >= 24:
        return str(months // 12)
    if months < 1:
        return "under 1 month"
    return f"{months} month{'s' if months != 1 else ''}"


def person_caption(person: Person, *, as_of: date) -> str:
    """'Mother, born 1 February 1990 (26)', 'Unborn child, due March 2017', 'Grandparent'."""
    parts = [humanise(person.role) if person.role else "Role not recorded"]
    if person.unborn and (person.date_of_birth is None or person.date_of_birth.start > as_of):
        if person.expected_date is not None:
            parts.append(f"due {person.expected_date.display()}")
        elif person.role != "unborn":
            parts.append("unborn")
    elif person.date_of_birth is not None:
        born = f"born {person.date_of_birth.display()}"
        if person.date_of_birth.start > as_of:
            parts.append(f"{born}, after this date")
        else:
            parts.append(f"{born} ({age_in_words(born=person.date_of_birth.start, on=as_of)})")
    return ", ".join(parts)


@dataclass(frozen=True, slots=True)
class EvidenceLink:
    """One evidence record of an alert, with the anchor of its chronology row."""

    label: str  # '2 April 2016, Police, INC-2231'
    anchor: str


@dataclass(frozen=True, slots=True)
class AlertView:
    alert: Alert
    title: str
    severity: str  # 'High'
    first_met: str  # '31 May 2016'
    people: str  # 'Children: Child BY. Adults: Kerry Smith, Dean Jones.'
    evidence: tuple[EvidenceLink, ...]


@dataclass(frozen=True, slots=True)
class PersonView:
    person: Person
    caption: str
    records: tuple[str, ...]  # 'Police: P-0041, recorded as Kerry Smyth (mother)'
    reasons: tuple[str, ...]
    open_alerts: tuple[str, ...]  # titles


@dataclass(frozen=True, slots=True)
class Report:
    as_of: date
    as_of_words: str
    alerts: tuple[AlertView, ...]  # most severe first, then earliest met
    counts: dict[str, int]  # severity word -> number of open alerts
    persons: tuple[PersonView, ...]
    rows: tuple[ChronologyRow, ...]  # entries known on the as-of date
    later_entries: int  # entries not yet known on the as-of date, left out
    evidence_of: dict[str, tuple[str, ...]]  # row anchor -> titles of alerts resting on it
    agencies: tuple[str, ...]
    quarantine: tuple[QuarantinedRow, ...]


def build_report(*, chronology: Chronology, alerts: Sequence[Alert], as_of: date) -> Report:
    order = list(SEVERITIES)
    ordered = sorted(
        alerts, key=lambda a: (order.index(a.severity) if a.severity in order else len(order), a.first_met_on)
    )
    views = tuple(_alert_view(chronology, alert) for alert in ordered)
    all_rows = chronology_rows(chronology)
    rows = tuple(row for row in all_rows if row.entry.known_on <= as_of)
    evidence_of: dict[str, list[str]] = {}
    for view in views:
        for link in view.evidence:
            evidence_of.setdefault(link.anchor, []).append(view.title)
    alerts_of: dict[str, list[str]] = {}
    for view in views:
        for pid in (*view.alert.children, *view.alert.adults):
            alerts_of.setdefault(pid, []).append(view.title)
    return Report(
        as_of=as_of,
        as_of_words=day_in_words(as_of),
        alerts=views,
        counts={word: sum(1 for v in views if v.alert.severity == key) for key, word in SEVERITIES.items()},
        persons=tuple(
            PersonView(
                person=person,
                caption=person_caption(person, as_of=as_of),
                records=tuple(_record_line(record) for record in person.records),
                reasons=tuple(f"{r.record_a} with {r.record_b}: {r.describe()}" for r in person.reasons),
                open_alerts=tuple(dict.fromkeys(alerts_of.get(person.person_id, []))),
            )
            for person in chronology.persons
        ),
        rows=rows,
        later_entries=len(all_rows) - len(rows),
        evidence_of={anchor: tuple(titles) for anchor, titles in evidence_of.items()},
        agencies=tuple(sorted({row.agency for row in rows})),
        quarantine=tuple(chronology.quarantine),
    )


def _record_line(record: PersonRecord) -> str:
    """'Police: P-0041, recorded as Kerry Smyth (Mother)'."""
    role = humanise(record.role) if record.role else ""
    described = f"{record.full_name} ({role})" if record.full_name and role else record.full_name or role
    return f"{record.agency}: {record.person_ref}" + (f", recorded as {described}" if described else "")


def _alert_view(chronology: Chronology, alert: Alert) -> AlertView:
    groups = []
    if alert.children:
        groups.append("Children: " + ", ".join(person_names(chronology, alert.children)) + ".")
    if alert.adults:
        groups.append("Adults: " + ", ".join(person_names(chronology, alert.adults)) + ".")
    return AlertView(
        alert=alert,
        title=alert_title(alert),
        severity=severity_in_words(alert.severity),
        first_met=day_in_words(alert.first_met_on),
        people=" ".join(groups),
        evidence=tuple(
            EvidenceLink(
                label=f"{item.date.display()}, {item.agency}, {item.record_id}",
                anchor=entry_anchor(agency=item.agency, record_id=item.record_id),
            )
            for item in alert.evidence
        ),
    )
