"""Reading a folder of CSV files: columns, values, warnings and the quarantine."""

from __future__ import annotations

from datetime import time
from pathlib import Path

import pytest

from safechron.chronology.dates import PartialDate
from safechron.chronology.model import QuarantinedRow, SourceRow
from safechron.formats import SubmissionError, read_submission
from tests.formats.helpers import AGENCY, ENTRIES_HEADER, PEOPLE, PEOPLE_HEADER, csv_text, entry, write_folder


def test_people_and_entries_are_read_with_every_value_normalised(tmp_path: Path) -> None:
    people_header = [
        " Agency ",
        "Person-Ref",
        "GIVEN NAMES",
        "family_name",
        "DOB",
        "Sex",
        "NHS number",
        "Post code",
        "role",
        "lives with child",
        "known as",
        "UPN",
        "Local notes",
    ]
    people = [
        [
            AGENCY,
            "P-1",
            "Kayleigh",
            "Marsh",
            "19/10/1990",
            "f",
            "943 476 5919",
            "fy1  3ab",
            "Mum",
            "Y",
            "Kay; Kaylee",
            "a 123",
            "met at custody",
        ],
        [AGENCY, "P-2", "Twin", "Marsh", "unborn", "", "", "", "unborn", "unknown", "", "", ""],
    ]
    entries_header = [
        *ENTRIES_HEADER,
        "sequence",
        "recorded date",
        "tags",
        "seen",
        "visit-kind",
        "meeting_invitees",
        "meeting_attendees",
        "related_record",
        "action",
        "outcome",
        "author_role",
        "DASH",
    ]
    entries = [
        [
            AGENCY,
            "Police",
            "INC-1",
            "?22/05/2016",
            "23:05",
            "P-1;P-2",
            "Domestic abuse incident",
            "Called to a fight.",
            "2",
            "2016-06-01",
            "Domestic abuse; weapon_or_threat_to_kill",
            "Seen Alone",
            "unannounced",
            "Police; CSC",
            "Police",
            "",
            "DASH completed",
            "Referred to MARAC",
            "PC",
            "high",
        ],
        [
            AGENCY,
            "police",
            "INC-2",
            "2016-06",
            "",
            "P-1",
            "agreement_breach",
            "Agreement breached.",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "INC-1",
            "",
            "",
            "",
            "",
        ],
    ]
    folder = write_folder(
        tmp_path / "police", people=people, people_header=people_header, entries=entries, entries_header=entries_header
    )

    submission = read_submission(folder)

    assert submission.agency == AGENCY
    assert submission.quarantine == []
    assert submission.warnings == []
    mother, twin = submission.people
    assert (mother.person_ref, mother.given_names, mother.family_name) == ("P-1", "Kayleigh", "Marsh")
    assert mother.date_of_birth == PartialDate(1990, 10, 19)
    assert (mother.sex, mother.nhs_number, mother.postcode, mother.role) == (
        "female",
        "9434765919",
        "FY1 3AB",
        "mother",
    )
    assert mother.lives_with_child is True
    assert mother.known_as == ("Kay", "Kaylee")
    assert mother.upn == "A123"
    assert mother.extra == {"Local notes": "met at custody"}
    assert mother.source == SourceRow(file="police/people.csv", table="people", row=2)
    assert twin.unborn and twin.date_of_birth is None and twin.role == "unborn" and twin.lives_with_child is None
    first, second = submission.entries
    assert first.key == (AGENCY, "INC-1")
    assert first.date == PartialDate(2016, 5, 22, uncertain=True)
    assert (first.time, first.sequence, first.recorded_date) == (time(23, 5), 2, PartialDate(2016, 6, 1))
    assert first.agency_type == "police" and first.event_type == "domestic_abuse_incident"
    assert first.subjects == (f"{AGENCY}:P-1", f"{AGENCY}:P-2")
    assert first.agency_tags == {"domestic_abuse", "weapon_or_threat_to_kill"}
    assert (first.seen, first.visit_kind) == ("seen_alone", "unannounced")
    assert (first.meeting_invitees, first.meeting_attendees) == (("Police", "CSC"), ("Police",))
    assert (first.action, first.outcome, first.author_role) == ("DASH completed", "Referred to MARAC", "PC")
    assert first.extra == {"DASH": "high"}
    assert second.date == PartialDate(2016, 6) and second.related_record == "INC-1"
    assert second.source == SourceRow(file="police/entries.csv", table="entries", row=3)


