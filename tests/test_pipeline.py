from datetime import date
from pathlib import Path

from benchmarks.generate import generate

from safechron.chronology.combine import combine
from safechron.formats import read_paths
from safechron.pipeline import analyse, analyse_families, build_chronology


def test_families_analysed_in_worker_processes_match_one_process(tmp_path: Path) -> None:
    generate(families=12, entries_per_family=40, out=tmp_path, seed=11)
    submissions = read_paths([tmp_path])
    as_of = date(2019, 6, 30)

    in_one = build_chronology(submissions)
    expected = [alert.to_json() for alert in analyse(in_one, as_of)]

    spread = combine(submissions)
    result = analyse_families(spread, as_of, tag=True, workers=2)

    assert len(result.families) >= 10
    assert [alert.to_json() for alerts in result.alerts_by_family for alert in alerts] == expected
    assert [e.proposed_tags for e in spread.entries] == [e.proposed_tags for e in in_one.entries]
    assert any(e.proposed_tags for e in spread.entries)
