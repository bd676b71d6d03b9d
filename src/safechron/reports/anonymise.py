"""Anonymising a combined chronology for publication, as case reviews do it.

Persons become the labels reviews use (Mother, Father, MGM, Sibling 1, Child BY, Adult 1), every
form of their names is replaced in the free text, identifiers are removed from the records and
scrubbed from the text by pattern, agencies may be shown by type and dates by month. No automatic
method makes a document safe to publish: `words_to_check` lists the capitalised words left that
are not ordinary words, so the reviewer checks them, and every export says the output must be checked.

The engine's own types go in and come out (a `Chronology` and its `Alert`s), so every exporter and
the web application can lay out an anonymised chronology exactly as they lay out any other.
"""

from __future__ import annotations

import calendar
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date

from spacy.lang.en.stop_words import STOP_WORDS

from safechron.chronology.dates import DateError, PartialDate
from safechron.chronology.model import Chronology, Person, PersonRecord
from safechron.indicators.base import Alert, Evidence
from safechron.vocabulary import AGENCY_TYPES, CHILD_ROLES, EVENT_LABELS, RISK_TAGS, ROLES, humanise

__all__ = [
    "CHECK_NOTE",
    "AnonymiseOptions",
    "Anonymised",
    "WordToCheck",
    "anonymise",
    "person_labels",
    "words_to_check",
]

#: What every anonymised export says about itself: it is a draft for a person to check, never "safe".
CHECK_NOTE = (
    "Anonymised automatically for publication. Automatic anonymisation misses things: a person must read "
    "all of it, including the words listed under 'Check before publishing', before it is published."
)

#: Words agencies put where a name is not known; never treated as a name.
_NOT_NAMES = frozenset(
    {"baby", "unborn", "twin", "child", "infant", "unknown", "unnamed", "boy", "girl", "male", "female",
     "mum", "dad", "mother", "father", "nan", "grandma", "grandad", "sibling", "brother", "sister"}
)
_TITLES = {"male": ("Mr", "Mx", "Dr"), "female": ("Mrs", "Ms", "Miss", "Mx", "Dr")}

#: Abbreviations safeguarding records use, allowed in capitals.
_ABBREVIATIONS = frozenset(
    {"ABH", "GBH", "A&E", "ED", "GP", "HV", "DA", "DV", "DASH", "MARAC", "MASH", "IDVA", "ISVA", "CSC", "CIN",
     "CP", "CPP", "ICPC", "RCPC", "PLO", "S47", "NFA", "IP", "PC", "DC", "DS", "PCSO", "SW", "FOB", "NHS", "MH",
     "CAMHS", "EHCP", "SEN", "SENCO", "DSL", "NSPCC", "PVP", "SCBU", "NICU", "TAC", "TAF", "EHA", "UK", "OK",
     "TV", "AM", "PM", "CT", "MRI", "ASC", "RIC", "RUI", "CPS", "CAFCASS", "LADO", "MAPPA", "YOT", "SPOC",
     "ANC", "DNA", "WNB", "BP", "ADHD", "ASD", "PND", "OD", "ID", "IDS"}
)
_MONTH_WORDS = frozenset(
    word.lower() for word in (*calendar.month_name[1:], *calendar.month_abbr[1:], *calendar.day_name,
                              *calendar.day_abbr)
)


@dataclass(frozen=True, slots=True)
class AnonymiseOptions:
    """How to anonymise: who the subject child is and what they are called, and how coarse to be."""

    subject_id: str | None = None  # person id; by default the one person whose role is 'child', if only one
    subject_label: str = "Child"
    agencies_by_type: bool = False  # 'Police', 'School or college 2' rather than the agency's name
    dates_by_month: bool = False  # 'May 2016' rather than '22 May 2016', in dates and in the text


@dataclass(frozen=True, slots=True)
class WordToCheck:
    """A capitalised word left in an anonymised output that is not an ordinary word: perhaps a name."""

    word: str
    count: int