def test_reading_the_same_submission_twice_gives_equal_results(tmp_path: Path) -> None:
    folder = write_folder(tmp_path / "police", entries=[entry("R1"), entry("R2", day="31/02/2016")])

    assert read_submission(folder) == read_submission(folder)


def test_utf8_with_bom_is_read(tmp_path: Path) -> None:
    folder = write_folder(
        tmp_path / "s", entries=[entry("R1", summary="Café visit – no concerns")], encoding="utf-8-sig"
    )

    submission = read_submission(folder)

    assert submission.entries[0].summary == "Café visit – no concerns"
    assert submission.agency == AGENCY  # the BOM is not part of the first column's name or value


def test_windows_1252_csv_is_read_with_a_warning_saying_so(tmp_path: Path) -> None:
    folder = write_folder(tmp_path / "s", entries=[entry("R1", summary="Mum’s café – £20 owed")], encoding="cp1252")

    submission = read_submission(folder)

    assert submission.entries[0].summary == "Mum’s café – £20 owed"
    assert [w.message() for w in submission.warnings] == [  # people.csv is plain ASCII, so UTF-8
        "s/entries.csv: the file was saved as Windows-1252 text (Excel's 'CSV (Comma delimited)'), not UTF-8, and was "
        "read as such; check that accented letters and symbols look right, and save it as 'CSV UTF-8' next time",
    ]


def test_text_that_is_neither_utf8_nor_windows_1252_is_refused(tmp_path: Path) -> None:
    folder = write_folder(tmp_path / "s", entries=[entry("R1")])
    (folder / "entries.csv").write_bytes(csv_text(ENTRIES_HEADER, [entry("R1")]).encode() + b"\x81\x8d\xff\n")

    with pytest.raises(SubmissionError) as raised:
        read_submission(folder)

    assert str(raised.value) == (
        "s/entries.csv: the file is neither UTF-8 nor Windows-1252 text. "
        "Save it from Excel with 'Save as', type 'CSV UTF-8 (Comma delimited)'"
    )
    assert (raised.value.file, raised.value.problem) == (
        "s/entries.csv",
        "the file is neither UTF-8 nor Windows-1252 text",
    )


def test_utf16_text_is_refused(tmp_path: Path) -> None:
    folder = write_folder(tmp_path / "s", entries=[entry("R1")])
    (folder / "entries.csv").write_bytes(csv_text(ENTRIES_HEADER, [entry("R1")]).encode("utf-16"))

    with pytest.raises(SubmissionError, match=r"^s/entries.csv: the file is saved as UTF-16 \('Unicode text'\)\. "):
        read_submission(folder)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("", "s/entries.csv: the file is empty. Put the entries table in it, with its header in row 1"),
        (",,,\r\n", "s/entries.csv: the file is empty. Put the entries table in it, with its header in row 1"),
        (
            csv_text(ENTRIES_HEADER, []),
            "s/entries.csv: the entries table has no rows. Add the agency's entries below the header row",
        ),
        (
            csv_text(ENTRIES_HEADER, [["", "", ""], []]),
            "s/entries.csv: the entries table has no rows. Add the agency's entries below the header row",
        ),
        (
            "agency;agency_type;record_id\r\nA;police;1\r\n",
            "s/entries.csv: the values are separated by semicolons or tabs, not commas. "
            "Save it from Excel with 'Save as', type 'CSV UTF-8 (Comma delimited)'",
        ),
        (
            csv_text(["agency", "agency_type", "record_id", "date", "subjects", "summary"], [["A"]]),
            "s/entries.csv: the entries table has no column event_type. Name the columns in row 1; the entries table "
            "needs agency, agency_type, record_id, date, subjects, event_type, summary",
        ),
        (
            csv_text(["agency", "record_id", "date", "subjects", "summary"], [["A"]]),
            "s/entries.csv: the entries table has no columns agency_type, event_type. Name the columns in row 1; the "
            "entries table needs agency, agency_type, record_id, date, subjects, event_type, summary",
        ),
        (
            csv_text([*ENTRIES_HEADER, "Date"], [["A"]]),
            "s/entries.csv: the entries table has the column 'date' twice (columns D and I). "
            "Keep one column named date and rename or remove the other",
        ),
        (
            "PK\x03\x04 rest of a workbook",
            "s/entries.csv: the file is a workbook or zip saved with a .csv name. "
            "Save it from Excel with 'Save as', type 'CSV UTF-8 (Comma delimited)'",
        ),
    ],
)
def test_a_table_that_cannot_be_read_is_refused_with_the_fix(tmp_path: Path, content: str, message: str) -> None:
    folder = write_folder(tmp_path / "s", entries=[entry("R1")])
    (folder / "entries.csv").write_text(content, encoding="utf-8")

    with pytest.raises(SubmissionError) as raised:
        read_submission(folder)

    assert str(raised.value) == message


