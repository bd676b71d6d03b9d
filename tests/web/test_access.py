"""Need to know: a user of an uninvolved agency sees no family data on any page, and gets 404
(never 403) for every page about a family; break-glass opens a family with a stated reason."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from safechron.web.accounts.models import Role, User
from safechron.web.audit.models import AuditEvent
from safechron.web.families.models import BreakGlass, Entry, Family, Person
from safechron.web.families.services import allocation_create
from safechron.web.imports.models import Import
from safechron.web.imports.services import import_upload
from safechron.web.permissions import visible_families
from tests.web.conftest import police_workbook

#: Pages that are not about one family: they answer 200 (or redirect) but must show no family data.
GENERAL_PAGES = {
    "home",
    "accounts:sign_in",
    "accounts:sign_in_code",
    "accounts:sign_out",
    "accounts:two_step",
    "accounts:password",
    "accounts:users",
    "accounts:user_change",
    "accounts:agencies",
    "accounts:agency_change",
    "families:caseload",
    "families:break_glass",
    "families:break_glass_log",
    "imports:upload",
    "audit:events",
}


def _patterns(resolvers: list[URLPattern | URLResolver], namespace: str = "") -> Iterator[tuple[str, URLPattern]]:
    for item in resolvers:
        if isinstance(item, URLResolver):
            inner = f"{namespace}{item.namespace}:" if item.namespace else namespace
            yield from _patterns(item.url_patterns, inner)
        elif item.name:
            yield f"{namespace}{item.name}", item


def _every_url(family: Family, upload: Import) -> list[tuple[str, str]]:
    """Every URL pattern of the application, filled in with the family's real objects."""
    from django.urls import reverse

    person = Person.objects.filter(family=family).first()
    assert person is not None
    values = {
        "family_id": family.pk,
        "person_id": person.pk,
        "import_id": upload.pk,
        "code": "TOXIC_TRIO",
        "first_met_on": "2016-03-02",
        "kind": "timeline",
        "user_id": family.created_by_id,
        "agency_id": upload.agency_id,
        "entry_id": Entry.objects.filter(family=family).values_list("pk", flat=True).first(),
    }
    urls = []
    for name, pattern in _patterns(get_resolver().url_patterns):
        kwargs = {key: values[key] for key in pattern.pattern.converters}
        urls.append((name, reverse(name, kwargs=kwargs)))
    return urls


@pytest.fixture
def upload(family: Family, worker: User) -> Import:
    return import_upload(family=family, user=worker, file_name="police.xlsx", content=police_workbook())


def test_every_url_pattern_is_walked(family: Family, upload: Import) -> None:
    names = {name for name, _ in _every_url(family, upload)}
    assert names >= GENERAL_PAGES
    assert {
        "families:family",
        "families:person",
        "families:entry_tags",
        "imports:review",
        "alerts:acknowledge",
    } <= names


@pytest.mark.parametrize("method", ["get", "post"])
def test_an_uninvolved_user_gets_404_and_no_data_on_every_page(
    client: Client, family: Family, upload: Import, outsider: User, method: str
) -> None:
    client.force_login(outsider)
    secrets = [
        family.name.encode(),
        b"Jade",
        b"Jayde",
        b"Kai",
        *(e.summary.split(".")[0].encode() for e in Entry.objects.filter(family=family)),
    ]
    for name, url in _every_url(family, upload):
        if name == "accounts:sign_out":
            continue
        response = getattr(client, method)(url)
        if name not in GENERAL_PAGES:
            assert response.status_code == 404, (name, method, response.status_code)
        else:
            assert response.status_code in {200, 302, 404, 405}, (name, method, response.status_code)
        for secret in secrets:
            assert secret not in response.content, (name, method, secret)
    assert not AuditEvent.objects.filter(user=outsider, family=family).exists()


