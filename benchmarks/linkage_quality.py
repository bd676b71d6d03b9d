"""Linkage quality and speed on public labelled data and on a large synthetic population.

    .venv/bin/python -m benchmarks.linkage_quality            # FEBRL 4, fake_1000, 50k historical, 100k synthetic
    .venv/bin/python -m benchmarks.linkage_quality --quick    # FEBRL 4 and fake_1000 only

Prints one row per data set: records, persons found, pairwise precision, recall and F1 against
the truth, wall time of link_records and the peak resident memory of the process so far.
The data are read from ../shared/data/linkage (never copied into the repository).

- FEBRL 4 (febrl_dataset4a + 4b): two submissions of 5,000 people; rec-N-org matches rec-N-dup-0.
- fake_1000: 1,000 rows with duplicates inside one file (`cluster` is the truth); each row is
  given as a source of its own, since the rows of one agency are different people by definition,
  and the prior is one in the number of rows (nothing says how many people there are). The
  email column is not used: agencies' person records have none.
- historical_figures_with_errors_50k: 50,578 rows, duplicates inside one file, for scale.
- synthetic: 50,000 people known to two agencies (100,000 records), the second copy with the
  noise agencies make: misspellings, nicknames, swapped names, transposed or missing dates.
"""

from __future__ import annotations

import argparse
import csv
import random
import resource
import string
import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import combinations
from pathlib import Path

import pandas as pd

from safechron.chronology.dates import DateError, PartialDate
from safechron.chronology.model import Person, PersonRecord
from safechron.linkage import LinkageSettings, link_records
from safechron.linkage.features import nickname_groups

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "linkage"


@dataclass(frozen=True, slots=True)
class Quality:
    precision: float
    recall: float
    f1: float
    true_pairs: int
    found_pairs: int


def pairwise_quality(persons: Sequence[Person], truth: dict[str, str]) -> Quality:
    """Precision, recall and F1 over pairs of records: a pair is found when both records are in one
    person, true when both have the same truth label."""
    found = {pair for person in persons for pair in combinations(sorted(person.record_keys), 2)}
    members: dict[str, list[str]] = {}
    for key, label in truth.items():
        members.setdefault(label, []).append(key)
    true = {pair for keys in members.values() for pair in combinations(sorted(keys), 2)}
    hits = len(found & true)
    precision = hits / len(found) if found else 1.0
    recall = hits / len(true) if true else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return Quality(precision, recall, f1, len(true), len(found))


def _date(text: str) -> PartialDate | None:
    try:
        return PartialDate.parse(text) if text else None
    except DateError:
        return None  # FEBRL corrupts some dates into impossible ones: then the date is not known


def febrl_records(path: Path, *, agency: str, limit: int | None = None) -> list[PersonRecord]:
    """A FEBRL file as one agency's person records (address parts joined into the address)."""
    records = []
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, skipinitialspace=True):
            row = {key.strip(): (value or "").strip() for key, value in row.items()}
            born = row["date_of_birth"]
            records.append(
                PersonRecord(
                    agency=agency,
                    person_ref=row["rec_id"],
                    given_names=row["given_name"],
                    family_name=row["surname"],
                    date_of_birth=_date(f"{born[:4]}-{born[4:6]}-{born[6:]}" if len(born) == 8 else ""),
                    postcode=row["postcode"],
                    address=" ".join(row[part] for part in ("street_number", "address_1", "address_2", "suburb")
                                     if row[part]),
                )
            )
            if limit is not None and len(records) == limit:
                break
    return records


def febrl_truth(records: Sequence[PersonRecord]) -> dict[str, str]:
    """rec-N-org and rec-N-dup-0 are the same person N."""
    return {record.key: record.person_ref.split("-")[1] for record in records}


def fake_1000() -> tuple[list[PersonRecord], dict[str, str]]:
    frame = pd.read_csv(DATA / "fake_1000.csv", dtype=str, keep_default_na=False)
    records = [
        PersonRecord(agency=f"row {row.unique_id}", person_ref=row.unique_id, given_names=row.first_name,
                     family_name=row.surname, date_of_birth=_date(row.dob), address=row.city)
        for row in frame.itertuples()
    ]
    return records, {record.key: label for record, label in zip(records, frame["cluster"], strict=True)}


def historical_50k() -> tuple[list[PersonRecord], dict[str, str]]:
    frame = pd.read_parquet(DATA / "historical_figures_with_errors_50k.parquet").fillna("")
    records = [
        PersonRecord(agency=f"row {row.unique_id}", person_ref=row.unique_id, given_names=row.first_name,
                     family_name=row.surname, date_of_birth=_date(str(row.dob)), postcode=row.postcode_fake,
                     sex=str(row.gender) if row.gender in ("male", "female") else "unknown",
                     address=row.birth_place)
        for row in frame.itertuples()
    ]
    return records, {record.key: str(label) for record, label in zip(records, frame["cluster"], strict=True)}


