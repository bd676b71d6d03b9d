"""Signing in (with a TOTP code when the user has set one up) and out; the locked-out page."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth import REDIRECT_FIELD_NAME, login, logout
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import AuthenticationForm
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_http_methods, require_POST
from django_otp import login as otp_login
from django_otp import match_token, user_has_device

from safechron.web.accounts.models import User
from safechron.web.accounts.services import totp_device_confirm, totp_device_start, totp_qr_data_uri, totp_secret

PENDING_USER = "safechron_pending_user"


class CodeForm(forms.Form):
    code = forms.CharField(max_length=8, error_messages={"required": "Enter the 6-digit code from your app"})


def _next_url(request: HttpRequest) -> str:
    target = request.POST.get(REDIRECT_FIELD_NAME) or request.GET.get(REDIRECT_FIELD_NAME, "")
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return target
    return reverse("families:caseload")


@require_http_methods(["GET", "POST"])
def sign_in(request: HttpRequest) -> HttpResponse:
    form = AuthenticationForm(request, data=request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = form.get_user()
        if user_has_device(user):
            request.session[PENDING_USER] = user.pk
            request.session["safechron_next"] = _next_url(request)
            return redirect("accounts:sign_in_code")
        login(request, user)
        return HttpResponseRedirect(_next_url(request))
    return render(request, "accounts/sign_in.html", {"form": form, "next": _next_url(request)})


@require_http_methods(["GET", "POST"])
def sign_in_code(request: HttpRequest) -> HttpResponse:
    user = User.objects.filter(pk=request.session.get(PENDING_USER), is_active=True).first()
    if user is None:
        return redirect("accounts:sign_in")
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = match_token(user, form.cleaned_data["code"].strip())
        if device is not None:
            target = request.session.get("safechron_next") or reverse("families:caseload")
            login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            otp_login(request, device)
            return HttpResponseRedirect(target)
        form.add_error("code", "The code is not right. Enter the code your app shows now")
    return render(request, "accounts/sign_in_code.html", {"form": form})


@login_required
@require_http_methods(["GET", "POST"])
def two_step(request: HttpRequest) -> HttpResponse:
    """Set up an authenticator app; once confirmed, every sign-in asks for its code."""
    if user_has_device(request.user):
        return render(request, "accounts/two_step.html", {"on": True})
    device = totp_device_start(user=request.user)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if totp_device_confirm(device=device, code=form.cleaned_data["code"]):
            otp_login(request, device)
            return render(request, "accounts/two_step.html", {"on": True, "just_set_up": True})
        form.add_error("code", "The code is not right. Enter the code your app shows now")
    return render(
        request,
        "accounts/two_step.html",
        {"on": False, "form": form, "qr": totp_qr_data_uri(device=device), "secret": totp_secret(device=device)},
    )


@require_POST
def sign_out(request: HttpRequest) -> HttpResponse:
    logout(request)
    return redirect("accounts:sign_in")


def locked_out(
    request: HttpRequest, credentials: dict[str, Any] | None = None, *args: Any, **kwargs: Any
) -> HttpResponse:
    """django-axes calls this after too many failed sign-ins for a user name."""
    return render(request, "accounts/locked_out.html", status=429)
