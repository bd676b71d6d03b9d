"""link_records on small families, the size of one safeguarding case: who is found to be one person,
who must stay apart, and what is said about each person."""

from __future__ import annotations

from safechron.chronology.dates import PartialDate
from safechron.chronology.model import LinkReason, Person, PersonRecord, SourceRow
from safechron.linkage import link_records

VALID_NHS = "9434765919"
OTHER_VALID_NHS = "9434765927"


def record(
    agency: str, ref: str, given: str = "", family: str = "", dob: str | None = None, **fields: object
) -> PersonRecord:
    """One agency's record of a person, with the date of birth written as agencies write it."""
    date_of_birth = PartialDate.parse(dob) if dob else None
    return PersonRecord(agency, ref, given, family, date_of_birth=date_of_birth, **fields)  # type: ignore[arg-type]


def groups(persons: list[Person]) -> list[set[str]]:
    return [set(person.record_keys) for person in persons]


def only_reason(persons: list[Person]) -> LinkReason:
    (person,) = [p for p in persons if p.reasons]
    (reason,) = person.reasons
    return reason


def test_misspelt_given_name_is_the_same_person() -> None:
    persons = link_records([
        record("GP", "g1", "Kayleigh", "Marsh", "1995-03-02", role="mother", postcode="BB1 2AB"),
        record("Police", "p1", "Kayliegh", "Marsh", "1995-03-02", role="mother"),
    ])
    assert groups(persons) == [{"GP:g1", "Police:p1"}]
    reason = only_reason(persons)
    assert reason.method == "probabilistic"
    assert "given name similar" in reason.agreed and "date of birth exact" in reason.agreed
    assert reason.match_probability is not None and reason.match_probability >= 0.8


def test_nickname_is_the_same_person() -> None:
    persons = link_records([
        record("Probation", "x1", "Darren", "Holt", "1990-05-06", role="father", sex="male"),
        record("Police", "p7", "Daz", "Holt", "1990-05-06", role="father", sex="male"),
    ])
    assert groups(persons) == [{"Probation:x1", "Police:p7"}]
    assert "given name a nickname of the other" in only_reason(persons).agreed


def test_day_and_month_transposed_is_the_same_person() -> None:
    persons = link_records([
        record("GP", "g1", "Kayleigh", "Marsh", "1995-03-02", postcode="BB1 2AB"),
        record("Hospital", "h1", "Kayleigh", "Marsh", "1995-02-03", postcode="BB1 2AB"),
    ])
    assert len(persons) == 1
    assert "date of birth with day and month swapped" in only_reason(persons).agreed


def test_given_and_family_names_swapped_is_the_same_person() -> None:
    persons = link_records([
        record("GP", "g1", "Kayleigh", "Marsh", "1995-03-02"),
        record("Housing", "h1", "Marsh", "Kayleigh", "1995-03-02"),
    ])
    assert len(persons) == 1
    assert "given and family names swapped" in only_reason(persons).agreed


def test_known_as_name_links() -> None:
    persons = link_records([
        record("School", "s1", "Tanisha", "Ahmed", "2011-09-14", role="child"),
        record("Police", "p1", "Tia", "Ahmed", "2011-09-14", role="child", known_as=("Tanisha",)),
    ])
    assert len(persons) == 1


def test_twins_known_to_one_agency_each_are_kept_apart() -> None:
    persons = link_records([
        record("School", "s1", "Lily", "Marsh", "2014-06-01", role="child", sex="female", postcode="BB1 2AB"),
        record("GP", "g2", "Rose", "Marsh", "2014-06-01", role="child", sex="female", postcode="BB1 2AB"),
    ])
    assert len(persons) == 2


def test_twins_known_to_two_agencies_pair_up_correctly() -> None:
    persons = link_records([
        record("School", "s1", "Lily", "Marsh", "2014-06-01", role="child", sex="female"),
        record("School", "s2", "Rose", "Marsh", "2014-06-01", role="child", sex="female"),
        record("GP", "g1", "Rose", "Marsh", "2014-06-01", role="child", sex="female"),
        record("GP", "g2", "Lilly", "Marsh", "2014-06-01", role="child", sex="female"),
    ])
    assert groups(persons) == [{"School:s1", "GP:g2"}, {"School:s2", "GP:g1"}]