def test_pages_need_sign_in(client: Client, family: Family, upload: Import) -> None:
    for name, url in _every_url(family, upload):
        if name in {"accounts:sign_in", "accounts:sign_out", "accounts:sign_in_code"}:
            continue
        response = client.get(url)
        assert response.status_code == 302 and "/sign-in/" in response["Location"], name


def test_involved_agency_and_allocation_and_nothing_else_give_access(
    family: Family, make_user: Callable[..., User], outsider: User
) -> None:
    police_officer = make_user("pat", agency="police", role=Role.POLICE_OFFICER)  # involved through its import
    health_visitor = make_user("hana", agency="health", role=Role.HEALTH_VISITOR)  # not involved
    assert list(visible_families(user=police_officer)) == [family]
    assert list(visible_families(user=health_visitor)) == []
    allocation_create(family=family, user=outsider, allocated_by=family.created_by)
    assert list(visible_families(user=outsider)) == [family]


def test_no_break_glass_warning_for_ordinary_access(client: Client, family: Family, worker: User) -> None:
    client.force_login(worker)
    assert b"through break-glass access" not in client.get(f"/families/{family.pk}/").content


def test_read_only_roles_cannot_change_a_family_they_can_see(
    client: Client, family: Family, make_user: Callable[..., User]
) -> None:
    reviewer = make_user("rui", agency="csc", role=Role.REVIEWER)
    client.force_login(reviewer)
    assert client.get(f"/families/{family.pk}/").status_code == 200
    assert client.get(f"/families/{family.pk}/entries/new/").status_code == 404
    assert client.get("/imports/new/").status_code == 404


def test_break_glass_needs_a_reason_is_recorded_and_shown_to_the_manager(
    client: Client, family: Family, outsider: User, make_user: Callable[..., User]
) -> None:
    client.force_login(outsider)
    refused = client.post("/families/break-glass/", {"family": family.pk, "reason": ""})
    assert b"Enter why you need to see this family now" in refused.content
    assert client.get(f"/families/{family.pk}/").status_code == 404
    reason = "Child reported missing tonight; checking known addresses"
    opened = client.post("/families/break-glass/", {"family": family.pk, "reason": reason})
    assert opened.status_code == 302
    page = client.get(f"/families/{family.pk}/")
    assert page.status_code == 200
    assert b"You are seeing this family through break-glass access" in page.content
    use = BreakGlass.objects.get(user=outsider, family=family)
    assert use.reason == reason
    assert AuditEvent.objects.filter(user=outsider, action="break_glass", reason=reason).exists()

    manager = make_user("mo", agency="other", role=Role.TEAM_MANAGER)
    client.force_login(manager)
    log = client.get("/families/break-glass/log/")
    assert reason.encode() in log.content
    client.post("/families/break-glass/log/", {"use": use.pk})
    use.refresh_from_db()
    assert use.reviewed_by == manager

    other_manager = make_user("meg", agency="health", role=Role.TEAM_MANAGER)
    client.force_login(other_manager)
    assert reason.encode() not in client.get("/families/break-glass/log/").content


def test_a_team_manager_allocates_a_practitioner_of_their_agency(
    client: Client, family: Family, worker: User, make_user: Callable[..., User]
) -> None:
    newcomer = make_user("nia", agency="csc", role=Role.SOCIAL_WORKER)
    manager = make_user("max", agency="csc", role=Role.TEAM_MANAGER)
    client.force_login(worker)
    assert client.get(f"/families/{family.pk}/allocations/").status_code == 404  # social workers do not allocate
    client.force_login(manager)
    page = client.get(f"/families/{family.pk}/allocations/").content.decode()
    assert "Nia" in page and "Sam" not in page  # Sam created the family and is allocated already
    client.post(f"/families/{family.pk}/allocations/", {"user": newcomer.pk})
    assert family.allocations.filter(user=newcomer, allocated_by=manager).exists()
    assert AuditEvent.objects.filter(user=manager, action="allocate", family=family).exists()
    assert "Nia, social worker" in client.get(f"/families/{family.pk}/").content.decode()
