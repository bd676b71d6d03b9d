"""Entries tagged per second on one core, through `propose_many` (the path the pipeline uses).

    .venv/bin/python benchmarks/tagging_speed.py [--entries 20000]

Entries of realistic length are made by joining two to four texts of the labelled sets at
random (seeded), which gives summaries of about 25 to 120 words (about 50 on average), as agency chronologies have.
The rate is counted in CPU time of the one core, so other work on a shared machine does not
distort it. The target is at least 5,000 entries a second.
"""

from __future__ import annotations

import argparse
import os
import random
import time
from pathlib import Path

from safechron.tagging import default_tagger
from safechron.tagging.evaluation import labelled_read

SETS = Path(__file__).resolve().parent.parent / "evaluation" / "tagging"
TARGET = 5_000


def entries_make(*, count: int, seed: int = 7) -> list[str]:
    texts = [e.text for name in ("evaluation.csv", "development.csv") for e in labelled_read(path=SETS / name)]
    rng = random.Random(seed)
    return [" ".join(rng.sample(texts, rng.randint(2, 4))) for _ in range(count)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--entries", type=int, default=20_000)
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core
    entries = entries_make(count=args.entries)
    words = sum(len(e.split()) for e in entries) / len(entries)
    tagger = default_tagger()
    tagger.propose_many(entries[:200])  # warm up
    started, cpu_started = time.perf_counter(), time.process_time()
    tagger.propose_many(entries)
    elapsed = time.perf_counter() - started
    cpu = time.process_time() - cpu_started
    rate = len(entries) / cpu  # CPU time, so other work on a busy machine does not count
    verdict = "meets" if rate >= TARGET else f"misses by {TARGET - rate:,.0f}/s ({1 - rate / TARGET:.0%})"
    print(f"{len(entries):,} entries, {words:.0f} words on average")
    print(f"{cpu:.2f} s of CPU on one core ({elapsed:.2f} s wall)")
    print(f"{rate:,.0f} entries per second; target {TARGET:,}/s: {verdict}")


if __name__ == "__main__":
    main()
