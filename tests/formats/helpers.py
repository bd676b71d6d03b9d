"""Write real submission files for the reader's tests: CSV folders, workbooks and zips."""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Sequence
from pathlib import Path

import openpyxl

Rows = Sequence[Sequence[object]]

PEOPLE_HEADER = [
    "agency",
    "person_ref",
    "given_names",
    "family_name",
    "date_of_birth",
    "sex",
    "nhs_number",
    "postcode",
    "role",
    "lives_with_child",
]
ENTRIES_HEADER = ["agency", "agency_type", "record_id", "date", "time", "subjects", "event_type", "summary"]
AGENCY = "Lancashire Constabulary"
PEOPLE = [
    [AGENCY, "P-1", "Kayleigh", "Marsh", "19/10/1990", "f", "943 476 5919", "fy1 3ab", "mother", "yes"],
    [AGENCY, "P-2", "Darren", "Holt", "1988-03", "m", "", "FY13AB", "father", "no"],
]


def entry(
    record_id: str,
    day: str = "2016-05-22",
    event_type: str = "domestic_abuse_incident",
    summary: str = "Police called to a verbal argument.",
    subjects: str = "P-1; P-2",
    at: str = "",
) -> list[str]:
    return [AGENCY, "police", record_id, day, at, subjects, event_type, summary]


def csv_text(header: Sequence[str], rows: Rows) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue()


def write_folder(
    folder: Path,
    *,
    entries: Rows,
    people: Rows | None = PEOPLE,
    entries_header: Sequence[str] = ENTRIES_HEADER,
    people_header: Sequence[str] = PEOPLE_HEADER,
    encoding: str = "utf-8",
) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    if people is not None:
        (folder / "people.csv").write_bytes(csv_text(people_header, people).encode(encoding))
    (folder / "entries.csv").write_bytes(csv_text(entries_header, entries).encode(encoding))
    return folder


def write_workbook(path: Path, sheets: dict[str, tuple[Sequence[str], Rows]]) -> Path:
    book = openpyxl.Workbook()
    book.remove(book.active)
    for title, (header, rows) in sheets.items():
        sheet = book.create_sheet(title)
        sheet.append(list(header))
        for row in rows:
            sheet.append(list(row))
    book.save(path)
    return path


def write_zip(path: Path, members: dict[str, str | bytes]) -> Path:
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            archive.writestr(name, content.encode() if isinstance(content, str) else content)
    return path