def test_siblings_without_dates_of_birth_are_kept_apart() -> None:
    persons = link_records([
        record("Police", "p1", "Jack", "Marsh", role="child", postcode="BB1 2AB"),
        record("Health Visiting", "h1", "Lily", "Marsh", role="child", postcode="BB1 2AB"),
    ])
    assert len(persons) == 2


def test_sisters_at_one_address_without_dates_of_birth_are_kept_apart() -> None:
    persons = link_records([
        record("Police", "p1", "Kayleigh", "Marsh", role="mother", sex="female", postcode="BB1 2AB"),
        record("Housing", "h1", "Gemma", "Marsh", role="relative", sex="female", postcode="BB1 2AB"),
    ])
    assert len(persons) == 2


def test_a_mother_and_a_father_are_never_one_person() -> None:
    persons = link_records([
        record("Police", "p1", "Alex", "Marsh", "1990-01-01", role="mother", postcode="BB1 2AB"),
        record("GP", "g1", "Alex", "Marsh", "1990-01-01", role="father", postcode="BB1 2AB"),
    ])
    assert len(persons) == 2


def test_a_father_and_his_son_of_the_same_name_stay_apart_even_through_a_record_without_a_date() -> None:
    persons = link_records([
        record("Probation", "x1", "Darren", "Holt", "1975-03-02", role="father", sex="male", postcode="BB1 2AB"),
        record("Police", "p1", "Darren", "Holt", sex="male", postcode="BB1 2AB"),
        record("School", "s1", "Darren", "Holt", "2009-07-09", role="child", sex="male", postcode="BB1 2AB"),
    ])
    father = next(p for p in persons if "Probation:x1" in p.record_keys)
    assert "School:s1" not in father.record_keys
    # the police record could be either of them: it is left for a practitioner to confirm
    assert groups(persons) == [{"Probation:x1"}, {"Police:p1"}, {"School:s1"}]


def test_dates_of_birth_in_a_group_must_agree_beyond_the_pair_linked() -> None:
    persons = link_records([
        record("GP", "g1", "Kayleigh", "Marsh", "1995-03-02", postcode="BB1 2AB", role="partner"),
        record("Police", "p1", "Kayleigh", "Marsh", "1995-03-02", postcode="BB1 2AB"),
        record("School", "s1", "Kayleigh", "Marsh", "2015-07-09", postcode="BB1 2AB"),
        record("Housing", "h1", "Kayleigh", "Marsh", "1995-03-02", postcode="BB1 2AB"),
    ])
    assert groups(persons) == [{"GP:g1", "Police:p1", "Housing:h1"}, {"School:s1"}]


def test_different_nhs_numbers_are_different_people_however_alike() -> None:
    persons = link_records([
        record("GP", "g1", "Kayleigh", "Marsh", "1995-03-02", nhs_number=VALID_NHS),
        record("Hospital", "h1", "Kayleigh", "Marsh", "1995-03-02", nhs_number=OTHER_VALID_NHS),
    ])
    assert len(persons) == 2


def test_an_invalid_nhs_number_neither_links_nor_splits() -> None:
    persons = link_records([
        record("GP", "g1", "Kayleigh", "Marsh", "1995-03-02", nhs_number=VALID_NHS),
        record("Hospital", "h1", "Kayleigh", "Marsh", "1995-03-02", nhs_number="9434765918"),
    ])
    assert len(persons) == 1
    assert only_reason(persons).method == "probabilistic"


def test_a_shared_nhs_number_links_despite_different_names() -> None:
    persons = link_records([
        record("GP", "g1", "Kayleigh", "Marsh", nhs_number=VALID_NHS),
        record("Hospital", "h1", "K", "Brennan", nhs_number="943 476 5919"),
    ])
    assert len(persons) == 1
    reason = only_reason(persons)
    assert reason.method == "identifier" and reason.agreed == ("NHS number",)


def test_two_records_of_one_agency_are_two_people() -> None:
    persons = link_records([
        record("Police", "p1", "Kayleigh", "Marsh", "1995-03-02"),
        record("Police", "p2", "Kayleigh", "Marsh", "1995-03-02"),
    ])
    assert len(persons) == 2


