"""Changing families: creating them, storing records, link decisions, new entries, break-glass access."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import TYPE_CHECKING

from django.conf import settings
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from safechron.chronology.dates import PartialDate
from safechron.chronology.model import Entry as EngineEntry
from safechron.chronology.model import Person as EnginePerson
from safechron.chronology.model import PersonRecord as EngineRecord
from safechron.vocabulary import humanise
from safechron.web.accounts.models import Agency, User
from safechron.web.audit.models import Action, AuditEvent
from safechron.web.audit.services import audit_record
from safechron.web.families.engine import entry_fields, iso_or_empty, record_fields, stored_entry_fields
from safechron.web.families.models import (
    Allocation,
    BreakGlass,
    Entry,
    EntryVersion,
    Family,
    FamilyInvolvement,
    LinkDecision,
    Person,
    PersonRecord,
)
from safechron.web.families.selectors import family_chronology

if TYPE_CHECKING:
    from safechron.web.imports.models import Import

__all__ = [
    "agency_renamed",
    "allocation_create",
    "break_glass_open",
    "break_glass_review",
    "entry_add",
    "entry_tags_decide",
    "entry_upsert",
    "family_changed",
    "family_create",
    "involvement_ensure",
    "link_decide",
    "next_record_id",
    "persons_refresh",
    "record_upsert",
]


def family_create(*, name: str, created_by: User) -> Family:
    """A new family, visible to its creator's agency and allocated to the creator."""
    with transaction.atomic():
        family = Family.objects.create(name=name.strip(), created_by=created_by)
        if created_by.agency is not None:
            involvement_ensure(family=family, agency=created_by.agency)
        Allocation.objects.create(family=family, user=created_by, allocated_by=created_by)
        audit_record(user=created_by, action=AuditEvent.Action.FAMILY_CREATE, family=family, obj=family)
    return family


def family_changed(*, family: Family) -> None:
    """Bump the family's revision after any change to its records, so readers rebuild its chronology."""
    Family.objects.filter(pk=family.pk).update(revision=F("revision") + 1)
    family.refresh_from_db(fields=["revision"])


def agency_renamed(*, agency: Agency, old_name: str) -> list[Family]:
    """After an agency is renamed, its record keys ('agency:ref') in entries' subjects and in link
    decisions take the new name, and every family holding its records gets a new revision and its
    persons refreshed, so nothing shows or links by the old name. Returns those families."""
    old_prefix, new_prefix = f"{old_name}:", f"{agency.name}:"

    def renamed(key: str) -> str:
        return new_prefix + key[len(old_prefix) :] if key.startswith(old_prefix) else key

    families = list(Family.objects.filter(Q(person_records__agency=agency) | Q(entries__agency=agency)).distinct())
    with transaction.atomic():
        for entry in Entry.objects.filter(family__in=families).only("subjects"):
            subjects = [renamed(key) for key in entry.subjects]
            if subjects != entry.subjects:
                entry.subjects = subjects
                entry.save(update_fields=["subjects"])
        for decision in LinkDecision.objects.filter(family__in=families):
            decision.record_a, decision.record_b = renamed(decision.record_a), renamed(decision.record_b)
            decision.save(update_fields=["record_a", "record_b"])
        for family in families:
            family_changed(family=family)
    for family in families:
        persons_refresh(family=family)
    return families


def involvement_ensure(*, family: Family, agency: Agency) -> FamilyInvolvement:
    involvement, _ = FamilyInvolvement.objects.get_or_create(family=family, agency=agency)
    return involvement


def allocation_create(*, family: Family, user: User, allocated_by: User) -> Allocation:
    """Allocate a practitioner to the family (once); audited."""
    with transaction.atomic():
        allocation, created = Allocation.objects.get_or_create(
            family=family, user=user, defaults={"allocated_by": allocated_by}
        )
        if created:
            audit_record(user=allocated_by, action=Action.ALLOCATE, family=family, obj=allocation)
    return allocation


