"""The standard public record-linkage benchmark (FEBRL 4), read from ../shared/data, as two agencies."""

from __future__ import annotations

from benchmarks.linkage_quality import DATA, febrl_records, febrl_truth, pairwise_quality

from safechron.linkage import link_records


def test_febrl_500_originals_among_their_duplicates_and_others_link_with_f1_of_at_least_0_95() -> None:
    originals = febrl_records(DATA / "febrl_dataset4a.csv", agency="4a", limit=500)
    numbers = {record.person_ref.split("-")[1] for record in originals}
    duplicates = febrl_records(DATA / "febrl_dataset4b.csv", agency="4b")
    # the duplicates of those 500 people, and 300 other people's records to be kept apart from them
    chosen = [r for r in duplicates if r.person_ref.split("-")[1] in numbers]
    chosen += [r for r in duplicates if r.person_ref.split("-")[1] not in numbers][:300]
    records = originals + chosen
    persons = link_records(records)
    quality = pairwise_quality(persons, febrl_truth(records))
    assert quality.true_pairs == 500
    assert quality.f1 >= 0.95, quality
    assert sorted(key for person in persons for key in person.record_keys) == sorted(r.key for r in records)
