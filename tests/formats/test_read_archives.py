"""Reading workbooks and zips, and finding the submissions in the paths given."""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from datetime import date, datetime, time
from pathlib import Path

import pytest

from safechron.chronology.dates import PartialDate
from safechron.formats import SubmissionError, read_paths, read_submission, tables
from tests.formats.helpers import (
    AGENCY,
    ENTRIES_HEADER,
    PEOPLE,
    PEOPLE_HEADER,
    csv_text,
    entry,
    write_folder,
    write_workbook,
    write_zip,
)

# --- workbooks -------------------------------------------------------------------------------------------


def test_a_workbook_is_read_with_real_date_time_and_number_cells(tmp_path: Path) -> None:
    people = [[AGENCY, "P-1", "Kayleigh", "Marsh", date(1990, 10, 19), "F", 9434765919, "FY1 3AB", "Mother", True]]
    entries = [
        [AGENCY, "police", "R1", datetime(2016, 5, 22), time(23, 5), "P-1", "note", "Real date cell."],
        [AGENCY, "police", 2, 42662, None, "P-1", "note", "Excel serial in a general cell."],
        [AGENCY, "police", "R3", "?05/2016", "09:30", "P-1", "note", "Uncertain month as text."],
        [AGENCY, "police", "R4", datetime(2016, 2, 1, 14, 30), None, "P-1", "note", "Date and time in one cell."],
        [AGENCY, "police", "R5", "2016-02-02", datetime(1899, 12, 30, 7, 45), "P-1", "note", "Time as a datetime."],
    ]
    book = write_workbook(
        tmp_path / "police.xlsx", {" People": (PEOPLE_HEADER, people), "ENTRIES": (ENTRIES_HEADER, entries)}
    )

    submission = read_submission(book)

    (person,) = submission.people
    assert person.date_of_birth == PartialDate(1990, 10, 19)
    assert (person.nhs_number, person.sex, person.role, person.lives_with_child) == (
        "9434765919",
        "female",
        "mother",
        True,
    )
    assert [(e.record_id, e.date.iso(), e.time) for e in submission.entries] == [
        ("R1", "2016-05-22", time(23, 5)),
        ("2", "2016-10-19", None),
        ("R3", "?2016-05", time(9, 30)),
        ("R4", "2016-02-01", None),
        ("R5", "2016-02-02", time(7, 45)),
    ]
    assert submission.entries[0].source is not None and submission.entries[0].source.file == "police.xlsx"
    assert submission.quarantine == [] and submission.warnings == []


def test_a_workbook_with_only_an_entries_sheet_is_the_single_table_form(tmp_path: Path) -> None:
    book = write_workbook(
        tmp_path / "nspcc.xlsx", {"Entries": (ENTRIES_HEADER, [entry("R1", subjects="Mother; Sibling 1")])}
    )

    submission = read_submission(book)

    assert not submission.has_people_table
    assert [(p.person_ref, p.role) for p in submission.people] == [("Mother", "mother"), ("Sibling 1", "sibling")]


def test_a_bad_workbook_row_is_quarantined_with_its_sheet_row(tmp_path: Path) -> None:
    entries = [entry("R1"), ["", "", "", "", "", "", "", ""], entry("R2", day="31/02/2016")]
    book = write_workbook(
        tmp_path / "police.xlsx", {"people": (PEOPLE_HEADER, PEOPLE), "entries": (ENTRIES_HEADER, entries)}
    )

    (quarantined,) = read_submission(book).quarantine

    assert (quarantined.file, quarantined.table, quarantined.row, quarantined.column) == (
        "police.xlsx",
        "entries",
        4,
        "date",
    )


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (
            lambda path: write_workbook(path, {"people": (PEOPLE_HEADER, PEOPLE)}),
            "book.xlsx: the workbook has no sheet named 'entries' (its sheets: people). "
            "Name the sheet holding the chronology 'entries' (and the one holding people 'people')",
        ),
        (
            lambda path: path.write_text("agency,record_id\n", encoding="utf-8"),
            "book.xlsx: this is not an Excel workbook or it is damaged. "
            "Save it from Excel as an Excel Workbook (.xlsx), or send a folder or zip of CSV files",
        ),
        (
            lambda path: write_workbook(path, {"entries": ([], [])}),
            "book.xlsx: the sheet 'entries' is empty. Put the entries table in it, with its header in row 1",
        ),
    ],
)
def test_a_workbook_that_cannot_be_read_is_refused(
    tmp_path: Path, make: Callable[[Path], object], message: str
) -> None:
    path = tmp_path / "book.xlsx"
    make(path)

    with pytest.raises(SubmissionError) as raised:
        read_submission(path)

    assert str(raised.value) == message


# --- zips --------------------------------------------------------------------------------------------------


def _members(prefix: str = "") -> dict[str, str | bytes]:
    return {
        f"{prefix}people.csv": csv_text(PEOPLE_HEADER, PEOPLE),
        f"{prefix}entries.csv": "\ufeff" + csv_text(ENTRIES_HEADER, [entry("R1"), entry("R2", day="2016-13-01")]),
    }


