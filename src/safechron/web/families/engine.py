"""The one translation between the engine's records and the database rows that store them.

Dates are stored as the engine writes them (PartialDate.iso()) and read back with
PartialDate.parse, so a partial or uncertain date keeps its precision both ways.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import Any

from safechron.chronology.dates import PartialDate
from safechron.chronology.model import Entry as EngineEntry
from safechron.chronology.model import PersonRecord as EngineRecord
from safechron.chronology.model import Submission
from safechron.web.families.models import Entry, Family, PersonRecord

__all__ = [
    "ENTRY_FIELD_NAMES",
    "engine_entry",
    "engine_record",
    "entry_fields",
    "family_submissions",
    "record_fields",
    "stored_entry_fields",
]


#: The stored fields of an entry that come from the agency (the keys of entry_fields()).
ENTRY_FIELD_NAMES: tuple[str, ...] = (
    "agency_type",
    "date",
    "date_start",
    "time",
    "sequence",
    "recorded_date",
    "subjects",
    "event_type",
    "summary",
    "action",
    "outcome",
    "author_role",
    "agency_tags",
    "seen",
    "visit_kind",
    "meeting_invitees",
    "meeting_attendees",
    "related_record",
    "extra",
)


def iso_or_empty(value: PartialDate | None) -> str:
    """A partial date as stored: ISO text as given, or empty."""
    return value.iso() if value is not None else ""


def _partial(text: str) -> PartialDate | None:
    return PartialDate.parse(text) if text else None


def record_fields(record: EngineRecord) -> dict[str, Any]:
    """Database field values for an engine person record (without family, agency and ref)."""
    return {
        "given_names": record.given_names,
        "family_name": record.family_name,
        "known_as": list(record.known_as),
        "date_of_birth": iso_or_empty(record.date_of_birth),
        "unborn": record.unborn,
        "expected_date": iso_or_empty(record.expected_date),
        "sex": record.sex,
        "nhs_number": record.nhs_number,
        "upn": record.upn,
        "pnc_id": record.pnc_id,
        "la_id": record.la_id,
        "postcode": record.postcode,
        "address": record.address,
        "role": record.role,
        "lives_with_child": record.lives_with_child,
        "extra": dict(record.extra),
    }


def entry_fields(entry: EngineEntry) -> dict[str, Any]:
    """Database field values for an engine entry (without family, agency and record id).

    Tags proposed from the text are not stored: the engine proposes them again on every read,
    so a better tagger improves old entries too. A practitioner's decisions on them are stored.
    """
    return {
        "agency_type": entry.agency_type,
        "date": entry.date.iso(),
        "date_start": entry.date.start,
        "time": entry.time,
        "sequence": entry.sequence,
        "recorded_date": iso_or_empty(entry.recorded_date),
        "subjects": list(entry.subjects),
        "event_type": entry.event_type,
        "summary": entry.summary,
        "action": entry.action,
        "outcome": entry.outcome,
        "author_role": entry.author_role,
        "agency_tags": sorted(entry.agency_tags),
        "seen": entry.seen,
        "visit_kind": entry.visit_kind,
        "meeting_invitees": list(entry.meeting_invitees),
        "meeting_attendees": list(entry.meeting_attendees),
        "related_record": entry.related_record,
        "extra": dict(entry.extra),
    }


def stored_entry_fields(entry: Entry) -> dict[str, Any]:
    """The same fields read from a stored entry, comparable with entry_fields()."""
    return {name: getattr(entry, name) for name in ENTRY_FIELD_NAMES}


def engine_record(record: PersonRecord) -> EngineRecord:
    return EngineRecord(
        agency=record.agency.name,
        person_ref=record.person_ref,
        given_names=record.given_names,
        family_name=record.family_name,
        known_as=tuple(record.known_as),
        date_of_birth=_partial(record.date_of_birth),
        unborn=record.unborn,
        expected_date=_partial(record.expected_date),
        sex=record.sex,
        nhs_number=record.nhs_number,
        upn=record.upn,
        pnc_id=record.pnc_id,
        la_id=record.la_id,
        postcode=record.postcode,
        address=record.address,
        role=record.role,
        lives_with_child=record.lives_with_child,
        extra=dict(record.extra),
    )


def engine_entry(entry: Entry) -> EngineEntry:
    return EngineEntry(
        agency=entry.agency.name,
        agency_type=entry.agency_type,
        record_id=entry.record_id,
        date=PartialDate.parse(entry.date),
        subjects=tuple(entry.subjects),
        event_type=entry.event_type,
        summary=entry.summary,
        time=entry.time,
        sequence=entry.sequence,
        recorded_date=_partial(entry.recorded_date),
        action=entry.action,
        outcome=entry.outcome,
        author_role=entry.author_role,
        agency_tags=frozenset(entry.agency_tags),
        seen=entry.seen,
        visit_kind=entry.visit_kind,
        meeting_invitees=tuple(entry.meeting_invitees),
        meeting_attendees=tuple(entry.meeting_attendees),
        related_record=entry.related_record,
        extra=dict(entry.extra),
    )


def family_submissions(family: Family) -> list[Submission]:
    """The family's stored records as one engine Submission per agency, as if sent again today."""
    people: dict[str, list[EngineRecord]] = defaultdict(list)
    entries: dict[str, list[EngineEntry]] = defaultdict(list)
    for record in PersonRecord.objects.filter(family=family).select_related("agency"):
        people[record.agency.name].append(engine_record(record))
    for entry in Entry.objects.filter(family=family).select_related("agency"):
        entries[entry.agency.name].append(engine_entry(entry))
    return [
        Submission(path=Path(agency), agency=agency, people=people[agency], entries=entries[agency])
        for agency in sorted(people.keys() | entries.keys())
    ]