def _typo(rng: random.Random, text: str) -> str:
    if len(text) < 3:
        return text
    at = rng.randrange(1, len(text))
    action = rng.choice(("swap", "drop", "replace"))
    if action == "swap" and at < len(text) - 1:
        return text[:at] + text[at + 1] + text[at] + text[at + 2:]
    if action == "drop":
        return text[:at] + text[at + 1:]
    return text[:at] + rng.choice(string.ascii_lowercase) + text[at + 1:]


def synthetic(people: int, *, seed: int = 7) -> tuple[list[PersonRecord], dict[str, str]]:
    """`people` people known to two agencies; the second agency's records carry realistic noise.
    Names come from the FEBRL originals, nicknames from safechron's own list."""
    rng = random.Random(seed)
    source = febrl_records(DATA / "febrl_dataset4a.csv", agency="names")
    given = sorted({r.given_names for r in source if r.given_names} | set(nickname_groups()))
    family = sorted({r.family_name for r in source if r.family_name})
    short_forms: dict[str, list[str]] = {}
    for name, groups in nickname_groups().items():
        for other, other_groups in nickname_groups().items():
            if other != name and groups & other_groups:
                short_forms.setdefault(name, []).append(other)
    clean, noisy, truth = [], [], {}
    for number in range(people):
        first, last = rng.choice(given), rng.choice(family)
        born = date(1940, 1, 1) + timedelta(days=rng.randrange(80 * 365))
        postcode = f"{rng.choice('BLMPS')}{rng.choice('KLNRS')}{rng.randrange(1, 30)} {rng.randrange(10)}" \
                   f"{rng.choice(string.ascii_uppercase)}{rng.choice(string.ascii_uppercase)}"
        sex = rng.choice(("male", "female"))
        clean.append(PersonRecord(agency="A", person_ref=str(number), given_names=first, family_name=last,
                                  date_of_birth=PartialDate.from_date(born), postcode=postcode, sex=sex))
        roll = rng.random()
        if roll < 0.15:
            first = _typo(rng, first)
        elif roll < 0.25 and first in short_forms:
            first = rng.choice(short_forms[first])
        if rng.random() < 0.15:
            last = _typo(rng, last)
        if rng.random() < 0.03:
            first, last = last, first
        roll = rng.random()
        dob: PartialDate | None = PartialDate.from_date(born)
        if roll < 0.05 and born.day <= 12:
            dob = PartialDate(born.year, born.day, born.month)
        elif roll < 0.10:
            dob = PartialDate(born.year, born.month)
        elif roll < 0.15:
            dob = None
        noisy.append(PersonRecord(agency="B", person_ref=str(number), given_names=first, family_name=last,
                                  date_of_birth=dob, postcode=postcode if rng.random() < 0.8 else "", sex=sex))
        truth[f"A:{number}"] = truth[f"B:{number}"] = str(number)
    return clean + noisy, truth


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def _row(name: str, records: list[PersonRecord], truth: dict[str, str], *, one_list: bool = False) -> None:
    """Link and measure. A single list deduplicated (`one_list`: every row its own source) says
    nothing about how many people there are, so the prior is the sceptical one in the number of rows."""
    settings = LinkageSettings(prior=1 / len(records)) if one_list else None
    start = time.perf_counter()
    persons = link_records(records, settings=settings)
    seconds = time.perf_counter() - start
    q = pairwise_quality(persons, truth)
    print(f"{name:<34} {len(records):>8,} {len(persons):>8,} {q.precision:>9.4f} {q.recall:>7.4f} {q.f1:>7.4f}"
          f" {seconds:>8.1f} {_peak_mb():>8,.0f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="FEBRL 4 and fake_1000 only")
    quick = parser.parse_args().quick
    print(f"{'data set':<34} {'records':>8} {'persons':>8} {'precision':>9} {'recall':>7} {'F1':>7}"
          f" {'seconds':>8} {'peak MB':>8}")
    febrl = febrl_records(DATA / "febrl_dataset4a.csv", agency="febrl 4a") + febrl_records(
        DATA / "febrl_dataset4b.csv", agency="febrl 4b")
    _row("FEBRL 4 (4a + 4b)", febrl, febrl_truth(febrl))
    _row("fake_1000", *fake_1000(), one_list=True)
    if not quick:
        _row("historical figures 50k", *historical_50k(), one_list=True)
        _row("synthetic, 2 agencies x 50,000", *synthetic(50_000))


if __name__ == "__main__":
    main()
