from tests.builders import FamilyBuilder

from safechron.chronology.families import split_families


def test_two_families_are_split_by_shared_entries() -> None:
    family = FamilyBuilder()
    mum_a = family.person("Mother A", role="mother")
    child_a = family.person("Child A", role="child")
    mum_b = family.person("Mother B", role="mother")
    child_b = family.person("Child B", role="child")
    father_b = family.person("Father B", role="father")
    family.entry("2016-01-05", "home_visit", "Visit.", [mum_a, child_a])
    family.entry("2016-01-06", "home_visit", "Visit.", [mum_b, child_b])
    family.entry("2016-02-01", "arrest", "Arrested.", [father_b])
    family.entry("2016-02-02", "note", "Father B and Child B seen together.", [father_b, child_b])
    family.entry("2016-02-03", "note", "Unattributed note.", [])

    families = split_families(family.build())

    assert [[p.person_id for p in f.persons] for f in families] == [[mum_a, child_a], [mum_b, child_b, father_b], []]
    assert [len(f.entries) for f in families] == [1, 3, 1]
    assert set(families[1].person_of_record.values()) == {mum_b, child_b, father_b}

