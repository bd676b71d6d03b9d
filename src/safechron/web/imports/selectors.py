"""Reading an import before it is committed: the people the engine would link, and what would change."""

from __future__ import annotations

from dataclasses import dataclass

from safechron.chronology.model import Person, Submission
from safechron.web.families.engine import entry_fields, family_submissions, stored_entry_fields
from safechron.web.families.models import Entry
from safechron.web.families.selectors import chronology_with_decisions
from safechron.web.imports.models import Import
from safechron.web.imports.reading import read_upload

__all__ = ["ImportPreview", "import_preview"]


@dataclass(frozen=True, slots=True)
class ImportPreview:
    added: int
    updated: int
    unchanged: int
    linked: list[Person]  # persons with records from more than one agency or reference, involving this upload
    new_records: frozenset[str]  # record keys the upload brings


def import_preview(*, upload: Import) -> ImportPreview:
    """What committing would do: entries added, updated or unchanged, and the proposed links."""
    submission = read_upload(file_name=upload.file_name, content=bytes(upload.content))
    stored = {entry.record_id: entry for entry in Entry.objects.filter(family=upload.family, agency=upload.agency)}
    outcomes = {"added": 0, "updated": 0, "unchanged": 0}
    for entry in submission.entries:
        before = stored.get(entry.record_id)
        if before is None:
            outcomes["added"] += 1
        elif stored_entry_fields(before) == entry_fields(entry):
            outcomes["unchanged"] += 1
        else:
            outcomes["updated"] += 1
    chronology = chronology_with_decisions(
        family=upload.family, submissions=_with_upload(family_submissions(upload.family), submission)
    )
    new_records = frozenset(record.key for record in submission.people)
    linked = [
        person
        for person in chronology.persons
        if len(person.records) > 1 and new_records.intersection(person.record_keys)
    ]
    return ImportPreview(new_records=new_records, linked=linked, **outcomes)


def _with_upload(stored: list[Submission], upload: Submission) -> list[Submission]:
    """The family's stored submissions with the upload in place of (and on top of) its agency's own."""
    others = [s for s in stored if s.agency != upload.agency]
    mine = next((s for s in stored if s.agency == upload.agency), None)
    if mine is None:
        return [*others, upload]
    refs = {record.person_ref for record in upload.people}
    ids = {entry.record_id for entry in upload.entries}
    merged = Submission(
        path=upload.path,
        agency=upload.agency,
        people=upload.people + [r for r in mine.people if r.person_ref not in refs],
        entries=upload.entries + [e for e in mine.entries if e.record_id not in ids],
        quarantine=upload.quarantine,
        warnings=upload.warnings,
        has_people_table=upload.has_people_table,
    )
    return [*others, merged]
