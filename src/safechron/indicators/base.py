"""What every indicator returns and how indicators are registered.

An indicator is a small function of a family as known on a date (a `FamilyView`) and
its thresholds, returning alerts. It never decides: it says what pattern is present,
since when, on which records, and why it matters (indicators.md).
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from safechron.chronology.dates import PartialDate
from safechron.chronology.model import Entry

if TYPE_CHECKING:
    from safechron.indicators.context import FamilyView

__all__ = ["GROUPS", "REGISTRY", "Alert", "Evidence", "IndicatorSpec", "Thresholds", "evidence_of", "indicator"]

GROUPS: tuple[str, ...] = (
    "Cumulative risk",
    "Plans that are not working",
    "The child in view",
    "The adults who pose the risk",
    "Agencies talking to each other",
)


@dataclass(frozen=True, slots=True)
class Evidence:
    """One record an alert rests on."""

    agency: str
    record_id: str
    date: PartialDate

    def to_json(self) -> dict[str, str]:
        return {"agency": self.agency, "record_id": self.record_id, "date": self.date.iso()}


def evidence_of(entries: Iterable[Entry]) -> tuple[Evidence, ...]:
    """Evidence for entries, once each, in date order."""
    unique = {entry.key: entry for entry in entries}
    ordered = sorted(unique.values(), key=Entry.sort_key)
    return tuple(Evidence(e.agency, e.record_id, e.date) for e in ordered)


@dataclass(frozen=True, slots=True)
class Alert:
    """A pattern present in the family as of a date, with its evidence and explanation."""

    code: str
    severity: str  # "high" or "medium"
    first_met_on: date
    evidence: tuple[Evidence, ...]
    explanation: str
    children: tuple[str, ...] = ()  # person ids
    adults: tuple[str, ...] = ()  # person ids
    reference: str = ""
    title: str = ""

    def to_json(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "title": self.title,
            "severity": self.severity,
            "children": list(self.children),
            "adults": list(self.adults),
            "first_met_on": self.first_met_on.isoformat(),
            "evidence": [item.to_json() for item in self.evidence],
            "explanation": self.explanation,
            "reference": self.reference,
        }


IndicatorFunction = Callable[["FamilyView", dict[str, Any]], list[Alert]]


@dataclass(frozen=True, slots=True)
class IndicatorSpec:
    code: str
    title: str  # sentence case, as people read it: "Toxic trio"
    group: str
    reference: str
    function: IndicatorFunction
    also_emits: tuple[str, ...] = ()  # other codes this function reports (TOXIC_TRIO_PARTIAL)


REGISTRY: dict[str, IndicatorSpec] = {}


def indicator(
    code: str, *, title: str, group: str, reference: str, also_emits: tuple[str, ...] = ()
) -> Callable[[IndicatorFunction], IndicatorFunction]:
    """Register an indicator function under its catalogue code."""
    if group not in GROUPS:
        raise ValueError(f"unknown indicator group {group!r}")

    def register(function: IndicatorFunction) -> IndicatorFunction:
        if code in REGISTRY:
            raise ValueError(f"indicator {code} is registered twice")
        REGISTRY[code] = IndicatorSpec(code, title, group, reference, function, also_emits)
        return function

    return register


@dataclass(frozen=True, slots=True)
class Thresholds:
    """The thresholds of every indicator, from one TOML file (thresholds.toml by default)."""

    values: dict[str, dict[str, Any]] = field(default_factory=dict)

    @classmethod
    def load(cls, path: Path | None = None) -> Thresholds:
        """The thresholds of a file, or of the packaged thresholds.toml (read once per process)."""
        if path is None:
            return _packaged_thresholds()
        return cls(tomllib.loads(path.read_text("utf-8")))

    def for_code(self, code: str) -> dict[str, Any]:
        return dict(self.values.get(code, {}))


@cache
def _packaged_thresholds() -> Thresholds:
    text = resources.files("safechron.indicators").joinpath("thresholds.toml").read_text("utf-8")
    return Thresholds(tomllib.loads(text))
