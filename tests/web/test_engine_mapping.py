"""Stored records read back as the engine wrote them: partial and uncertain dates keep their precision."""

from __future__ import annotations

from datetime import time

from safechron.chronology.dates import PartialDate
from safechron.chronology.model import Entry as EngineEntry
from safechron.chronology.model import PersonRecord as EngineRecord
from safechron.web.accounts.models import Agency
from safechron.web.families.engine import engine_entry, engine_record, entry_fields, family_submissions
from safechron.web.families.models import Family, PersonRecord
from safechron.web.families.services import entry_upsert, record_upsert


def test_an_entry_survives_the_database_unchanged(family: Family, agencies: dict[str, Agency]) -> None:
    original = EngineEntry(
        agency=agencies["health"].name,
        agency_type="health_visiting",
        record_id="HV-1",
        date=PartialDate.parse("?2016-05"),
        subjects=("Northshire Health Visiting:H1",),
        event_type="health_visit",
        summary="Visit; home cold.\nMother tearful.",
        time=time(9, 30),
        sequence=2,
        recorded_date=PartialDate.parse("2016-06-02"),
        action="Referred to GP",
        author_role="health visitor",
        agency_tags=frozenset({"neglect", "mental_health_parent"}),
        seen="seen_alone",
        visit_kind="unannounced",
        meeting_invitees=("Police",),
        related_record="HV-0",
        extra={"team": "North"},
    )
    stored = entry_upsert(family=family, agency=agencies["health"], entry=original).entry
    stored.refresh_from_db()
    back = engine_entry(stored)
    assert back == original
    assert back.date.precision == "month" and back.date.uncertain
    assert entry_upsert(family=family, agency=agencies["health"], entry=back).outcome == "unchanged"
    assert entry_fields(back) == entry_fields(original)


def test_a_person_record_survives_the_database_unchanged(family: Family, agencies: dict[str, Agency]) -> None:
    original = EngineRecord(
        agency=agencies["health"].name,
        person_ref="H1",
        given_names="Kai",
        family_name="Smith",
        known_as=("KJ",),
        date_of_birth=PartialDate.parse("2015"),
        sex="male",
        nhs_number="9434765919",
        postcode="NR1 1AA",
        role="child",
        lives_with_child=None,
    )
    assert record_upsert(family=family, agency=agencies["health"], record=original)
    assert not record_upsert(family=family, agency=agencies["health"], record=original)
    back = engine_record(PersonRecord.objects.get(family=family, person_ref="H1"))
    assert back == original
    submissions = {s.agency: s for s in family_submissions(family)}
    assert [r.person_ref for r in submissions[agencies["health"].name].people] == ["H1"]
