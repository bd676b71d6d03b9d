from __future__ import annotations

from django.contrib.auth.models import AbstractUser
from django.db import models

from safechron.vocabulary import AGENCY_TYPES


class Agency(models.Model):
    """An organisation that sends chronologies and whose staff sign in."""

    name = models.CharField(max_length=200, unique=True)
    agency_type = models.CharField(max_length=40, choices=sorted(AGENCY_TYPES.items()))

    class Meta:
        ordering = ("name",)
        verbose_name_plural = "agencies"

    def __str__(self) -> str:
        return self.name


class Role(models.TextChoices):
    SOCIAL_WORKER = "social_worker", "Social worker"
    TEAM_MANAGER = "team_manager", "Team manager"
    CONFERENCE_CHAIR = "conference_chair", "Conference chair"
    POLICE_OFFICER = "police_officer", "Police officer"
    HEALTH_VISITOR = "health_visitor", "Health visitor"
    MIDWIFE = "midwife", "Midwife"
    PROBATION_OFFICER = "probation_officer", "Probation officer"
    SCHOOL_SAFEGUARDING_LEAD = "school_safeguarding_lead", "School safeguarding lead"
    REVIEWER = "reviewer", "Reviewer"
    ADMINISTRATOR = "administrator", "Administrator"
    DATA_PROTECTION_OFFICER = "data_protection_officer", "Data protection officer"


class User(AbstractUser):
    """A practitioner: what they may see follows from their agency, their allocations and their role."""

    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, null=True, blank=True, related_name="users")
    role = models.CharField(max_length=40, choices=Role.choices, default=Role.SOCIAL_WORKER)
    #: Set while the password is a one-time password an administrator handed over: nothing else opens
    #: until the user chooses their own.
    must_change_password = models.BooleanField(default=False)

    def display_name(self) -> str:
        return self.get_full_name() or self.username

    def describe(self) -> str:
        """'Sam Jones, social worker, Children's Social Care' as shown beside what they did."""
        parts = [self.display_name(), self.get_role_display().lower()]
        if self.agency is not None:
            parts.append(self.agency.name)
        return ", ".join(parts)
