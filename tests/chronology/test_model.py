from datetime import date

from safechron.chronology.dates import PartialDate
from safechron.chronology.model import Person, PersonRecord


def test_a_person_not_yet_born_is_known_as_the_pregnancy_was_recorded() -> None:
    unborn = PersonRecord("Maternity", "m1", "Unborn twin 1", "Brennan", unborn=True,
                          expected_date=PartialDate.parse("2016-11-22"))
    born = PersonRecord("Hospital", "h1", "Alfie", "Hollis", date_of_birth=PartialDate.parse("2016-10-19"),
                        sex="male")
    alfie = Person("p1", [unborn, born], display_name="Alfie Hollis", date_of_birth=born.date_of_birth, sex="male")

    before = alfie.as_known_on(date(2016, 6, 30))
    assert (before.display_name, before.date_of_birth, before.unborn, before.sex) == (
        "Unborn twin 1 Brennan", None, True, "unknown")
    assert before.expected_date == PartialDate.parse("2016-11-22")
    assert [record.key for record in before.records] == ["Maternity:m1"]
    assert alfie.as_known_on(date(2016, 10, 19)) is alfie
