"""Reading families: the combined chronology rebuilt from the database, its rows and people.

The engine does the work (linking, tagging, indicators); these selectors hand it the stored
records with the practitioners' decisions, and cache the result per family revision, so a
change to any record of a family (which bumps its revision) is seen at once.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date

from safechron.chronology.model import Chronology, Submission
from safechron.chronology.model import Entry as EngineEntry
from safechron.chronology.model import Person as EnginePerson
from safechron.pipeline import build_chronology
from safechron.reports.rows import ChronologyRow, chronology_rows
from safechron.tagging import default_tagger
from safechron.vocabulary import EVENT_GROUPS, RISK_TAGS
from safechron.web.caching import cached
from safechron.web.families.engine import family_submissions
from safechron.web.families.models import Entry, EntryVersion, Family, LinkDecision, Person, PersonRecord

__all__ = [
    "ENTRIES_PER_PAGE",
    "ChronologyFilter",
    "ChronologyPage",
    "FamilyPageData",
    "StoredEntries",
    "chronology_as_of",
    "chronology_page",
    "chronology_with_decisions",
    "entry_histories",
    "family_chronology",
    "family_page_data",
    "family_rows",
    "filter_choices",
    "person_records",
    "proposed_tags",
    "stored_entries",
]


def family_chronology(*, family: Family) -> Chronology:
    """The family's combined, linked and tagged chronology, with link and tag decisions applied."""
    return cached(
        key=f"safechron:chronology:{family.pk}:{family.revision}",
        build=lambda: chronology_with_decisions(family=family, submissions=family_submissions(family)),
    )


def chronology_with_decisions(*, family: Family, submissions: Sequence[Submission]) -> Chronology:
    """Build a chronology of submissions with the family's link decisions and tag decisions applied."""
    # The latest decision about a pair of records stands (a split can be confirmed again, and back).
    latest = {frozenset((d.record_a, d.record_b)): d for d in LinkDecision.objects.filter(family=family)}
    decisions = list(latest.values())
    chronology = build_chronology(
        submissions,
        confirmed=[(d.record_a, d.record_b) for d in decisions if d.decision == LinkDecision.Decision.CONFIRMED],
        split=[(d.record_a, d.record_b) for d in decisions if d.decision == LinkDecision.Decision.SPLIT],
    )
    decided = {
        (agency, record_id): (frozenset(accepted), frozenset(rejected))
        for agency, record_id, accepted, rejected in Entry.objects.filter(family=family)
        .exclude(rejected_tags=[], accepted_tags=[])
        .values_list("agency__name", "record_id", "accepted_tags", "rejected_tags")
    }
    for entry in chronology.entries:
        if entry.key in decided:
            accepted, rejected = decided[entry.key]
            entry.agency_tags = entry.agency_tags | accepted
            entry.proposed_tags = entry.proposed_tags - rejected - accepted
    return chronology


def chronology_as_of(*, chronology: Chronology, as_of: date) -> Chronology:
    """The chronology as it could be known on a date: the entries known by then (Entry.known_on, the rule
    the engine's FamilyView.as_of_date keeps to) and each person as known then (a child not yet born is
    the pregnancy's record, not the name given at birth), without building a view for indicators."""
    known = replace(chronology, entries=[entry for entry in chronology.entries if entry.known_on <= as_of])
    return known.as_known_on(as_of)


@dataclass(frozen=True, slots=True)
class ChronologyFilter:
    """What the practitioner chose to see of the combined chronology (empty means everything)."""

    agency: str = ""
    person_id: str = ""
    event_type: str = ""
    tag: str = ""

    def keeps(self, chronology: Chronology, entry: EngineEntry) -> bool:
        return (
            (not self.agency or entry.agency == self.agency)
            and (not self.event_type or entry.event_type == self.event_type)
            and (not self.tag or self.tag in entry.tags)
            and (not self.person_id or self.person_id in chronology.subject_ids(entry))
        )

    @property
    def active(self) -> bool:
        return bool(self.agency or self.person_id or self.event_type or self.tag)


def family_rows(*, chronology: Chronology, chosen: ChronologyFilter) -> list[ChronologyRow]:
    """The rows the filter keeps, in date order."""
    return chronology_rows(replace(chronology, entries=[e for e in chronology.entries if chosen.keeps(chronology, e)]))


#: Entries on one page of the family page's chronology: enough to read, few enough to load at once.
ENTRIES_PER_PAGE = 50


@dataclass(frozen=True, slots=True)
class ChronologyPage:
    """One page of the chronology, newest entry first."""

    rows: list[ChronologyRow]
    number: int  # from 1
    pages: int
    matching: int  # entries the filter keeps, on every page
    first: int  # position of the first row shown among them, from 1 (0 when none)


