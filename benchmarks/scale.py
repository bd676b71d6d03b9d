"""Scale benchmarks of the engine on synthetic submissions (benchmarks/generate.py).

    python -m benchmarks.scale merge   benchmarks/out/10k   # read + link + merge
    python -m benchmarks.scale analyse benchmarks/out/10k   # read + link + tag + every indicator, per family
    python -m benchmarks.scale family                        # re-evaluate one family of 500 entries

Prints wall time per stage, peak resident memory and (where the data carries `truth_person`) the
linkage precision, recall and F1 against the true identities. Figures go in the README; these are
measurements, never tests.
"""

from __future__ import annotations

import argparse
import contextlib
import statistics
import sys
import threading
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TypeVar

import psutil

from benchmarks.linkage_quality import pairwise_quality
from safechron.chronology.combine import combine
from safechron.chronology.model import Chronology, Submission
from safechron.formats import read_paths
from safechron.pipeline import analyse_families, build_chronology

T = TypeVar("T")


def timed(label: str, work: Callable[[], T]) -> T:
    start = time.perf_counter()
    result = work()
    print(f"{label:<28} {time.perf_counter() - start:8.1f} s")
    return result


class MemorySampler:
    """Peak memory of this process and its worker processes, as the proportional set size (PSS) summed
    over the tree every 0.2 s: pages forked workers share with the parent are counted once, which
    adding up each process's own peak (ru_maxrss) would not."""

    def __init__(self) -> None:
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        me = psutil.Process()
        while not self._stop.wait(0.2):
            total = 0
            for process in [me, *me.children(recursive=True)]:
                with contextlib.suppress(psutil.Error):
                    total += process.memory_full_info().pss
            self.peak = max(self.peak, total)

    def peak_gb(self) -> float:
        return self.peak / 1024**3


def linkage_quality(submissions: list[Submission], chronology: Chronology) -> str:
    truth = {
        record.key: record.extra["truth_person"]
        for submission in submissions
        for record in submission.people
        if "truth_person" in record.extra
    }
    if not truth:
        return "no truth_person column: linkage quality not measured"
    quality = pairwise_quality(chronology.persons, truth)
    return (
        f"linkage: precision {quality.precision:.4f}, recall {quality.recall:.4f}, F1 {quality.f1:.4f} "
        f"over {quality.true_pairs:,} true pairs"
    )


def bench_merge(folder: Path) -> None:
    memory = MemorySampler()
    total = time.perf_counter()
    submissions = timed("read", lambda: read_paths([folder]))
    entries = sum(len(s.entries) for s in submissions)
    records = sum(len(s.people) for s in submissions)
    print(f"{entries:,} entries, {records:,} person records, {sum(len(s.quarantine) for s in submissions)} quarantined")
    chronology = timed("link + merge", lambda: combine(submissions))
    print(f"{len(chronology.persons):,} persons")
    print(f"{'total':<28} {time.perf_counter() - total:8.1f} s   peak memory {memory.peak_gb():.2f} GB (PSS)")
    print(linkage_quality(submissions, chronology))


def bench_analyse(folder: Path, as_of: date, workers: int) -> None:
    memory = MemorySampler()
    total = time.perf_counter()
    submissions = timed("read", lambda: read_paths([folder]))
    chronology = timed("link + merge", lambda: combine(submissions))
    result = timed("tag + indicators", lambda: analyse_families(chronology, as_of, tag=True, workers=workers))
    alerts = sum(len(a) for a in result.alerts_by_family)
    print(f"{len(result.alerts_by_family):,} families, {alerts:,} alerts, "
          f"{sum(len(e.proposed_tags) > 0 for e in chronology.entries):,} entries with proposed tags")
    print(f"{'total':<28} {time.perf_counter() - total:8.1f} s   peak memory {memory.peak_gb():.2f} GB (PSS)")


def bench_family(repeats: int) -> None:
    import tempfile

    from benchmarks.generate import generate

    with tempfile.TemporaryDirectory() as tmp:
        generate(families=1, entries_per_family=500, out=Path(tmp), seed=7)
        chronology = build_chronology(read_paths([Path(tmp)]))
    print(f"one family: {len(chronology.entries)} entries, {len(chronology.persons)} persons")
    from safechron.pipeline import analyse

    analyse(chronology, date(2030, 1, 1))  # warm up (imports, thresholds)
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        analyse(chronology, date(2030, 1, 1))
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    p95 = times[int(len(times) * 0.95) - 1]
    median = statistics.median(times)
    print(f"re-evaluate every indicator: median {median:.1f} ms, p95 {p95:.1f} ms over {repeats} runs")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("stage", choices=["merge", "analyse", "family"])
    parser.add_argument("folder", type=Path, nargs="?", default=Path("benchmarks/out/10k"))
    parser.add_argument("--as-of", type=date.fromisoformat, default=date(2030, 1, 1))
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--repeats", type=int, default=50)
    args = parser.parse_args()
    if args.stage != "family" and not args.folder.exists():
        sys.exit(f"{args.folder} does not exist: run python -m benchmarks.generate --out {args.folder} first")
    if args.stage == "merge":
        bench_merge(args.folder)
    elif args.stage == "analyse":
        bench_analyse(args.folder, args.as_of, args.workers)
    else:
        bench_family(args.repeats)


if __name__ == "__main__":
    main()