@dataclass(slots=True)
class Anonymised:
    """An anonymised chronology and its alerts, with each person's label and each entry's new id."""

    chronology: Chronology
    alerts: list[Alert]
    labels: dict[str, str]  # person id -> label
    record_ids: dict[tuple[str, str], str]  # (agency, record id) as given -> record id in the output
    agency_labels: dict[str, str]  # agency as given -> agency in the output


def person_labels(*, chronology: Chronology, subject_id: str | None = None, subject_label: str = "Child") -> dict[
    str, str
]:
    """Review-style labels for every person: the subject child by the label given, 'Sibling 1..n' for the
    other children (oldest first), 'Mother', 'Father', 'MGM'/'PGF' for grandparents whose side is known
    (else 'Grandparent'), other parent figures by role, and 'Adult 1..n' for everyone else, in order of
    first appearance. A label that would be shared is numbered ('Mother 1', 'Mother 2')."""
    subject = subject_id or _only_child(chronology.persons)
    if subject is not None and subject not in {person.person_id for person in chronology.persons}:
        raise KeyError(subject)
    children = [p for p in chronology.persons if p.role in CHILD_ROLES and p.person_id != subject]
    children.sort(key=_birth_order)
    child_word = "Sibling" if subject is not None else "Child"
    labels: dict[str, str] = {}
    if subject is not None:
        labels[subject] = subject_label
    for number, child in enumerate(children, start=1):
        labels[child.person_id] = f"{child_word} {number}"
    mothers = [p for p in chronology.persons if p.role == "mother"]
    fathers = [p for p in chronology.persons if p.role == "father"]
    base: dict[str, str] = {}
    for person in chronology.persons:
        if person.person_id in labels:
            continue
        if person.role == "grandparent":
            base[person.person_id] = _grandparent_label(person, mothers=mothers, fathers=fathers)
        elif person.role in ("mother", "father", "stepfather", "stepmother", "partner"):
            base[person.person_id] = humanise(person.role)
    counts = Counter(base.values())
    seen: Counter[str] = Counter()
    for person_id, label in base.items():
        seen[label] += 1
        labels[person_id] = f"{label} {seen[label]}" if counts[label] > 1 else label
    others = [p for p in chronology.persons if p.person_id not in labels]
    first_seen = _first_appearance(chronology)
    others.sort(key=lambda p: first_seen.get(p.person_id, len(first_seen)))
    for number, person in enumerate(others, start=1):
        labels[person.person_id] = f"Adult {number}"
    return labels


def _only_child(persons: Sequence[Person]) -> str | None:
    subjects = [p.person_id for p in persons if p.role == "child"]
    return subjects[0] if len(subjects) == 1 else None


def _birth_order(person: Person) -> tuple[int, date, str]:
    """Oldest first; children whose date of birth is unknown, then the unborn, after them."""
    if person.date_of_birth is not None:
        return (0, person.date_of_birth.start, person.person_id)
    if person.expected_date is not None:
        return (2, person.expected_date.start, person.person_id)
    return (1, date.max, person.person_id)


def _first_appearance(chronology: Chronology) -> dict[str, int]:
    order: dict[str, int] = {}
    for entry in chronology.entries:
        for person_id in chronology.subject_ids(entry):
            order.setdefault(person_id, len(order))
    return order


def _grandparent_label(person: Person, *, mothers: list[Person], fathers: list[Person]) -> str:
    """MGM, MGF, PGM or PGF when the side of the family is known: said in the records ('maternal
    grandmother'), or the grandparent shares a family name with only the mother or only the father."""
    said = " ".join([r.role for r in person.records] + [v for r in person.records for v in r.extra.values()]).lower()
    side = "M" if "maternal" in said else "P" if "paternal" in said else ""
    if not side:
        names = _family_names(person)
        on_mother = any(names & _family_names(mother) for mother in mothers)
        on_father = any(names & _family_names(father) for father in fathers)
        side = "M" if on_mother and not on_father else "P" if on_father and not on_mother else ""
    sex = {"female": "M", "male": "F"}.get(person.sex, "")
    return f"{side}G{sex}" if side and sex else "Grandparent"


