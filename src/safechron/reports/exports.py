"""Exports of the combined chronology: xlsx, csv, docx and json.

One function per format, all laying out the same rows (`reports.rows`). Spreadsheet
exports neutralise any cell a spreadsheet would run as a formula.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from safechron.chronology.model import Chronology
from safechron.reports.rows import SPREADSHEET_COLUMNS, ChronologyRow, chronology_rows, spreadsheet_safe
from safechron.reports.shapes import merge_json

__all__ = ["chronology_csv", "chronology_json", "write_csv", "write_docx", "write_json", "write_xlsx"]

_DOCX_COLUMNS: tuple[tuple[str, float], ...] = (
    ("Date", 2.6),
    ("Agency", 3.4),
    ("Who", 3.2),
    ("What happened", 9.5),
    ("Action and outcome", 5.2),
    ("Tags", 3.8),
)


def write_xlsx(*, chronology: Chronology, path: Path) -> None:
    """A workbook with one sheet, 'Chronology': frozen header row, filters, wrapped text, dates as given."""
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "Chronology"
    sheet.append([column.header for column in SPREADSHEET_COLUMNS])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="F3F2F1")
        cell.alignment = Alignment(vertical="top", wrap_text=True)
    for row in chronology_rows(chronology):
        sheet.append([spreadsheet_safe(column.value(row)) for column in SPREADSHEET_COLUMNS])
    for index, column in enumerate(SPREADSHEET_COLUMNS, start=1):
        letter = get_column_letter(index)
        sheet.column_dimensions[letter].width = column.width
        alignment = Alignment(vertical="top", wrap_text=column.wrap)
        for (cell,) in sheet.iter_rows(min_row=2, min_col=index, max_col=index):
            cell.alignment = alignment
            cell.data_type = "s"
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    sheet.print_title_rows = "1:1"
    sheet.page_setup.orientation = "landscape"
    workbook.save(path)


def chronology_csv(chronology: Chronology) -> str:
    """The chronology as CSV text starting with a byte order mark, so Excel reads it as UTF-8."""
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([column.header for column in SPREADSHEET_COLUMNS])
    for row in chronology_rows(chronology):
        writer.writerow([spreadsheet_safe(column.value(row)) for column in SPREADSHEET_COLUMNS])
    return buffer.getvalue()


def write_csv(*, chronology: Chronology, path: Path) -> None:
    path.write_text(chronology_csv(chronology), encoding="utf-8", newline="")


def chronology_json(chronology: Chronology) -> str:
    return json.dumps(merge_json(chronology), ensure_ascii=False, indent=2)


def write_json(*, chronology: Chronology, path: Path) -> None:
    path.write_text(chronology_json(chronology) + "\n", encoding="utf-8")


def write_docx(*, chronology: Chronology, path: Path, title: str = "Combined multi-agency chronology") -> None:
    """A landscape A4 document with the chronology as case reviews lay it out, header row repeated."""
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
    document.add_paragraph(f"{len(rows)} entries from {agencies} agencies, in date order.")
    table = document.add_table(rows=1, cols=len(_DOCX_COLUMNS))
    table.style = "Table Grid"
    header = table.rows[0]
    _repeat_as_header(header)
    for cell, (text, width) in zip(header.cells, _DOCX_COLUMNS, strict=True):
        cell.width = Cm(width)
        cell.text = ""
        cell.paragraphs[0].add_run(text).bold = True
    for row in rows:
        cells = table.add_row().cells
        for cell, text, (_, width) in zip(cells, _docx_values(row), _DOCX_COLUMNS, strict=True):
            cell.width = Cm(width)
            cell.text = text
    document.save(str(path))


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