def test_a_people_table_missing_person_ref_is_refused(tmp_path: Path) -> None:
    folder = write_folder(
        tmp_path / "s", people=[[AGENCY, "Kay"]], people_header=["agency", "name"], entries=[entry("R1")]
    )

    with pytest.raises(SubmissionError) as raised:
        read_submission(folder)

    assert str(raised.value) == (
        "s/people.csv: the people table has no column person_ref. "
        "Name the columns in row 1; the people table needs agency, person_ref"
    )


def test_a_folder_without_entries_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "s"
    folder.mkdir()
    (folder / "people.csv").write_text(csv_text(PEOPLE_HEADER, PEOPLE), encoding="utf-8")

    with pytest.raises(SubmissionError) as raised:
        read_submission(folder)

    assert str(raised.value) == (
        "s: the folder holds no entries.csv. "
        "Put the agency's chronology in entries.csv (and its people in people.csv) in this folder"
    )


def test_a_quote_that_never_closes_is_refused_with_its_row(tmp_path: Path) -> None:
    folder = write_folder(tmp_path / "s", entries=[entry("R1")])
    text = csv_text(ENTRIES_HEADER, [entry("R1")]) + 'A,police,R2,2016,,P-1,note,"never closed' + "x" * 140_000
    (folder / "entries.csv").write_text(text, encoding="utf-8")

    with pytest.raises(SubmissionError) as raised:
        read_submission(folder)

    assert raised.value.problem.startswith("row 3 cannot be read as CSV (field larger than field limit")
    assert raised.value.fix == (
        "Look for a double quote that opens a value and is never closed, then save the file again as CSV"
    )


def _only_quarantined(tmp_path: Path, row: list[str]) -> QuarantinedRow:
    submission = read_submission(write_folder(tmp_path / "s", entries=[entry("R0"), row]))
    assert [e.record_id for e in submission.entries] == ["R0"]
    (quarantined,) = submission.quarantine
    return quarantined


@pytest.mark.parametrize(
    ("row", "column", "reason"),
    [
        (
            entry("R1", day="31/02/2016"),
            "date",
            "date '31/02/2016' is not a date: day 31 does not exist in February 2016",
        ),
        (
            entry("R1", day="19/10/16"),
            "date",
            "date '19/10/16' is not a date: write the year in full, such as 19/10/2016",
        ),
        (
            entry("R1", day=""),
            "date",
            "date is empty; give the date it happened (2016-10 or 2016 when only the month or year is known)",
        ),
        (entry("R1", day="?"), "date", "date '?' is not a date: the date is empty"),
        (entry("R1", summary="  "), "summary", "summary is empty; write what happened, in the agency's words"),
        (
            entry("R1", event_type="visit"),
            "event_type",
            "event type 'visit' is not in the list; use one of the event types of the format, or 'note'",
        ),
        (
            entry("R1", at="25:00"),
            "time",
            "time '25:00' is not a time of day; use HH:MM on the 24-hour clock, such as 14:30",
        ),
        (
            entry("R1", subjects=" ; "),
            "subjects",
            "subjects is empty; name the people the entry is about, separated by semicolons",
        ),
        (entry("R0"), "record_id", "record id 'R0' is already used on row 2; give each entry its own record id"),
        (
            ["Blackpool Council", "police", "R1", "2016", "", "P-1", "note", "x"],
            "agency",
            "agency 'Blackpool Council' is not 'Lancashire Constabulary', the agency of this submission; "
            "send each agency's rows in its own submission",
        ),
        (
            ["", "police", "R1", "2016", "", "P-1", "note", "x"],
            "agency",
            "agency is empty; fill in the agency's name, the same on every row",
        ),
        (
            [AGENCY, "council", "R1", "2016", "", "P-1", "note", "x"],
            "agency_type",
            "agency type 'council' is not in the list; use one of the agency types of the format, or 'other'",
        ),
    ],
)
def test_a_bad_row_is_quarantined_verbatim_with_the_reason(
    tmp_path: Path, row: list[str], column: str, reason: str
) -> None:
    quarantined = _only_quarantined(tmp_path, row)

    assert (quarantined.file, quarantined.table, quarantined.row) == ("s/entries.csv", "entries", 3)
    assert (quarantined.column, quarantined.reason) == (column, reason)
    assert quarantined.values == dict(zip(ENTRIES_HEADER, row, strict=True))
    assert quarantined.message() == f"s/entries.csv, row 3, column {column}: {reason}"


