from __future__ import annotations

from enum import StrEnum

from django.conf import settings
from django.db import models


class Action(StrEnum):
    """What a user did, as recorded in the audit trail."""

    VIEW_FAMILY = "view_family"
    VIEW_PERSON = "view_person"
    BREAK_GLASS = "break_glass"
    IMPORT_UPLOAD = "import_upload"
    IMPORT_COMMIT = "import_commit"
    ENTRY_ADD = "entry_add"
    LINK_CONFIRM = "link_confirm"
    LINK_SPLIT = "link_split"
    ACKNOWLEDGE = "acknowledge"
    FAMILY_CREATE = "family_create"
    ALLOCATE = "allocate"
    VIEW_IMPORT = "view_import"
    USER_CREATE = "user_create"
    USER_CHANGE = "user_change"
    VIEW_AUDIT = "view_audit"
    PASSWORD_CHANGE = "password_change"
    AGENCY_CREATE = "agency_create"
    AGENCY_CHANGE = "agency_change"
    TAG_DECISION = "tag_decision"

    @property
    def label(self) -> str:
        return ACTION_LABELS[self]


ACTION_LABELS: dict[Action, str] = {
    Action.VIEW_FAMILY: "Viewed the family",
    Action.VIEW_PERSON: "Viewed a person",
    Action.BREAK_GLASS: "Used break-glass access",
    Action.IMPORT_UPLOAD: "Uploaded a submission",
    Action.IMPORT_COMMIT: "Committed a submission",
    Action.ENTRY_ADD: "Added an entry",
    Action.LINK_CONFIRM: "Confirmed a link",
    Action.LINK_SPLIT: "Split a link",
    Action.ACKNOWLEDGE: "Acknowledged an indicator",
    Action.FAMILY_CREATE: "Created a family",
    Action.ALLOCATE: "Allocated a practitioner",
    Action.VIEW_IMPORT: "Viewed an import and its proposed links",
    Action.USER_CREATE: "Created a user",
    Action.USER_CHANGE: "Changed a user's access",
    Action.VIEW_AUDIT: "Viewed the audit trail",
    Action.PASSWORD_CHANGE: "Changed their password",
    Action.AGENCY_CREATE: "Added an agency",
    Action.AGENCY_CHANGE: "Changed an agency's name or type",
    Action.TAG_DECISION: "Accepted or rejected proposed tags",
}


class AuditEvent(models.Model):
    """Who did what to which record, when and why. No IP address or device is kept."""

    Action = Action

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="audit_events")
    action = models.CharField(max_length=30, choices=[(action.value, action.label) for action in Action])
    family = models.ForeignKey(
        "families.Family", on_delete=models.PROTECT, null=True, blank=True, related_name="audit_events"
    )
    object_type = models.CharField(max_length=40, blank=True)
    object_id = models.CharField(max_length=100, blank=True)
    reason = models.TextField(blank=True)
    at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ("-at", "-pk")