def test_a_confirmed_pair_is_one_person_whatever_the_model_says() -> None:
    persons = link_records(
        [record("GP", "g1", "Kayleigh", "Marsh", "1995-03-02"), record("Police", "p1", "Kim", "Brown", "1980-01-01")],
        confirmed=[("GP:g1", "Police:p1")],
    )
    assert len(persons) == 1
    assert only_reason(persons).method == "confirmed"


def test_a_split_pair_stays_apart_even_with_a_shared_nhs_number() -> None:
    records = [
        record("GP", "g1", "Kayleigh", "Marsh", "1995-03-02", nhs_number=VALID_NHS),
        record("Hospital", "h1", "Kayleigh", "Marsh", "1995-03-02", nhs_number=VALID_NHS),
    ]
    assert len(link_records(records)) == 1
    assert len(link_records(records, split=[("Hospital:h1", "GP:g1")])) == 2


def test_a_split_holds_against_a_chain_through_a_third_record() -> None:
    persons = link_records(
        [
            record("GP", "g1", "Kayleigh", "Marsh", "1995-03-02"),
            record("Police", "p1", "Kayleigh", "Marsh", "1995-03-02"),
            record("School", "s1", "Kayleigh", "Marsh", "1995-03-02"),
        ],
        split=[("GP:g1", "School:s1")],
    )
    assert not any({"GP:g1", "School:s1"} <= keys for keys in groups(persons))
    assert sum(len(keys) for keys in groups(persons)) == 3


def test_an_unborn_child_is_the_child_born_of_that_pregnancy() -> None:
    records = [
        record("Maternity", "m1", "Unborn", "Marsh", unborn=True, expected_date=PartialDate.parse("2016-11-20"),
               role="unborn"),
        record("Maternity 2", "m2", "", "Marsh", unborn=True, expected_date=PartialDate.parse("2016-11"),
               role="unborn"),
        record("Health Visiting", "h1", "Lily", "Marsh", "2016-10-05", role="child"),
        record("School", "s1", "Rose", "Marsh", "2012-04-01", role="child"),
    ]
    persons = link_records(records)
    assert groups(persons) == [{"Maternity:m1", "Maternity 2:m2", "Health Visiting:h1"}, {"School:s1"}]
    (person, _) = persons
    assert not person.unborn and person.date_of_birth == PartialDate.parse("2016-10-05")
    assert person.display_name == "Lily Marsh"
    birth = [reason for reason in person.reasons if reason.method == "birth"]
    assert [reason.agreed for reason in birth] == [("expected 20 November 2016, born 5 October 2016",)]


def test_an_unborn_child_is_kept_apart_when_no_birth_fits_unless_confirmed() -> None:
    records = [
        record("Maternity", "m1", "Unborn", "Marsh", unborn=True, expected_date=PartialDate.parse("2016-11"),
               role="unborn"),
        record("Health Visiting", "h1", "Lily", "Marsh", "2016-03-05", role="child"),
    ]
    persons = link_records(records)
    assert groups(persons) == [{"Maternity:m1"}, {"Health Visiting:h1"}]
    assert persons[0].unborn and persons[0].expected_date == PartialDate.parse("2016-11")
    confirmed = link_records(records, confirmed=[("Maternity:m1", "Health Visiting:h1")])
    assert groups(confirmed) == [{"Maternity:m1", "Health Visiting:h1"}]
    assert not confirmed[0].unborn and confirmed[0].date_of_birth == PartialDate.parse("2016-03-05")


def test_an_unborn_child_is_tied_to_the_born_child_by_a_double_barrelled_name_or_the_same_mother() -> None:
    double_barrelled = [
        record("Maternity", "m1", "Baby", "Shah", unborn=True, expected_date=PartialDate.parse("2023-08-21"),
               role="unborn"),
        record("GP", "g1", "Anaya", "Shah-Reid", "2023-06-23", role="child"),
    ]
    assert len(link_records(double_barrelled)) == 1
    fathers_surname = [
        record("Maternity", "m1", "Baby", "Pellin", unborn=True, expected_date=PartialDate.parse("2020-11-07"),
               role="unborn"),
        record("Maternity", "m2", "Donna", "Pellin", "1982-07-19", role="mother"),
        record("GP", "g1", "Ellie-Mae", "Mercer", "2020-11-13", role="child"),
        record("GP", "g2", "Donna", "Pelling", "1982-07-19", role="mother"),
        record("GP", "g3", "Mia", "Pelling", "2008-09-05", role="child"),
    ]
    persons = link_records(fathers_surname)
    assert {"Maternity:m1", "GP:g1"} in groups(persons)
    assert {"GP:g3"} in groups(persons)


