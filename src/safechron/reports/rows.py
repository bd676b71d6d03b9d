"""The combined chronology as rows people read: one model shared by every tabular export.

Each export (xlsx, csv, docx, html, text) lays out the same `ChronologyRow`s; the
columns of the spreadsheet exports are defined once, in `SPREADSHEET_COLUMNS`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from safechron.chronology.model import Chronology, Entry
from safechron.vocabulary import RISK_TAGS, humanise

__all__ = [
    "SPREADSHEET_COLUMNS",
    "ChronologyRow",
    "Column",
    "ReportTable",
    "chronology_rows",
    "entry_anchor",
    "person_names",
    "spreadsheet_safe",
]

#: A spreadsheet runs a cell starting with one of these as a formula (or may, after a tab or return).
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value: str) -> str:
    """The text with an apostrophe in front when a spreadsheet would otherwise run it as a formula."""
    return "'" + value if value.startswith(_FORMULA_STARTS) else value


def entry_anchor(*, agency: str, record_id: str) -> str:
    """The HTML id of an entry's row: stable, unique per agency and record, safe in a URL fragment."""
    text = f"{agency}-{record_id}".lower()
    return "entry-" + "".join(ch if ch.isalnum() else "-" for ch in text)


def person_names(chronology: Chronology, person_ids: list[str] | tuple[str, ...]) -> list[str]:
    """The names people read for person ids (the id itself when a person has no name)."""
    names = _names_by_id(chronology)
    return [names.get(pid, pid) for pid in person_ids]


def _names_by_id(chronology: Chronology) -> dict[str, str]:
    """Each person's id with the name people read for them (the id itself when they have no name)."""
    return {person.person_id: person.display_name or person.person_id for person in chronology.persons}


@dataclass(frozen=True, slots=True)
class ChronologyRow:
    """One entry of the combined chronology, ready to be laid out."""

    entry: Entry
    date_as_given: str  # ISO as given: '2016-05-22', '2016-05', '?2016-05-22'
    date_in_words: str  # '22 May 2016', 'May 2016', 'About 22 May 2016'
    time: str
    agency: str
    agency_type: str
    record_id: str
    person_ids: tuple[str, ...]
    who: str
    event: str
    summary: str
    action: str
    outcome: str
    agency_tags: tuple[str, ...]  # sentence-case labels
    proposed_tags: tuple[str, ...]  # sentence-case labels, only those the agency did not assign
    author_role: str
    seen: str
    related_record: str
    anchor: str

    @property
    def action_and_outcome(self) -> str:
        parts = (
            f"Action: {self.action}" if self.action else "",
            f"Outcome: {self.outcome}" if self.outcome else "",
        )
        return "\n".join(part for part in parts if part)

    @property
    def tags_text(self) -> str:
        """Agency tags and proposed tags, told apart in words (colour is never the only cue)."""
        parts = []
        if self.agency_tags:
            parts.append("Agency: " + ", ".join(self.agency_tags))
        if self.proposed_tags:
            parts.append("Proposed: " + ", ".join(self.proposed_tags))
        return "\n".join(parts)


@dataclass(frozen=True, slots=True)
class ReportTable:
    """A table an export shows before the chronology (a review's family key, for instance): a sheet of a
    workbook, or a section with a note and a table in a document or a web page."""

    title: str
    note: str
    columns: tuple[tuple[str, int], ...]  # header and width in characters
    rows: tuple[tuple[str, ...], ...]


_TAG_ORDER = {tag: index for index, tag in enumerate(RISK_TAGS)}


def _labels(tags: frozenset[str]) -> tuple[str, ...]:
    """Tag labels in the order of the tag list, so related tags sit together."""
    return tuple(humanise(tag) for tag in sorted(tags, key=lambda tag: (_TAG_ORDER.get(tag, len(_TAG_ORDER)), tag)))


def chronology_rows(chronology: Chronology) -> list[ChronologyRow]:
    """Every entry of the chronology as a row, in the chronology's date order."""
    rows = []
    names_by_id = _names_by_id(chronology)  # once, not once an entry: a merge can hold many thousands of people
    for entry in chronology.entries:
        person_ids = tuple(chronology.subject_ids(entry))
        names = [names_by_id.get(pid, pid) for pid in person_ids]
        unlinked = [key for key in entry.subjects if key not in chronology.person_of_record]
        rows.append(
            ChronologyRow(
                entry=entry,
                date_as_given=entry.date.iso(),
                date_in_words=entry.date.display(),
                time=entry.time.strftime("%H:%M") if entry.time else "",
                agency=entry.agency,
                agency_type=humanise(entry.agency_type),
                record_id=entry.record_id,
                person_ids=person_ids,
                who=", ".join(names + unlinked),
                event=humanise(entry.event_type),
                summary=entry.summary,
                action=entry.action,
                outcome=entry.outcome,
                agency_tags=_labels(entry.agency_tags),
                proposed_tags=_labels(entry.proposed_tags - entry.agency_tags),
                author_role=entry.author_role,
                seen=humanise(entry.seen) if entry.seen else "",
                related_record=entry.related_record,
                anchor=entry_anchor(agency=entry.agency, record_id=entry.record_id),
            )
        )
    return rows


@dataclass(frozen=True, slots=True)
class Column:
    """One column of a spreadsheet export: its header, its value and how wide and wrapped it is."""

    header: str
    value: Callable[[ChronologyRow], str]
    width: int  # characters
    wrap: bool = False


SPREADSHEET_COLUMNS: tuple[Column, ...] = (
    Column("Date", lambda row: row.date_as_given, 13),
    Column("Time", lambda row: row.time, 7),
    Column("Agency", lambda row: row.agency, 24, wrap=True),
    Column("Agency type", lambda row: row.agency_type, 20, wrap=True),
    Column("Record id", lambda row: row.record_id, 14),
    Column("Who", lambda row: row.who, 24, wrap=True),
    Column("Person ids", lambda row: "; ".join(row.person_ids), 12),
    Column("Event", lambda row: row.event, 20, wrap=True),
    Column("What happened", lambda row: row.summary, 60, wrap=True),
    Column("Action", lambda row: row.action, 30, wrap=True),
    Column("Outcome", lambda row: row.outcome, 30, wrap=True),
    Column("Agency tags", lambda row: "; ".join(row.agency_tags), 24, wrap=True),
    Column("Proposed tags", lambda row: "; ".join(row.proposed_tags), 24, wrap=True),
    Column("Seen", lambda row: row.seen, 12),
    Column("Author role", lambda row: row.author_role, 18, wrap=True),
    Column("Related record", lambda row: row.related_record, 14),
)
