"""Administrators manage users; everyone can change their own password."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from django.conf import settings
from django.test import Client
from django_otp.plugins.otp_totp.models import TOTPDevice

from safechron.web.accounts.models import Agency, Role, User
from safechron.web.audit.models import AuditEvent
from tests.web.conftest import PASSWORD


@pytest.fixture
def administrator(client: Client, make_user: Callable[..., User]) -> User:
    admin = make_user("ada", agency="csc", role=Role.ADMINISTRATOR)
    client.force_login(admin)
    return admin


def test_an_administrator_adds_a_user_who_signs_in_with_the_one_time_password(
    client: Client, administrator: User, agencies: dict[str, Agency]
) -> None:
    page = client.post(
        "/users/",
        {"username": "hv.jones", "full_name": "Hana Jones", "agency": agencies["health"].pk, "role": "health_visitor"},
    )
    password = re.search(r'One-time password: <strong class="app-secret">([^<]+)</strong>', page.content.decode())
    assert password is not None
    made = User.objects.get(username="hv.jones")
    assert (made.get_full_name(), made.agency, made.role) == ("Hana Jones", agencies["health"], "health_visitor")
    assert AuditEvent.objects.filter(user=administrator, action="user_create", object_id=str(made.pk)).exists()
    taken = client.post(
        "/users/", {"username": "HV.JONES", "full_name": "X Y", "agency": agencies["health"].pk, "role": "midwife"}
    )
    assert b"That user name is taken" in taken.content
    client.logout()
    assert client.post("/sign-in/", {"username": "hv.jones", "password": password.group(1)}).status_code == 302


def test_deactivate_reset_two_step_and_unlock(client: Client, administrator: User, worker: User) -> None:
    client.post(f"/users/{worker.pk}/change/", {"change": "deactivate"})
    worker.refresh_from_db()
    assert not worker.is_active
    client.post(f"/users/{worker.pk}/change/", {"change": "reactivate"})
    TOTPDevice.objects.create(user=worker, name="phone", confirmed=True)
    client.post(f"/users/{worker.pk}/change/", {"change": "reset_two_step"})
    assert not TOTPDevice.objects.filter(user=worker).exists()

    other = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT):
        other.post("/sign-in/", {"username": worker.username, "password": "wrong"})
    assert other.post("/sign-in/", {"username": worker.username, "password": PASSWORD}).status_code == 429
    client.post(f"/users/{worker.pk}/change/", {"change": "unlock"})
    assert other.post("/sign-in/", {"username": worker.username, "password": PASSWORD}).status_code == 302
    reasons = set(AuditEvent.objects.filter(action="user_change").values_list("reason", flat=True))
    assert reasons == {"deactivate", "reactivate", "reset two step", "unlock"}


def test_only_administrators_manage_users(client: Client, worker: User) -> None:
    client.force_login(worker)
    assert client.get("/users/").status_code == 404
    assert client.post(f"/users/{worker.pk}/change/", {"change": "deactivate"}).status_code == 404
    worker.refresh_from_db()
    assert worker.is_active


def test_a_user_changes_their_password(client: Client, worker: User) -> None:
    client.force_login(worker)
    wrong = client.post("/password/", {"old_password": "nope", "new_password1": "x", "new_password2": "x"})
    assert wrong.status_code == 200 and b"There is a problem" in wrong.content
    new = "plum orchard lantern seven"
    done = client.post("/password/", {"old_password": PASSWORD, "new_password1": new, "new_password2": new})
    assert b"Your password has been changed" in done.content
    assert client.get("/families/").status_code == 200  # still signed in
    worker.refresh_from_db()
    assert worker.check_password(new)