def test_unborn_twins_are_the_born_twins_with_the_same_birth_order_label() -> None:
    records = [
        record("Maternity", "m1", "Unborn twin 1", "Brennan", unborn=True,
               expected_date=PartialDate.parse("2016-11-22"), role="unborn", postcode="FY3 9QL"),
        record("Maternity", "m2", "Unborn twin 2", "Brennan", unborn=True,
               expected_date=PartialDate.parse("2016-11-22"), role="unborn", postcode="FY3 9QL"),
        record("Hospital", "h1", "Alfie", "Brennan", "2016-10-19", role="child", known_as=("Twin 1 Brennan",),
               sex="male", postcode="FY3 9QL"),
        record("Hospital", "h2", "Isla", "Brennan", "2016-10-19", role="child", known_as=("Twin 2 Brennan",),
               sex="female", postcode="FY3 9QL"),
    ]
    persons = link_records(records)
    assert groups(persons) == [{"Maternity:m1", "Hospital:h1"}, {"Maternity:m2", "Hospital:h2"}]
    assert [p.display_name for p in persons] == ["Alfie Brennan", "Isla Brennan"]


def test_unborn_twins_without_labels_are_left_to_a_practitioner() -> None:
    records = [
        record("Maternity", "m1", "Unborn", "Brennan", unborn=True, expected_date=PartialDate.parse("2016-11-22"),
               role="unborn"),
        record("Maternity", "m2", "Unborn", "Brennan", unborn=True, expected_date=PartialDate.parse("2016-11-22"),
               role="unborn"),
        record("Hospital", "h1", "Alfie", "Brennan", "2016-10-19", role="child", sex="male"),
        record("Hospital", "h2", "Isla", "Brennan", "2016-10-19", role="child", sex="female"),
    ]
    assert len(link_records(records)) == 4


def test_a_family_role_is_not_outvoted_by_agencies_that_only_know_an_adult() -> None:
    persons = link_records([
        record("CSC", "c1", "Craig", "Mercer", "1979-03-02", role="stepfather", nhs_number="9991539743"),
        record("Ambulance", "a1", "Craig", "Mercer", "1979-03-02", role="other_adult", nhs_number="9991539743"),
        record("Hospital", "h1", "Craig", "Mercer", "1979-03-02", role="other_adult", nhs_number="9991539743"),
    ])
    (person,) = persons
    assert person.role == "stepfather"


def test_a_person_is_described_from_all_their_records() -> None:
    persons = link_records([
        record("Police", "p1", "Kay", "Marsh", "1995", role="Mum's partner", lives_with_child=None),
        record("GP", "g1", "KAYLEIGH ANN", "MARSH", "1995-03-02", role="mother", sex="female",
               lives_with_child=False),
        record("Hospital", "h1", "Kayleigh", "Marsh", "1995-03", role="mother", lives_with_child=True),
    ])
    (person,) = persons
    assert person.display_name == "Kayleigh Ann Marsh"
    assert person.date_of_birth == PartialDate.parse("1995-03-02")
    assert person.sex == "female"
    assert person.role == "mother"
    assert person.lives_with_child is True
    assert not person.unborn


def test_every_record_is_in_exactly_one_person_and_ids_are_stable() -> None:
    records = [
        record("Police", "p1", "Darren", "Holt", "1990-05-06", role="father"),
        record("Police", "p2", "Kayleigh", "Marsh", "1995-03-02", role="mother"),
        record("GP", "g1", "Kayleigh", "Marsh", "1995-03-02", role="mother"),
        record("GP", "g2", "Daz", "Holt", "1990-05-06", role="father"),
        record("School", "s1", "Lily", "Marsh", "2014-06-01", role="child"),
        record("School", "s2", "Rose", "Marsh", "2014-06-01", role="child"),
    ]
    first = link_records(records)
    keys = [key for person in first for key in person.record_keys]
    assert sorted(keys) == sorted(r.key for r in records)
    assert [p.person_id for p in first] == ["p1", "p2", "p3", "p4"]
    assert first[0].record_keys == ["Police:p1", "GP:g2"]
    again = link_records(records)
    assert [(p.person_id, p.record_keys) for p in again] == [(p.person_id, p.record_keys) for p in first]


