"""Measure the tagger against labelled entries: precision, recall and F1 per tag and overall.

The labelled sets live in evaluation/tagging/ (columns id, agency_type, text, expected_tags);
docs/tagging.md says how they were written and why the lexicon is tuned on one only.
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from safechron.tagging.tagger import Tagger

__all__ = ["LabelledEntry", "Score", "Scores", "labelled_read", "tagger_score"]


@dataclass(frozen=True, slots=True)
class LabelledEntry:
    id: str
    agency_type: str
    text: str
    expected: frozenset[str]


@dataclass(frozen=True, slots=True)
class Score:
    """Counts for one tag (or all tags together), with the usual ratios."""

    true_positives: int
    false_positives: int
    false_negatives: int

    @property
    def precision(self) -> float:
        proposed = self.true_positives + self.false_positives
        return self.true_positives / proposed if proposed else 1.0

    @property
    def recall(self) -> float:
        expected = self.true_positives + self.false_negatives
        return self.true_positives / expected if expected else 1.0

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0


@dataclass(frozen=True, slots=True)
class Scores:
    overall: Score  # micro-averaged over every tag of every entry
    by_tag: dict[str, Score]
    errors: list[tuple[LabelledEntry, frozenset[str]]]  # entries whose proposed tags differ


def labelled_read(*, path: Path) -> list[LabelledEntry]:
    """Read a labelled set; expected tags are semicolon separated."""
    with path.open(newline="", encoding="utf-8") as handle:
        return [
            LabelledEntry(
                id=row["id"],
                agency_type=row["agency_type"],
                text=row["text"],
                expected=frozenset(t.strip() for t in row["expected_tags"].split(";") if t.strip()),
            )
            for row in csv.DictReader(handle)
        ]


def tagger_score(*, tagger: Tagger, entries: Sequence[LabelledEntry]) -> Scores:
    """Compare the tags the tagger proposes for each entry with the expected ones."""
    proposed_all = tagger.propose_many(entry.text for entry in entries)
    counts: dict[str, list[int]] = {}
    errors = []
    for entry, proposed in zip(entries, proposed_all, strict=True):
        for tag in entry.expected | proposed:
            tally = counts.setdefault(tag, [0, 0, 0])
            if tag in entry.expected and tag in proposed:
                tally[0] += 1
            elif tag in proposed:
                tally[1] += 1
            else:
                tally[2] += 1
        if proposed != entry.expected:
            errors.append((entry, proposed))
    by_tag = {tag: Score(*tally) for tag, tally in sorted(counts.items())}
    overall = Score(*(sum(t[i] for t in counts.values()) for i in range(3)))
    return Scores(overall=overall, by_tag=by_tag, errors=errors)