def test_every_problem_of_a_row_is_given(tmp_path: Path) -> None:
    quarantined = _only_quarantined(tmp_path, entry("R1", day="2016-13", event_type="", at="7pm"))

    assert quarantined.column == "date, time, event_type"
    assert quarantined.reason == (
        "date '2016-13' is not a date: month 13 does not exist. Also, time '7pm' is not a time of day; use HH:MM on "
        "the 24-hour clock, such as 14:30. Also, event type is empty; use one of the event types of the format, or "
        "'note'"
    )


def test_typed_optional_columns_that_cannot_be_read_quarantine_the_row(tmp_path: Path) -> None:
    header = [*ENTRIES_HEADER, "sequence", "recorded_date"]
    rows = [[*entry("R1"), "2a", ""], [*entry("R2"), "", "sometime"], [*entry("R3"), "3.0", "2016-06"]]

    submission = read_submission(write_folder(tmp_path / "s", entries=rows, entries_header=header))

    assert [(q.row, q.column, q.reason) for q in submission.quarantine] == [
        (
            2,
            "sequence",
            "sequence '2a' is not a whole number; number same-day entries 1, 2, 3 in the order they happened",
        ),
        (
            3,
            "recorded_date",
            "recorded date 'sometime' is not a date: use a form such as 2016-10-19, 19/10/2016, 2016-10 or 2016",
        ),
    ]
    assert submission.entries[0].sequence == 3


def test_a_formula_like_summary_is_kept_as_text(tmp_path: Path) -> None:
    summary = '=HYPERLINK("http://example.org","click")'
    submission = read_submission(write_folder(tmp_path / "s", entries=[entry("R1", summary=summary)]))

    assert submission.entries[0].summary == summary


def test_row_numbers_are_those_a_spreadsheet_shows_with_line_breaks_and_blank_rows(tmp_path: Path) -> None:
    rows = [entry("R1", summary="Line one\nline two\nline three"), ["", "", ""], entry("R2", day="32/01/2016")]

    submission = read_submission(write_folder(tmp_path / "s", entries=rows))

    assert submission.entries[0].summary == "Line one\nline two\nline three"
    assert [q.row for q in submission.quarantine] == [4]


def test_values_beyond_the_header_are_kept_and_short_rows_are_padded(tmp_path: Path) -> None:
    rows = [[*entry("R1"), "", "stray value"], [*entry("R2")[:-1], "x"], entry("R3")[:6]]

    submission = read_submission(write_folder(tmp_path / "s", entries=rows))

    assert submission.entries[0].extra == {"column J": "stray value"}
    assert submission.entries[1].summary == "x"
    assert [(q.row, q.column) for q in submission.quarantine] == [(4, "event_type, summary")]
    assert submission.quarantine[0].values == dict(zip(ENTRIES_HEADER, entry("R3")[:6], strict=False))


