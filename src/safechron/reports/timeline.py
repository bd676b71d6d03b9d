"""The timeline picture: people as lanes, agencies as colours and shapes, indicators as labelled rules.

Drawn with Altair and rendered to SVG offline by vl-convert. Each event marker carries its
description as an SVG <title>, so a browser shows it on hover and a screen reader reads it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

import altair as alt
import vl_convert

from safechron.chronology.model import Chronology, Person
from safechron.indicators.base import Alert
from safechron.reports.report_model import alert_title, day_in_words
from safechron.reports.rows import chronology_rows
from safechron.vocabulary import CHILD_ROLES, PARENT_ROLES, humanise

__all__ = ["AGENCY_COLOURS", "AGENCY_SHAPES", "TimelineStyle", "timeline_svg"]

#: Okabe and Ito's palette, distinguishable with every common form of colour blindness.
AGENCY_COLOURS: tuple[str, ...] = (
    "#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#000000", "#F0E442",
)  # fmt: skip
#: Shapes cycle at a different length to the colours, so every agency differs by shape as well as colour.
AGENCY_SHAPES: tuple[str, ...] = (
    "circle", "square", "triangle-up", "diamond", "cross", "triangle-down", "triangle-right",
)  # fmt: skip
_DESCRIBED_MARK = re.compile(r'(<(path|text|rect)\b[^>]*?\baria-label="([^"]*)"[^>]*?\brole="graphics-symbol"[^>]*?)/>')
_NO_ONE = "No one linked"
_TOOLTIP_SUMMARY = 240  # characters of the summary shown on hover


@dataclass(frozen=True, slots=True)
class TimelineStyle:
    width: int = 900
    lane_height: int = 26
    label_height: int = 15
    label_levels: int = 16  # rows of indicator labels, one a day, before they repeat
    font: str = "Arial, Helvetica, sans-serif"


def timeline_svg(
    *, chronology: Chronology, alerts: Sequence[Alert], as_of: date, style: TimelineStyle | None = None
) -> str:
    """The chronology's entries known on `as_of` as an SVG timeline, with each alert's first-met date."""
    look = style or TimelineStyle()
    lane_of = _lanes(chronology)
    points = _points(chronology, as_of=as_of, lane_of=lane_of)
    lanes = [*lane_of.values()] + ([_NO_ONE] if any(point["lane"] == _NO_ONE for point in points) else [])
    agencies = sorted({point["agency"] for point in points})
    first_day = min([date.fromisoformat(point["day"]) for point in points] + [a.first_met_on for a in alerts] + [as_of])
    markers = _markers(
        alerts, first_day=first_day, as_of=as_of, levels=look.label_levels, label_height=look.label_height
    )
    scale = alt.Scale(padding=12)
    x = alt.X("day:T", title=None, scale=scale, axis=alt.Axis(labelFontSize=11, grid=True, labelOverlap=True))
    x_unlabelled = alt.X("day:T", title=None, scale=scale, axis=None)
    rules = (
        alt.Chart(alt.Data(values=markers))
        .mark_rule(strokeWidth=1.5)
        .encode(
            x=x,
            color=alt.Color("colour:N", scale=None),
            strokeDash=alt.StrokeDash("dash:N", scale=None),
        )
    )
    labels = [
        alt.Chart(alt.Data(values=markers))
        .transform_filter(alt.datum.side == side)
        .mark_text(align=side, dx=4 if side == "left" else -4, baseline="top", fontSize=11, font=look.font)
        .encode(x=x_unlabelled, y=alt.Y("offset:Q", scale=None, axis=None), text="label:N", description="label:N")
        for side in ("left", "right")
    ]
    legend = alt.Legend(title="Agency", orient="bottom", columns=3, labelLimit=260, symbolSize=90)
    lanes_chart = (
        alt.Chart(alt.Data(values=points), height=max(1, len(lanes)) * look.lane_height)
        .mark_point(filled=True, size=70, opacity=0.8)
        .encode(
            x=x,
            y=alt.Y(
                "lane:N", scale=alt.Scale(domain=lanes), title=None, axis=alt.Axis(labelLimit=260, labelFontSize=12)
            ),
            color=alt.Color(
                "agency:N", scale=alt.Scale(domain=agencies, range=_cycle(AGENCY_COLOURS, len(agencies))), legend=legend
            ),
            shape=alt.Shape(
                "agency:N", scale=alt.Scale(domain=agencies, range=_cycle(AGENCY_SHAPES, len(agencies))), legend=legend
            ),
            description="tip:N",
        )
    )
    levels_used = max(1, min(look.label_levels, len(markers) - 1))
    ticks = rules.transform_filter(alt.datum.label != "").encode(
        x=x_unlabelled,
        y=alt.Y("offset:Q", scale=None, axis=None),
        y2=alt.Y2("tick_end:Q"),
    )
    top = alt.layer(ticks, *labels, height=look.label_height * levels_used + 4, width=look.width)
    chart = (
        alt.vconcat(top, alt.layer(lanes_chart, rules).properties(width=look.width), spacing=2)
        .resolve_scale(x="shared")
        .configure(font=look.font)
        .configure_view(stroke="#B1B4B6")
    )
    return _with_titles(vl_convert.vegalite_to_svg(chart.to_dict()))


def _cycle(values: tuple[str, ...], count: int) -> list[str]:
    return [values[index % len(values)] for index in range(count)]


def _lanes(chronology: Chronology) -> dict[str, str]:
    """Each person's lane label ('Kerry Smith (mother)'; the person id added when two would read the same),
    children first, then parents and partners, then everyone else, each in the order persons were found."""

    def rank(person: Person) -> int:
        return 0 if person.role in CHILD_ROLES else 1 if person.role in PARENT_ROLES else 2

    labels = {}
    for person in sorted(chronology.persons, key=rank):
        name = person.display_name or person.person_id
        labels[person.person_id] = f"{name} ({humanise(person.role).lower()})" if person.role else name
    repeated = {label for label, count in Counter(labels.values()).items() if count > 1}
    return {pid: f"{label} [{pid}]" if label in repeated else label for pid, label in labels.items()}


def _points(chronology: Chronology, *, as_of: date, lane_of: dict[str, str]) -> list[dict[str, Any]]:
    points = []
    for row in chronology_rows(chronology):
        if row.entry.known_on > as_of:
            continue
        summary = row.summary if len(row.summary) <= _TOOLTIP_SUMMARY else row.summary[:_TOOLTIP_SUMMARY] + "…"
        tip = f"{row.date_in_words}, {row.agency}: {row.event}. {summary}"
        for lane in [lane_of[pid] for pid in row.person_ids] or [_NO_ONE]:
            points.append({"day": row.entry.date.start.isoformat(), "lane": lane, "agency": row.agency, "tip": tip})
    return points


def _markers(
    alerts: Sequence[Alert], *, first_day: date, as_of: date, levels: int, label_height: int
) -> list[dict[str, Any]]:
    """A rule on each day an alert was first met, labelled with every alert met that day (labels staggered
    so they do not overlap, and set to the left of the rule in the later half of the picture), and a
    dotted rule at the as-of date."""
    by_day: dict[date, dict[str, list[Alert]]] = {}
    for alert in sorted(alerts, key=lambda a: (a.first_met_on, a.severity != "high")):
        by_day.setdefault(alert.first_met_on, {}).setdefault(alert_title(alert), []).append(alert)
    midpoint = first_day + (as_of - first_day) / 2
    markers = []
    for index, (day, titled) in enumerate(by_day.items()):
        high = any(alert.severity == "high" for group in titled.values() for alert in group)
        names = [
            f"{title} ({group[0].severity}{f', {len(group)} alerts' if len(group) > 1 else ''})"
            for title, group in titled.items()
        ]
        markers.append(
            {
                "day": day.isoformat(),
                "colour": "#D4351C" if high else "#B35900",
                "dash": [1, 0] if high else [6, 3],
                "label": f"{day_in_words(day)}: " + "; ".join(names),
                "side": "right" if day > midpoint else "left",
                "offset": (index % levels) * label_height + 2,
                "tick_end": (index % levels + 1) * label_height,
            }
        )
    markers.append(
        {
            "day": as_of.isoformat(),
            "colour": "#505A5F",
            "dash": [2, 2],
            "label": "",
            "side": "none",
            "offset": 0,
            "tick_end": 0,
        }
    )
    return markers


def _with_titles(svg: str) -> str:
    """Give every described mark an SVG <title>, so browsers show the description on hover.

    Vega writes each mark as one self-closing element whose aria-label is already XML-escaped."""
    return _DESCRIBED_MARK.sub(r"\1><title>\3</title></\2>", svg)
