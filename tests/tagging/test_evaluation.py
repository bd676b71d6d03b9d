"""Regression gate: the tagger on the labelled evaluation set, and the batched path."""

from __future__ import annotations

from pathlib import Path

from safechron.tagging import default_tagger
from safechron.tagging.evaluation import labelled_read, tagger_score

SETS = Path(__file__).resolve().parents[2] / "evaluation" / "tagging"


def test_propose_many_gives_the_same_tags_as_propose() -> None:
    texts = [entry.text for entry in labelled_read(path=SETS / "development.csv")]
    tagger = default_tagger()
    assert tagger.propose_many(iter(texts)) == [tagger.propose(text) for text in texts]


def test_the_labelled_sets_are_large_enough_and_separate() -> None:
    evaluation = labelled_read(path=SETS / "evaluation.csv")
    development = labelled_read(path=SETS / "development.csv")
    assert len(evaluation) >= 400
    assert len(development) >= 150
    assert not {e.text for e in evaluation} & {e.text for e in development}


# The targets are precision 0.9 and recall 0.85. On the held-out set the tagger reaches precision
# 0.901 and recall 0.867 (docs/tagging.md), so the gate holds both at what is reached. Raise them as
# the lexicon, tuned on the development set only, improves; never lower them.
PRECISION_FLOOR = 0.90
RECALL_FLOOR = 0.86


def test_precision_and_recall_on_the_evaluation_set() -> None:
    scores = tagger_score(tagger=default_tagger(), entries=labelled_read(path=SETS / "evaluation.csv"))
    # Plain numbers only: a failure must not print the held-out entries, whose errors are never read.
    precision, recall = scores.overall.precision, scores.overall.recall
    assert precision >= PRECISION_FLOOR
    assert recall >= RECALL_FLOOR
