"""Writing the audit trail."""

from __future__ import annotations

from django.db import models

from safechron.web.accounts.models import User
from safechron.web.audit.models import Action, AuditEvent
from safechron.web.families.models import Family

__all__ = ["audit_record"]


def audit_record(
    *,
    user: User,
    action: Action,
    family: Family | None = None,
    obj: models.Model | None = None,
    reason: str = "",
) -> AuditEvent:
    """Record that `user` did `action` on `obj` of `family`, and why."""
    return AuditEvent.objects.create(
        user=user,
        action=action,
        family=family,
        object_type=obj._meta.model_name or "" if obj is not None else "",
        object_id=str(obj.pk) if obj is not None else "",
        reason=reason,
    )
