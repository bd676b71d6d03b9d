from __future__ import annotations

from django.conf import settings
from django.db import models

from safechron.chronology.model import record_key
from safechron.web.accounts.models import Agency


class Family(models.Model):
    """A family as the partnership discusses it; its `revision` changes with every change to its records."""

    name = models.CharField(max_length=200)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    revision = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ("name", "pk")
        verbose_name_plural = "families"

    def __str__(self) -> str:
        return self.name


class FamilyInvolvement(models.Model):
    """An agency working with the family: its staff may see the family."""

    family = models.ForeignKey(Family, on_delete=models.CASCADE, related_name="involvements")
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="involvements")
    since = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = (models.UniqueConstraint(fields=["family", "agency"], name="one_involvement_per_agency"),)


class Allocation(models.Model):
    """A practitioner allocated to the family, whatever their agency."""

    family = models.ForeignKey(Family, on_delete=models.CASCADE, related_name="allocations")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="allocations")
    allocated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    allocated_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = (models.UniqueConstraint(fields=["family", "user"], name="one_allocation_per_user"),)


class PersonRecord(models.Model):
    """One agency's record of a person, as that agency sent it (dates kept as given, in ISO form)."""

    family = models.ForeignKey(Family, on_delete=models.CASCADE, related_name="person_records")
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="+")
    person_ref = models.CharField(max_length=100)
    given_names = models.CharField(max_length=200, blank=True)
    family_name = models.CharField(max_length=200, blank=True)
    known_as = models.JSONField(default=list, blank=True)
    date_of_birth = models.CharField(max_length=12, blank=True)
    unborn = models.BooleanField(default=False)
    expected_date = models.CharField(max_length=12, blank=True)
    sex = models.CharField(max_length=10, default="unknown")
    nhs_number = models.CharField(max_length=10, blank=True)
    upn = models.CharField(max_length=20, blank=True)
    pnc_id = models.CharField(max_length=30, blank=True)
    la_id = models.CharField(max_length=30, blank=True)
    postcode = models.CharField(max_length=10, blank=True)
    address = models.TextField(blank=True)
    role = models.CharField(max_length=100, blank=True)
    lives_with_child = models.BooleanField(null=True)
    extra = models.JSONField(default=dict, blank=True)
    person = models.ForeignKey("Person", on_delete=models.SET_NULL, null=True, related_name="records")

    class Meta:
        ordering = ("agency__name", "person_ref")
        constraints = (
            models.UniqueConstraint(fields=["family", "agency", "person_ref"], name="one_record_per_agency_ref"),
        )

    @property
    def key(self) -> str:
        """The engine's name for this record: 'agency:person_ref'."""
        return record_key(self.agency.name, self.person_ref)

    @property
    def full_name(self) -> str:
        return " ".join(part for part in (self.given_names, self.family_name) if part)


class Person(models.Model):
    """One person across agencies, as the engine last linked the family's records (refreshed on change)."""

    family = models.ForeignKey(Family, on_delete=models.CASCADE, related_name="persons")
    person_id = models.CharField(max_length=100)
    display_name = models.CharField(max_length=200)
    role = models.CharField(max_length=100, blank=True)
    date_of_birth = models.CharField(max_length=12, blank=True)
    reasons = models.JSONField(default=list, blank=True)  # LinkReason fields, as the engine gave them

    class Meta:
        ordering = ("display_name", "pk")
        constraints = (models.UniqueConstraint(fields=["family", "person_id"], name="one_person_per_id"),)

    def __str__(self) -> str:
        return self.display_name


class LinkDecision(models.Model):
    """A practitioner's decision that two records are (confirmed) or are not (split) the same person."""

    class Decision(models.TextChoices):
        CONFIRMED = "confirmed", "Confirmed as the same person"
        SPLIT = "split", "Split: not the same person"

    family = models.ForeignKey(Family, on_delete=models.CASCADE, related_name="link_decisions")
    record_a = models.CharField(max_length=300)
    record_b = models.CharField(max_length=300)
    decision = models.CharField(max_length=10, choices=Decision.choices)
    reason = models.TextField()
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    decided_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ("decided_at", "pk")


class Entry(models.Model):
    """One row of one agency's chronology, keyed by agency and the agency's record id."""

    family = models.ForeignKey(Family, on_delete=models.CASCADE, related_name="entries")
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="+")
    agency_type = models.CharField(max_length=40)
    record_id = models.CharField(max_length=100)
    date = models.CharField(max_length=12)  # PartialDate.iso(): '2016-10-19', '2016-10', '?2016'
    date_start = models.DateField()  # where the date sorts
    time = models.TimeField(null=True, blank=True)
    sequence = models.IntegerField(null=True, blank=True)
    recorded_date = models.CharField(max_length=12, blank=True)
    subjects = models.JSONField(default=list)  # person record keys 'agency:person_ref'
    event_type = models.CharField(max_length=40)
    summary = models.TextField()
    action = models.TextField(blank=True)
    outcome = models.TextField(blank=True)
    author_role = models.CharField(max_length=100, blank=True)
    agency_tags = models.JSONField(default=list, blank=True)  # tags the agency or a practitioner assigned
    rejected_tags = models.JSONField(default=list, blank=True)  # proposed tags a practitioner rejected
    # Proposed tags a practitioner accepted on an imported entry: kept apart from the agency's own tags, so
    # a re-import of the same entry stays unchanged, and kept even if the tagger stops proposing them.
    accepted_tags = models.JSONField(default=list, blank=True)
    seen = models.CharField(max_length=12, blank=True)
    visit_kind = models.CharField(max_length=12, blank=True)
    meeting_invitees = models.JSONField(default=list, blank=True)
    meeting_attendees = models.JSONField(default=list, blank=True)
    related_record = models.CharField(max_length=100, blank=True)
    extra = models.JSONField(default=dict, blank=True)
    version = models.PositiveIntegerField(default=1)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    source_import = models.ForeignKey(
        "imports.Import", on_delete=models.SET_NULL, null=True, blank=True, related_name="entries"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ("date_start", "sequence", "pk")
        constraints = (
            models.UniqueConstraint(fields=["family", "agency", "record_id"], name="one_entry_per_agency_record"),
        )
        verbose_name_plural = "entries"


class EntryVersion(models.Model):
    """An earlier version of an entry, kept when a re-import or an edit changed it."""

    entry = models.ForeignKey(Entry, on_delete=models.CASCADE, related_name="versions")
    version = models.PositiveIntegerField()
    data = models.JSONField()
    replaced_at = models.DateTimeField(auto_now_add=True)
    replaced_by_import = models.ForeignKey("imports.Import", on_delete=models.SET_NULL, null=True, related_name="+")

    class Meta:
        ordering = ("-version",)
        constraints = (models.UniqueConstraint(fields=["entry", "version"], name="one_row_per_entry_version"),)


class BreakGlass(models.Model):
    """Emergency access to a family the user could not otherwise see, with the reason; shown to managers."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="break_glass")
    family = models.ForeignKey(Family, on_delete=models.CASCADE, related_name="break_glass")
    reason = models.TextField()
    at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ("-at",)