def test_invalid_optional_values_are_warnings_and_kept_in_extra(tmp_path: Path) -> None:
    header = [*ENTRIES_HEADER, "tags", "seen", "visit_kind", "related_record"]
    rows = [[*entry("R1", subjects="P-1; P-9; p-2"), "domestic abuse; drugs", "yes", "by text", "R7"]]

    submission = read_submission(write_folder(tmp_path / "s", entries=rows, entries_header=header))

    (kept,) = submission.entries
    assert kept.agency_tags == {"domestic_abuse"}
    assert kept.subjects == (f"{AGENCY}:P-1", f"{AGENCY}:P-2")
    assert (kept.seen, kept.visit_kind, kept.related_record) == ("", "", "R7")
    assert kept.extra == {
        "subjects": "P-1; P-9; p-2",
        "tags": "domestic abuse; drugs",
        "seen": "yes",
        "visit_kind": "by text",
    }
    assert [w.message() for w in submission.warnings] == [
        "s/entries.csv, row 2, column subjects: subject 'P-9' is not in the people table; the entry is kept "
        "without them. Add P-9 to the people table or correct the reference",
        "s/entries.csv, row 2, column tags: tag 'drugs' is not in the tag list of the format; the entry is kept "
        "without it and the tags kept as given",
        "s/entries.csv, row 2, column seen: seen 'yes' is not one of no_access, not_seen, seen, seen_alone; the "
        "entry is kept and the value kept as given",
        "s/entries.csv, row 2, column visit_kind: visit kind 'by text' is not one of announced, phone, unannounced, "
        "video; the entry is kept and the value kept as given",
        "s/entries.csv, row 2, column related_record: related record 'R7' is not a record id of this submission; "
        "the link is kept as given",
    ]


def test_person_rows_keep_the_person_and_warn_about_unreadable_values(tmp_path: Path) -> None:
    people = [
        [AGENCY, "P-1", "Kayleigh", "Marsh", "31/02/1990", "female", "943 476 5918", "not known", "Aunt", "sometimes"],
        [AGENCY, "P-2", "Darren", "Holt", "", "bloke", "12345", "FY1 3AB", "lodger", ""],
    ]

    submission = read_submission(write_folder(tmp_path / "s", people=people, entries=[entry("R1")]))

    first, second = submission.people
    assert first.date_of_birth is None and first.nhs_number == "9434765918" and first.postcode == ""
    assert first.role == "relative" and first.lives_with_child is None
    assert first.extra == {"date_of_birth": "31/02/1990", "postcode": "not known", "lives_with_child": "sometimes"}
    assert second.sex == "unknown" and second.nhs_number == "" and second.role == "other_adult"
    assert second.extra == {"sex": "bloke", "nhs_number": "12345"}
    assert [(w.row, w.column, w.reason) for w in submission.warnings] == [
        (
            2,
            "nhs_number",
            "NHS number '943 476 5918' fails its check digit, so it may be mistyped; it is kept, but "
            "check it against the person's health record",
        ),
        (2, "postcode", "postcode 'not known' is not a UK postcode; it is kept as given"),
        (2, "lives_with_child", "lives with child 'sometimes' is not yes, no or unknown; it is kept as given"),
        (
            2,
            "date_of_birth",
            "date of birth '31/02/1990' is not a date: day 31 does not exist in February 1990; "
            "the person is kept without it",
        ),
        (3, "sex", "sex 'bloke' is not male, female or unknown; it is kept as given"),
        (3, "nhs_number", "NHS number '12345' is not 10 digits; it is kept as given"),
    ]
    assert submission.quarantine == []


def test_person_rows_that_cannot_be_records_are_quarantined(tmp_path: Path) -> None:
    people = [*PEOPLE, [AGENCY, "P-1", "Kay"], [AGENCY, "", "Nobody"], ["Blackpool CSC", "P-3", "Other"]]
    entries = [entry("R1", subjects="P-1; P-3")]

    submission = read_submission(write_folder(tmp_path / "s", people=people, entries=entries))

    assert [p.person_ref for p in submission.people] == ["P-1", "P-2"]
    assert [(q.table, q.row, q.column, q.reason) for q in submission.quarantine] == [
        ("people", 4, "person_ref", "person ref 'P-1' is already used on row 2; give each person their own person ref"),
        ("people", 5, "person_ref", "person ref is empty; give the person the agency's own identifier for them"),
        (
            "people",
            6,
            "agency",
            "agency 'Blackpool CSC' is not 'Lancashire Constabulary', the agency of this "
            "submission; send each agency's rows in its own submission",
        ),
    ]
    assert submission.entries[0].subjects == (f"{AGENCY}:P-1",)
    assert [w.reason for w in submission.warnings] == [
        "subject 'P-3' is on people row 6, which is quarantined; the entry is kept without them until that row "
        "is corrected"
    ]