def test_no_records_no_persons() -> None:
    assert link_records([]) == []


def test_a_record_known_only_as_mother_is_the_one_mother_other_agencies_name() -> None:
    persons = link_records([
        record("GP", "g1", "Kayleigh", "Marsh", "1995-03-02", role="mother"),
        record("Hospital", "h1", "Kayleigh", "Marsh", "1995-03-02", role="mother"),
        record("GP", "g2", "Darren", "Holt", role="father"),
        record("Ambulance", "Mother", role="mother"),
        record("Ambulance", "Father", role="father"),
        record("Ambulance", "Sibling 1", role="sibling", source=SourceRow("ambulance.csv", "entries", 4)),
        record("Ambulance", "A12", role="sibling"),
    ])
    assert groups(persons) == [
        {"GP:g1", "Hospital:h1", "Ambulance:Mother"},
        {"GP:g2", "Ambulance:Father"},
        {"Ambulance:Sibling 1"},
        {"Ambulance:A12"},
    ]
    assert persons[0].display_name == "Kayleigh Marsh"
    reason = next(r for r in persons[1].reasons)
    assert reason.method == "role" and reason.agreed == ("the only father the other agencies name",)
    assert persons[2].display_name == "Sibling 1"
    assert persons[3].display_name == "Sibling"


def test_a_record_known_only_as_mother_is_not_linked_when_other_agencies_name_two_mothers() -> None:
    persons = link_records([
        record("GP", "g1", "Kayleigh", "Marsh", "1995-03-02", role="mother"),
        record("GP", "g2", "Susan", "Brown", "1970-01-01", role="mother"),
        record("Ambulance", "Mother", role="mother"),
    ])
    assert len(persons) == 3


def test_a_shared_placeholder_in_an_identifier_column_is_no_identifier() -> None:
    persons = link_records([
        record("School", "s1", "Lily", "Marsh", "2014-06-01", role="child", upn="UNKNOWN"),
        record("Police", "p1", "Jack", "Holt", "1980-02-02", role="father", upn="unknown"),
    ])
    assert len(persons) == 2


def test_a_shared_upn_links() -> None:
    persons = link_records([
        record("School", "s1", "Lily", "Marsh", "2014-06-01", role="child", upn="A123 4567 89012"),
        record("Education Welfare", "e1", "Lilly-Mae", "Holt", role="child", upn="a12345678 9012"),
    ])
    assert len(persons) == 1
    assert only_reason(persons).agreed == ("unique pupil number",)


def test_a_record_matching_two_different_people_equally_is_linked_to_neither() -> None:
    persons = link_records([
        record("Police", "p1", "Isla", "Marsh", role="mother", sex="female"),
        record("GP", "g1", "Isla", "Marsh", "1989-02-10", role="mother", sex="female", postcode="FY2 2LX"),
        record("Hospital", "h1", "Isla", "Marsh", "1980-08-03", role="mother", sex="female", postcode="FY1 6QA"),
    ])
    assert groups(persons) == [{"Police:p1"}, {"GP:g1"}, {"Hospital:h1"}]


def test_a_record_matching_two_records_of_one_person_joins_them() -> None:
    persons = link_records([
        record("Police", "p1", "Isla", "Marsh", role="mother", sex="female"),
        record("GP", "g1", "Isla", "Marsh", "1989-02-10", role="mother", sex="female", postcode="FY2 2LX"),
        record("Hospital", "h1", "Isla", "Marsh", "1989-10-02", role="mother", sex="female"),
    ])
    assert groups(persons) == [{"Police:p1", "GP:g1", "Hospital:h1"}]


def test_the_name_shown_has_the_family_name_most_agencies_use_written_as_people_write_it() -> None:
    (person,) = link_records([
        record("Police", "p1", "Darren James", "HOLLIS", "1983-07-02", role="father"),
        record("GP", "g1", "Daz", "Hollis", "1983-07-02", role="father"),
        record("Probation", "x1", "Darren", "Hollis", "1983-07-02", role="father"),
        record("Hospital", "h1", "Darren", "Brennan-Hollis", "1983-07-02", role="father"),
    ])
    assert person.display_name == "Darren James Hollis"
