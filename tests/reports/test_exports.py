from __future__ import annotations

import csv
import json
from pathlib import Path

import openpyxl
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn

from safechron.chronology.model import Chronology
from safechron.reports.exports import chronology_csv, chronology_json, write_docx, write_xlsx
from safechron.reports.rows import SPREADSHEET_COLUMNS, spreadsheet_safe

HEADERS = [column.header for column in SPREADSHEET_COLUMNS]


def test_spreadsheet_safe_prefixes_only_formula_starts() -> None:
    assert [spreadsheet_safe(v) for v in ("=1+1", "+44", "-5", "@SUM(A1)", "\tx", "\rx")] == [
        "'=1+1",
        "'+44",
        "'-5",
        "'@SUM(A1)",
        "'\tx",
        "'\rx",
    ]
    assert spreadsheet_safe("Mum said = fine") == "Mum said = fine"
    assert spreadsheet_safe("") == ""


def test_xlsx_has_frozen_filtered_header_and_dates_as_given(chronology: Chronology, tmp_path: Path) -> None:
    path = tmp_path / "chronology.xlsx"
    write_xlsx(chronology=chronology, path=path)
    sheet = openpyxl.load_workbook(path)["Chronology"]
    rows = list(sheet.iter_rows(values_only=True))
    assert list(rows[0]) == HEADERS
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == f"A1:{openpyxl.utils.get_column_letter(len(HEADERS))}{len(rows)}"
    assert sheet.column_dimensions["I"].width == 60  # what happened
    assert sheet["I2"].alignment.wrap_text is True
    dates = [row[0] for row in rows[1:]]
    assert dates == ["2016", "2016-04-02", "2016-05", "?2016-05-22", "2016-06-01"]
    assert all(isinstance(value, str) for value in dates)


def test_xlsx_never_holds_a_formula(chronology: Chronology, tmp_path: Path) -> None:
    path = tmp_path / "chronology.xlsx"
    write_xlsx(chronology=chronology, path=path)
    sheet = openpyxl.load_workbook(path)["Chronology"]
    cells = [cell for row in sheet.iter_rows(min_row=2) for cell in row]
    assert not [cell.coordinate for cell in cells if cell.data_type == "f"]
    visit = next(row for row in sheet.iter_rows(min_row=2, values_only=True) if row[0] == "2016-06-01")
    record = dict(zip(HEADERS, visit, strict=True))
    assert record["What happened"] == '\'=HYPERLINK("http://evil") -5 baby seen'
    assert record["Action"] == "'+1 follow up"
    assert record["Outcome"] == "'@SUM(A1)"
    note = dict(zip(HEADERS, next(sheet.iter_rows(min_row=2, max_row=2, values_only=True)), strict=True))
    assert note["What happened"] == "'\tTab-led note about Sibling 2"


def test_csv_has_bom_and_neutralised_cells(chronology: Chronology, tmp_path: Path) -> None:
    path = tmp_path / "chronology.csv"
    path.write_text(chronology_csv(chronology), encoding="utf-8", newline="")
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    with path.open(encoding="utf-8-sig", newline="") as handle:
        records = list(csv.DictReader(handle))
    assert list(records[0]) == HEADERS
    assert [r["Date"] for r in records] == ["2016", "2016-04-02", "2016-05", "?2016-05-22", "2016-06-01"]
    visit = records[4]
    assert visit["What happened"].startswith("'=HYPERLINK")
    assert visit["Outcome"] == "'@SUM(A1)"
    assert visit["Who"] == "Child BY, Kerry Smith"
    incident = records[1]
    assert incident["Time"] == "23:40"
    assert incident["Agency tags"] == "Domestic abuse"
    assert incident["Proposed tags"] == ""  # proposed and agency-assigned: shown once, as the agency's
    assert records[3]["Proposed tags"] == "Domestic abuse; Parental alcohol misuse"
    assert all(not value.startswith(("=", "+", "-", "@", "\t", "\r")) for r in records for value in r.values())