def _family_names(person: Person) -> set[str]:
    return {record.family_name.lower() for record in person.records if record.family_name}


def anonymise(
    *,
    chronology: Chronology,
    alerts: Sequence[Alert],
    options: AnonymiseOptions,
    agency_types: Mapping[str, str] | None = None,
    labels: Mapping[str, str] | None = None,
) -> Anonymised:
    """The chronology and alerts with persons labelled, names and identifiers gone from the records and the
    text, entries renumbered in date order, and agencies and dates as coarse as asked. Quarantined rows
    and row warnings are left out: they hold values verbatim. `agency_types` (agency -> agency type) names
    every agency the alerts' evidence may cite, when some of it is not in this chronology; `labels` (person
    id -> label) are those of a larger chronology this one is part of, so a person keeps one label in both
    (by default, person_labels of this chronology)."""
    labels = dict(labels) if labels is not None else person_labels(
        chronology=chronology, subject_id=options.subject_id, subject_label=options.subject_label
    )
    types = dict(agency_types) if agency_types is not None else {}
    for entry in chronology.entries:
        types.setdefault(entry.agency, entry.agency_type)
    agency_labels = _agency_labels(types, by_type=options.agencies_by_type)
    scrub = _Scrubber(chronology=chronology, labels=labels, agency_labels=agency_labels, options=options)
    record_ids = {entry.key: f"E{number}" for number, entry in enumerate(chronology.entries, start=1)}
    new_keys: dict[str, str] = {}
    for entry in chronology.entries:
        for key in entry.subjects:
            person_id = chronology.person_of_record.get(key)
            label = labels[person_id] if person_id is not None else "person not in the people tables"
            new_keys[key] = f"{agency_labels[entry.agency]}:{label}"
    entries = []
    for entry in chronology.entries:
        about = chronology.subject_ids(entry)
        entries.append(
            replace(
                entry,
                agency=agency_labels[entry.agency],
                record_id=record_ids[entry.key],
                date=scrub.date(entry.date),
                recorded_date=scrub.date(entry.recorded_date) if entry.recorded_date else None,
                time=None if options.dates_by_month else entry.time,
                subjects=tuple(new_keys[key] for key in entry.subjects),
                summary=scrub.text(entry.summary, about=about),
                action=scrub.text(entry.action, about=about),
                outcome=scrub.text(entry.outcome, about=about),
                author_role=scrub.text(_NUMBERS.sub("", entry.author_role)).strip(),
                meeting_invitees=(),
                meeting_attendees=(),
                related_record=record_ids.get((entry.agency, entry.related_record), ""),
                extra={},
                source=None,
            )
        )
    persons = [
        Person(
            person_id=person.person_id,
            records=[],
            display_name=labels[person.person_id],
            unborn=person.unborn,
            sex=person.sex,
            role=person.role,
            lives_with_child=person.lives_with_child,
        )
        for person in chronology.persons
    ]
    person_of_record = {new_keys[key]: chronology.person_of_record[key] for key in new_keys
                        if key in chronology.person_of_record}
    anonymised_alerts = [
        replace(
            alert,
            explanation=scrub.text(alert.explanation, about=(*alert.children, *alert.adults)),
            evidence=tuple(
                Evidence(
                    agency=agency_labels.get(item.agency, item.agency),
                    record_id=record_ids.get((item.agency, item.record_id), "outside this chronology"),
                    date=scrub.date(item.date),
                )
                for item in alert.evidence
            ),
        )
        for alert in alerts
    ]
    return Anonymised(
        chronology=Chronology(persons=persons, entries=entries, person_of_record=person_of_record),
        alerts=anonymised_alerts,
        labels=labels,
        record_ids=record_ids,
        agency_labels=agency_labels,
    )


