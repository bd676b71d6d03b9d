"""The two tables of a submission, as rows of text, from an .xlsx workbook, a .zip or a folder of CSV files.

This layer knows about files only: encodings, archives and sheets. What the columns mean is the
reader's business (formats/reader.py). Rows are produced lazily so a million-row table is never
held in memory twice; a zip is read in memory and never extracted, so it cannot write anywhere.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
import zipfile
import zlib
from collections.abc import Iterator
from contextlib import ExitStack
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path, PurePosixPath

import openpyxl
from openpyxl.worksheet._read_only import ReadOnlyWorksheet

from safechron.formats.errors import SubmissionError
from safechron.vocabulary import normalise_token

__all__ = ["MAX_MEMBER_BYTES", "Table", "TablePair", "is_submission_folder", "open_tables"]

#: The largest table a zip or workbook may unpack to. Far above any real chronology (a million
#: entries is about 200 MB of CSV), far below what would exhaust the machine.
MAX_MEMBER_BYTES = 2 * 1024**3
#: Text compresses about ten to one; a member unpacking to much more than this is built to do harm.
_MAX_RATIO = 400
_RATIO_APPLIES_ABOVE = 64 * 1024**2
_CHUNK = 1 << 20
_WORKBOOK_FIX = "Save it from Excel as an Excel Workbook (.xlsx), or send a folder or zip of CSV files"
_CSV_FIX = "Save it from Excel with 'Save as', type 'CSV UTF-8 (Comma delimited)'"
_TABLE_NAMES = ("people", "entries")
_SEPARATOR_LINE = re.compile(rb"^sep=([,;\t|])\r?(?:\n|$)", re.IGNORECASE)


@dataclass(slots=True)
class Table:
    """One table of a submission: its header and its data rows as text, numbered as a spreadsheet shows them."""

    file: str  # as people know it: 'police/entries.csv', 'school.xlsx'
    name: str  # 'people' or 'entries'
    header: list[str]
    rows: Iterator[tuple[int, list[str]]]  # (row number with the header as row 1, cells)
    notes: list[str] = field(default_factory=list)  # things about the whole file the importer should know


@dataclass(slots=True)
class TablePair:
    people: Table | None  # None: the single-table form, names in `subjects`
    entries: Table


def open_tables(*, path: Path, stack: ExitStack) -> TablePair:
    """The tables of one submission; files they read from stay open until `stack` closes."""
    label = path.name
    if not path.exists():
        raise SubmissionError(file=str(path), problem="there is no such file or folder", fix="Check the path")
    if path.is_dir():
        return _folder_tables(path)
    suffix = path.suffix.lower()
    if suffix in {".xlsx", ".xlsm"}:
        return _workbook_tables(path, stack)
    if suffix == ".zip":
        return _zip_tables(path)
    if suffix == ".xls":
        raise SubmissionError(
            file=label, problem="this is an Excel 97-2003 workbook (.xls), which cannot be read", fix=_WORKBOOK_FIX
        )
    if suffix == ".csv":
        raise SubmissionError(
            file=label,
            problem="a CSV file on its own is not a submission",
            fix="Give the folder (or zip) that holds people.csv and entries.csv",
        )
    raise SubmissionError(
        file=label,
        problem="this is not a submission file",
        fix="Give an .xlsx workbook, a .zip, or a folder holding people.csv and entries.csv",
    )


def is_submission_folder(folder: Path) -> bool:
    """A folder that holds a submission's CSV files itself (rather than submissions one level down)."""
    return _find_file(folder, "entries.csv") is not None


# --- folders and zips of CSV files -------------------------------------------------------------------


def _find_file(folder: Path, name: str) -> Path | None:
    """The file of that name in any case ('Entries.CSV'); where a file system holds several, the first by name."""
    for child in sorted(folder.iterdir()):
        if child.name.lower() == name and child.is_file():
            return child
    return None


def _folder_tables(folder: Path) -> TablePair:
    entries = _find_file(folder, "entries.csv")
    if entries is None:
        raise SubmissionError(
            file=folder.name,
            problem="the folder holds no entries.csv",
            fix="Put the agency's chronology in entries.csv (and its people in people.csv) in this folder",
        )
    people = _find_file(folder, "people.csv")
    return TablePair(
        people=_csv_table(data=people.read_bytes(), file=f"{folder.name}/{people.name}", name="people")
        if people
        else None,
        entries=_csv_table(data=entries.read_bytes(), file=f"{folder.name}/{entries.name}", name="entries"),
    )