def record_upsert(*, family: Family, agency: Agency, record: EngineRecord) -> bool:
    """Store an agency's person record, updating the one with the same reference; True if it changed."""
    fields = record_fields(record)
    stored = PersonRecord.objects.filter(family=family, agency=agency, person_ref=record.person_ref).first()
    if stored is None:
        PersonRecord.objects.create(family=family, agency=agency, person_ref=record.person_ref, **fields)
        return True
    if all(getattr(stored, name) == value for name, value in fields.items()):
        return False
    for name, value in fields.items():
        setattr(stored, name, value)
    stored.save()
    return True


@dataclass(frozen=True, slots=True)
class Upserted:
    entry: Entry
    outcome: str  # "added", "updated" or "unchanged"


def entry_upsert(
    *, family: Family, agency: Agency, entry: EngineEntry, source_import: Import | None = None
) -> Upserted:
    """Store an entry by agency and record id: add it, or update it keeping the earlier version in history."""
    fields = entry_fields(entry)
    stored = Entry.objects.filter(family=family, agency=agency, record_id=entry.record_id).first()
    if stored is None:
        created = Entry.objects.create(
            family=family, agency=agency, record_id=entry.record_id, source_import=source_import, **fields
        )
        return Upserted(created, "added")
    before = stored_entry_fields(stored)
    if before == fields:
        return Upserted(stored, "unchanged")
    EntryVersion.objects.create(
        entry=stored, version=stored.version, data=_json_ready(before), replaced_by_import=source_import
    )
    for name, value in fields.items():
        setattr(stored, name, value)
    stored.version += 1
    stored.source_import = source_import
    stored.save()
    return Upserted(stored, "updated")


def _json_ready(fields: dict[str, object]) -> dict[str, object]:
    return {name: value.isoformat() if hasattr(value, "isoformat") else value for name, value in fields.items()}


def entry_add(
    *,
    family: Family,
    user: User,
    date: PartialDate,
    event_type: str,
    person_ids: list[str],
    summary: str,
    action: str = "",
    outcome: str = "",
    seen: str = "",
    accepted_tags: frozenset[str] = frozenset(),
    rejected_tags: frozenset[str] = frozenset(),
) -> Entry:
    """A practitioner's own entry for their agency, recorded today: the proposed tags they accepted
    become its tags, those they rejected are not proposed for it again."""
    agency = user.agency
    if agency is None:
        raise ValueError("only a member of an agency can add an entry")
    chronology = family_chronology(family=family)
    entry = EngineEntry(
        agency=agency.name,
        agency_type=agency.agency_type,
        record_id=next_record_id(family=family, agency=agency),
        date=date,
        subjects=tuple(_record_key_for(chronology.person(pid), agency=agency.name) for pid in person_ids),
        event_type=event_type,
        summary=summary,
        action=action,
        outcome=outcome,
        author_role=user.get_role_display().lower(),
        seen=seen,
        agency_tags=accepted_tags,
        recorded_date=PartialDate.from_date(timezone.localdate()),
    )
    with transaction.atomic():
        involvement_ensure(family=family, agency=agency)
        stored = entry_upsert(family=family, agency=agency, entry=entry).entry
        stored.created_by = user
        stored.rejected_tags = sorted(rejected_tags)
        stored.save(update_fields=["created_by", "rejected_tags"])
        family_changed(family=family)
        audit_record(user=user, action=AuditEvent.Action.ENTRY_ADD, family=family, obj=stored)
    return stored


def entry_tags_decide(*, entry: Entry, user: User, accepted: frozenset[str], rejected: frozenset[str]) -> Entry:
    """A practitioner's decision on tags the engine proposed for a stored entry: accepted tags count as
    assigned from now on, rejected ones are not proposed for it again (a later decision overrides)."""
    entry.accepted_tags = sorted((set(entry.accepted_tags) - rejected) | accepted)
    entry.rejected_tags = sorted((set(entry.rejected_tags) - accepted) | rejected)
    with transaction.atomic():
        entry.save(update_fields=["accepted_tags", "rejected_tags"])
        family_changed(family=entry.family)
        audit_record(
            user=user,
            action=AuditEvent.Action.TAG_DECISION,
            family=entry.family,
            obj=entry,
            reason="; ".join(
                f"{verb}: {', '.join(humanise(tag) for tag in sorted(tags))}"
                for verb, tags in (("accepted", accepted), ("rejected", rejected))
                if tags
            ),
        )
    return entry


