"""The practitioner's journey in a real browser, with axe checking every page for accessibility:
sign in, import a submission, open the family, filter the chronology, acknowledge an indicator,
replay as of a past date; a user of another agency gets 404."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect
from pytest_django.live_server_helper import LiveServer

from safechron.web.accounts.models import Role, User
from safechron.web.families.models import Family
from tests.web.conftest import CSC, PASSWORD, csc_workbook, police_workbook

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def accessible(page: Page) -> None:
    """No axe violation on the page (once it has finished loading)."""
    page.wait_for_load_state("load")
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()


def sign_in(page: Page, base: str, username: str) -> None:
    page.goto(f"{base}/sign-in/")
    accessible(page)
    page.get_by_label("User name").fill(username)
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()


def upload(page: Page, base: str, path: Path, *, new_family: str = "") -> None:
    page.goto(f"{base}/imports/new/")
    accessible(page)
    if new_family:
        page.get_by_label("A new family").check()
        page.get_by_label("Name of the new family").fill(new_family)
    else:
        page.get_by_label("Journey family").check()
    page.get_by_label("The agency's chronology").set_input_files(str(path))
    page.get_by_role("button", name="Upload and check").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(path.name)
    accessible(page)
    page.get_by_role("button", name="Commit to Journey family").click()
    expect(page.get_by_text("Chronology committed")).to_be_visible()
    accessible(page)


def test_practitioner_journey(
    page: Page, live_server: LiveServer, worker: User, outsider: User, tmp_path: Path
) -> None:
    base = live_server.url
    police, csc = tmp_path / "police.xlsx", tmp_path / "csc.xlsx"
    police.write_bytes(police_workbook())
    csc.write_bytes(csc_workbook())

    sign_in(page, base, worker.username)
    expect(page.get_by_role("heading", name="Your families")).to_be_visible()
    accessible(page)

    upload(page, base, police, new_family="Journey family")
    upload(page, base, csc)
    family = Family.objects.get(name="Journey family")

    page.goto(f"{base}/families/{family.pk}/")
    expect(page.get_by_role("heading", name="Journey family", level=1)).to_be_visible()
    expect(page.get_by_text("Pattern of domestic abuse").first).to_be_visible()
    accessible(page)

    page.get_by_label("Agency").select_option(CSC)
    page.get_by_role("button", name="Filter the chronology").click()
    expect(page.locator("#chronology-count")).to_contain_text("Showing 1 to 2 of 2 entries, newest first, out of 6")
    accessible(page)

    page.goto(f"{base}/families/{family.pk}/")
    page.get_by_role("link", name="Accept or reject the proposed tags").first.click()
    expect(page.get_by_role("heading", name="Proposed risk tags")).to_be_visible()
    accessible(page)
    page.get_by_role("button", name="Save the decision").click()
    expect(page.get_by_role("heading", name="Journey family", level=1)).to_be_visible()

    page.goto(f"{base}/families/{family.pk}/")
    page.get_by_role("link", name="Acknowledge Pattern of domestic abuse").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Acknowledge: Pattern of domestic abuse")
    accessible(page)
    page.get_by_role("button", name="Acknowledge").click()
    expect(page.get_by_text("Enter a note saying what is being done")).to_have_count(2)  # summary and field
    accessible(page)
    page.get_by_label("What is being done about it?").fill("Strategy discussion held; MARAC referral made.")
    page.get_by_role("button", name="Acknowledge").click()
    expect(page.get_by_text("Strategy discussion held; MARAC referral made.")).to_be_visible()

    mother = page.get_by_role("link", name="Jayde Smith")
    if mother.count() == 0:
        mother = page.get_by_role("link", name="Jade Smith")
    mother.first.click()
    expect(page.get_by_text("Why these records are taken to be one person")).to_be_visible()
    accessible(page)

    past = date.today() - timedelta(days=170)
    page.goto(f"{base}/families/{family.pk}/")
    page.get_by_label("Day").fill(str(past.day))
    page.get_by_label("Month").fill(str(past.month))
    page.get_by_label("Year").fill(str(past.year))
    page.get_by_role("button", name="Show this date").click()
    expect(page.get_by_text("You are seeing what was known on")).to_be_visible()
    expect(page.locator("#chronology-count")).to_contain_text("Showing 1 to 2 of 2 entries")
    expect(page.get_by_text("Pattern of domestic abuse")).to_have_count(0)
    accessible(page)

    page.goto(f"{base}/families/{family.pk}/entries/new/")
    accessible(page)

    page.get_by_role("button", name="Sign out").click()
    sign_in(page, base, outsider.username)
    expect(page.get_by_role("heading", name="Your families")).to_be_visible()
    expect(page.get_by_text("You have no families yet")).to_be_visible()
    response = page.goto(f"{base}/families/{family.pk}/")
    assert response is not None and response.status == 404
    expect(page.get_by_role("heading", name="Page not found")).to_be_visible()
    accessible(page)
    expect(page.get_by_text("Journey family")).to_have_count(0)


def test_administration_pages_are_accessible(
    page: Page, live_server: LiveServer, make_user: Callable[..., User], outsider: User
) -> None:
    base = live_server.url
    make_user("ada", agency="csc", role=Role.ADMINISTRATOR)
    make_user("dee", agency="csc", role=Role.DATA_PROTECTION_OFFICER)
    make_user("mo", agency="other", role=Role.TEAM_MANAGER)
    sign_in(page, base, "ada")
    page.goto(f"{base}/users/")
    accessible(page)
    page.get_by_label("User name").fill("new.worker")
    page.get_by_label("Full name").fill("New Worker")
    page.get_by_label("Agency").select_option(label="Northshire Children's Social Care")
    page.get_by_label("Role").select_option("social_worker")
    page.get_by_role("button", name="Add the user").click()
    expect(page.get_by_text("new.worker can now sign in")).to_be_visible()
    accessible(page)
    one_time = page.locator(".app-secret").inner_text()
    for path in ("/password/", "/two-step-sign-in/"):
        page.goto(base + path)
        accessible(page)

    page.get_by_role("link", name="Agencies").click()
    accessible(page)
    page.get_by_role("button", name="Add the agency").click()
    expect(page.get_by_text("Enter the agency's name")).to_have_count(2)  # summary and field
    accessible(page)
    page.get_by_label("Name").fill("Northshire Youth Justice")
    page.get_by_label("Kind of agency").select_option(label="Youth justice")
    page.get_by_role("button", name="Add the agency").click()
    page.get_by_role("link", name="Change Northshire Youth Justice").click()
    accessible(page)
    page.get_by_label("Name").fill("Northshire Youth Justice Service")
    page.get_by_role("button", name="Save the change").click()
    expect(page.get_by_role("row", name="Northshire Youth Justice Service Youth justice")).to_be_visible()
    page.get_by_role("button", name="Sign out").click()

    page.goto(f"{base}/sign-in/")
    page.get_by_label("User name").fill("new.worker")
    page.get_by_label("Password", exact=True).fill(one_time)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_text("You signed in with a one-time password")).to_be_visible()
    accessible(page)
    page.get_by_role("button", name="Sign out").click()

    sign_in(page, base, outsider.username)
    page.goto(f"{base}/families/break-glass/")
    accessible(page)
    page.get_by_role("button", name="Sign out").click()
    sign_in(page, base, "mo")
    page.goto(f"{base}/families/break-glass/log/")
    accessible(page)
    page.get_by_role("button", name="Sign out").click()
    sign_in(page, base, "dee")
    page.goto(f"{base}/audit/")
    expect(page.get_by_role("heading", name="Audit trail")).to_be_visible()
    accessible(page)
