"""The report for a person at a terminal: the same content as the HTML report, as wrapped plain text."""

from __future__ import annotations

import re
import textwrap
from collections.abc import Sequence
from datetime import date

from safechron.chronology.model import Chronology
from safechron.indicators.base import Alert
from safechron.reports.report_model import Report, build_report, plural

__all__ = ["render_text"]

#: Control characters (escape sequences included) that would act on the terminal rather than be read.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def render_text(*, chronology: Chronology, alerts: Sequence[Alert], as_of: date, width: int = 100) -> str:
    """The report of a chronology and its alerts as of a date, wrapped to `width` columns."""
    report = build_report(chronology=chronology, alerts=alerts, as_of=as_of)
    out = _Writer(width)
    out.heading(f"Multi-agency chronology report as of {report.as_of_words}", "=")
    later = (
        f" {plural(report.later_entries, 'later entry', 'later entries')}, not yet known on {report.as_of_words},"
        " left out."
        if report.later_entries
        else ""
    )
    out.para(
        f"{plural(len(report.rows), 'entry', 'entries')} from {plural(len(report.agencies), 'agency', 'agencies')}"
        f" about {plural(len(report.persons), 'person', 'people')}.{later}"
    )
    _indicators(out, report)
    _people(out, report)
    _chronology(out, report)
    _quarantine(out, report)
    return out.text()


def _indicators(out: _Writer, report: Report) -> None:
    counts = ", ".join(f"{count} {word.lower()}" for word, count in report.counts.items())
    out.heading(f"Open indicators ({counts})")
    if not report.alerts:
        out.para(f"No indicator is met as of {report.as_of_words}.")
    for view in report.alerts:
        out.para(f"[{view.severity.upper()}] {view.title}, first met on {view.first_met}")
        out.para(view.alert.explanation, indent=4)
        if view.people:
            out.para(view.people, indent=4)
        if view.alert.reference:
            out.para(f"Case review: {view.alert.reference}", indent=4)
        out.para("Evidence:", indent=4)
        for link in view.evidence:
            out.para(f"- {link.label}", indent=6, hang=2)
        out.blank()


def _people(out: _Writer, report: Report) -> None:
    out.heading("People and their records")
    for view in report.persons:
        name = view.person.display_name or view.person.person_id
        out.para(f"{name} ({view.person.person_id}): {view.caption}")
        for line in view.records:
            out.para(f"- {line}", indent=4, hang=2)
        for line in view.reasons:
            out.para(f"- linked {line}", indent=4, hang=2)
        if view.open_alerts:
            out.para("Named in: " + ", ".join(view.open_alerts), indent=4)
    out.blank()


def _chronology(out: _Writer, report: Report) -> None:
    out.heading("Combined chronology")
    for row in report.rows:
        when = row.date_in_words + (f" {row.time}" if row.time else "")
        out.para(f"{when} | {row.agency} {row.record_id} | {row.event} | {row.who}")
        out.para(row.summary, indent=4)
        if row.action_and_outcome:
            for line in row.action_and_outcome.splitlines():
                out.para(line, indent=4)
        if row.tags_text:
            out.para("Tags: " + row.tags_text.replace("\n", "; "), indent=4)
        titles = report.evidence_of.get(row.anchor)
        if titles:
            out.para("Evidence for: " + ", ".join(titles), indent=4)
    out.blank()


def _quarantine(out: _Writer, report: Report) -> None:
    out.heading("Rows not taken in")
    if not report.quarantine:
        out.para("Every row of every submission was taken in.")
    for row in report.quarantine:
        out.para(f"- {row.message()}", hang=2)


class _Writer:
    """Collects wrapped lines."""

    def __init__(self, width: int) -> None:
        self.width = width
        self.lines: list[str] = []

    def heading(self, title: str, underline: str = "-") -> None:
        if self.lines and self.lines[-1]:
            self.lines.append("")
        self.lines.extend([title, underline * min(len(title), self.width), ""])

    def para(self, text: str, *, indent: int = 0, hang: int = 0) -> None:
        for paragraph in _CONTROL.sub("", text).splitlines() or [""]:
            self.lines.extend(
                textwrap.wrap(
                    paragraph,
                    self.width,
                    initial_indent=" " * indent,
                    subsequent_indent=" " * (indent + hang),
                    break_on_hyphens=False,
                )
                or [""]
            )

    def blank(self) -> None:
        self.lines.append("")

    def text(self) -> str:
        return "\n".join(self.lines).rstrip() + "\n"
