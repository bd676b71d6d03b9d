"""The columns of the two tables and how a header row is matched to them.

Column names are matched case-insensitively, trimmed, with '_', '-' and space the same
(vocabulary.normalise_token). A few names agencies commonly use for a column of the format
('DOB', 'Surname', 'NHS no') are taken as that column. Any other column is kept as extra data.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import islice

from safechron.formats.errors import SubmissionError
from safechron.formats.tables import Table
from safechron.vocabulary import normalise_token

__all__ = ["ENTRIES", "PEOPLE", "Layout", "TableSpec", "column_letter", "layout_of"]


#: How far down a table to look for column names that are not in row 1 (a title above them).
_HEADER_SEARCH_ROWS = 10


@dataclass(frozen=True, slots=True)
class TableSpec:
    name: str
    columns: tuple[str, ...]
    required: tuple[str, ...]
    aliases: dict[str, str]


PEOPLE = TableSpec(
    name="people",
    columns=(
        "agency",
        "person_ref",
        "given_names",
        "family_name",
        "known_as",
        "date_of_birth",
        "expected_date",
        "sex",
        "nhs_number",
        "upn",
        "pnc_id",
        "la_id",
        "postcode",
        "address",
        "role",
        "lives_with_child",
    ),
    required=("agency", "person_ref"),
    aliases={
        "given_name": "given_names",
        "first_name": "given_names",
        "first_names": "given_names",
        "forename": "given_names",
        "forenames": "given_names",
        "surname": "family_name",
        "last_name": "family_name",
        "dob": "date_of_birth",
        "d.o.b.": "date_of_birth",
        "d.o.b": "date_of_birth",
        "birth_date": "date_of_birth",
        "edd": "expected_date",
        "due_date": "expected_date",
        "gender": "sex",
        "nhs_no": "nhs_number",
        "nhs_no.": "nhs_number",
        "nhs": "nhs_number",
        "post_code": "postcode",
        "pnc": "pnc_id",
        "aka": "known_as",
    },
)

ENTRIES = TableSpec(
    name="entries",
    columns=(
        "agency",
        "agency_type",
        "record_id",
        "date",
        "time",
        "sequence",
        "recorded_date",
        "subjects",
        "event_type",
        "summary",
        "action",
        "outcome",
        "author_role",
        "tags",
        "seen",
        "visit_kind",
        "meeting_invitees",
        "meeting_attendees",
        "related_record",
    ),
    required=("agency", "agency_type", "record_id", "date", "subjects", "event_type", "summary"),
    aliases={"date_recorded": "recorded_date", "subject": "subjects", "event": "event_type", "author": "author_role"},
)


@dataclass(frozen=True, slots=True)
class Layout:
    """Where each column of the format sits in a table's rows, and what the other columns are called."""

    width: int
    position: dict[str, int]  # format column -> index in a row
    names: tuple[str, ...]  # every column's header as the importer wrote it (made unique), for verbatim values
    extra: tuple[tuple[int, str], ...]  # (index, name) of columns that are not in the format

    def name_at(self, index: int) -> str:
        return self.names[index] if index < self.width else f"column {column_letter(index)}"


def column_letter(index: int) -> str:
    """The spreadsheet letter of a 0-based column index: 0 -> 'A', 26 -> 'AA'."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def _column(written: str, spec: TableSpec) -> str:
    """The format's name for a column as written ('Person Ref' -> 'person_ref', 'DOB' -> 'date_of_birth')."""
    token = normalise_token(written)
    return spec.aliases.get(token, token)


def layout_of(*, table: Table, spec: TableSpec) -> Layout:
    """Match a header row to the format's columns; refuse a table missing a required column or naming one twice."""
    position: dict[str, int] = {}
    names: list[str] = []
    extra: list[tuple[int, str]] = []
    for index, cell in enumerate(table.header):
        written = cell.strip()
        column = _column(written, spec)
        if column in spec.columns:
            if column in position:
                raise SubmissionError(
                    file=table.file,
                    problem=f"the {spec.name} table has the column '{column}' twice "
                    f"(columns {column_letter(position[column])} and {column_letter(index)})",
                    fix=f"Keep one column named {column} and rename or remove the other",
                )
            position[column] = index
        name = written or f"column {column_letter(index)}"
        if name in names:
            name = f"{name} (column {column_letter(index)})"
        names.append(name)
        if column not in spec.columns:
            extra.append((index, name))
    missing = [column for column in spec.required if column not in position]
    if missing:
        for number, cells in islice(table.rows, _HEADER_SEARCH_ROWS):
            if set(spec.required) <= {_column(cell, spec) for cell in cells}:
                raise SubmissionError(
                    file=table.file,
                    problem=f"the {spec.name} table's column names are in row {number}, not row 1",
                    fix="Delete the rows above the column names",
                )
        listed = ", ".join(missing)
        raise SubmissionError(
            file=table.file,
            problem=f"the {spec.name} table has no column {listed}"
            if len(missing) == 1
            else f"the {spec.name} table has no columns {listed}",
            fix=f"Name the columns in row 1; the {spec.name} table needs {', '.join(spec.required)}",
        )
    return Layout(width=len(names), position=position, names=tuple(names), extra=tuple(extra))
