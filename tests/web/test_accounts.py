"""Administrators manage users; everyone can change their own password."""

from __future__ import annotations

import re
from collections.abc import Callable
from html import unescape

import pytest
from django.conf import settings
from django.test import Client
from django_otp.plugins.otp_totp.models import TOTPDevice

from safechron.web.accounts.models import Agency, Role, User
from safechron.web.audit.models import AuditEvent
from safechron.web.families.models import Entry, Family, LinkDecision, Person, PersonRecord
from safechron.web.families.selectors import family_chronology
from tests.web.conftest import CSC, PASSWORD, POLICE


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


def test_a_one_time_password_must_be_changed_before_anything_else(
    client: Client, administrator: User, agencies: dict[str, Agency]
) -> None:
    page = client.post(
        "/users/",
        {"username": "pc.khan", "full_name": "Asha Khan", "agency": agencies["police"].pk, "role": "police_officer"},
    )
    one_time = re.search(r'One-time password: <strong class="app-secret">([^<]+)</strong>', page.content.decode())
    assert one_time is not None
    client.logout()
    signed_in = client.post("/sign-in/", {"username": "pc.khan", "password": one_time.group(1)}, follow=True)
    assert signed_in.redirect_chain[-1][0] == "/password/"
    assert b"You signed in with a one-time password" in signed_in.content
    for elsewhere in ("/families/", "/two-step-sign-in/", "/families/break-glass/"):
        assert client.get(elsewhere)["Location"] == "/password/", elsewhere
    new = "quince harbour ladder ninety"
    done = client.post("/password/", {"old_password": one_time.group(1), "new_password1": new, "new_password2": new})
    assert b"Your password has been changed" in done.content
    assert client.get("/families/").status_code == 200
    made = User.objects.get(username="pc.khan")
    assert not made.must_change_password and made.check_password(new)
    assert AuditEvent.objects.filter(user=made, action="password_change").exists()


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


def test_an_administrator_adds_an_agency_of_a_known_kind(client: Client, administrator: User) -> None:
    empty = client.post("/agencies/", {"name": "", "agency_type": ""})
    assert "Enter the agency's name" in unescape(empty.content.decode())
    assert b"Select the kind of agency" in empty.content
    assert client.post("/agencies/", {"name": "Yarm Youth Justice", "agency_type": "wizardry"}).status_code == 200
    added = client.post("/agencies/", {"name": "  Yarm   Youth Justice ", "agency_type": "youth_justice"})
    agency = Agency.objects.get(name="Yarm Youth Justice")
    assert added["Location"] == f"/agencies/#agency-{agency.pk}" and agency.agency_type == "youth_justice"
    assert AuditEvent.objects.filter(user=administrator, action="agency_create", object_id=str(agency.pk)).exists()
    listed = client.get("/agencies/").content.decode()
    assert "Yarm Youth Justice" in listed and "Youth justice" in listed
    again = client.post("/agencies/", {"name": "yarm youth justice", "agency_type": "youth_justice"})
    assert b"An agency already has that name" in again.content
    assert Agency.objects.filter(name__iexact="yarm youth justice").count() == 1


def test_renaming_an_agency_renames_its_records_in_every_family(
    client: Client, administrator: User, family: Family, agencies: dict[str, Agency]
) -> None:
    police = agencies["police"]
    mother = PersonRecord.objects.get(family=family, agency=police, person_ref="P1")
    LinkDecision.objects.create(
        family=family,
        record_a=mother.key,
        record_b=f"{CSC}:C1",
        decision=LinkDecision.Decision.CONFIRMED,
        reason="Same mother",
        decided_by=administrator,
    )
    persons_before = Person.objects.filter(family=family).count()
    revision = family.revision
    clash = client.post(f"/agencies/{police.pk}/", {"name": CSC.upper(), "agency_type": "police"})
    assert b"An agency already has that name" in clash.content
    renamed = client.post(f"/agencies/{police.pk}/", {"name": "Northshire Constabulary", "agency_type": "police"})
    assert renamed.status_code == 302
    family.refresh_from_db()
    assert family.revision > revision  # the cached chronology is not served again
    assert Entry.objects.get(family=family, record_id="INC-1").subjects[0].startswith("Northshire Constabulary:")
    decision = LinkDecision.objects.get(family=family)
    assert decision.record_a == "Northshire Constabulary:P1"
    assert Person.objects.filter(family=family).count() == persons_before
    assert AuditEvent.objects.filter(
        user=administrator, action="agency_change", object_id=str(police.pk), reason=f"was {POLICE} (Police)"
    ).exists()
    chronology = family_chronology(family=family)
    assert {entry.agency for entry in chronology.entries} == {"Northshire Constabulary", CSC}
    assert chronology.person_of_record.get("Northshire Constabulary:P1") is not None


def test_only_administrators_manage_agencies(client: Client, worker: User, agencies: dict[str, Agency]) -> None:
    client.force_login(worker)
    assert client.get("/agencies/").status_code == 404
    assert client.post("/agencies/", {"name": "X", "agency_type": "police"}).status_code == 404
    assert client.post(f"/agencies/{agencies['police'].pk}/", {"name": "X", "agency_type": "police"}).status_code == 404
    assert Agency.objects.get(pk=agencies["police"].pk).name == POLICE
