"""Properties of the reader over generated input: it never crashes, and it never loses a row."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from safechron.formats import SubmissionError, read_submission
from tests.formats.helpers import AGENCY, ENTRIES_HEADER, PEOPLE, PEOPLE_HEADER, csv_text, entry

GOOD = csv_text(ENTRIES_HEADER, [entry("R1"), entry("R2", day="?2016-05"), entry("R3", at="09:15")])
SETTINGS = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Cell values near the edges of what the format allows, and anything at all.
CELLS = st.one_of(
    st.sampled_from(
        [
            "",
            " ",
            AGENCY,
            "Other agency",
            "police",
            "Police",
            "council",
            "R1",
            "R2",
            "r1",
            "2016-05-22",
            "31/02/2016",
            "?",
            "?2016",
            "2016-13",
            "42662",
            "0",
            "14:30",
            "25:00",
            "P-1",
            "P-2; P-9",
            ";",
            "note",
            "visit",
            '=HYPERLINK("x")',
            "a,b",
            'say "hi"',
            "line\nbreak",
            "\r",
            "é",
            "\ufeff",
            "\x00",
        ]
    ),
    st.text(max_size=12),
)


def _mutate(text: str, edits: list[tuple[int, str]]) -> str:
    for at, insert in edits:
        at %= len(text) + 1
        text = text[:at] + insert + text[at + len(insert) % 3 :]
    return text


@SETTINGS
@given(
    edits=st.lists(
        st.tuples(st.integers(0, 10_000), st.sampled_from(['"', ",", "\n", "\r", "\x00", ";", "", "é", "\t", '""'])),
        max_size=12,
    ),
    junk=st.binary(max_size=40),
    people=st.booleans(),
)
def test_mangled_csv_never_crashes_the_reader(edits: list[tuple[int, str]], junk: bytes, people: bool) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "s"
        folder.mkdir()
        (folder / "entries.csv").write_bytes(_mutate(GOOD, edits).encode() + junk)
        if people:
            (folder / "people.csv").write_bytes(junk + _mutate(csv_text(PEOPLE_HEADER, PEOPLE), edits).encode())
        try:
            read_submission(folder)
        except SubmissionError as error:
            assert str(error).startswith("s/") and "\n" not in str(error)


@SETTINGS
@given(data=st.binary(max_size=300))
def test_arbitrary_bytes_never_crash_the_reader(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "s"
        folder.mkdir()
        (folder / "entries.csv").write_bytes(data)
        try:
            submission = read_submission(folder)
        except SubmissionError as error:
            assert error.file == "s/entries.csv"
        else:
            assert submission.entries or submission.quarantine


@st.composite
def table_rows(draw: st.DrawFn, base: list[list[str]], width: int) -> list[list[str]]:
    """Rows that are mostly good (a base row with a few cells changed, perhaps cut short or run long),
    with some made of anything at all."""
    rows: list[list[str]] = []
    for _ in range(draw(st.integers(1, 20))):
        if draw(st.booleans()):
            row = list(draw(st.sampled_from(base)))
            for at, value in draw(st.lists(st.tuples(st.integers(0, width + 1), CELLS), max_size=3)):
                row[at % len(row)] = value
            rows.append(row[: draw(st.integers(0, width + 2))] + draw(st.lists(CELLS, max_size=2)))
        else:
            rows.append(draw(st.lists(CELLS, max_size=width + 1)))
    return rows


def _non_blank(rows: list[list[str]]) -> list[int]:
    """The spreadsheet row numbers of rows holding anything (header = row 1)."""
    return [number for number, row in enumerate(rows, start=2) if "".join(row).strip()]


@SETTINGS
@given(
    entries=table_rows(
        [entry(f"R{n}", subjects=subjects) for n in range(6) for subjects in ("P-1", "P-2; Mother")],
        len(ENTRIES_HEADER),
    ),
    people=st.one_of(st.none(), table_rows(PEOPLE, len(PEOPLE_HEADER))),
)
def test_every_row_comes_out_as_a_record_or_a_quarantined_row(
    entries: list[list[str]], people: list[list[str]] | None
) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "s"
        folder.mkdir()
        (folder / "entries.csv").write_text(csv_text(ENTRIES_HEADER, entries), encoding="utf-8")
        if people is not None:
            (folder / "people.csv").write_text(csv_text(PEOPLE_HEADER, people), encoding="utf-8")
        try:
            submission = read_submission(folder)
        except SubmissionError as error:
            assert error.problem == "the entries table has no rows"
            assert not _non_blank(entries)
            return
        assert read_submission(folder) == submission

    entry_rows = [e.source.row for e in submission.entries if e.source] + [
        q.row for q in submission.quarantine if q.table == "entries"
    ]
    assert sorted(entry_rows) == _non_blank(entries)
    if people is not None:
        person_rows = [p.source.row for p in submission.people if p.source and p.source.table == "people"] + [
            q.row for q in submission.quarantine if q.table == "people"
        ]
        assert sorted(person_rows) == _non_blank(people)