def chronology_page(*, chronology: Chronology, chosen: ChronologyFilter, page: int) -> ChronologyPage:
    """The page (from 1, kept within range) of the entries the filter keeps, newest first. Only that
    page's entries are laid out as rows."""
    kept = [entry for entry in reversed(chronology.entries) if chosen.keeps(chronology, entry)]
    pages = max(1, -(-len(kept) // ENTRIES_PER_PAGE))
    number = min(max(page, 1), pages)
    start = (number - 1) * ENTRIES_PER_PAGE
    shown = kept[start : start + ENTRIES_PER_PAGE]
    return ChronologyPage(
        rows=chronology_rows(replace(chronology, entries=shown)),
        number=number,
        pages=pages,
        matching=len(kept),
        first=start + 1 if shown else 0,
    )


@dataclass(frozen=True, slots=True)
class FilterChoices:
    agencies: list[str]
    persons: list[tuple[str, str]]  # person id, name
    event_types: list[tuple[str, list[str]]]  # group, event types present
    tags: list[tuple[str, str]]  # tag, label


def filter_choices(*, chronology: Chronology) -> FilterChoices:
    """Only the agencies, people, event types and tags present in the chronology's entries."""
    present_events = {entry.event_type for entry in chronology.entries}
    present_persons = {pid for entry in chronology.entries for pid in chronology.subject_ids(entry)}
    present_tags = set().union(*(entry.tags for entry in chronology.entries)) if chronology.entries else set()
    return FilterChoices(
        agencies=sorted({entry.agency for entry in chronology.entries}),
        persons=[
            (p.person_id, p.display_name or p.person_id) for p in chronology.persons if p.person_id in present_persons
        ],
        event_types=[
            (group, [e for e in events if e in present_events])
            for group, events in EVENT_GROUPS.items()
            if present_events.intersection(events)
        ],
        tags=[(tag, label) for tag, label in RISK_TAGS.items() if tag in present_tags],
    )


@dataclass(frozen=True, slots=True)
class FamilyPageData:
    """What the family page shows of the engine's chronology for one request: small, so cheap to keep."""

    persons: list[EnginePerson]
    page: ChronologyPage
    total: int  # entries known on the date
    choices: FilterChoices
    evidence_pages: dict[tuple[str, str], int]  # the unfiltered page of each evidence entry


def family_page_data(
    *, family: Family, as_of: date, chosen: ChronologyFilter, page: int, evidence: frozenset[tuple[str, str]]
) -> FamilyPageData:
    """The family page's part of the chronology as known on `as_of`: one page of the entries the filter
    keeps, the filter choices, and the page each of the indicators' `evidence` entries is on. Kept by
    family revision and request, so a page read again costs no rebuild, filtering or laying out."""

    def build() -> FamilyPageData:
        chronology = family_chronology(family=family)
        known = chronology_as_of(chronology=chronology, as_of=as_of)
        position = {entry.key: index for index, entry in enumerate(reversed(known.entries))}
        return FamilyPageData(
            persons=known.persons,
            page=chronology_page(chronology=known, chosen=chosen, page=page),
            total=len(known.entries),
            choices=filter_choices(chronology=known),
            evidence_pages={key: position[key] // ENTRIES_PER_PAGE + 1 for key in evidence if key in position},
        )

    asked = hashlib.sha256(repr((chosen, page, sorted(evidence))).encode()).hexdigest()[:32]
    return cached(key=f"safechron:family-page:{family.pk}:{family.revision}:{as_of.isoformat()}:{asked}", build=build)


def proposed_tags(*, text: str) -> list[tuple[str, str]]:
    """The risk tags the engine's tagger finds in a practitioner's text, as (tag, label), in list order."""
    found = next(iter(default_tagger().propose_many([text])), frozenset())
    return [(tag, label) for tag, label in RISK_TAGS.items() if tag in found]


def entry_histories(*, family: Family, rows: list[ChronologyRow]) -> dict[tuple[str, str], list[EntryVersion]]:
    """Earlier versions of the re-imported entries behind the rows, by (agency, record id), newest first."""
    wanted = {(row.agency, row.record_id) for row in rows}
    histories: dict[tuple[str, str], list[EntryVersion]] = {}
    for version in EntryVersion.objects.filter(
        entry__family=family, entry__record_id__in={record_id for _, record_id in wanted}
    ).select_related("entry__agency"):
        key = (version.entry.agency.name, version.entry.record_id)
        if key in wanted:
            histories.setdefault(key, []).append(version)
    return histories


@dataclass(frozen=True, slots=True)
class StoredEntries:
    """The stored entries behind chronology rows, by (agency, record id), for links to act on them."""

    ids: dict[tuple[str, str], int]
    with_accepted_tags: frozenset[tuple[str, str]]  # a practitioner accepted proposed tags (and may undo it)


def stored_entries(*, family: Family, rows: list[ChronologyRow]) -> StoredEntries:
    wanted = {(row.agency, row.record_id) for row in rows}
    found = [
        ((agency, record_id), pk, bool(accepted))
        for agency, record_id, pk, accepted in Entry.objects.filter(
            family=family, record_id__in={record_id for _, record_id in wanted}
        ).values_list("agency__name", "record_id", "pk", "accepted_tags")
        if (agency, record_id) in wanted
    ]
    return StoredEntries(
        ids={key: pk for key, pk, _ in found},
        with_accepted_tags=frozenset(key for key, _, accepted in found if accepted),
    )


def person_records(*, person: Person) -> list[PersonRecord]:
    return list(person.records.select_related("agency").order_by("agency__name", "person_ref"))
