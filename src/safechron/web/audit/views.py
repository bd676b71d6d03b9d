"""The audit viewer, for the data protection officer only."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from safechron.web.audit.models import Action, AuditEvent
from safechron.web.audit.selectors import audit_events
from safechron.web.audit.services import audit_record
from safechron.web.permissions import can_view_audit


@login_required
def audit_page(request: HttpRequest) -> HttpResponse:
    if not can_view_audit(user=request.user):
        raise Http404("Not found")
    family = request.GET.get("family", "")
    events = audit_events(
        username=request.GET.get("user", "").strip(),
        family_id=int(family) if family.isdigit() else None,
        action=request.GET.get("action", ""),
    )
    page = Paginator(events, 100).get_page(request.GET.get("page"))
    audit_record(user=request.user, action=AuditEvent.Action.VIEW_AUDIT)
    return render(
        request,
        "audit/events.html",
        {"page": page, "actions": [(action.value, action.label) for action in Action], "query": request.GET},
    )