def _unsafe_member(name: str) -> bool:
    if name.startswith(("/", "\\")) or "\\" in name or (len(name) > 1 and name[1] == ":"):
        return True
    return ".." in PurePosixPath(name).parts


def _check_archive(archive: zipfile.ZipFile, label: str) -> None:
    """Refuse members that point outside the archive's folder or would unpack to an absurd size."""
    for info in archive.infolist():
        if _unsafe_member(info.filename):
            raise SubmissionError(
                file=label,
                problem=f"the zip holds '{info.filename}', a path that points outside its own folder",
                fix="Make the zip again from the submission folder itself",
            )
        too_big = info.file_size > MAX_MEMBER_BYTES
        bomb = info.file_size > _RATIO_APPLIES_ABOVE and info.file_size > _MAX_RATIO * max(info.compress_size, 1)
        if too_big or bomb:
            raise SubmissionError(
                file=label,
                problem=f"'{info.filename}' would unpack to {info.file_size:,} bytes, far more than a chronology",
                fix="Check the file is the agency's submission; split a very large chronology into smaller ones",
            )


def _zip_tables(path: Path) -> TablePair:
    label = path.name
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError) as exc:
        raise SubmissionError(
            file=label, problem="this is not a zip file or it is damaged", fix="Make the zip again"
        ) from exc
    with archive:
        _check_archive(archive, label)
        found: dict[str, list[zipfile.ZipInfo]] = {name: [] for name in _TABLE_NAMES}
        for info in archive.infolist():
            parts = PurePosixPath(info.filename).parts
            if info.is_dir() or len(parts) > 2 or any(p.startswith((".", "__MACOSX")) for p in parts):
                continue
            stem = parts[-1].lower().removesuffix(".csv")
            if parts[-1].lower().endswith(".csv") and stem in found:
                found[stem].append(info)
        if not found["entries"]:
            raise SubmissionError(
                file=label,
                problem="the zip holds no entries.csv",
                fix="Put people.csv and entries.csv in the zip, at the top or in one folder",
            )
        if len(found["entries"]) > 1 or len(found["people"]) > 1:
            raise SubmissionError(
                file=label,
                problem="the zip holds more than one submission",
                fix="Send one zip for each agency's submission",
            )
        entries = found["entries"][0]
        people = found["people"][0] if found["people"] else None
        if people is not None and PurePosixPath(people.filename).parent != PurePosixPath(entries.filename).parent:
            raise SubmissionError(
                file=label,
                problem="people.csv and entries.csv are in different folders of the zip",
                fix="Put them side by side in one folder",
            )
        return TablePair(
            people=_csv_table(
                data=_member_bytes(archive, people, label), file=f"{label}/{people.filename}", name="people"
            )
            if people
            else None,
            entries=_csv_table(
                data=_member_bytes(archive, entries, label), file=f"{label}/{entries.filename}", name="entries"
            ),
        )


def _member_bytes(archive: zipfile.ZipFile, info: zipfile.ZipInfo, label: str) -> bytes:
    try:
        with archive.open(info) as member:
            return member.read(MAX_MEMBER_BYTES)
    except (zipfile.BadZipFile, zlib.error, OSError, EOFError, NotImplementedError, RuntimeError, ValueError) as exc:
        raise SubmissionError(
            file=f"{label}/{info.filename}",
            problem="the file cannot be unpacked (the zip is damaged, encrypted or uses an unknown compression)",
            fix="Make the zip again without a password",
        ) from exc


# --- CSV text ------------------------------------------------------------------------------------------


