"""The example submissions in examples/ are valid, complete and faithful to what they stand for.

Each file is opened as what it is (CSV, xlsx, zip) and checked against the format's vocabulary
independently of safechron's reader; then the reader itself must take the Child BY and calm
families in whole, and quarantine exactly the rows that the broken submission breaks.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections import Counter
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path

import openpyxl
import pytest

from safechron.chronology.dates import PartialDate
from safechron.chronology.identifiers import nhs_number_is_valid
from safechron.formats import read_paths
from safechron.vocabulary import (
    AGENCY_TYPES,
    EVENT_TYPES,
    RISK_TAGS,
    ROLES,
    SEEN_VALUES,
    VISIT_KINDS,
    normalise_token,
)

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
CHILD_BY = EXAMPLES / "child-by"
CALM = EXAMPLES / "calm-family"
BROKEN = EXAMPLES / "broken-submission"
FAMILY_B = EXAMPLES / "family-b"

ENTRY_COLUMNS = {"agency", "agency_type", "record_id", "date", "subjects", "event_type", "summary"}
PEOPLE_COLUMNS = {"agency", "person_ref"}
#: The agencies that the brief of the Child BY example names (000 §12), by agency type.
CHILD_BY_AGENCY_TYPES = {
    "police", "childrens_social_care", "health_maternity", "health_acute", "health_visiting", "gp",
    "probation", "early_years", "education", "voluntary", "domestic_abuse_service",
}

#: Visits say whether the child was seen and how; conferences say who was invited and who came.
VISITS = {"home_visit", "no_access_visit", "video_call", "health_visit"}
CONFERENCES = {"strategy_discussion", "icpc", "rcpc", "core_group", "discharge_planning", "marac"}

Row = dict[str, str]


@dataclass(frozen=True)
class Tables:
    """One submission opened without safechron's reader: its tables with normalised column names."""

    path: Path
    entries: list[Row]
    people: list[Row] | None

    @property
    def agency(self) -> str:
        return self.entries[0]["agency"]


def _normalised(rows: list[list[str]]) -> list[Row]:
    header = [normalise_token(name) for name in rows[0]]
    return [dict(zip(header, (cell.strip() for cell in row), strict=True)) for row in rows[1:] if any(row)]


def _csv_rows(text: str) -> list[Row]:
    return _normalised(list(csv.reader(io.StringIO(text))))


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, date):
        return value.strftime("%Y-%m-%d")
    return str(value)


@cache
def open_submission(path: Path) -> Tables:
    if path.suffix == ".xlsx":
        workbook = openpyxl.load_workbook(path, read_only=True)
        sheets = {
            name: _normalised([[_cell(v) for v in row] for row in workbook[name].iter_rows(values_only=True)])
            for name in workbook.sheetnames
        }
        return Tables(path, sheets["entries"], sheets.get("people"))
    if path.suffix == ".zip":
        with zipfile.ZipFile(path) as archive:
            texts = {Path(name).name: archive.read(name).decode("utf-8-sig") for name in archive.namelist()}
        people_text = texts.get("people.csv")
        return Tables(path, _csv_rows(texts["entries.csv"]), _csv_rows(people_text) if people_text else None)
    people_file = path / "people.csv"
    return Tables(
        path,
        _csv_rows((path / "entries.csv").read_text(encoding="utf-8-sig")),
        _csv_rows(people_file.read_text(encoding="utf-8-sig")) if people_file.exists() else None,
    )


def submissions(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.is_dir() or p.suffix in {".xlsx", ".zip"})


def split(value: str) -> list[str]:
    return [part.strip() for part in value.split(";") if part.strip()]


ALL_SUBMISSIONS = submissions(CHILD_BY) + submissions(CALM) + submissions(FAMILY_B)
AGENCY_NAMES = {open_submission(p).agency for p in ALL_SUBMISSIONS}


