from __future__ import annotations

from django.conf import settings
from django.db import models


class AuditEvent(models.Model):
    """Who did what to which record, when and why. No IP address or device is kept."""

    class Action(models.TextChoices):
        VIEW_FAMILY = "view_family", "Viewed the family"
        VIEW_PERSON = "view_person", "Viewed a person"
        BREAK_GLASS = "break_glass", "Used break-glass access"
        IMPORT_UPLOAD = "import_upload", "Uploaded a submission"
        IMPORT_COMMIT = "import_commit", "Committed a submission"
        ENTRY_ADD = "entry_add", "Added an entry"
        LINK_CONFIRM = "link_confirm", "Confirmed a link"
        LINK_SPLIT = "link_split", "Split a link"
        ACKNOWLEDGE = "acknowledge", "Acknowledged an indicator"
        FAMILY_CREATE = "family_create", "Created a family"
        VIEW_AUDIT = "view_audit", "Viewed the audit trail"

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="audit_events")
    action = models.CharField(max_length=20, choices=Action.choices)
    family = models.ForeignKey(
        "families.Family", on_delete=models.PROTECT, null=True, blank=True, related_name="audit_events"
    )
    object_type = models.CharField(max_length=40, blank=True)
    object_id = models.CharField(max_length=100, blank=True)
    reason = models.TextField(blank=True)
    at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ("-at", "-pk")