def _encoding_of(data: bytes, file: str) -> tuple[str, list[str]]:
    """UTF-8 (with or without BOM), else Windows-1252 as Excel saves 'CSV (Comma delimited)', else refuse."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise SubmissionError(file=file, problem="the file is saved as UTF-16 ('Unicode text')", fix=_CSV_FIX)
    if data.startswith(b"PK\x03\x04"):
        raise SubmissionError(file=file, problem="the file is a workbook or zip saved with a .csv name", fix=_CSV_FIX)
    decoder = codecs.getincrementaldecoder("utf-8")()
    try:
        for start in range(0, len(data), _CHUNK):
            decoder.decode(data[start : start + _CHUNK])
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        try:
            for start in range(0, len(data), _CHUNK):
                data[start : start + _CHUNK].decode("cp1252")
        except UnicodeDecodeError:
            raise SubmissionError(
                file=file, problem="the file is neither UTF-8 nor Windows-1252 text", fix=_CSV_FIX
            ) from None
        return "cp1252", [
            "the file was saved as Windows-1252 text (Excel's 'CSV (Comma delimited)'), not UTF-8, and was read as "
            "such; check that accented letters and symbols look right, and save it as 'CSV UTF-8' next time"
        ]
    return "utf-8-sig", []


def _csv_table(*, data: bytes, file: str, name: str) -> Table:
    encoding, notes = _encoding_of(data, file)
    stream = io.TextIOWrapper(io.BytesIO(data), encoding=encoding, newline="")
    # Excel may write a first line 'sep=;' naming the separator; it does not show that line as a row.
    separator = _SEPARATOR_LINE.match(data.removeprefix(codecs.BOM_UTF8)[:8])
    if separator is not None:
        stream.readline()
    reader = csv.reader(stream, delimiter=separator.group(1).decode() if separator else ",")
    try:
        header = next(reader, None)
    except csv.Error as exc:
        raise _csv_error(file, 1, exc) from exc
    if header is None or not any(cell.strip() for cell in header):
        raise SubmissionError(
            file=file, problem="the file is empty", fix=f"Put the {name} table in it, with its header in row 1"
        )
    if len(header) == 1 and (";" in header[0] or "\t" in header[0]):
        raise SubmissionError(
            file=file, problem="the values are separated by semicolons or tabs, not commas", fix=_CSV_FIX
        )
    return Table(file=file, name=name, header=header, rows=_csv_rows(reader, file), notes=notes)


def _csv_rows(reader: Iterator[list[str]], file: str) -> Iterator[tuple[int, list[str]]]:
    number = 1
    try:
        for cells in reader:
            number += 1
            yield number, cells
    except csv.Error as exc:
        raise _csv_error(file, number + 1, exc) from exc


def _csv_error(file: str, row: int, exc: csv.Error) -> SubmissionError:
    return SubmissionError(
        file=file,
        problem=f"row {row} cannot be read as CSV ({exc})",
        fix="Look for a double quote that opens a value and is never closed, then save the file again as CSV",
    )


# --- workbooks -----------------------------------------------------------------------------------------


def _workbook_tables(path: Path, stack: ExitStack) -> TablePair:
    label = path.name
    try:
        with zipfile.ZipFile(path) as archive:
            _check_archive(archive, label)
        # openpyxl raises many kinds of error for a damaged or foreign file; each means the same here.
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except SubmissionError:
        raise
    except Exception as exc:
        raise SubmissionError(
            file=label, problem="this is not an Excel workbook or it is damaged", fix=_WORKBOOK_FIX
        ) from exc
    stack.callback(book.close)
    sheets = {normalise_token(sheet.title): sheet for sheet in book.worksheets if isinstance(sheet, ReadOnlyWorksheet)}
    if "entries" not in sheets:
        raise SubmissionError(
            file=label,
            problem=f"the workbook has no sheet named 'entries' (its sheets: {', '.join(book.sheetnames)})",
            fix="Name the sheet holding the chronology 'entries' (and the one holding people 'people')",
        )
    people = sheets.get("people")
    return TablePair(
        people=_sheet_table(sheet=people, file=label, name="people") if people is not None else None,
        entries=_sheet_table(sheet=sheets["entries"], file=label, name="entries"),
    )


def _sheet_table(*, sheet: ReadOnlyWorksheet, file: str, name: str) -> Table:
    rows = _sheet_rows(sheet, file)
    header = next(rows, None)
    if header is None or not any(cell.strip() for cell in header[1]):
        raise SubmissionError(
            file=file,
            problem=f"the sheet '{name}' is empty",
            fix=f"Put the {name} table in it, with its header in row 1",
        )
    return Table(file=file, name=name, header=header[1], rows=rows)


def _sheet_rows(sheet: ReadOnlyWorksheet, file: str) -> Iterator[tuple[int, list[str]]]:
    try:
        sheet.reset_dimensions()  # the dimensions saved in a workbook are often wrong
        for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
            yield number, [_cell_text(value) for value in values]
    except SubmissionError:
        raise
    except Exception as exc:
        raise SubmissionError(
            file=file, problem="the workbook is damaged and cannot be read to the end", fix=_WORKBOOK_FIX
        ) from exc


def _cell_text(value: object) -> str:
    """A cell as the text the format describes; real date cells become ISO dates, whole numbers lose '.0'."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, datetime):
        if value.time() == time(0, 0):
            return value.date().isoformat()
        return value.isoformat(sep=" ", timespec="minutes")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, time):
        return value.strftime("%H:%M" if value.second == 0 else "%H:%M:%S")
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
