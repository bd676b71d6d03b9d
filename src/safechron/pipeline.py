"""The one path from submission files to a combined, tagged chronology and its alerts.

The command line, the web application and the benchmarks all go through here, so a
chronology is read, linked, tagged and analysed the same way wherever it is shown.
"""

from __future__ import annotations

import gc
import multiprocessing
from collections.abc import Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from safechron.chronology.combine import combine
from safechron.chronology.families import split_families
from safechron.chronology.model import Chronology, Entry, Submission
from safechron.formats import read_paths
from safechron.indicators import evaluate
from safechron.indicators.base import Alert, Thresholds
from safechron.tagging import default_tagger

__all__ = ["Analysis", "analyse", "analyse_families", "build_chronology", "load", "tag_entries"]


def tag_entries(entries: Sequence[Entry]) -> None:
    """Propose risk tags from each entry's free text (negated and hypothetical mentions excluded)."""
    tagger = default_tagger()
    for entry, tags in zip(entries, tagger.propose_many(entry.text() for entry in entries), strict=True):
        entry.proposed_tags = tags


def build_chronology(
    submissions: Sequence[Submission],
    *,
    confirmed: Iterable[tuple[str, str]] = (),
    split: Iterable[tuple[str, str]] = (),
) -> Chronology:
    """Link the people of the submissions, merge their entries in date order and propose risk tags."""
    chronology = combine(submissions, confirmed=confirmed, split=split)
    tag_entries(chronology.entries)
    return chronology


def load(paths: Sequence[Path]) -> Chronology:
    """Read submission files (xlsx, zip, folders) and build their combined, tagged chronology."""
    return build_chronology(read_paths(paths))


def analyse(chronology: Chronology, as_of: date, thresholds: Thresholds | None = None) -> list[Alert]:
    """Every indicator of the catalogue as of a date, with no hindsight, for each family of a tagged
    chronology (families never share a household)."""
    return [alert for alerts in analyse_families(chronology, as_of, thresholds=thresholds).alerts_by_family
            for alert in alerts]


@dataclass(slots=True)
class Analysis:
    families: list[Chronology]
    alerts_by_family: list[list[Alert]]


def analyse_families(
    chronology: Chronology,
    as_of: date,
    *,
    thresholds: Thresholds | None = None,
    tag: bool = False,
    workers: int = 1,
) -> Analysis:
    """Split the chronology into families and evaluate each, optionally tagging first and spreading
    the families over worker processes (families are independent)."""
    limits = thresholds or Thresholds.load()
    families = split_families(chronology)
    if workers <= 1 or len(families) < 2 * workers:
        if tag:
            tag_entries(chronology.entries)
        return Analysis(families, [evaluate(family, as_of, limits) for family in families])

    # Forked workers inherit the families (nothing is pickled on the way in); each takes a slice of
    # indices and sends back only the proposed tags and alerts.
    step = max(1, len(families) // (workers * 8))
    slices = [range(start, min(start + step, len(families))) for start in range(0, len(families), step)]
    if tag:
        default_tagger()  # built once here and inherited, not once per worker
    context = multiprocessing.get_context("fork")
    gc.freeze()  # the workers' garbage collector leaves inherited objects alone, so their pages stay shared
    try:
        with ProcessPoolExecutor(
            max_workers=workers, mp_context=context, initializer=_hold_families,
            initargs=(families, as_of, limits, tag),
        ) as pool:
            results = list(pool.map(_analyse_slice, slices))
    finally:
        gc.unfreeze()
    alerts_by_family: list[list[Alert]] = []
    shared: dict[tuple[str, ...], frozenset[str]] = {}  # one object per combination of tags
    for indices, (tags_per_family, alerts_per_family) in zip(slices, results, strict=True):
        for index, tagged, alerts in zip(indices, tags_per_family, alerts_per_family, strict=True):
            entries = families[index].entries
            for position, tags in tagged:
                entries[position].proposed_tags = shared.setdefault(tags, frozenset(tags))
            alerts_by_family.append(alerts)
    return Analysis(families, alerts_by_family)


#: What a worker process was handed when it was forked: its own copy, never shared or changed.
_WORK: dict[str, object] = {}


def _hold_families(families: list[Chronology], as_of: date, thresholds: Thresholds, tag: bool) -> None:
    _WORK.update(families=families, as_of=as_of, thresholds=thresholds, tag=tag)


def _analyse_slice(indices: range) -> tuple[list[list[tuple[int, tuple[str, ...]]]], list[list[Alert]]]:
    """Tag (when asked) and evaluate a slice of the families; send back, per family, only the entries
    given tags (position and sorted tags) and the alerts."""
    families: list[Chronology] = _WORK["families"]  # type: ignore[assignment]
    as_of: date = _WORK["as_of"]  # type: ignore[assignment]
    thresholds: Thresholds = _WORK["thresholds"]  # type: ignore[assignment]
    tagged: list[list[tuple[int, tuple[str, ...]]]] = []
    alerts: list[list[Alert]] = []
    for index in indices:
        family = families[index]
        if _WORK["tag"]:
            tag_entries(family.entries)
            entries = family.entries
            tagged.append([(i, tuple(sorted(e.proposed_tags))) for i, e in enumerate(entries) if e.proposed_tags])
        else:
            tagged.append([])
        alerts.append(evaluate(family, as_of, thresholds))
    return tagged, alerts
