from __future__ import annotations

import re
from datetime import date
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

import weasyprint

from safechron.chronology.model import Chronology
from safechron.indicators.base import Alert
from safechron.reports.html import render_html


class _Page(HTMLParser):
    """What the tests look at in a page: ids, links, external references and row texts."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.fragment_links: list[str] = []
        self.external: list[str] = []
        self.tags: list[str] = []
        self.rows: dict[str, str] = {}
        self._row: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        self.tags.append(tag)
        if values.get("id"):
            self.ids.add(values["id"] or "")
        href = values.get("href") or ""
        if href.startswith("#"):
            self.fragment_links.append(href[1:])
        if tag in {"link", "script", "img", "iframe"} or (tag == "a" and href.startswith("http")):
            self.external.append(tag)
        if tag == "tr" and (values.get("id") or "").startswith("entry-"):
            self._row = values["id"]
            self.rows[self._row or ""] = ""

    def handle_endtag(self, tag: str) -> None:
        if tag == "tr":
            self._row = None

    def handle_data(self, data: str) -> None:
        if self._row:
            self.rows[self._row] += data


def _page(html: str) -> _Page:
    page = _Page()
    page.feed(html)
    return page


def test_report_is_self_contained_and_linked(chronology: Chronology, alerts: list[Alert], as_of: date) -> None:
    html = render_html(chronology=chronology, alerts=alerts, as_of=as_of, generated_on=date(2026, 1, 2))
    page = _page(html)
    assert not page.external
    assert "<style>" in html and "@media print" in html and "Arial" in html
    assert page.tags.count("svg") == 2  # the timeline and the family diagram, inline
    assert "<?xml" not in html and "<!DOCTYPE svg" not in html
    assert set(page.fragment_links) <= page.ids  # every evidence and contents link lands on the page
    assert {"entry-police-inc-2231", "entry-gp-r0002", "entry-nspcc-r0003"} <= set(page.fragment_links)
    assert page.tags.count("h1") == 1 and page.tags.count("th") >= 10
    assert "Produced by safechron on 2 January 2026" in html


def test_report_says_what_matters_in_words(chronology: Chronology, alerts: list[Alert], as_of: date) -> None:
    html = render_html(chronology=chronology, alerts=alerts, as_of=as_of)
    page = _page(html)
    text = unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)))
    assert "HIGH" not in text  # severity is a word in sentence case; capitals only by CSS
    assert "High Toxic trio" in text and "Medium Family concerns" in text
    assert "First met on 31 May 2016" in text
    assert "Children: Child BY. Adults: Kerry Smith, Dean Jones." in text
    assert "1 later entry was not yet known on 30 June 2016" in text
    assert "entry-children-s-social-care-r0005" not in page.rows  # the 2016 note is not known yet
    incident = re.sub(r"\s+", " ", page.rows["entry-police-inc-2231"])
    assert "Agency: Domestic abuse" in incident and "Proposed:" not in incident
    assert "Evidence for: Toxic trio" in incident
    report = re.sub(r"\s+", " ", page.rows["entry-nspcc-r0003"])
    assert "About 22 May 2016" in report
    assert "Proposed: Domestic abuse" in report and "Proposed: Parental alcohol misuse" in report
    assert "Evidence for: Toxic trio, Family concerns" in report
    assert "police/entries.csv" in text and "'31/02/2016' is not a date" in text


def test_summaries_are_escaped(chronology: Chronology, as_of: date) -> None:
    chronology.entries[1].summary = "<script>alert(1)</script> & more"
    html = render_html(chronology=chronology, alerts=[], as_of=as_of)
    assert "<script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; more" in html
    assert "No indicator is met as of 30 June 2016." in html


def test_report_prints_to_pdf(chronology: Chronology, alerts: list[Alert], as_of: date, tmp_path: Path) -> None:
    html = render_html(chronology=chronology, alerts=alerts, as_of=as_of)
    document = weasyprint.HTML(string=html).render()
    assert 2 <= len(document.pages) <= 8
    first = document.pages[0]
    assert (round(first.width), round(first.height)) == (1123, 794)  # A4 landscape in CSS pixels
    path = tmp_path / "report.pdf"
    document.write_pdf(path)
    assert path.read_bytes().startswith(b"%PDF")