def test_agency_names_differing_only_in_case_and_spacing_are_one_agency(tmp_path: Path) -> None:
    rows = [entry("R1"), ["lancashire  constabulary ", "police", "R2", "2016", "", "P-1", "note", "x"]]

    submission = read_submission(write_folder(tmp_path / "s", entries=rows))

    assert [e.agency for e in submission.entries] == [AGENCY, AGENCY]
    assert submission.quarantine == []


def test_single_table_form_makes_one_person_for_each_name_or_role(tmp_path: Path) -> None:
    rows = [
        entry("R1", subjects="Mother; Sibling 2; MGM"),
        entry("R2", subjects="mother ; Child BY; Kayleigh Ann Marsh; maternal grandmother"),
        entry("R3", subjects="Unborn twin 1; Dad; Baby Marsh; Kayleigh  Ann Marsh"),
        entry("R4", subjects="Child (AB1); Father's brother; Nan; Sibling #12"),
    ]

    submission = read_submission(write_folder(tmp_path / "s", people=None, entries=rows))

    assert not submission.has_people_table
    assert [(p.person_ref, p.role, p.given_names, p.family_name) for p in submission.people] == [
        ("Mother", "mother", "", ""),
        ("Sibling 2", "sibling", "", ""),
        ("MGM", "grandparent", "", ""),
        ("Child BY", "child", "", ""),
        ("Kayleigh Ann Marsh", "", "Kayleigh Ann", "Marsh"),
        ("maternal grandmother", "grandparent", "", ""),
        ("Unborn twin 1", "unborn", "", ""),
        ("Dad", "father", "", ""),
        ("Baby Marsh", "", "Baby", "Marsh"),
        ("Child (AB1)", "child", "", ""),
        ("Father's brother", "Father's brother", "", ""),
        ("Nan", "grandparent", "", ""),
        ("Sibling #12", "sibling", "", ""),
    ]
    assert submission.people[6].unborn
    assert submission.people[0].source == SourceRow(file="s/entries.csv", table="entries", row=2)
    assert submission.entries[1].subjects == tuple(
        f"{AGENCY}:{ref}" for ref in ("Mother", "Child BY", "Kayleigh Ann Marsh", "maternal grandmother")
    )
    assert submission.entries[2].subjects[-1] == f"{AGENCY}:Kayleigh Ann Marsh"
    assert submission.warnings == []


def test_a_quarantined_row_makes_no_person_in_the_single_table_form(tmp_path: Path) -> None:
    rows = [entry("R1", subjects="Mother"), entry("R2", subjects="Stranger", event_type="chat")]

    submission = read_submission(write_folder(tmp_path / "s", people=None, entries=rows))

    assert [p.person_ref for p in submission.people] == ["Mother"]
    assert len(submission.quarantine) == 1


def test_a_subject_named_twice_is_one_subject_in_the_agency_order(tmp_path: Path) -> None:
    rows = [entry("R1", subjects="P-2; P-1; p-2"), entry("R2", subjects="Mother; Father; mother")]

    with_people = read_submission(write_folder(tmp_path / "a", entries=rows[:1]))
    without_people = read_submission(write_folder(tmp_path / "b", people=None, entries=rows[1:]))

    assert with_people.entries[0].subjects == (f"{AGENCY}:P-2", f"{AGENCY}:P-1")
    assert without_people.entries[0].subjects == (f"{AGENCY}:Mother", f"{AGENCY}:Father")


def test_file_names_are_matched_in_any_case(tmp_path: Path) -> None:
    folder = write_folder(tmp_path / "s", entries=[entry("R1")])
    (folder / "entries.csv").rename(folder / "Entries.CSV")
    (folder / "people.csv").rename(folder / "PEOPLE.csv")

    submission = read_submission(folder)

    assert submission.has_people_table and len(submission.people) == 2
    assert submission.entries[0].source == SourceRow(file="s/Entries.CSV", table="entries", row=2)


