"""Set-up the indicator tests share: the default thresholds, running indicators, and a two-parent family."""

from __future__ import annotations

from datetime import date
from typing import Any

from safechron.chronology.model import Chronology
from safechron.indicators import evaluate
from safechron.indicators.base import REGISTRY, Alert, Thresholds
from safechron.indicators.context import FamilyView
from tests.builders import FamilyBuilder

THRESHOLDS = Thresholds.load()


def run(chronology: Chronology, as_of: str, code: str) -> list[Alert]:
    """One indicator on its own, as the family was known on a day."""
    view = FamilyView.as_of_date(chronology, date.fromisoformat(as_of))
    return REGISTRY[code].function(view, THRESHOLDS.for_code(code))


def alerts(chronology: Chronology, as_of: str, code: str) -> list[Alert]:
    """The alerts of one code from evaluating every indicator as the family was known on a day."""
    return [a for a in evaluate(chronology, date.fromisoformat(as_of), THRESHOLDS) if a.code == code]


def ids(alert: Alert) -> list[str]:
    """The record ids of an alert's evidence, in its order."""
    return [item.record_id for item in alert.evidence]


class Parents:
    """Mother (born 1990) and Father (born 1988); each test family adds its children."""

    def __init__(self) -> None:
        self.builder = FamilyBuilder()
        self.mother = self.builder.person("Mother", role="mother", dob="1990-01-01")
        self.father = self.builder.person("Father", role="father", dob="1988-01-01")

    def add(self, day: str, event_type: str, subjects: list[str], summary: str = "", **fields: Any) -> str:
        """An entry (summary defaults to the event type); `fields` as FamilyBuilder.entry. Its record id."""
        return self.builder.entry(day, event_type, summary or event_type, subjects, **fields).record_id
