"""The HTML report in a real browser (Debian's chromium through Playwright), checked by axe."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, sync_playwright

from safechron.chronology.model import Chronology
from safechron.indicators.base import Alert
from safechron.reports.html import render_html

pytestmark = pytest.mark.e2e


@pytest.fixture
def page() -> Iterator[Page]:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium", args=["--no-sandbox", "--disable-gpu"]
        )
        yield browser.new_context().new_page()
        browser.close()


def test_report_passes_axe_and_evidence_links_land(
    chronology: Chronology, alerts: list[Alert], as_of: date, tmp_path: Path, page: Page
) -> None:
    path = tmp_path / "report.html"
    path.write_text(render_html(chronology=chronology, alerts=alerts, as_of=as_of), encoding="utf-8")
    page.goto(path.as_uri())
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()
    page.get_by_role("link", name="2 April 2016, Police, INC-2231").click()
    assert page.evaluate("location.hash") == "#entry-police-inc-2231"
    assert page.locator("#entry-police-inc-2231").is_visible()
