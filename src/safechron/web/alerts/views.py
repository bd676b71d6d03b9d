"""Acknowledging an indicator shown on the family page."""

from __future__ import annotations

from datetime import date

from django import forms
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from safechron.web.alerts.selectors import family_alert_views
from safechron.web.alerts.services import acknowledgement_create
from safechron.web.permissions import can_change_family, family_for


class AcknowledgeForm(forms.Form):
    note = forms.CharField(
        widget=forms.Textarea,
        error_messages={"required": "Enter a note saying what is being done about this indicator"},
    )


@login_required
@require_http_methods(["GET", "POST"])
def acknowledge_page(request: HttpRequest, family_id: int, code: str, first_met_on: str) -> HttpResponse:
    family = family_for(user=request.user, family_id=family_id)
    if not can_change_family(user=request.user):
        raise Http404("Not found")
    try:
        met = date.fromisoformat(first_met_on)
    except ValueError:
        raise Http404("Not found") from None
    view = next(
        (
            v
            for v in family_alert_views(family=family, as_of=timezone.localdate())
            if v.alert.code == code and v.alert.first_met_on == met
        ),
        None,
    )
    if view is None:
        raise Http404("Not found")
    form = AcknowledgeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        acknowledgement_create(
            family=family, user=request.user, code=code, first_met_on=met, note=form.cleaned_data["note"]
        )
        return redirect(reverse("families:family", kwargs={"family_id": family.pk}) + "#indicators")
    return render(request, "alerts/acknowledge.html", {"family": family, "view": view, "form": form})
