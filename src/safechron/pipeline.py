"""The one path from submission files to a combined, tagged chronology and its alerts.

The command line, the web application and the benchmarks all go through here, so a
chronology is read, linked and tagged the same way wherever it is shown.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from pathlib import Path

from safechron.chronology.combine import combine
from safechron.chronology.model import Chronology, Submission
from safechron.formats import read_paths
from safechron.indicators import evaluate
from safechron.indicators.base import Alert, Thresholds
from safechron.tagging import default_tagger

__all__ = ["build_chronology", "load", "analyse"]


def build_chronology(
    submissions: Sequence[Submission],
    *,
    confirmed: Iterable[tuple[str, str]] = (),
    split: Iterable[tuple[str, str]] = (),
) -> Chronology:
    """Link the people of the submissions, merge their entries in date order and propose risk tags."""
    chronology = combine(submissions, confirmed=confirmed, split=split)
    tagger = default_tagger()
    for entry, tags in zip(chronology.entries, tagger.propose_many(e.text() for e in chronology.entries)):
        entry.proposed_tags = tags
    return chronology


def load(paths: Sequence[Path]) -> Chronology:
    """Read submission files (xlsx, zip, folders) and build their combined chronology."""
    return build_chronology(read_paths(paths))


def analyse(chronology: Chronology, as_of: date, thresholds: Thresholds | None = None) -> list[Alert]:
    """Every indicator of the catalogue as of a date, with no hindsight."""
    return evaluate(chronology, as_of, thresholds or Thresholds.load())
