"""Signing in (with a TOTP code when the user has set one up) and out; the locked-out page."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth import REDIRECT_FIELD_NAME, login, logout, update_session_auth_hash
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import AuthenticationForm, PasswordChangeForm
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_http_methods, require_POST
from django_otp import login as otp_login
from django_otp import match_token, user_has_device

from safechron.vocabulary import AGENCY_TYPES, humanise
from safechron.web.accounts.forms import AgencyForm
from safechron.web.accounts.models import Agency, Role, User
from safechron.web.accounts.services import (
    agency_create,
    agency_update,
    totp_device_confirm,
    totp_device_start,
    totp_qr_data_uri,
    totp_secret,
    user_create,
    user_password_set,
    user_set_active,
    user_two_step_reset,
    user_unlock,
)
from safechron.web.audit.models import Action
from safechron.web.audit.services import audit_record
from safechron.web.permissions import can_administer

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


class NewUserForm(forms.Form):
    username = forms.CharField(max_length=150, error_messages={"required": "Enter a user name"})
    full_name = forms.CharField(max_length=200, error_messages={"required": "Enter the person's full name"})
    agency = forms.ModelChoiceField(queryset=Agency.objects.all(), error_messages={"required": "Select their agency"})
    role = forms.ChoiceField(choices=Role.choices, error_messages={"required": "Select their role"})

    def clean_username(self) -> str:
        username = self.cleaned_data["username"].strip()
        if User.objects.filter(username__iexact=username).exists():
            raise forms.ValidationError("That user name is taken. Choose another")
        return username


@login_required
@require_http_methods(["GET", "POST"])
def users_page(request: HttpRequest) -> HttpResponse:
    """Administrators: every user, and a form to add one (the one-time password is shown once)."""
    if not can_administer(user=request.user):
        raise Http404("Not found")
    form = NewUserForm(request.POST or None)
    created: tuple[User, str] | None = None
    if request.method == "POST" and form.is_valid():
        created = user_create(**form.cleaned_data)
        audit_record(user=request.user, action=Action.USER_CREATE, obj=created[0])
        form = NewUserForm()
    users = User.objects.select_related("agency").order_by("agency__name", "username")
    return render(request, "accounts/users.html", {"form": form, "users": users, "created": created})


@login_required
@require_POST
def user_change(request: HttpRequest, user_id: int) -> HttpResponse:
    """Administrators: deactivate or reactivate a user, reset their two-step sign-in, or unlock them."""
    if not can_administer(user=request.user):
        raise Http404("Not found")
    user = User.objects.filter(pk=user_id).first()
    change = request.POST.get("change", "")
    if user is None or change not in {"deactivate", "reactivate", "reset_two_step", "unlock"}:
        raise Http404("Not found")
    if change in {"deactivate", "reactivate"}:
        user_set_active(user=user, active=change == "reactivate")
    elif change == "reset_two_step":
        user_two_step_reset(user=user)
    else:
        user_unlock(user=user)
    audit_record(user=request.user, action=Action.USER_CHANGE, obj=user, reason=change.replace("_", " "))
    return redirect("accounts:users")


@login_required
@require_http_methods(["GET", "POST"])
def agencies_page(request: HttpRequest) -> HttpResponse:
    """Administrators: every agency with its kind, and a form to add one."""
    if not can_administer(user=request.user):
        raise Http404("Not found")
    form = AgencyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        agency = agency_create(**form.cleaned_data)
        audit_record(user=request.user, action=Action.AGENCY_CREATE, obj=agency)
        return redirect(reverse("accounts:agencies") + f"#agency-{agency.pk}")
    return render(
        request, "accounts/agencies.html", {"form": form, "agencies": Agency.objects.all(), "types": AGENCY_TYPES}
    )


@login_required
@require_http_methods(["GET", "POST"])
def agency_change(request: HttpRequest, agency_id: int) -> HttpResponse:
    """Administrators: rename an agency or correct its kind."""
    if not can_administer(user=request.user):
        raise Http404("Not found")
    agency = Agency.objects.filter(pk=agency_id).first()
    if agency is None:
        raise Http404("Not found")
    initial = {"name": agency.name, "agency_type": agency.agency_type}
    form = AgencyForm(request.POST or None, initial=initial, agency=agency)
    if request.method == "POST" and form.is_valid():
        old = f"{agency.name} ({humanise(agency.agency_type)})"
        agency_update(agency=agency, **form.cleaned_data)
        audit_record(user=request.user, action=Action.AGENCY_CHANGE, obj=agency, reason=f"was {old}")
        return redirect(reverse("accounts:agencies") + f"#agency-{agency.pk}")
    return render(request, "accounts/agency_change.html", {"form": form, "agency": agency, "types": AGENCY_TYPES})


@login_required
@require_http_methods(["GET", "POST"])
def password_page(request: HttpRequest) -> HttpResponse:
    form = PasswordChangeForm(request.user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = user_password_set(user=request.user, password=form.cleaned_data["new_password1"])
        update_session_auth_hash(request, user)
        audit_record(user=user, action=Action.PASSWORD_CHANGE, obj=user)
        return render(request, "accounts/password.html", {"form": None, "changed": True})
    forced = request.user.must_change_password
    return render(request, "accounts/password.html", {"form": form, "changed": False, "forced": forced})


@require_POST
def sign_out(request: HttpRequest) -> HttpResponse:
    logout(request)
    return redirect("accounts:sign_in")


def locked_out(
    request: HttpRequest, credentials: dict[str, Any] | None = None, *args: Any, **kwargs: Any
) -> HttpResponse:
    """django-axes calls this after too many failed sign-ins for a user name."""
    return render(request, "accounts/locked_out.html", status=429)