@pytest.mark.parametrize("prefix", ["", "police export/"])
def test_a_zip_is_read_in_memory_at_its_top_or_in_one_folder(tmp_path: Path, prefix: str) -> None:
    path = write_zip(tmp_path / "police.zip", {**_members(prefix), "__MACOSX/._entries.csv": b"\x00\x05junk"})

    submission = read_submission(path)

    assert [e.record_id for e in submission.entries] == ["R1"]
    assert submission.quarantine[0].file == f"police.zip/{prefix}entries.csv"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["police.zip"]  # nothing was extracted
    assert read_submission(path) == submission


@pytest.mark.parametrize(
    ("members", "problem"),
    [
        (
            {"../evil/entries.csv": "x"},
            "the zip holds '../evil/entries.csv', a path that points outside its own folder",
        ),
        ({"/etc/entries.csv": "x"}, "the zip holds '/etc/entries.csv', a path that points outside its own folder"),
        ({"people.csv": "x"}, "the zip holds no entries.csv"),
        ({"a/entries.csv": "x", "b/entries.csv": "y"}, "the zip holds more than one submission"),
        ({"a/entries.csv": "x", "b/people.csv": "y"}, "people.csv and entries.csv are in different folders of the zip"),
        ({"a/b/entries.csv": "x"}, "the zip holds no entries.csv"),
    ],
)
def test_a_zip_that_cannot_be_a_submission_is_refused(
    tmp_path: Path, members: dict[str, str | bytes], problem: str
) -> None:
    path = write_zip(tmp_path / "police.zip", {**members, "readme.txt": "hello"})

    with pytest.raises(SubmissionError) as raised:
        read_submission(path)

    assert (raised.value.file, raised.value.problem) == ("police.zip", problem)


def test_an_evil_member_is_refused_before_anything_is_read(tmp_path: Path) -> None:
    path = write_zip(tmp_path / "police.zip", {**_members(), "../../evil.sh": "rm -rf /"})

    with pytest.raises(SubmissionError) as raised:
        read_submission(path)

    assert str(raised.value) == (
        "police.zip: the zip holds '../../evil.sh', a path that points outside its own folder. "
        "Make the zip again from the submission folder itself"
    )
    assert not (tmp_path.parent / "evil.sh").exists()


def test_a_zip_bomb_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tables, "_RATIO_APPLIES_ABOVE", 100_000)  # a small bomb stands for a big one
    path = write_zip(tmp_path / "bomb.zip", {**_members(), "entries.csv": b"0" * 2_000_000})

    with pytest.raises(SubmissionError) as raised:
        read_submission(path)

    assert str(raised.value) == (
        "bomb.zip: 'entries.csv' would unpack to 2,000,000 bytes, far more than a chronology. "
        "Check the file is the agency's submission; split a very large chronology into smaller ones"
    )


def test_a_member_above_the_size_limit_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tables, "MAX_MEMBER_BYTES", 1000)
    path = write_zip(tmp_path / "big.zip", {"people.csv": "x" * 1001, "entries.csv": "x"})

    with pytest.raises(SubmissionError, match=r"^big.zip: 'people.csv' would unpack to 1,001 bytes"):
        read_submission(path)