def _record_key_for(person: EnginePerson, *, agency: str) -> str:
    """The record key an entry names a person by: the agency's own record of them, if it has one."""
    own = [record.key for record in person.records if record.agency == agency]
    return own[0] if own else person.records[0].key


def next_record_id(*, family: Family, agency: Agency) -> str:
    """A record id for a practitioner's entry that no submission of the agency uses: 'SC-1', 'SC-2'…"""
    taken = set(Entry.objects.filter(family=family, agency=agency).values_list("record_id", flat=True))
    number = 1
    while f"SC-{number}" in taken:
        number += 1
    return f"SC-{number}"


def persons_refresh(*, family: Family) -> list[Person]:
    """Store the persons the engine links the family's records into, with its reasons."""
    chronology = family_chronology(family=family)
    with transaction.atomic():
        PersonRecord.objects.filter(family=family).update(person=None)
        records = {r.key: r.pk for r in PersonRecord.objects.filter(family=family).select_related("agency")}
        Person.objects.filter(family=family).exclude(person_id__in=[p.person_id for p in chronology.persons]).delete()
        persons = []
        for person in chronology.persons:
            stored, _ = Person.objects.update_or_create(
                family=family,
                person_id=person.person_id,
                defaults={
                    "display_name": person.display_name or person.person_id,
                    "role": person.role,
                    "date_of_birth": iso_or_empty(person.date_of_birth),
                    "reasons": [
                        {
                            "record_a": r.record_a,
                            "record_b": r.record_b,
                            "text": r.describe(),
                            "method": r.method,
                        }
                        for r in person.reasons
                    ],
                },
            )
            ids = [records[key] for key in person.record_keys if key in records]
            PersonRecord.objects.filter(pk__in=ids).update(person=stored)
            persons.append(stored)
    return persons


def link_decide(
    *, family: Family, user: User, record_a: str, record_b: str, decision: str, reason: str
) -> LinkDecision:
    """Confirm two records as one person or split them, with the reason; audited, then relinked."""
    if not reason.strip():
        raise ValueError("a reason is required")
    with transaction.atomic():
        made = LinkDecision.objects.create(
            family=family,
            record_a=record_a,
            record_b=record_b,
            decision=decision,
            reason=reason.strip(),
            decided_by=user,
        )
        action = (
            AuditEvent.Action.LINK_CONFIRM
            if decision == LinkDecision.Decision.CONFIRMED
            else AuditEvent.Action.LINK_SPLIT
        )
        audit_record(user=user, action=action, family=family, obj=made, reason=reason.strip())
        family_changed(family=family)
        persons_refresh(family=family)
    return made


def break_glass_open(*, user: User, family: Family, reason: str) -> BreakGlass:
    """Emergency access with a stated reason, for a limited time; recorded and shown to managers."""
    if not reason.strip():
        raise ValueError("a reason is required")
    hours = settings.SAFECHRON_BREAK_GLASS_HOURS
    with transaction.atomic():
        opened = BreakGlass.objects.create(
            user=user, family=family, reason=reason.strip(), expires_at=timezone.now() + timedelta(hours=hours)
        )
        audit_record(user=user, action=AuditEvent.Action.BREAK_GLASS, family=family, obj=opened, reason=opened.reason)
    return opened


def break_glass_review(*, break_glass: BreakGlass, reviewer: User) -> BreakGlass:
    break_glass.reviewed_by = reviewer
    break_glass.reviewed_at = timezone.now()
    break_glass.save(update_fields=["reviewed_by", "reviewed_at"])
    return break_glass