@pytest.mark.parametrize("path", ALL_SUBMISSIONS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_submission_is_valid_against_the_format(path: Path) -> None:
    tables = open_submission(path)
    assert set(tables.entries[0]) >= ENTRY_COLUMNS
    assert {row["agency"] for row in tables.entries} == {tables.agency}
    ids = Counter(row["record_id"] for row in tables.entries)
    assert [rid for rid, n in ids.items() if n > 1] == []
    refs: set[str] | None = None
    if tables.people is not None:
        assert set(tables.people[0]) >= PEOPLE_COLUMNS
        assert {row["agency"] for row in tables.people} == {tables.agency}
        refs = {row["person_ref"] for row in tables.people}
        assert len(refs) == len(tables.people)
        for person in tables.people:
            assert person.get("role", "") in ROLES
            if person.get("nhs_number"):
                assert nhs_number_is_valid(person["nhs_number"]), person["person_ref"]
            if person.get("date_of_birth", "") not in ("", "unborn"):
                PartialDate.parse(person["date_of_birth"])
            if person.get("date_of_birth") == "unborn":
                assert PartialDate.parse(person["expected_date"])
    for row in tables.entries:
        where = row["record_id"]
        assert row["agency_type"] in AGENCY_TYPES, where
        assert row["event_type"] in EVENT_TYPES, where
        assert row["summary"], where
        assert set(split(row.get("tags", ""))) <= set(RISK_TAGS), where
        assert row.get("seen", "") in SEEN_VALUES | {""}, where
        assert row.get("visit_kind", "") in VISIT_KINDS | {""}, where
        PartialDate.parse(row["date"])
        if row.get("recorded_date"):
            assert PartialDate.parse(row["recorded_date"]).start >= PartialDate.parse(row["date"]).start, where
        subjects = split(row["subjects"])
        assert subjects, where
        if refs is not None:
            assert set(subjects) <= refs, where
        invitees = set(split(row.get("meeting_invitees", "")))
        attendees = set(split(row.get("meeting_attendees", "")))
        assert invitees | attendees <= AGENCY_NAMES, where
        assert attendees <= invitees or not invitees, where
        if row.get("related_record"):
            assert row["related_record"] in ids, where
        if row["event_type"] in VISITS:
            assert row.get("seen") and row.get("visit_kind"), where
        if row["event_type"] in CONFERENCES and row["agency_type"] == "childrens_social_care":
            assert invitees and attendees, where


def child_by_entries() -> list[tuple[str, Row]]:
    return [(open_submission(p).agency, row) for p in submissions(CHILD_BY) for row in open_submission(p).entries]


def test_child_by_is_large_enough_and_spans_the_review_scope() -> None:
    entries = child_by_entries()
    days = [PartialDate.parse(row["date"]).start for _, row in entries]
    assert len(entries) >= 100
    assert min(days).year == 2015
    assert max(days) == date(2017, 1, 29)  # the injury (000 §2)


def test_child_by_comes_from_every_agency_of_the_review_in_every_form() -> None:
    paths = submissions(CHILD_BY)
    types = {row["agency_type"] for p in paths for row in open_submission(p).entries}
    assert types >= CHILD_BY_AGENCY_TYPES
    assert sum(p.suffix == ".xlsx" for p in paths) == 2
    assert sum(p.suffix == ".zip" for p in paths) == 1
    assert [p.name for p in paths if open_submission(p).people is None] == ["nspcc"]


def test_child_by_rebuilds_the_events_of_the_review() -> None:
    entries = child_by_entries()
    on = Counter((row["event_type"], PartialDate.parse(row["date"]).start) for _, row in entries)
    assert on["icpc", date(2015, 12, 3)] and on["icpc", date(2016, 10, 6)]  # 000 §44, §119
    assert on["rcpc", date(2016, 7, 28)] and on["rcpc", date(2016, 12, 5)]  # 000 §114, §131
    assert on["scbu_admission", date(2016, 10, 19)]  # 000 §63
    assert on["discharge_planning", date(2016, 10, 27)]  # 000 §122
    assert on["legal_planning_meeting", date(2016, 11, 10)]  # 000 §126
    assert on["custodial_sentence", date(2016, 11, 11)]  # 000 §131
    assert on["release_from_custody", date(2016, 12, 9)]
    assert on["ed_attendance", date(2017, 1, 29)]  # 000 §2
    police = [
        PartialDate.parse(row["date"]).start
        for _, row in entries
        if row["event_type"] == "domestic_abuse_incident" and row["agency_type"] == "police"
    ]
    # 12 reported incidents in the 12 months before the pregnancy was confirmed (000 §61).
    assert sum(date(2015, 4, 20) <= day <= date(2016, 4, 19) for day in police) == 12
    reporters = {agency for agency, row in entries if row["event_type"] == "family_report"}
    assert len(reporters) >= 3  # MGM's calls to the agencies she rang (000 §166-176)


def test_child_by_agreements_are_breached_and_signed_again() -> None:
    by_id = {(agency, row["record_id"]): row for agency, row in child_by_entries()}
    agreements = [key for key, row in by_id.items() if row["event_type"] == "written_agreement"]
    breaches = [row for row in by_id.values() if row["event_type"] == "agreement_breach"]
    assert len(agreements) >= 4  # 000 §102, §112-113, §122
    for breach in breaches:
        agency = breach["agency"]
        assert by_id[agency, breach["related_record"]]["event_type"] == "written_agreement"
    assert len(breaches) >= 3


def test_child_by_unborn_twins_become_named_babies() -> None:
    maternity = next(open_submission(p) for p in submissions(CHILD_BY) if p.name == "maternity")
    assert maternity.people is not None
    unborn = [p for p in maternity.people if p["date_of_birth"] == "unborn"]
    assert [p["given_names"] for p in unborn] == ["Unborn twin 1", "Unborn twin 2"]
    assert {PartialDate.parse(p["expected_date"]).start for p in unborn} == {date(2016, 11, 22)}  # 000 §109
    hospital = open_submission(CHILD_BY / "hospital.xlsx")
    assert hospital.people is not None
    born = {
        p["given_names"]
        for p in hospital.people
        if p["date_of_birth"] and PartialDate.parse(p["date_of_birth"]).start == date(2016, 10, 19)
    }
    assert born == {"Alfie", "Isla"}


def test_calm_family_is_ordinary_and_untagged() -> None:
    paths = submissions(CALM)
    entries = [row for p in paths for row in open_submission(p).entries]
    days = [PartialDate.parse(row["date"]).start for row in entries]
    assert 4 <= len(paths) <= 5
    assert 35 <= len(entries) <= 50
    assert (max(days) - min(days)).days <= 19 * 31
    assert all(not row.get("tags") for row in entries)
    assert sum(row["agency_type"] == "police" for row in entries) == 1


def test_family_b_rebuilds_the_events_of_the_review() -> None:
    entries = [row for p in submissions(FAMILY_B) for row in open_submission(p).entries]
    on = {(row["event_type"], PartialDate.parse(row["date"]).start) for row in entries}
    overdose = min(day for kind, day in on if kind == "overdose" and day.year == 2021)
    assault = next(day for kind, day in on if kind == "domestic_abuse_incident" and day.year == 2021)
    assert 0 < (assault - overdose).days <= 7  # a few days before the serious incident (003 4.34)
    kinds = {kind for kind, _ in on}
    assert {"threat_to_professional", "care_planning_forum", "adult_safeguarding", "video_call"} <= kinds
    assert sum(row["event_type"] == "assessment_requested" for row in entries) >= 4  # 003 4.20, 4.36
    csc = open_submission(FAMILY_B / "childrens-services")
    assert csc.people is not None
    older = next(p for p in csc.people if p["given_names"] == "Chelsea")
    assert older["lives_with_child"] == "no"  # the older child in care (003 4.12)


def test_reader_takes_the_example_families_whole() -> None:
    for folder in (CHILD_BY, CALM, FAMILY_B):
        paths = submissions(folder)
        read = read_paths(paths)
        assert [q.message() for s in read for q in s.quarantine] == []
        assert [w.message() for s in read for w in s.warnings] == []
        assert sum(len(s.entries) for s in read) == sum(len(open_submission(p).entries) for p in paths)
    nspcc = read_paths([CHILD_BY / "nspcc"])[0]
    assert not nspcc.has_people_table
    assert {p.full_name for p in nspcc.people} >= {"Kaylee Brennan", "Tyler Hollis"}


def test_reader_quarantines_exactly_the_broken_rows() -> None:
    (submission,) = read_paths([BROKEN])
    quarantined = {(q.row, q.column) for q in submission.quarantine}
    assert quarantined == {(3, "date"), (4, "summary"), (5, "event_type"), (7, "record_id"), (8, "time")}
    assert [e.record_id for e in submission.entries] == ["EB-001", "EB-005", "EB-007", "EB-008"]
    formula = next(e for e in submission.entries if e.record_id == "EB-007")
    assert formula.summary == '=HYPERLINK("http://example.com/records","open record")'
    assert [(w.row, w.column) for w in submission.warnings] == [(2, "nhs_number")]
    assert len(submission.people) == 2
