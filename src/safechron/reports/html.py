"""The printable report: one self-contained HTML file (inline CSS and SVG, no external assets)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from safechron.chronology.model import Chronology
from safechron.indicators.base import Alert
from safechron.reports.family_diagram import family_diagram_svg
from safechron.reports.report_model import build_report, day_in_words
from safechron.reports.rows import ReportTable
from safechron.reports.timeline import timeline_svg

__all__ = ["render_html"]


def render_html(
    *,
    chronology: Chronology,
    alerts: Sequence[Alert],
    as_of: date,
    generated_on: date | None = None,
    tables: Sequence[ReportTable] = (),
) -> str:
    """The report of a chronology and its alerts as of a date, as one HTML document; each of `tables`
    is a section of its own before the indicators."""
    environment = Environment(
        loader=PackageLoader("safechron.reports", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    template = environment.get_template("report.html.jinja")
    return template.render(
        report=build_report(chronology=chronology, alerts=alerts, as_of=as_of),
        timeline=_inline(timeline_svg(chronology=chronology, alerts=alerts, as_of=as_of)),
        family_diagram=_inline(family_diagram_svg(chronology=chronology, alerts=alerts, as_of=as_of)),
        generated_on=day_in_words(generated_on or date.today()),
        tables=tables,
    )


def _inline(svg: str) -> Markup:
    """An SVG document made fit to sit inside HTML: without its XML declaration and doctype.

    The SVG is trusted: safechron drew it, and its renderers escape every text they were given."""
    return Markup(svg[svg.index("<svg") :])
