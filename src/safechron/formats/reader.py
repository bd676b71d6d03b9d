"""Read agency chronology submissions (agency-chronology-format.md, version 1) into person records and entries.

Nothing is lost and nothing is changed silently: every data row comes out as a record or as a
quarantined row (kept verbatim, with its spreadsheet row number, column and a reason that says the
fix); a value that is kept but could not be understood is a warning, and its raw text stays in the
record's `extra`. Rows with nothing in any cell hold no data and are passed over.

Decisions the format leaves open:

- A person row is quarantined only when it cannot be a record at all (no agency or person_ref, a
  person_ref used twice, another agency's row). An unreadable date of birth, NHS number, postcode
  or sex is a warning: a child must never drop out of the family over a typing slip.
- An entry row is quarantined when a required value is missing or unreadable, or when a typed value
  (time, sequence, recorded_date) cannot be read; unknown optional vocabulary (tags, seen,
  visit_kind) is a warning.
- A subject that is not in the people table is a warning: the entry is kept, no person is invented
  for the reference, and the agency's subjects text is kept in `extra['subjects']`.
- The submission's agency is the first one named (people table first); agency names that differ only
  in case or spacing are the same agency.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator, Sequence
from contextlib import ExitStack, contextmanager
from datetime import date, time
from pathlib import Path

from safechron.chronology.dates import DateError, PartialDate
from safechron.chronology.identifiers import (
    nhs_number_is_valid,
    normalise_nhs_number,
    normalise_postcode,
    normalise_reference,
    postcode_is_valid,
)
from safechron.chronology.model import Entry, PersonRecord, QuarantinedRow, RowIssue, SourceRow, Submission, record_key
from safechron.formats.columns import ENTRIES, PEOPLE, Layout, layout_of
from safechron.formats.errors import SubmissionError
from safechron.formats.tables import Table, is_submission_folder, open_tables
from safechron.formats.values import (
    agency_type_in_words,
    event_type_in_words,
    role_in_name,
    role_of,
    sequence_of,
    sex_of,
    split_list,
    tag_of,
    time_of,
    yes_no,
)
from safechron.vocabulary import AGENCY_TYPES, EVENT_TYPES, SEEN_VALUES, VISIT_KINDS, normalise_token

__all__ = ["read_paths", "read_submission"]

_EMPTY_FIXES: dict[str, str] = {
    "agency": "fill in the agency's name, the same on every row",
    "person_ref": "give the person the agency's own identifier for them",
    "agency_type": "use one of the agency types of the format",
    "record_id": "give the entry the agency's own id for it",
    "date": "give the date it happened (2016-10 or 2016 when only the month or year is known)",
    "subjects": "name the people the entry is about, separated by semicolons",
    "event_type": "use one of the event types of the format, or 'note'",
    "summary": "write what happened, in the agency's words",
}
_ARCHIVES = {".xlsx", ".xlsm", ".zip"}
#: The values as written in the format, to keep one copy of each rather than one a row.
_SEEN = {value: value for value in SEEN_VALUES}
_VISIT_KINDS = {value: value for value in VISIT_KINDS}


def read_submission(path: Path) -> Submission:
    """Read one submission: an .xlsx workbook, a .zip, or a folder holding people.csv and entries.csv.

    Raises SubmissionError when the file cannot be read at all; bad rows are quarantined instead.
    """
    with ExitStack() as stack:
        stack.enter_context(_collector_paused())
        tables = open_tables(path=path, stack=stack)
        reader = _Reader(path=path)
        has_people_table = tables.people is not None and reader.read_people(tables.people)
        reader.read_entries(tables.entries, has_people_table=has_people_table)
        return reader.submission(has_people_table=has_people_table)


def read_paths(paths: Sequence[Path]) -> list[Submission]:
    """Read every submission named: each path is one, and a folder holding submissions one level down
    (folders of CSV files, workbooks, zips) counts as all of them, in name order."""
    submissions: list[Submission] = []
    with _collector_paused():
        for path in paths:
            submissions.extend(read_submission(item) for item in _submissions_in(path))
    return submissions


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause Python's cycle collector while reading. Reading makes millions of records and no reference
    cycles; left running, the collector walks every record made so far again and again (reading a
    million entries takes three times as long). Reference counting still frees everything as usual."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _submissions_in(path: Path) -> list[Path]:
    if not path.is_dir() or is_submission_folder(path):
        return [path]
    found = sorted(
        (
            child
            for child in path.iterdir()
            if not child.name.startswith((".", "~$"))
            and (
                (child.is_file() and child.suffix.lower() in _ARCHIVES)
                or (child.is_dir() and any(c.suffix.lower() == ".csv" for c in child.iterdir()))
            )
        ),
        key=lambda child: child.name,
    )
    if not found:
        loose = sorted(child.name for child in path.iterdir() if child.suffix.lower() == ".csv")
        raise SubmissionError(
            file=path.name,
            problem=f"the folder holds no submission: {', '.join(loose)} but no entries.csv"
            if loose
            else "the folder holds no submission",
            fix="Give a folder holding people.csv and entries.csv, a workbook, a zip, or a folder of these",
        )
    return found


def _fold(text: str) -> str:
    return " ".join(text.split()).casefold()


def _name_parts(name: str) -> tuple[str, str]:
    """Given names and family name of a name written in full: 'Kayleigh Ann Marsh' -> ('Kayleigh Ann', 'Marsh')."""
    given, _, family = name.rpartition(" ")
    return (given, family) if given else (family, "")


def _date_reason(column: str, text: str, error: DateError) -> str:
    """'date '31/02/2016' is not a date: day 31 does not exist in February 2016'."""
    detail = str(error)
    words = column.replace("_", " ")
    return f"{words} {detail}" if detail.startswith("'") else f"{words} '{text}' is not a date: {detail}"


def _is_blank(raw: list[str]) -> bool:
    return not (raw and raw[0].strip()) and not "".join(raw).strip()


def _padding(width: int) -> list[list[str]]:
    """For a row of n cells (n <= width), the empty cells that make it width + 1 long: the spare cell at
    index `width` stands for every column the table does not have."""
    return [[""] * (width + 1 - n) for n in range(width + 1)]


class _Reader:
    """The state of reading one submission: its agency, what has been read so far, and memos of values."""

    def __init__(self, *, path: Path) -> None:
        self.path = path
        self.agency = ""
        self._agency_folded = ""
        self.people: list[PersonRecord] = []
        self.entries: list[Entry] = []
        self.quarantine: list[QuarantinedRow] = []
        self.warnings: list[RowIssue] = []
        self._dates: dict[str, PartialDate] = {}
        self._agency_types: dict[str, str] = {}  # as written -> vocabulary token, for values in the list
        self._event_types: dict[str, str] = {}
        self._person_rows: dict[str, int] = {}  # person_ref -> row
        self._refs_folded: dict[str, str] = {}  # person_ref, case and spacing folded -> person_ref
        self._quarantined_refs: dict[str, int] = {}  # person_ref of a quarantined people row -> its row
        self._names: dict[str, str] = {}  # single-table form: name folded -> person_ref
        self._times: dict[str, time] = {}
        self._announced: set[tuple[str, str]] = set()  # (column, words) already noted as read as a type
        self._subject_keys: dict[str, tuple[str, ...]] = {}  # subjects text -> record keys, all known

    def submission(self, *, has_people_table: bool) -> Submission:
        return Submission(
            path=self.path,
            agency=self.agency,
            people=self.people,
            entries=self.entries,
            quarantine=self.quarantine,
            warnings=self.warnings,
            has_people_table=has_people_table,
        )

    # --- shared ----------------------------------------------------------------------------------

    def _notes(self, table: Table) -> None:
        self.warnings.extend(RowIssue(file=table.file, row=0, column="", reason=note) for note in table.notes)

    def _agency_problem(self, value: str) -> str | None:
        if not value:
            return f"agency is empty; {_EMPTY_FIXES['agency']}"
        if not self.agency:
            self.agency, self._agency_folded = value, _fold(value)
            return None
        if value == self.agency or _fold(value) == self._agency_folded:
            return None
        return (
            f"agency '{value}' is not '{self.agency}', the agency of this submission; "
            "send each agency's rows in its own submission"
        )

    def _date(self, text: str) -> PartialDate:
        found = self._dates.get(text)
        if found is None:
            found = self._dates[text] = PartialDate.parse(text)
        return found

    def _quarantine(
        self, table: Table, layout: Layout, row: int, cells: list[str], problems: list[tuple[str, str]]
    ) -> None:
        self.quarantine.append(
            QuarantinedRow(
                file=table.file,
                table=table.name,
                row=row,
                column=", ".join(column for column, _ in problems),
                reason=". Also, ".join(reason for _, reason in problems),
                values={layout.name_at(i): value for i, value in enumerate(cells) if i < layout.width or value},
            )
        )

    @staticmethod
    def _extra(layout: Layout, raw: list[str]) -> dict[str, str]:
        """Values of columns the format does not have, and of cells beyond the header, kept by column name."""
        width = len(raw)
        extra = {name: raw[i].strip() for i, name in layout.extra if i < width and raw[i].strip()}
        for i in range(layout.width, width):
            if raw[i].strip():
                extra[layout.name_at(i)] = raw[i].strip()
        return extra

    # --- people -----------------------------------------------------------------------------------

    def read_people(self, table: Table) -> bool:
        """Read the people table; False when it has no rows, so the names in `subjects` are the people."""
        layout = layout_of(table=table, spec=PEOPLE)
        self._notes(table)
        pos = layout.position
        width = layout.width
        at = {column: pos.get(column, width) for column in PEOPLE.columns}
        padding = _padding(width)
        for row, raw in table.rows:
            if _is_blank(raw):
                continue
            cells = raw[:width] + padding[min(len(raw), width)]
            agency = cells[pos["agency"]].strip()
            ref = cells[pos["person_ref"]].strip()
            problems: list[tuple[str, str]] = []
            agency_problem = self._agency_problem(agency)
            if agency_problem:
                problems.append(("agency", agency_problem))
            if not ref:
                problems.append(("person_ref", f"person ref is empty; {_EMPTY_FIXES['person_ref']}"))
            elif ref in self._person_rows:
                problems.append(
                    (
                        "person_ref",
                        f"person ref '{ref}' is already used on row {self._person_rows[ref]}; "
                        "give each person their own person ref",
                    )
                )
            if problems:
                self._quarantine(table, layout, row, raw, problems)
                if ref:
                    self._quarantined_refs.setdefault(ref, row)
                continue
            self._person_rows[ref] = row
            self._refs_folded.setdefault(_fold(ref), ref)
            self.people.append(self._person(table, layout, row, cells, raw, at, ref))
        if self._person_rows or self.quarantine:
            return True
        self.warnings.append(
            RowIssue(
                file=table.file,
                row=0,
                column="",
                reason="the people table has no rows, so the names in the entries' subjects are taken as the people",
            )
        )
        return False

    def _person(
        self, table: Table, layout: Layout, row: int, cells: list[str], raw: list[str], at: dict[str, int], ref: str
    ) -> PersonRecord:
        extra = self._extra(layout, raw)

        def warn(column: str, reason: str, raw: str) -> None:
            self.warnings.append(RowIssue(file=table.file, row=row, column=column, reason=reason))
            extra[column] = raw

        def date_value(column: str, raw: str) -> PartialDate | None:
            if not raw:
                return None
            try:
                return self._date(raw)
            except DateError as exc:
                warn(column, f"{_date_reason(column, raw, exc)}; the person is kept without it", raw)
                return None

        dob_raw = cells[at["date_of_birth"]].strip()
        unborn = normalise_token(dob_raw) == "unborn"
        sex_raw = cells[at["sex"]].strip()
        sex = sex_of(sex_raw)
        if sex is None:
            warn("sex", f"sex '{sex_raw}' is not male, female or unknown; it is kept as given", sex_raw)
            sex = "unknown"
        nhs_raw = cells[at["nhs_number"]].strip()
        nhs = normalise_nhs_number(nhs_raw)
        if nhs and not (len(nhs) == 10 and nhs.isdigit()):
            warn("nhs_number", f"NHS number '{nhs_raw}' is not 10 digits; it is kept as given", nhs_raw)
            nhs = ""
        elif nhs and not nhs_number_is_valid(nhs):
            self.warnings.append(
                RowIssue(
                    file=table.file,
                    row=row,
                    column="nhs_number",
                    reason=f"NHS number '{nhs_raw}' fails its check digit, so it may be mistyped; "
                    "it is kept, but check it against the person's health record",
                )
            )
        postcode_raw = cells[at["postcode"]].strip()
        postcode = normalise_postcode(postcode_raw)
        if postcode and not postcode_is_valid(postcode):
            warn("postcode", f"postcode '{postcode_raw}' is not a UK postcode; it is kept as given", postcode_raw)
            postcode = ""
        lives_raw = cells[at["lives_with_child"]].strip()
        lives_with_child, understood = yes_no(lives_raw)
        if not understood:
            warn(
                "lives_with_child",
                f"lives with child '{lives_raw}' is not yes, no or unknown; it is kept as given",
                lives_raw,
            )
        role = role_of(cells[at["role"]])
        return PersonRecord(
            agency=self.agency,
            person_ref=ref,
            given_names=cells[at["given_names"]].strip(),
            family_name=cells[at["family_name"]].strip(),
            known_as=split_list(cells[at["known_as"]]),
            date_of_birth=None if unborn else date_value("date_of_birth", dob_raw),
            unborn=unborn or role == "unborn",
            expected_date=date_value("expected_date", cells[at["expected_date"]].strip()),
            sex=sex,
            nhs_number=nhs,
            upn=normalise_reference(cells[at["upn"]]),
            pnc_id=normalise_reference(cells[at["pnc_id"]]),
            la_id=cells[at["la_id"]].strip(),
            postcode=postcode,
            address=cells[at["address"]].strip(),
            role=role,
            lives_with_child=lives_with_child,
            extra=extra,
            source=SourceRow(file=table.file, table="people", row=row),
        )

    # --- entries ----------------------------------------------------------------------------------

    def read_entries(self, table: Table, *, has_people_table: bool) -> None:
        layout = layout_of(table=table, spec=ENTRIES)
        self._notes(table)
        width = layout.width
        at = {column: layout.position.get(column, width) for column in ENTRIES.columns}
        i_agency, i_type, i_id, i_date = at["agency"], at["agency_type"], at["record_id"], at["date"]
        i_time, i_seq, i_recorded, i_subjects = at["time"], at["sequence"], at["recorded_date"], at["subjects"]
        i_event, i_summary, i_action, i_outcome = at["event_type"], at["summary"], at["action"], at["outcome"]
        i_author, i_tags, i_seen, i_visit = at["author_role"], at["tags"], at["seen"], at["visit_kind"]
        i_invitees, i_attendees, i_related = at["meeting_invitees"], at["meeting_attendees"], at["related_record"]
        padding = _padding(width)
        # Memos of this read: the same texts recur on thousands of rows.
        dates, times, agency_types, event_types = self._dates, self._times, self._agency_types, self._event_types
        subject_keys = self._subject_keys
        texts: dict[str, str] = {}  # one copy of each short text that recurs on many rows (author roles)
        record_rows: dict[str, int] = {}
        file = table.file
        today = date.today()
        rows_read = 0
        for row, raw in table.rows:
            if _is_blank(raw):
                continue
            rows_read += 1
            cells = raw[:width] + padding[min(len(raw), width)]
            problems: list[tuple[str, str]] = []
            agency = cells[i_agency].strip()
            if not agency or agency != self.agency:
                agency_problem = self._agency_problem(agency)
                if agency_problem:
                    problems.append(("agency", agency_problem))
            agency_type = agency_types.get(cells[i_type]) or self._vocabulary(
                cells[i_type], "agency_type", problems, file
            )
            record_id = cells[i_id].strip()
            if not record_id:
                problems.append(("record_id", f"record id is empty; {_EMPTY_FIXES['record_id']}"))
            elif record_id in record_rows:
                problems.append(
                    (
                        "record_id",
                        f"record id '{record_id}' is already used on row {record_rows[record_id]}; "
                        "give each entry its own record id",
                    )
                )
            day = dates.get(cells[i_date]) or self._entry_date(cells[i_date], "date", problems)
            time_text = cells[i_time]
            at_time = times.get(time_text) if time_text else None
            if at_time is None and time_text.strip():
                at_time = time_of(time_text.strip())
                if at_time is not None:
                    times[time_text] = at_time
                else:
                    problems.append(
                        (
                            "time",
                            f"time '{time_text.strip()}' is not a time of day; "
                            "use HH:MM on the 24-hour clock, such as 14:30",
                        )
                    )
            sequence_text = cells[i_seq].strip()
            sequence = sequence_of(sequence_text) if sequence_text else None
            if sequence_text and sequence is None:
                problems.append(
                    (
                        "sequence",
                        f"sequence '{sequence_text}' is not a whole number; "
                        "number same-day entries 1, 2, 3 in the order they happened",
                    )
                )
            recorded_text = cells[i_recorded]
            recorded = (
                dates.get(recorded_text) or self._entry_date(recorded_text, "recorded_date", problems)
                if recorded_text.strip()
                else None
            )
            subjects_text = cells[i_subjects]
            if subjects_text not in subject_keys and not split_list(subjects_text):
                problems.append(("subjects", f"subjects is empty; {_EMPTY_FIXES['subjects']}"))
            event_type = event_types.get(cells[i_event]) or self._vocabulary(
                cells[i_event], "event_type", problems, file
            )
            summary = cells[i_summary].strip()
            if not summary:
                problems.append(("summary", f"summary is empty; {_EMPTY_FIXES['summary']}"))
            if problems:
                self._quarantine(table, layout, row, raw, problems)
                continue
            assert day is not None and agency_type is not None and event_type is not None
            record_rows[record_id] = row
            if day.year >= today.year or recorded is not None:
                self._check_dates(day, recorded, today=today, file=file, row=row)
            extra = self._extra(layout, raw) if layout.extra or len(raw) > width else {}
            subjects = subject_keys.get(subjects_text) or self._subjects(
                subjects_text, file=file, row=row, extra=extra, has_people_table=has_people_table
            )
            tags_text = cells[i_tags]
            tags = self._tags(tags_text, file, row, extra) if tags_text else frozenset()
            seen = _SEEN.get(cells[i_seen]) or self._choice(cells[i_seen], "seen", SEEN_VALUES, file, row, extra)
            visit_kind = _VISIT_KINDS.get(cells[i_visit]) or self._choice(
                cells[i_visit], "visit_kind", VISIT_KINDS, file, row, extra
            )
            author = cells[i_author].strip()
            self.entries.append(
                Entry(
                    agency=self.agency,
                    agency_type=agency_type,
                    record_id=record_id,
                    date=day,
                    subjects=subjects,
                    event_type=event_type,
                    summary=summary,
                    time=at_time,
                    sequence=sequence,
                    recorded_date=recorded,
                    action=cells[i_action].strip(),
                    outcome=cells[i_outcome].strip(),
                    author_role=texts.setdefault(author, author),
                    agency_tags=tags,
                    seen=seen,
                    visit_kind=visit_kind,
                    meeting_invitees=split_list(cells[i_invitees]),
                    meeting_attendees=split_list(cells[i_attendees]),
                    related_record=cells[i_related].strip(),
                    extra=extra,
                    source=SourceRow(file=file, table="entries", row=row),
                )
            )
        if not rows_read:
            raise SubmissionError(
                file=file, problem="the entries table has no rows", fix="Add the agency's entries below the header row"
            )
        self._check_related(file, record_rows)

    def _vocabulary(self, raw: str, column: str, problems: list[tuple[str, str]], file: str) -> str | None:
        """An agency type or event type of the format (from its token, or from words agencies use for it,
        said once in a note), or None with the problem noted."""
        memo, known, fallback = (
            (self._agency_types, AGENCY_TYPES, "other")
            if column == "agency_type"
            else (self._event_types, EVENT_TYPES, "note")
        )
        token = normalise_token(raw)
        if token in known:
            memo[raw] = token
            return token
        text = raw.strip()
        meant = (agency_type_in_words if column == "agency_type" else event_type_in_words)(token)
        if meant is not None:
            memo[raw] = meant
            if (column, token) in self._announced:
                return meant
            self._announced.add((column, token))
            self.warnings.append(
                RowIssue(
                    file=file,
                    row=0,
                    column="",
                    reason=f"{column.replace('_', ' ')} '{text}' is read as {meant} wherever it appears; "
                    f"use {meant} in the {column} column next time",
                )
            )
            return meant
        words = column.replace("_", " ")
        problems.append(
            (
                column,
                f"{words} is empty; {_EMPTY_FIXES[column]}"
                if not text
                else f"{words} '{text}' is not in the list; use one of the {words}s of the format, or '{fallback}'",
            )
        )
        return None

    def _entry_date(self, raw: str, column: str, problems: list[tuple[str, str]]) -> PartialDate | None:
        text = raw.strip()
        if not text:
            problems.append((column, f"date is empty; {_EMPTY_FIXES['date']}"))
            return None
        try:
            found = self._dates[raw] = self._date(text)
            return found
        except DateError as exc:
            problems.append((column, _date_reason(column, text, exc)))
            return None

    def _subjects(
        self, text: str, *, file: str, row: int, extra: dict[str, str], has_people_table: bool
    ) -> tuple[str, ...]:
        """The record keys of an entry's subjects, each once, in the agency's order; remembered for the
        text when every subject is known."""
        keys: dict[str, None] = {}
        complete = True
        for name in split_list(text):
            if not has_people_table:
                keys[self._person_named(name, file, row)] = None
                continue
            ref = name if name in self._person_rows else self._refs_folded.get(_fold(name))
            if ref is not None:
                keys[record_key(self.agency, ref)] = None
                continue
            complete = False
            extra["subjects"] = text.strip()
            quarantined = self._quarantined_refs.get(name)
            self.warnings.append(
                RowIssue(
                    file=file,
                    row=row,
                    column="subjects",
                    reason=f"subject '{name}' is not in the people table; the entry is kept without them. "
                    f"Add {name} to the people table or correct the reference"
                    if quarantined is None
                    else f"subject '{name}' is on people row {quarantined}, which is quarantined; the entry is kept "
                    "without them until that row is corrected",
                )
            )
        found = tuple(keys)
        if complete:
            self._subject_keys[text] = found
        return found

    def _person_named(self, name: str, file: str, row: int) -> str:
        """Single-table form: the record of the person a name stands for, made on its first mention."""
        folded = _fold(name)
        ref = self._names.get(folded)
        if ref is None:
            ref = self._names[folded] = " ".join(name.split())
            role = role_in_name(ref)
            # "Father's brother" describes a person by relation: it is their role in the agency's words.
            described = role is None and "'s " in ref
            given, family = ("", "") if role or described else _name_parts(ref)
            self.people.append(
                PersonRecord(
                    agency=self.agency,
                    person_ref=ref,
                    given_names=given,
                    family_name=family,
                    role=role or (ref if described else ""),
                    unborn=role == "unborn",
                    source=SourceRow(file=file, table="entries", row=row),
                )
            )
        return record_key(self.agency, ref)

    def _tags(self, text: str, file: str, row: int, extra: dict[str, str]) -> frozenset[str]:
        tags: set[str] = set()
        for word in split_list(text):
            tag = tag_of(word)
            if tag is None:
                self.warnings.append(
                    RowIssue(
                        file=file,
                        row=row,
                        column="tags",
                        reason=f"tag '{word}' is not in the tag list of the format; the entry is kept without it "
                        "and the tags kept as given",
                    )
                )
                extra["tags"] = text.strip()
            else:
                tags.add(tag)
        return frozenset(tags)

    def _choice(
        self, raw: str, column: str, allowed: frozenset[str], file: str, row: int, extra: dict[str, str]
    ) -> str:
        if not raw:
            return ""
        token = normalise_token(raw)
        if token in allowed or not token:
            return token
        words = column.replace("_", " ")
        self.warnings.append(
            RowIssue(
                file=file,
                row=row,
                column=column,
                reason=f"{words} '{raw.strip()}' is not one of {', '.join(sorted(allowed))}; "
                "the entry is kept and the value kept as given",
            )
        )
        extra[column] = raw.strip()
        return ""

    def _check_dates(self, day: PartialDate, recorded: PartialDate | None, *, today: date, file: str, row: int) -> None:
        """Dates that are surely slips: an event after today, or written down before it happened."""
        if day.start > today:
            column, reason = "date", f"date {day.display()} is after today; the entry is kept, but check the year"
        elif recorded is not None and recorded.end < day.start:
            column, reason = (
                "recorded_date",
                f"recorded date {recorded.display()} is before the date it happened ({day.display()}); "
                "the entry is kept, but check both dates",
            )
        else:
            return
        self.warnings.append(RowIssue(file=file, row=row, column=column, reason=reason))

    def _check_related(self, file: str, record_rows: dict[str, int]) -> None:
        for entry in self.entries:
            if entry.related_record and entry.related_record not in record_rows:
                self.warnings.append(
                    RowIssue(
                        file=file,
                        row=entry.source.row if entry.source else 0,
                        column="related_record",
                        reason=f"related record '{entry.related_record}' is not a record id of this submission; "
                        "the link is kept as given",
                    )
                )
