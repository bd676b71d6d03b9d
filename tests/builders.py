"""Build small families for tests, one person per identity, without reading files or linking.

    family = FamilyBuilder()
    mum = family.person("Mother", role="mother", dob="1990-02-01")
    child = family.person("Sibling 1", role="child", dob="2012-05-01")
    family.entry("2016-01-05", "domestic_abuse_incident", "Police called to a fight.", [mum, child],
                 agency="Police", tags=["domestic_abuse"])
    chronology = family.build()
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import time

from safechron.chronology.dates import PartialDate
from safechron.chronology.model import Chronology, Entry, Person, PersonRecord

AGENCY_TYPES = {
    "Police": "police",
    "Children's Social Care": "childrens_social_care",
    "Maternity": "health_maternity",
    "Hospital": "health_acute",
    "Health Visiting": "health_visiting",
    "GP": "gp",
    "Probation": "probation",
    "School": "education",
    "Nursery": "early_years",
    "IDVA": "domestic_abuse_service",
    "Adult Mental Health": "mental_health_adult",
    "Ambulance": "ambulance",
    "Adult Social Care": "adult_social_care",
    "NSPCC": "voluntary",
}


class FamilyBuilder:
    def __init__(self) -> None:
        self._persons: list[Person] = []
        self._entries: list[Entry] = []

    def person(
        self,
        name: str,
        *,
        role: str,
        dob: str | None = None,
        lives_with_child: bool | None = None,
        sex: str = "unknown",
        unborn: bool = False,
    ) -> str:
        person_id = f"p{len(self._persons) + 1}"
        record = PersonRecord(
            agency="Test",
            person_ref=person_id,
            given_names=name,
            date_of_birth=PartialDate.parse(dob) if dob else None,
            role=role,
            lives_with_child=lives_with_child,
            sex=sex,
            unborn=unborn,
        )
        self._persons.append(
            Person(
                person_id=person_id,
                records=[record],
                display_name=name,
                date_of_birth=record.date_of_birth,
                unborn=unborn,
                sex=sex,
                role=role,
                lives_with_child=lives_with_child,
            )
        )
        return person_id

    def entry(
        self,
        day: str,
        event_type: str,
        summary: str,
        subjects: Sequence[str],
        *,
        agency: str = "Children's Social Care",
        agency_type: str | None = None,
        tags: Iterable[str] = (),
        record_id: str | None = None,
        recorded: str | None = None,
        at: str | None = None,
        seen: str = "",
        visit_kind: str = "",
        invitees: Sequence[str] = (),
        attendees: Sequence[str] = (),
        related: str = "",
        action: str = "",
        outcome: str = "",
    ) -> Entry:
        entry = Entry(
            agency=agency,
            agency_type=agency_type or AGENCY_TYPES.get(agency, "other"),
            record_id=record_id or f"R{len(self._entries) + 1:04d}",
            date=PartialDate.parse(day),
            subjects=tuple(f"Test:{pid}" for pid in subjects),
            event_type=event_type,
            summary=summary,
            time=time.fromisoformat(at) if at else None,
            recorded_date=PartialDate.parse(recorded) if recorded else None,
            agency_tags=frozenset(tags),
            seen=seen,
            visit_kind=visit_kind,
            meeting_invitees=tuple(invitees),
            meeting_attendees=tuple(attendees),
            related_record=related,
            action=action,
            outcome=outcome,
        )
        self._entries.append(entry)
        return entry

    def build(self) -> Chronology:
        return Chronology(
            persons=list(self._persons),
            entries=sorted(self._entries, key=Entry.sort_key),
            person_of_record={f"Test:{p.person_id}": p.person_id for p in self._persons},
        )
