"""Reading the audit trail (for the data protection officer)."""

from __future__ import annotations

from datetime import date

from django.db.models import QuerySet

from safechron.web.audit.models import AuditEvent

__all__ = ["audit_events"]


def audit_events(
    *, username: str = "", family_id: int | None = None, action: str = "", since: date | None = None
) -> QuerySet[AuditEvent]:
    events = AuditEvent.objects.select_related("user", "user__agency", "family")
    if username:
        events = events.filter(user__username=username)
    if family_id is not None:
        events = events.filter(family_id=family_id)
    if action:
        events = events.filter(action=action)
    if since is not None:
        events = events.filter(at__date__gte=since)
    return events
