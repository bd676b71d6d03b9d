"""The JSON shapes of the command-line contract (command-line.md, version 1).

`link`, `merge` and `analyse` print these; the web app and other tools may read them.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from safechron.chronology.model import Chronology, Entry, Person, QuarantinedRow
from safechron.indicators.base import Alert

__all__ = ["analyse_json", "entry_json", "link_json", "merge_json", "person_json", "quarantine_json"]


def person_json(person: Person) -> dict[str, Any]:
    """One person across agencies, with each agency record as 'agency:person_ref' and the link reasons."""
    return {
        "person_id": person.person_id,
        "display_name": person.display_name,
        "date_of_birth": person.date_of_birth.iso() if person.date_of_birth else None,
        "role": person.role,
        "records": person.record_keys,
        "reasons": [
            {
                "records": [reason.record_a, reason.record_b],
                "method": reason.method,
                "agreed": list(reason.agreed),
                "disagreed": list(reason.disagreed),
                "match_probability": reason.match_probability,
                "explanation": reason.describe(),
            }
            for reason in person.reasons
        ],
    }


def entry_json(chronology: Chronology, entry: Entry) -> dict[str, Any]:
    """One entry of the combined chronology, its date as given and its subjects as person ids."""
    return {
        "agency": entry.agency,
        "agency_type": entry.agency_type,
        "record_id": entry.record_id,
        "date": entry.date.iso(),
        "time": entry.time.strftime("%H:%M") if entry.time else None,
        "subjects": chronology.subject_ids(entry),
        "event_type": entry.event_type,
        "summary": entry.summary,
        "action": entry.action,
        "outcome": entry.outcome,
        "author_role": entry.author_role,
        "tags": sorted(entry.tags),
        "agency_tags": sorted(entry.agency_tags),
        "proposed_tags": sorted(entry.proposed_tags),
        "seen": entry.seen,
        "visit_kind": entry.visit_kind,
        "related_record": entry.related_record,
    }


def quarantine_json(row: QuarantinedRow) -> dict[str, Any]:
    """A row that was not taken in, with where it was and why, and its values verbatim."""
    return {
        "file": row.file,
        "table": row.table,
        "row": row.row,
        "column": row.column,
        "reason": row.reason,
        "values": dict(row.values),
    }


def link_json(chronology: Chronology) -> dict[str, Any]:
    return {"persons": [person_json(person) for person in chronology.persons]}


def merge_json(chronology: Chronology) -> dict[str, Any]:
    return {
        **link_json(chronology),
        "entries": [entry_json(chronology, entry) for entry in chronology.entries],
        "quarantine": [quarantine_json(row) for row in chronology.quarantine],
    }


def analyse_json(*, chronology: Chronology, alerts: Sequence[Alert], as_of: date) -> dict[str, Any]:
    """What was known as of the date: only entries known on it (no hindsight), with a count of the later ones."""
    known = [entry for entry in chronology.entries if entry.known_on <= as_of]
    return {
        "as_of": as_of.isoformat(),
        "persons": [person_json(person) for person in chronology.persons],
        "alerts": [alert.to_json() for alert in alerts],
        "entries": [entry_json(chronology, entry) for entry in known],
        "quarantine": [quarantine_json(row) for row in chronology.quarantine],
        "entries_after_as_of": len(chronology.entries) - len(known),
    }
