"""Split a combined chronology into families: the unit the indicators work on.

Two persons are in one family when an entry names them both (directly or through others).
Families are independent of each other, which is how evaluation scales: each family can be
analysed on its own, in any process.
"""

from __future__ import annotations

from safechron.chronology.model import Chronology, Entry

__all__ = ["split_families"]


def split_families(chronology: Chronology) -> list[Chronology]:
    """The connected groups of persons (linked by shared entries) with their entries, in the order of
    their first person. Entries naming no known person are kept in a family of their own."""
    parent: dict[str, str] = {person.person_id: person.person_id for person in chronology.persons}

    def find(pid: str) -> str:
        root = pid
        while parent[root] != root:
            root = parent[root]
        while parent[pid] != root:
            parent[pid], pid = root, parent[pid]
        return root

    subjects_of: list[list[str]] = []
    for entry in chronology.entries:
        ids = chronology.subject_ids(entry)
        subjects_of.append(ids)
        for other in ids[1:]:
            a, b = find(ids[0]), find(other)
            if a != b:
                parent[b] = a

    members: dict[str, list[str]] = {}
    for person in chronology.persons:
        members.setdefault(find(person.person_id), []).append(person.person_id)
    entries_of: dict[str, list[Entry]] = {root: [] for root in members}
    orphans: list[Entry] = []
    for entry, ids in zip(chronology.entries, subjects_of, strict=True):
        if ids:
            entries_of[find(ids[0])].append(entry)
        else:
            orphans.append(entry)

    persons = {person.person_id: person for person in chronology.persons}
    records_of: dict[str, dict[str, str]] = {root: {} for root in members}
    for key, person_id in chronology.person_of_record.items():
        if person_id in parent:
            records_of[find(person_id)][key] = person_id
    families = [
        Chronology(
            persons=[persons[pid] for pid in ids],
            entries=entries_of[root],
            person_of_record=records_of[root],
        )
        for root, ids in members.items()
    ]
    if orphans:
        families.append(Chronology(persons=[], entries=orphans))
    return families
