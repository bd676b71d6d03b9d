from datetime import date

from safechron.reports.shapes import analyse_json
from tests.builders import FamilyBuilder


def test_analyse_json_lists_only_what_was_known_on_the_date() -> None:
    family = FamilyBuilder()
    mother = family.person("Mother", role="mother")
    family.entry("2016-03-01", "home_visit", "Visit.", [mother], record_id="A")
    family.entry("2016-03-20", "home_visit", "Visit.", [mother], record_id="B")
    family.entry("2016-03-05", "note", "Written up late.", [mother], record_id="C", recorded="2016-04-01")
    family.entry("2016-03", "note", "Some time in March.", [mother], record_id="D")

    shape = analyse_json(chronology=family.build(), alerts=[], as_of=date(2016, 3, 10))

    assert [entry["record_id"] for entry in shape["entries"]] == ["A"]
    assert shape["entries_after_as_of"] == 3
    assert shape["as_of"] == "2016-03-10"
