"""The engine's records: what one agency said (person records, entries, quarantined rows)
and what safechron made of them together (persons, the combined chronology)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field, replace
from datetime import date, time
from pathlib import Path

from safechron.chronology.dates import PartialDate

__all__ = [
    "Chronology",
    "Entry",
    "LinkReason",
    "Person",
    "PersonRecord",
    "QuarantinedRow",
    "RowIssue",
    "SourceRow",
    "Submission",
    "record_key",
]


def record_key(agency: str, person_ref: str) -> str:
    """How a person record is named across safechron: 'agency:person_ref'."""
    return f"{agency}:{person_ref}"


@dataclass(frozen=True, slots=True)
class SourceRow:
    """Where a record came from: the file (and sheet) and its 1-based row number with the header as row 1."""

    file: str
    table: str  # "people" or "entries"
    row: int


@dataclass(frozen=True, slots=True)
class RowIssue:
    """A problem with one cell: a warning on a kept row, or the reason a row was quarantined.
    Row 0 (with no column) is a note about the whole file, such as the encoding it was read in."""

    file: str
    row: int
    column: str
    reason: str

    def message(self) -> str:
        if self.row == 0:
            return f"{self.file}: {self.reason}"
        return f"{self.file}, row {self.row}, column {self.column}: {self.reason}"


@dataclass(slots=True)
class PersonRecord:
    """One agency's record of a person, as that agency recorded it (values normalised, never invented)."""

    agency: str
    person_ref: str
    given_names: str = ""
    family_name: str = ""
    known_as: tuple[str, ...] = ()
    date_of_birth: PartialDate | None = None
    unborn: bool = False
    expected_date: PartialDate | None = None
    sex: str = "unknown"  # male, female, unknown
    nhs_number: str = ""  # ten digits, no spaces
    upn: str = ""
    pnc_id: str = ""
    la_id: str = ""
    postcode: str = ""  # upper case, one space before the inward code
    address: str = ""
    role: str = ""  # a ROLES token, or the agency's free text when none fits
    lives_with_child: bool | None = None
    extra: dict[str, str] = field(default_factory=dict)
    source: SourceRow | None = None

    @property
    def key(self) -> str:
        return record_key(self.agency, self.person_ref)

    @property
    def full_name(self) -> str:
        return " ".join(part for part in (self.given_names, self.family_name) if part)


@dataclass(slots=True)
class Entry:
    """One row of one agency's chronology."""

    agency: str
    agency_type: str
    record_id: str
    date: PartialDate
    subjects: tuple[str, ...]  # person record keys ('agency:person_ref')
    event_type: str
    summary: str
    time: time | None = None
    sequence: int | None = None
    recorded_date: PartialDate | None = None
    action: str = ""
    outcome: str = ""
    author_role: str = ""
    agency_tags: frozenset[str] = frozenset()  # tags the agency assigned itself
    proposed_tags: frozenset[str] = frozenset()  # tags safechron found in the text
    seen: str = ""
    visit_kind: str = ""
    meeting_invitees: tuple[str, ...] = ()
    meeting_attendees: tuple[str, ...] = ()
    related_record: str = ""
    extra: dict[str, str] = field(default_factory=dict)
    source: SourceRow | None = None

    @property
    def key(self) -> tuple[str, str]:
        return (self.agency, self.record_id)

    @property
    def tags(self) -> frozenset[str]:
        """Every risk tag that counts: the agency's own and those proposed from the text."""
        return self.agency_tags | self.proposed_tags

    @property
    def known_on(self) -> datetime.date:  # in the class, `date` is the field
        """The first day on which this entry could be known: never before the event's period has
        passed nor before the agency recorded it. Nothing is used as of a date before this."""
        known = self.date.end
        if self.recorded_date is not None and self.recorded_date.end > known:
            known = self.recorded_date.end
        return known

    def sort_key(self) -> tuple[object, ...]:
        """Date order: partial dates at the start of their period, then time, sequence, agency, id."""
        return (
            self.date.sort_key(),
            self.time is None,
            self.time or time(0, 0),
            self.sequence if self.sequence is not None else 1 << 30,
            self.agency.lower(),
            self.record_id,
        )

    def text(self) -> str:
        """All the free text of the entry, for tagging and search."""
        return " ".join(part for part in (self.summary, self.action, self.outcome) if part)


