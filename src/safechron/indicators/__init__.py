"""Risk indicators: every pattern of the catalogue (indicators.md), evaluated as of a date.

    alerts = evaluate(chronology, date(2016, 10, 19), Thresholds.load())

Each group of the catalogue is one module; importing it registers its indicators. `evaluate`
builds the family as known on the date (no hindsight), runs every registered indicator with its
table of thresholds and returns the alerts, high first, then in the order they were first met.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import date
from typing import NamedTuple

from safechron.chronology.model import Chronology
from safechron.indicators import adults, agencies, child, cumulative, plans  # noqa: F401  (importing registers them)
from safechron.indicators.base import GROUPS, REGISTRY, Alert, Thresholds
from safechron.indicators.context import FamilyView

__all__ = ["EMITTED_TITLES", "CatalogueEntry", "evaluate", "evaluate_view", "indicator_catalogue"]

#: Titles of the codes an indicator reports besides its own (IndicatorSpec.also_emits).
EMITTED_TITLES: dict[str, str] = {"TOXIC_TRIO_PARTIAL": "Two of the toxic trio"}


class CatalogueEntry(NamedTuple):
    """One code of the catalogue as people read it."""

    code: str
    title: str
    group: str
    reference: str


def indicator_catalogue() -> list[CatalogueEntry]:
    """Every code an alert can carry, in catalogue group order, for the web app and reports."""
    entries = []
    for group in GROUPS:
        for spec in REGISTRY.values():
            if spec.group != group:
                continue
            entries.append(CatalogueEntry(spec.code, spec.title, spec.group, spec.reference))
            entries.extend(
                CatalogueEntry(code, EMITTED_TITLES[code], spec.group, spec.reference) for code in spec.also_emits
            )
    return entries


def evaluate(chronology: Chronology, as_of: date, thresholds: Thresholds) -> list[Alert]:
    """Every indicator of the catalogue for one family as it was known on `as_of`."""
    return evaluate_view(FamilyView.as_of_date(chronology, as_of, thresholds))


def evaluate_view(
    view: FamilyView, thresholds: Thresholds | None = None, *, exclude: Iterable[str] = ()
) -> list[Alert]:
    """The alerts of a family view, leaving out the indicators whose codes are in `exclude`.

    For an indicator that needs to know which alerts were open on an earlier day:
    `evaluate_view(view.earlier(day), exclude=("WORKER_CHANGE_IN_HIGH_RISK",))`. Without
    `thresholds`, the view's thresholds are used. The alerts are worked out once per view and `exclude`.
    """
    if thresholds is not None:
        view = view.with_thresholds(thresholds)
    skipped = frozenset(exclude)
    if skipped not in view.alerts_without:
        view.alerts_without[skipped] = tuple(_alerts(view, skipped))
    return list(view.alerts_without[skipped])


def _alerts(view: FamilyView, skipped: frozenset[str]) -> list[Alert]:
    alerts: list[Alert] = []
    for spec in REGISTRY.values():
        if spec.code in skipped:
            continue
        for alert in spec.function(view, view.thresholds.for_code(spec.code)):
            title = spec.title if alert.code == spec.code else EMITTED_TITLES[alert.code]
            alerts.append(replace(alert, title=title, reference=spec.reference))
    return sorted(alerts, key=lambda a: (a.severity != "high", a.first_met_on, a.code, a.children, a.adults))