def _damage(data: bytearray, how: str) -> None:
    """Damage a zip of two stored-then-deflated members the way disks, downloads and odd tools do."""
    central = data.find(b"PK\x01\x02")
    if how == "unknown version":
        data[central + 6] = 75  # 'version needed to extract' 7.5
    elif how == "sizes wrong":
        data[central + 20 : central + 24] = (10).to_bytes(4, "little")  # compressed size far too small
    elif how == "contents damaged":
        data[40:80] = b"\xff" * 40  # inside the first member's compressed bytes
    elif how == "cut short":
        del data[len(data) // 2 :]


@pytest.mark.parametrize(
    ("how", "problem"),
    [
        ("unknown version", "this is not a zip file or it is damaged"),
        ("cut short", "this is not a zip file or it is damaged"),
        ("sizes wrong", "the file cannot be unpacked (the zip is damaged, encrypted or uses an unknown compression)"),
        (
            "contents damaged",
            "the file cannot be unpacked (the zip is damaged, encrypted or uses an unknown compression)",
        ),
    ],
)
def test_a_damaged_zip_is_refused(tmp_path: Path, how: str, problem: str) -> None:
    path = write_zip(tmp_path / "police.zip", _members())
    data = bytearray(path.read_bytes())
    _damage(data, how)
    path.write_bytes(bytes(data))

    with pytest.raises(SubmissionError) as raised:
        read_submission(path)

    assert raised.value.problem == problem


def test_a_file_that_is_not_a_zip_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.zip"
    path.write_text("not a zip", encoding="utf-8")

    with pytest.raises(SubmissionError) as raised:
        read_submission(path)

    assert str(raised.value) == "other.zip: this is not a zip file or it is damaged. Make the zip again"


def test_a_password_protected_member_is_refused(tmp_path: Path) -> None:
    path = write_zip(tmp_path / "police.zip", _members())
    data = bytearray(path.read_bytes())
    # Set the 'encrypted' flag on every member, as a zip made with a password has.
    for marker in (b"PK\x03\x04", b"PK\x01\x02"):
        start = 0
        while (found := data.find(marker, start)) != -1:
            flag_at = found + (6 if marker == b"PK\x03\x04" else 8)
            data[flag_at] |= 1
            start = found + 4
    path.write_bytes(bytes(data))
    with zipfile.ZipFile(path) as archive:
        assert all(info.flag_bits & 1 for info in archive.infolist())

    with pytest.raises(SubmissionError) as raised:
        read_submission(path)

    assert raised.value.fix == "Make the zip again without a password"


# --- finding submissions ----------------------------------------------------------------------------------


def test_a_folder_of_submissions_counts_as_all_of_them_in_name_order(tmp_path: Path) -> None:
    parent = tmp_path / "child-by"
    write_folder(parent / "b-police", entries=[entry("R1")])
    write_workbook(
        parent / "a-school.xlsx", {"entries": (ENTRIES_HEADER, [[*entry("S1")[:1], "education", *entry("S1")[2:]]])}
    )
    write_zip(parent / "c-health.zip", _members())
    (parent / "notes").mkdir()
    (parent / "notes" / "readme.txt").write_text("not a submission", encoding="utf-8")
    (parent / "~$a-school.xlsx").write_bytes(b"lock file")
    (parent / "README.md").write_text("about", encoding="utf-8")

    submissions = read_paths([parent, parent / "b-police"])

    assert [s.path.name for s in submissions] == ["a-school.xlsx", "b-police", "c-health.zip", "b-police"]
    assert submissions[0].entries[0].agency_type == "education"


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("missing", "there is no such file or folder. Check the path"),
        (
            "entries.csv",
            "entries.csv: a CSV file on its own is not a submission. "
            "Give the folder (or zip) that holds people.csv and entries.csv",
        ),
        (
            "old.xls",
            "old.xls: this is an Excel 97-2003 workbook (.xls), which cannot be read. "
            "Save it from Excel as an Excel Workbook (.xlsx), or send a folder or zip of CSV files",
        ),
        (
            "notes.txt",
            "notes.txt: this is not a submission file. "
            "Give an .xlsx workbook, a .zip, or a folder holding people.csv and entries.csv",
        ),
        (
            "empty",
            "empty: the folder holds no submission. "
            "Give a folder holding people.csv and entries.csv, a workbook, a zip, or a folder of these",
        ),
    ],
)
def test_a_path_that_is_not_a_submission_is_refused(tmp_path: Path, name: str, message: str) -> None:
    path = tmp_path / name
    if name == "empty":
        path.mkdir()
    elif name != "missing":
        path.write_text("agency\n", encoding="utf-8")

    with pytest.raises(SubmissionError) as raised:
        read_paths([path])

    assert str(raised.value).endswith(message)


def test_a_broken_submission_folder_inside_a_parent_is_reported_not_skipped(tmp_path: Path) -> None:
    parent = tmp_path / "family"
    write_folder(parent / "police", entries=[entry("R1")])
    (parent / "gp").mkdir()
    (parent / "gp" / "people.csv").write_text(csv_text(PEOPLE_HEADER, PEOPLE), encoding="utf-8")

    with pytest.raises(SubmissionError, match=r"^gp: the folder holds no entries.csv"):
        read_paths([parent])


SHARED_DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data"


@pytest.mark.parametrize(
    ("path", "message"),
    [
        (
            "annex-a/Annex_A.xlsx",
            "Annex_A.xlsx: the workbook has no sheet named 'entries' (its sheets: List 1, List 2, List 3, List 4, "
            "List 5, List 6, List 7, List 8, List 9, List 10, List 11). "
            "Name the sheet holding the chronology 'entries' (and the one holding people 'people')",
        ),
        (
            "family-context",
            "family-context: the folder holds no submission: csc.csv, education.csv but no entries.csv. "
            "Give a folder holding people.csv and entries.csv, a workbook, a zip, or a folder of these",
        ),
        (
            "cin/cin-2022.xml",
            "cin-2022.xml: this is not a submission file. "
            "Give an .xlsx workbook, a .zip, or a folder holding people.csv and entries.csv",
        ),
    ],
)
def test_real_files_of_other_formats_are_refused_with_the_fix(path: str, message: str) -> None:
    with pytest.raises(SubmissionError) as raised:
        read_paths([SHARED_DATA / path])

    assert str(raised.value) == message


def test_the_error_is_one_line_whatever_the_names_in_it(tmp_path: Path) -> None:
    path = write_zip(tmp_path / "police.zip", {"../line\nbreak/entries.csv": "x"})

    with pytest.raises(SubmissionError) as raised:
        read_submission(path)

    assert str(raised.value) == (
        "police.zip: the zip holds '../line break/entries.csv', a path that points outside its own folder. "
        "Make the zip again from the submission folder itself"
    )
