"""combine() on real submission files, read by the real reader: one chronology of a family."""

from __future__ import annotations

import csv
from collections.abc import Sequence
from pathlib import Path

import pytest

from safechron.chronology.combine import combine
from safechron.chronology.model import Chronology, Submission
from safechron.formats import read_paths

PEOPLE = ["agency", "person_ref", "given_names", "family_name", "date_of_birth", "sex", "nhs_number", "role"]
ENTRIES = ["agency", "agency_type", "record_id", "date", "time", "subjects", "event_type", "summary"]


def write(folder: Path, name: str, header: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    with (folder / name).open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)


@pytest.fixture
def submissions(tmp_path: Path) -> list[Submission]:
    police, gp, ambulance = tmp_path / "police", tmp_path / "gp", tmp_path / "ambulance"
    write(police, "people.csv", PEOPLE, [
        ["Police", "P-1", "Kayleigh", "Marsh", "02/03/1995", "f", "", "mother"],
        ["Police", "P-2", "Darren", "Holt", "1990-05-06", "m", "", "father"],
        ["Police", "P-3", "Lily", "Marsh", "2014-06-01", "f", "", "child"],
    ])
    write(police, "entries.csv", ENTRIES, [
        ["Police", "police", "E2", "2016-05-22", "23:10", "P-1; P-2", "domestic_abuse_incident", "Argument."],
        ["Police", "police", "E1", "2016-05", "", "P-2", "intelligence", "Seen with a knife."],
        ["Police", "police", "E3", "31/02/2016", "", "P-2", "arrest", "Arrested."],
    ])
    write(gp, "people.csv", PEOPLE, [
        ["Blackpool GP", "G-7", "Kay", "Marsh", "1995-03-02", "f", "943 476 5919", "mother"],
        ["Blackpool GP", "G-8", "Lily", "Marsh", "2014-06-01", "f", "", "child"],
        ["Blackpool GP", "G-9", "Rose", "Marsh", "2014-06-01", "f", "", "child"],
    ])
    write(gp, "entries.csv", ENTRIES, [
        ["Blackpool GP", "gp", "A1", "2016-05-22", "09:00", "G-7", "gp_appointment", "Low mood."],
        ["Blackpool GP", "gp", "A2", "2016-05-01", "", "G-8; G-9", "gp_appointment", "Twins' checks."],
    ])
    write(ambulance, "entries.csv", ENTRIES, [
        ["NWAS", "ambulance", "N1", "2016-05-22", "23:40", "Mother; Father", "ed_attendance", "Cut to hand."],
    ])
    return read_paths([police, gp, ambulance])


def person_of(chronology: Chronology, key: str) -> str:
    return chronology.person_of_record[key]


def test_every_agency_s_people_are_linked_into_persons(submissions: list[Submission]) -> None:
    chronology = combine(submissions)
    mother = person_of(chronology, "Police:P-1")
    assert person_of(chronology, "Blackpool GP:G-7") == mother
    assert person_of(chronology, "NWAS:Mother") == mother
    assert person_of(chronology, "NWAS:Father") == person_of(chronology, "Police:P-2")
    assert person_of(chronology, "Police:P-3") == person_of(chronology, "Blackpool GP:G-8")
    assert person_of(chronology, "Blackpool GP:G-9") != person_of(chronology, "Blackpool GP:G-8")
    all_keys = {record.key for submission in submissions for record in submission.people}
    assert set(chronology.person_of_record) == all_keys
    assert chronology.person(mother).display_name == "Kayleigh Marsh"
    assert [p.person_id for p in chronology.persons] == [f"p{n}" for n in range(1, len(chronology.persons) + 1)]


def test_entries_are_in_date_order_with_partial_dates_first_then_by_time(submissions: list[Submission]) -> None:
    chronology = combine(submissions)
    order = [entry.record_id for entry in chronology.entries]
    assert order == ["E1", "A2", "A1", "E2", "N1"]
    incident = next(entry for entry in chronology.entries if entry.record_id == "E2")
    ambulance = next(entry for entry in chronology.entries if entry.record_id == "N1")
    assert chronology.subject_ids(incident) == chronology.subject_ids(ambulance)


def test_quarantine_and_warnings_of_every_submission_are_carried(submissions: list[Submission]) -> None:
    chronology = combine(submissions)
    assert [row.values.get("record_id") for row in chronology.quarantine] == ["E3"]
    assert chronology.quarantine == [row for submission in submissions for row in submission.quarantine]
    assert chronology.warnings == [issue for submission in submissions for issue in submission.warnings]


def test_a_practitioner_s_split_and_confirmation_are_applied(submissions: list[Submission]) -> None:
    chronology = combine(
        submissions,
        split=[("Police:P-1", "Blackpool GP:G-7")],
        confirmed=[("Police:P-3", "Blackpool GP:G-9")],
    )
    assert person_of(chronology, "Police:P-1") != person_of(chronology, "Blackpool GP:G-7")
    assert person_of(chronology, "Police:P-3") == person_of(chronology, "Blackpool GP:G-9")
    assert person_of(chronology, "Police:P-3") != person_of(chronology, "Blackpool GP:G-8")
    twin = chronology.person(person_of(chronology, "Police:P-3"))
    assert [reason.method for reason in twin.reasons] == ["confirmed"]


def test_the_same_input_gives_the_same_chronology(submissions: list[Submission]) -> None:
    first, again = combine(submissions), combine(submissions)
    assert first.person_of_record == again.person_of_record
    assert [e.key for e in first.entries] == [e.key for e in again.entries]