@dataclass(frozen=True, slots=True)
class QuarantinedRow:
    """A row that could not be taken in, kept verbatim with the reason, to be fixed and re-imported."""

    file: str
    table: str
    row: int
    column: str
    reason: str
    values: dict[str, str]

    def message(self) -> str:
        return f"{self.file}, row {self.row}, column {self.column}: {self.reason}"


@dataclass(slots=True)
class Submission:
    """One agency's chronology of one family, as read."""

    path: Path
    agency: str
    people: list[PersonRecord]
    entries: list[Entry]
    quarantine: list[QuarantinedRow] = field(default_factory=list)
    warnings: list[RowIssue] = field(default_factory=list)
    has_people_table: bool = True


@dataclass(frozen=True, slots=True)
class LinkReason:
    """Why two person records were taken to be the same person."""

    record_a: str
    record_b: str
    method: str  # "confirmed", "identifier", "probabilistic", "role" or "birth" (linkage/link.py)
    agreed: tuple[str, ...]  # e.g. ("NHS number",) or ("given name similar", "date of birth exact")
    disagreed: tuple[str, ...] = ()
    match_weight: float | None = None
    match_probability: float | None = None

    def describe(self) -> str:
        text = f"{self.method}: " + (", ".join(self.agreed) or "no field agreed")
        if self.disagreed:
            text += "; differs on " + ", ".join(self.disagreed)
        if self.match_probability is not None:
            text += f" (probability {self.match_probability:.3f})"
        return text


@dataclass(slots=True)
class Person:
    """One person across agencies: the records taken to be theirs and why."""

    person_id: str
    records: list[PersonRecord]
    reasons: list[LinkReason] = field(default_factory=list)
    display_name: str = ""
    date_of_birth: PartialDate | None = None
    unborn: bool = False
    expected_date: PartialDate | None = None
    sex: str = "unknown"
    role: str = ""
    lives_with_child: bool | None = None

    @property
    def record_keys(self) -> list[str]:
        return [record.key for record in self.records]

    def as_known_on(self, day: date) -> Person:
        """The person as they could be known on a day. Before their birth that is the unborn child of
        the pregnancy records, never the name, sex and date of birth given after the birth."""
        if self.date_of_birth is None or self.date_of_birth.start <= day:
            return self
        unborn = [record for record in self.records if record.unborn]
        keys = {record.key for record in unborn}
        return replace(
            self,
            records=unborn or self.records,
            reasons=[r for r in self.reasons if {r.record_a, r.record_b} <= keys] if unborn else self.reasons,
            display_name=next((record.full_name for record in unborn if record.full_name), "Unborn child"),
            date_of_birth=None,
            unborn=True,
            expected_date=self.expected_date or next((r.expected_date for r in unborn if r.expected_date), None),
            sex=next((record.sex for record in unborn if record.sex != "unknown"), "unknown"),
        )

    def age_on(self, day: date) -> float | None:
        """Age in years on a day (from the start of a partial date of birth); None if unknown or unborn then."""
        if self.date_of_birth is None or self.date_of_birth.start > day:
            return None
        return (day - self.date_of_birth.start).days / 365.25


@dataclass(slots=True)
class Chronology:
    """The combined multi-agency chronology: persons across agencies and every entry in date order."""

    persons: list[Person]
    entries: list[Entry]  # sorted by Entry.sort_key
    quarantine: list[QuarantinedRow] = field(default_factory=list)
    warnings: list[RowIssue] = field(default_factory=list)
    person_of_record: dict[str, str] = field(default_factory=dict)  # record key -> person_id

    def as_known_on(self, day: date) -> Chronology:
        """The same chronology with each person as they could be known on the day (see Person.as_known_on);
        entries are kept, for callers that count what came later."""
        return replace(self, persons=[person.as_known_on(day) for person in self.persons])

    def person(self, person_id: str) -> Person:
        for person in self.persons:
            if person.person_id == person_id:
                return person
        raise KeyError(person_id)

    def subject_ids(self, entry: Entry) -> list[str]:
        """The persons an entry is about, once each, in the order the agency named them."""
        seen: dict[str, None] = {}
        for key in entry.subjects:
            person_id = self.person_of_record.get(key)
            if person_id is not None:
                seen.setdefault(person_id, None)
        return list(seen)