def test_docx_is_landscape_a4_with_repeated_header(chronology: Chronology, tmp_path: Path) -> None:
    path = tmp_path / "chronology.docx"
    write_docx(chronology=chronology, path=path)
    document = Document(str(path))
    section = document.sections[0]
    assert section.orientation == WD_ORIENT.LANDSCAPE
    assert section.page_width is not None and section.page_height is not None
    assert (round(section.page_width.cm, 1), round(section.page_height.cm, 1)) == (29.7, 21.0)
    assert document.paragraphs[1].text.startswith("5 entries from 5 agencies, 2016 to 1 June 2016, in date order.")
    table = document.tables[0]
    assert [cell.text for cell in table.rows[0].cells] == [
        "Date",
        "Agency",
        "Who",
        "What happened",
        "Action and outcome",
        "Tags",
    ]
    header_properties = table.rows[0]._tr.trPr
    assert header_properties is not None and header_properties.find(qn("w:tblHeader")) is not None
    assert all(row._tr.trPr is None or row._tr.trPr.find(qn("w:tblHeader")) is None for row in table.rows[1:])
    body = [[cell.text for cell in row.cells] for row in table.rows[1:]]
    assert [row[0] for row in body] == [
        "2016",
        "2 April 2016 23:40",
        "May 2016",
        "About 22 May 2016",
        "1 June 2016",
    ]
    incident = body[1]
    assert incident[3] == "Domestic abuse incident: Police called: Dean hit Kerry."
    assert incident[4] == "Action: DASH completed\nOutcome: Dean arrested"
    assert incident[5] == "Agency: Domestic abuse"
    assert body[2][5] == "Proposed: Parental mental ill-health"


def test_json_has_the_merge_shape(chronology: Chronology, tmp_path: Path) -> None:
    path = tmp_path / "chronology.json"
    path.write_text(chronology_json(chronology), encoding="utf-8")
    data = json.loads(path.read_text("utf-8"))
    assert set(data) == {"persons", "entries", "quarantine"}
    mum = data["persons"][0]
    assert mum["person_id"] == "p1" and mum["display_name"] == "Kerry Smith"
    assert mum["date_of_birth"] == "1990-02-01" and mum["role"] == "mother"
    assert mum["records"] == ["Test:p1"]
    incident = data["entries"][1]
    assert incident["agency"] == "Police" and incident["record_id"] == "INC-2231"
    assert incident["date"] == "2016-04-02" and incident["subjects"] == ["p1", "p2"]
    assert incident["event_type"] == "domestic_abuse_incident"
    assert incident["tags"] == ["domestic_abuse"] and incident["proposed_tags"] == ["domestic_abuse"]
    assert data["entries"][3]["date"] == "?2016-05-22"
    assert data["entries"][3]["tags"] == ["alcohol_misuse_parent", "domestic_abuse"]
    assert data["entries"][3]["agency_tags"] == []
    assert data["quarantine"] == [
        {
            "file": "police/entries.csv",
            "table": "entries",
            "row": 14,
            "column": "date",
            "reason": "'31/02/2016' is not a date",
            "values": {"date": "31/02/2016", "summary": "=cmd|'/C calc'!A0"},
        }
    ]


def test_xlsx_people_and_quarantine_sheets(chronology: Chronology, tmp_path: Path) -> None:
    path = tmp_path / "chronology.xlsx"
    chronology.persons[0].display_name = "@Kerry"
    write_xlsx(chronology=chronology, path=path)
    workbook = openpyxl.load_workbook(path)
    assert workbook.sheetnames == ["Chronology", "People", "Rows not taken in"]
    people = list(workbook["People"].iter_rows(values_only=True))
    assert people[0][:4] == ("Person id", "Name", "Role", "Date of birth")
    assert people[1][:5] == ("p1", "'@Kerry", "Mother", "1990-02-01", "Test:p1")
    assert people[2][3] == "1988"
    quarantine = list(workbook["Rows not taken in"].iter_rows(values_only=True))
    assert quarantine[1][:5] == ("police/entries.csv", "entries", 14, "date", "'31/02/2016' is not a date")
    assert quarantine[1][5] == "date: 31/02/2016\nsummary: =cmd|'/C calc'!A0"
    assert workbook["Rows not taken in"].freeze_panes == "A2"
    assert not [c for s in workbook.worksheets for r in s.iter_rows() for c in r if c.data_type == "f"]
