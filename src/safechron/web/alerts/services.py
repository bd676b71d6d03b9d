"""Acknowledging an indicator: a note is required, and who and when are kept."""

from __future__ import annotations

from datetime import date

from django.db import transaction

from safechron.web.accounts.models import User
from safechron.web.alerts.models import Acknowledgement
from safechron.web.audit.models import AuditEvent
from safechron.web.audit.services import audit_record
from safechron.web.families.models import Family

__all__ = ["acknowledgement_create"]


def acknowledgement_create(*, family: Family, user: User, code: str, first_met_on: date, note: str) -> Acknowledgement:
    if not note.strip():
        raise ValueError("a note is required")
    with transaction.atomic():
        made = Acknowledgement.objects.create(
            family=family, code=code, first_met_on=first_met_on, note=note.strip(), acknowledged_by=user
        )
        audit_record(user=user, action=AuditEvent.Action.ACKNOWLEDGE, family=family, obj=made)
    return made
