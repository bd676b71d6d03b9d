"""Precision, recall and F1 of the free-text tagger, per tag and overall (micro), on a labelled set.

.venv/bin/python benchmarks/tagging_quality.py                 # the evaluation set
.venv/bin/python benchmarks/tagging_quality.py --development   # the set the lexicon is tuned on
.venv/bin/python benchmarks/tagging_quality.py --errors        # also list the entries it gets wrong
"""

from __future__ import annotations

import argparse
from pathlib import Path

from safechron.tagging import default_tagger
from safechron.tagging.evaluation import labelled_read, tagger_score

SETS = Path(__file__).resolve().parent.parent / "evaluation" / "tagging"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--development", action="store_true", help="score the development set instead")
    parser.add_argument("--errors", action="store_true", help="list entries whose tags differ")
    args = parser.parse_args()
    path = SETS / ("development.csv" if args.development else "evaluation.csv")
    entries = labelled_read(path=path)
    scores = tagger_score(tagger=default_tagger(), entries=entries)
    print(f"{path.name}: {len(entries)} entries\n")
    print(f"{'tag':<28}{'support':>8}{'precision':>11}{'recall':>8}{'F1':>7}")
    for tag, score in scores.by_tag.items():
        support = score.true_positives + score.false_negatives
        print(f"{tag:<28}{support:>8}{score.precision:>11.3f}{score.recall:>8.3f}{score.f1:>7.3f}")
    overall = scores.overall
    support = overall.true_positives + overall.false_negatives
    print(f"{'overall (micro)':<28}{support:>8}{overall.precision:>11.3f}{overall.recall:>8.3f}{overall.f1:>7.3f}")
    print(f"\nentries fully right: {len(entries) - len(scores.errors)} of {len(entries)}")
    if args.errors:
        for entry, proposed in scores.errors:
            missed = sorted(entry.expected - proposed)
            extra = sorted(proposed - entry.expected)
            print(f"\n{entry.id} missed {missed} extra {extra}\n  {entry.text}")


if __name__ == "__main__":
    main()
