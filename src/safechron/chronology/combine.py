"""The combined multi-agency chronology: every agency's entries in one date order, about persons
linked across agencies, with nothing any agency sent left out."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from safechron.chronology.model import Chronology, Entry, Submission
from safechron.linkage import link_records

__all__ = ["combine"]


def combine(
    submissions: Sequence[Submission],
    *,
    confirmed: Iterable[tuple[str, str]] = (),
    split: Iterable[tuple[str, str]] = (),
) -> Chronology:
    """Link the people of all submissions (a practitioner's confirmed and split pairs overriding the
    model), map each entry's subjects to persons and sort the entries by Entry.sort_key. The
    quarantine and warnings of every submission are carried over."""
    persons = link_records(
        [record for submission in submissions for record in submission.people],
        confirmed=confirmed,
        split=split,
    )
    entries: list[Entry] = sorted(
        (entry for submission in submissions for entry in submission.entries), key=Entry.sort_key
    )
    return Chronology(
        persons=persons,
        entries=entries,
        quarantine=[row for submission in submissions for row in submission.quarantine],
        warnings=[issue for submission in submissions for issue in submission.warnings],
        person_of_record={record.key: person.person_id for person in persons for record in person.records},
    )