def _agency_labels(agencies: Mapping[str, str], *, by_type: bool) -> dict[str, str]:
    """Each agency as shown: its own name, or its type ('Police'), numbered when several share a type."""
    if not by_type:
        return {agency: agency for agency in agencies}
    per_type = Counter(agencies.values())
    seen: Counter[str] = Counter()
    labels = {}
    for agency, agency_type in agencies.items():
        seen[agency_type] += 1
        label = humanise(agency_type)
        labels[agency] = f"{label} {seen[agency_type]}" if per_type[agency_type] > 1 else label
    return labels


_NUMBERS = re.compile(r"\b\d+\b")
_HOUSE_NUMBER = re.compile(r"^\s*(?:flat|apartment|unit)?\s*\d+[a-z]?\b", re.IGNORECASE)
_EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
_POSTCODE = re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b", re.IGNORECASE)
_NHS_NUMBER = re.compile(r"(?<![\d/])\d{3}[ -]?\d{3}[ -]?\d{4}(?![\d/])")
_PHONE = re.compile(r"(?<![\w/])(?:\+44\s?\(?0?\)?\s?|0)\d{2,4}\)?[\s-]?\d{3,4}[\s-]?\d{3,4}(?![\w/])")
_PNC = re.compile(r"\b\d{2,4}/\d{5,7}[A-Z]\b", re.IGNORECASE)
_UPN = re.compile(r"\b[A-Z]\d{11}[A-Z\d]\b")
_STREET = re.compile(
    r"\b(?:(?:flat|apartment)\s+\d+[a-z]?,?\s+)?\d+[a-z]?,?\s+(?:[A-Z][a-z]+\s+){1,3}"
    r"(?:Road|Rd|Street|St|Avenue|Ave|Lane|Close|Drive|Way|Court|Crescent|Place|Gardens|Terrace|Grove|Walk|"
    r"Rise|Hill|View|Square|Mews|Row|Park|Green|Parade)\b\.?",
)
_DATE_OF_BIRTH = re.compile(
    r"\b(?:DOB|D\.O\.B\.?|date of birth|born(?: on)?)\s*:?\s*"
    r"(?:\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{4}-\d{2}-\d{2}|\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]+\.?\s+\d{4})",
    re.IGNORECASE,
)
_TEXT_DATE = re.compile(
    r"\b(?:\d{1,2}[/.]\d{1,2}[/.]\d{4}|\d{4}-\d{2}-\d{2}|\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]+\.?,?\s+\d{4})\b"
)
#: A day and month without the year ('9 January'): the day goes, the month stays.
_DAY_OF_MONTH = re.compile(
    r"\b\d{1,2}(?:st|nd|rd|th)?\s+(?=(?:" + "|".join(calendar.month_name[1:]) + r")\b)"
)
_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (_EMAIL, "[email address]"),
    (_DATE_OF_BIRTH, "[date of birth]"),
    (_STREET, "[address]"),
    (_POSTCODE, "[postcode]"),
    (_PNC, "[identifier]"),
    (_UPN, "[identifier]"),
    (_PHONE, "[phone number]"),
    (_NHS_NUMBER, "[identifier]"),
)


