"""Exports of the combined chronology: xlsx, csv, docx and json.

One function per format, all laying out the same rows (`reports.rows`). Spreadsheet
exports neutralise any cell a spreadsheet would run as a formula.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Sequence
from pathlib import Path

from docx import Document
from docx.document import Document as DocumentObject
from docx.enum.section import WD_ORIENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from safechron.chronology.model import Chronology
from safechron.reports.rows import (
    SPREADSHEET_COLUMNS,
    ChronologyRow,
    ReportTable,
    chronology_rows,
    spreadsheet_safe,
)
from safechron.reports.shapes import merge_json
from safechron.vocabulary import humanise

__all__ = ["chronology_csv", "chronology_json", "write_docx", "write_xlsx"]

_DOCX_COLUMNS: tuple[tuple[str, float], ...] = (
    ("Date", 2.6),
    ("Agency", 3.4),
    ("Who", 3.2),
    ("What happened", 9.5),
    ("Action and outcome", 5.2),
    ("Tags", 3.8),
)


def write_xlsx(*, chronology: Chronology, path: Path, tables: Sequence[ReportTable] = ()) -> None:
    """A workbook: a sheet for each of `tables` first, then 'Chronology' (dates as given, wrapped text),
    'People' (who is who across agencies and why) and 'Rows not taken in', each with a frozen header row
    and filters."""
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    for table in tables:
        _fill_sheet(
            sheet,
            columns=[(header, width, True) for header, width in table.columns],
            rows=table.rows,
        )
        sheet.title = table.title[:31]  # the longest sheet name Excel allows
        sheet = workbook.create_sheet()
    sheet.title = "Chronology"
    _fill_sheet(
        sheet,
        columns=[(column.header, column.width, column.wrap) for column in SPREADSHEET_COLUMNS],
        rows=([column.value(row) for column in SPREADSHEET_COLUMNS] for row in chronology_rows(chronology)),
    )
    _fill_sheet(
        workbook.create_sheet("People"),
        columns=_PEOPLE_COLUMNS,
        rows=(
            [
                person.person_id,
                person.display_name,
                humanise(person.role) if person.role else "",
                person.date_of_birth.iso() if person.date_of_birth else "",
                "\n".join(person.record_keys),
                "\n".join(reason.describe() for reason in person.reasons),
            ]
            for person in chronology.persons
        ),
    )
    _fill_sheet(
        workbook.create_sheet("Rows not taken in"),
        columns=_QUARANTINE_COLUMNS,
        rows=(
            [
                row.file,
                row.table,
                row.row,
                row.column,
                row.reason,
                "\n".join(f"{name}: {value}" for name, value in row.values.items()),
            ]
            for row in chronology.quarantine
        ),
    )
    workbook.save(path)


_PEOPLE_COLUMNS = (
    ("Person id", 10, False),
    ("Name", 26, True),
    ("Role", 16, True),
    ("Date of birth", 13, False),
    ("Records across agencies", 40, True),
    ("Why these records were linked", 70, True),
)
_QUARANTINE_COLUMNS = (
    ("File", 30, True),
    ("Table", 9, False),
    ("Row", 6, False),
    ("Column", 14, False),
    ("Reason", 60, True),
    ("Values as given", 60, True),
)


def _fill_sheet(
    sheet: Worksheet, *, columns: Sequence[tuple[str, int, bool]], rows: Iterable[Sequence[str | int]]
) -> None:
    """Header row (bold, frozen, filtered, repeated when printed) and rows, text kept as text and
    neutralised so no cell can run as a formula."""
    sheet.append([header for header, _, _ in columns])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="F3F2F1")
        cell.alignment = Alignment(vertical="top", wrap_text=True)
    for values in rows:
        sheet.append([spreadsheet_safe(value) if isinstance(value, str) else value for value in values])
    for index, (_, width, wrap) in enumerate(columns, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
        alignment = Alignment(vertical="top", wrap_text=wrap)
        for (cell,) in sheet.iter_rows(min_row=2, min_col=index, max_col=index):
            cell.alignment = alignment
            if isinstance(cell.value, str):
                cell.data_type = "s"
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    sheet.print_title_rows = "1:1"
    sheet.page_setup.orientation = "landscape"


def chronology_csv(chronology: Chronology) -> str:
    """The chronology as CSV text starting with a byte order mark, so Excel reads it as UTF-8."""
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([column.header for column in SPREADSHEET_COLUMNS])
    for row in chronology_rows(chronology):
        writer.writerow([spreadsheet_safe(column.value(row)) for column in SPREADSHEET_COLUMNS])
    return buffer.getvalue()


def chronology_json(chronology: Chronology) -> str:
    return json.dumps(merge_json(chronology), ensure_ascii=False, indent=2)


def write_docx(
    *,
    chronology: Chronology,
    path: Path,
    title: str = "Combined multi-agency chronology",
    tables: Sequence[ReportTable] = (),
) -> None:
    """A landscape A4 document with the chronology as case reviews lay it out, header row repeated; each of
    `tables` comes first, as a section with its note and table."""
    document = Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Cm(29.7), Cm(21.0)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(1.5))
    style = document.styles["Normal"]
    style.font.name = "Arial"  # type: ignore[attr-defined]
    style.font.size = Pt(9)  # type: ignore[attr-defined]
    document.add_heading(title, level=1)
    rows = chronology_rows(chronology)
    agencies = len({row.agency for row in rows})
    span = f", {rows[0].date_in_words} to {rows[-1].date_in_words}" if rows else ""
    document.add_paragraph(
        f"{len(rows)} entries from {agencies} agencies{span}, in date order. Dates are shown as the agency gave"
        " them; 'About' marks a date the agency was unsure of. Agency tags were assigned by the agency;"
        " proposed tags were found in the text by safechron and need a practitioner to confirm them."
    )
    for extra in tables:
        document.add_heading(extra.title, level=2)
        if extra.note:
            document.add_paragraph(extra.note)
        _add_table(document, columns=[(header, width * _CM_PER_CHARACTER) for header, width in extra.columns],
                   rows=extra.rows)
    if tables:
        document.add_heading("Chronology", level=2)
    _add_table(document, columns=_DOCX_COLUMNS, rows=(_docx_values(row) for row in rows))
    document.save(str(path))


_CM_PER_CHARACTER = 0.2


def _add_table(
    document: DocumentObject, *, columns: Sequence[tuple[str, float]], rows: Iterable[Sequence[str]]
) -> None:
    """A bordered table with a bold header row repeated on every page; widths in centimetres."""
    table = document.add_table(rows=1, cols=len(columns))
    table.style = "Table Grid"
    _repeat_as_header(table.rows[0])
    for cell, (text, width) in zip(table.rows[0].cells, columns, strict=True):
        cell.width = Cm(width)
        cell.text = ""
        cell.paragraphs[0].add_run(text).bold = True
    for values in rows:
        for cell, text, (_, width) in zip(table.add_row().cells, values, columns, strict=True):
            cell.width = Cm(width)
            cell.text = text


def _docx_values(row: ChronologyRow) -> tuple[str, ...]:
    date = row.date_in_words + (f" {row.time}" if row.time else "")
    what = f"{row.event}: {row.summary}" if row.summary else row.event
    return (date, row.agency, row.who, what, row.action_and_outcome, row.tags_text)


def _repeat_as_header(row: object) -> None:
    """Mark a table row to repeat at the top of every page (w:tblHeader)."""
    properties = row._tr.get_or_add_trPr()  # type: ignore[attr-defined]
    marker = OxmlElement("w:tblHeader")
    marker.set(qn("w:val"), "true")
    properties.append(marker)
