from __future__ import annotations

from django.conf import settings
from django.db import models

from safechron.web.accounts.models import Agency
from safechron.web.families.models import Family


class Import(models.Model):
    """One uploaded submission: read and validated first, committed to the family only when confirmed."""

    class Status(models.TextChoices):
        VALIDATED = "validated", "Checked, waiting to be committed"
        REFUSED = "refused", "Refused"
        COMMITTED = "committed", "Committed"

    family = models.ForeignKey(Family, on_delete=models.CASCADE, related_name="imports")
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    file_name = models.CharField(max_length=255)
    content = models.BinaryField()
    sha256 = models.CharField(max_length=64)
    status = models.CharField(max_length=12, choices=Status.choices)
    refusal = models.TextField(blank=True)
    report = models.JSONField(default=dict)  # counts and warnings; quarantined rows are QuarantinedRow
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    uploaded_at = models.DateTimeField(auto_now_add=True)
    committed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    committed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ("-uploaded_at", "-pk")


class QuarantinedRow(models.Model):
    """A row of an import that could not be taken in, kept verbatim with the reason."""

    source_import = models.ForeignKey(Import, on_delete=models.CASCADE, related_name="quarantine")
    file = models.CharField(max_length=255)
    table = models.CharField(max_length=20)
    row = models.PositiveIntegerField()
    column = models.CharField(max_length=100)
    reason = models.TextField()
    values = models.JSONField(default=dict)

    class Meta:
        ordering = ("table", "row", "pk")