class _Scrubber:
    """Replaces names, identifiers, agency names and (when asked) days in free text."""

    def __init__(
        self,
        *,
        chronology: Chronology,
        labels: dict[str, str],
        agency_labels: dict[str, str],
        options: AnonymiseOptions,
    ) -> None:
        self._by_month = options.dates_by_month
        self._candidates: dict[str, dict[str, str]] = {}  # name form -> {person id or agency: label}
        identifiers: dict[str, str] = {}  # identifier without spaces, lower case -> what replaces it
        for person in chronology.persons:
            for record in person.records:
                for form in _name_forms(record, person=person):
                    self._candidates.setdefault(form.lower(), {})[person.person_id] = labels[person.person_id]
                identifiers.update(_identifiers_of(record))
        if options.agencies_by_type:
            for agency, label in agency_labels.items():
                self._candidates.setdefault(" ".join(agency.lower().split()), {})[agency] = label
        self._name_pattern = _alternation(self._candidates)
        # An agency without person references may use the name as one: that is a name, not an identifier.
        self._identifiers = {
            compact: replacement for compact, replacement in identifiers.items()
            if len(compact) >= 4 and compact not in {form.replace(" ", "") for form in self._candidates}
        }
        self._identifier_pattern = _alternation(self._identifiers, spaced=True)

    def text(self, text: str, *, about: Sequence[str] = ()) -> str:
        """The text scrubbed; `about` (the person ids an entry is about) settles a name several people
        share ('HOLLIS' in an entry about the father alone is the father), else it becomes '[name]'."""
        if not text:
            return text
        if self._identifier_pattern is not None:
            text = self._identifier_pattern.sub(
                lambda match: self._identifiers.get(_compact(match.group(0)), "[identifier]"), text
            )
        for pattern, replacement in _PATTERNS:
            text = pattern.sub(replacement, text)
        if self._name_pattern is not None:
            text = self._name_pattern.sub(lambda match: self._name(match, about), text)
        if self._by_month:
            text = _DAY_OF_MONTH.sub("", _TEXT_DATE.sub(_month_of, text))
        return text

    def _name(self, match: re.Match[str], about: Sequence[str]) -> str:
        found = match.group(0)
        key = " ".join(found.lower().split())
        if key in STOP_WORDS and found[0].islower():
            return found  # 'will' the verb is not 'Will' the name
        candidates = self._candidates.get(key, {})
        if len(candidates) > 1:
            candidates = {who: label for who, label in candidates.items() if who in about}
        labels = set(candidates.values())
        return labels.pop() if len(labels) == 1 else "[name]"

    def date(self, value: PartialDate) -> PartialDate:
        if self._by_month and value.day is not None:
            return PartialDate(value.year, value.month, None, value.uncertain)
        return value


def _month_of(match: re.Match[str]) -> str:
    try:
        found = PartialDate.parse(match.group(0))
    except DateError:
        return match.group(0)
    return PartialDate(found.year, found.month).display()


def _alternation(forms: Iterable[str], *, spaced: bool = False) -> re.Pattern[str] | None:
    """One case-insensitive pattern matching any of the forms as whole words, longest first; with
    `spaced`, any spacing between the characters (identifiers typed as '999 240 0005')."""
    if not forms:
        return None
    pieces = []
    for form in sorted(forms, key=len, reverse=True):
        if spaced:
            pieces.append(r"\s?".join(re.escape(ch) for ch in form))
        else:
            pieces.append(r"\s+".join(re.escape(word) for word in form.split()))
    return re.compile(r"(?<!\w)(?:" + "|".join(pieces) + r")(?!\w)", re.IGNORECASE)


def _name_forms(record: PersonRecord, *, person: Person) -> set[str]:
    """Every way a person's name may be written: full names, each given name and nickname, the family
    name, initial and family name ('K. Brennan', 'K Brennan'), family name and given name ('HOLLIS,
    Darren') and, for adults, title and family name ('Ms Brennan'). Words agencies use for unknown names
    are left out."""
    given = [word for word in record.given_names.split() if _is_name(word)]
    nicknames = [name for name in record.known_as if name.strip()]
    family = record.family_name.strip() if _is_name(record.family_name.strip()) else ""
    forms: set[str] = {*given, *nicknames}
    if person.display_name and all(_is_name(word) for word in person.display_name.split()):
        forms.add(person.display_name)
    if family:
        forms.add(family)
        for first in (*given, *nicknames, " ".join(given)):
            if first:
                forms.update({f"{first} {family}", f"{family} {first}", f"{family}, {first}"})
        for first in given:
            forms.update({f"{first[0]}. {family}", f"{first[0]} {family}", f"{first[0]}.{family}"})
        if person.role not in CHILD_ROLES:
            titles = _TITLES[person.sex] if person.sex in _TITLES else _TITLES["male"] + _TITLES["female"]
            forms.update(f"{title}{dot} {family}" for title in titles for dot in ("", "."))
    return {" ".join(form.split()) for form in forms if form.strip()}