def test_dates_that_are_surely_slips_are_warnings(tmp_path: Path) -> None:
    header = [*ENTRIES_HEADER, "recorded_date"]
    rows = [
        [*entry("R1", day="2199-05-22"), ""],
        [*entry("R2", day="22/05/2016"), "2016-04"],
        [*entry("R3", day="2016-05"), "2016-05-01"],
    ]

    submission = read_submission(write_folder(tmp_path / "s", entries=rows, entries_header=header))

    assert len(submission.entries) == 3
    assert [(w.row, w.column, w.reason) for w in submission.warnings] == [
        (2, "date", "date 22 May 2199 is after today; the entry is kept, but check the year"),
        (
            3,
            "recorded_date",
            "recorded date April 2016 is before the date it happened (22 May 2016); the entry is "
            "kept, but check both dates",
        ),
    ]


def test_a_people_table_with_no_rows_makes_the_subjects_the_people(tmp_path: Path) -> None:
    submission = read_submission(write_folder(tmp_path / "s", people=[], entries=[entry("R1", subjects="Mother")]))

    assert not submission.has_people_table
    assert [p.person_ref for p in submission.people] == ["Mother"]
    assert [w.message() for w in submission.warnings] == [
        "s/people.csv: the people table has no rows, so the names in the entries' subjects are taken as the people"
    ]


def test_a_title_above_the_column_names_is_found_and_explained(tmp_path: Path) -> None:
    folder = write_folder(tmp_path / "s", entries=[entry("R1")])
    text = "Police chronology for Child BY,,\r\nPrepared 01/02/2017,,\r\n" + csv_text(ENTRIES_HEADER, [entry("R1")])
    (folder / "entries.csv").write_text(text, encoding="utf-8")

    with pytest.raises(SubmissionError) as raised:
        read_submission(folder)

    assert str(raised.value) == (
        "s/entries.csv: the entries table's column names are in row 3, not row 1. "
        "Delete the rows above the column names"
    )


@pytest.mark.parametrize("separator", [";", ","])
def test_excel_separator_line_is_followed_and_not_counted_as_a_row(tmp_path: Path, separator: str) -> None:
    folder = write_folder(tmp_path / "s", entries=[entry("R1")])
    rows = [entry("R1", subjects="P-1"), entry("R2", day="2016-02-30", subjects="P-2")]
    text = csv_text(ENTRIES_HEADER, rows).replace(",", separator)
    (folder / "entries.csv").write_text(f"sep={separator}\r\n{text}", encoding="utf-8-sig")

    submission = read_submission(folder)

    assert [e.record_id for e in submission.entries] == ["R1"]
    assert [q.row for q in submission.quarantine] == [3]


def test_the_words_agencies_use_for_types_are_read_as_the_format_types_with_a_note_each(tmp_path: Path) -> None:
    rows = [
        [AGENCY, "Children's social care", "R1", "2016", "", "P-1", "Strategy meeting", "Held."],
        [AGENCY, "Children's Social Care", "R2", "2016", "", "P-1", "DNA", "Not brought."],
        [AGENCY, "Children's social care", "R3", "2016", "", "P-1", "strategy meeting", "Held again."],
    ]

    submission = read_submission(write_folder(tmp_path / "s", entries=rows))

    assert [(e.agency_type, e.event_type) for e in submission.entries] == [
        ("childrens_social_care", "strategy_discussion"),
        ("childrens_social_care", "missed_appointment"),
        ("childrens_social_care", "strategy_discussion"),
    ]
    assert [w.message() for w in submission.warnings] == [
        "s/entries.csv: agency type 'Children's social care' is read as childrens_social_care wherever it appears; "
        "use childrens_social_care in the agency_type column next time",
        "s/entries.csv: event type 'Strategy meeting' is read as strategy_discussion wherever it appears; "
        "use strategy_discussion in the event_type column next time",
        "s/entries.csv: event type 'DNA' is read as missed_appointment wherever it appears; "
        "use missed_appointment in the event_type column next time",
    ]
