"""A user signed in with a one-time password goes to "Change your password" until they have."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse


class PasswordChangeRequiredMiddleware:
    """Every page but the password page and signing out sends such a user to change their password."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if (
            user is not None
            and user.is_authenticated
            and user.must_change_password
            and request.path not in {reverse("accounts:password"), reverse("accounts:sign_out")}
            and not request.path.startswith("/static/")
        ):
            return redirect("accounts:password")
        return self.get_response(request)