def _is_name(word: str) -> bool:
    return len(word) > 1 and not word.isdigit() and word.lower() not in _NOT_NAMES


def _identifiers_of(record: PersonRecord) -> dict[str, str]:
    """The identifier values of a record (without spaces, lower case) and what replaces each: its
    postcode, its reference numbers, and each part of its address that has a number, with and without it."""
    values = {_compact(value): "[identifier]" for value in
              (record.nhs_number, record.upn, record.pnc_id, record.la_id, record.person_ref)}
    values[_compact(record.postcode)] = "[postcode]"
    for part in record.address.split(","):
        if any(ch.isdigit() for ch in part):
            values[_compact(part)] = "[address]"
            street = _HOUSE_NUMBER.sub("", part).strip()
            if len(street.split()) > 1:
                values[_compact(street)] = "[address]"  # 'Crossley Grove' without its number
    values.pop("", None)
    return values


def _compact(value: str) -> str:
    return re.sub(r"\s+", "", value).lower()


def _allowed_words(labels: Iterable[str]) -> frozenset[str]:
    """Ordinary words in lower case: common English words, the vocabulary and the labels themselves."""
    words: set[str] = set(STOP_WORDS) | _MONTH_WORDS | _NOT_NAMES
    for text in (*AGENCY_TYPES.values(), *RISK_TAGS.values(), *ROLES.values(), *EVENT_LABELS.values(), *labels):
        words.update(_bare(word).lower() for word in _WORD.findall(text))
    return frozenset(words)


def _bare(word: str) -> str:
    """A word without a possessive, a contraction or trailing punctuation: "Children's" -> 'Children',
    "I'll" -> 'I'."""
    return _CONTRACTION.sub("", word.rstrip("'’-"))


_WORD = re.compile(r"[A-Za-z][A-Za-z'’&-]*")
_CONTRACTION = re.compile(r"['’](?:s|ll|m|d|ve|re)$", re.IGNORECASE)
_SENTENCE_END = re.compile(r"(?:^|[.!?:;\n\[(\"“]\s*|\s-\s)$")


def words_to_check(texts: Iterable[str], *, labels: Iterable[str] = ()) -> list[WordToCheck]:
    """Capitalised words in the texts that may be names: not ordinary words, not the vocabulary's, not the
    labels, not an abbreviation records use; a word also written in lower case counts as ordinary unless
    it is ever capitalised in the middle of a sentence ('spoke to Mark'). Most frequent first."""
    allowed = _allowed_words(labels)
    capitalised: Counter[str] = Counter()
    mid_sentence: set[str] = set()
    lower: set[str] = set()
    for text in texts:
        for match in _WORD.finditer(text):
            word = _bare(match.group(0))
            if not word:
                continue
            if word[0].islower():
                lower.add(word.lower())
                continue
            if word.lower() in allowed or word.upper() in _ABBREVIATIONS:
                continue
            capitalised[word] += 1
            if not _SENTENCE_END.search(text[: match.start()]):
                mid_sentence.add(word.lower())
    return sorted(
        (
            WordToCheck(word=word, count=count)
            for word, count in capitalised.items()
            if word.lower() not in lower or word.lower() in mid_sentence or (word.isupper() and len(word) > 1)
        ),
        key=lambda item: (-item.count, item.word),
    )
