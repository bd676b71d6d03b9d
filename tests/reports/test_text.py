from __future__ import annotations

from datetime import date

from safechron.chronology.model import Chronology
from safechron.indicators.base import Alert
from safechron.reports.text import render_text


def test_terminal_report_has_the_same_content(chronology: Chronology, alerts: list[Alert], as_of: date) -> None:
    text = render_text(chronology=chronology, alerts=alerts, as_of=as_of, width=90)
    assert text.startswith("Multi-agency chronology report as of 30 June 2016\n")
    assert "4 entries from 4 agencies about 5 people. 1 later entry" in text
    assert "Open indicators (1 high, 1 medium)" in text
    assert "[HIGH] Toxic trio, first met on 31 May 2016" in text
    assert "      - About 22 May 2016, NSPCC, R0003" in text
    assert "Kerry Smith (p1): Mother, born 1 February 1990 (26)" in text
    assert "2 April 2016 23:40 | Police INC-2231 | Domestic abuse incident | Kerry Smith, Dean Jones" in text
    assert "    Tags: Proposed: Domestic abuse, Parental alcohol misuse" in text
    assert "    Evidence for: Toxic trio, Family concerns" in text
    assert "- police/entries.csv, row 14, column date: '31/02/2016' is not a date" in text
    assert "Tab-led note" not in text  # known only after the as-of date
    assert max(len(line) for line in text.splitlines()) <= 90


def test_terminal_control_characters_are_removed(chronology: Chronology, as_of: date) -> None:
    chronology.entries[1].summary = "Cleared screen\x1b[2J here\r"
    text = render_text(chronology=chronology, alerts=[], as_of=as_of)
    assert "\x1b" not in text and "\r" not in text
    assert "Cleared screen[2J here" in text
    assert "No indicator is met as of 30 June 2016." in text
