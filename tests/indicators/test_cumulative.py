"""Cumulative risk indicators: for each code a family where it fires, on the right day, and a near miss."""

from __future__ import annotations

from datetime import date

import pytest

from safechron.chronology.model import Chronology
from tests.builders import FamilyBuilder
from tests.indicators.support import Parents, alerts, ids


class Family(Parents):
    """Mother, Father and a child of two at home."""

    def __init__(self, child_dob: str = "2014-01-01") -> None:
        super().__init__()
        self.child = self.builder.person("Amy", role="child", dob=child_dob)

    def incident(self, day: str, *, tags: tuple[str, ...] = ("domestic_abuse",), agency: str = "Police") -> str:
        return self.builder.entry(
            day,
            "domestic_abuse_incident",
            "Police called to an argument.",
            [self.mother, self.father],
            agency=agency,
            tags=tags,
        ).record_id


# -- TOXIC_TRIO ---------------------------------------------------------------------------------


def _trio(substance_day: str) -> tuple[Family, list[str]]:
    family = Family()
    records = [
        family.incident("2016-03-02"),
        family.builder.entry(
            "2016-04-10",
            "mental_health_contact",
            "Seen by the crisis team.",
            [family.mother],
            agency="Adult Mental Health",
        ).record_id,
        family.builder.entry(
            substance_day,
            "gp_appointment",
            "Father says he drinks daily.",
            [family.father],
            agency="GP",
            tags=["alcohol_misuse_parent"],
        ).record_id,
    ]
    return family, records


def test_toxic_trio_fires_when_all_three_are_evidenced_within_a_year() -> None:
    family, records = _trio("2016-06-14")
    chronology = family.builder.build()
    [alert] = alerts(chronology, "2016-07-01", "TOXIC_TRIO")
    assert alert.severity == "high"
    assert alert.first_met_on == date(2016, 6, 14)
    assert ids(alert) == records
    assert alert.adults == (family.mother, family.father)
    assert alert.explanation == (
        "Domestic abuse (Mother and Father), parental mental ill-health (Mother) and parental substance or "
        "alcohol misuse (Father) are each recorded between 2 March and 14 June 2016, within 12 months."
    )
    assert alerts(chronology, "2016-07-01", "TOXIC_TRIO_PARTIAL") == []


def test_two_of_the_trio_give_the_partial_alert_until_the_third_appears() -> None:
    family, _ = _trio("2016-06-14")
    chronology = family.builder.build()
    assert alerts(chronology, "2016-06-13", "TOXIC_TRIO") == []
    [partial] = alerts(chronology, "2016-06-13", "TOXIC_TRIO_PARTIAL")
    assert partial.severity == "medium"
    assert partial.first_met_on == date(2016, 4, 10)
    assert partial.explanation.startswith(
        "Domestic abuse (Mother and Father) and parental mental ill-health (Mother) are both recorded between "
        "2 March and 10 April 2016, within 12 months; parental substance or alcohol misuse is not recorded."
    )


def test_toxic_trio_near_miss_strands_more_than_a_year_apart() -> None:
    family, _ = _trio("2017-03-05")
    chronology = family.builder.build()
    assert alerts(chronology, "2017-03-10", "TOXIC_TRIO") == []
    [partial] = alerts(chronology, "2017-03-10", "TOXIC_TRIO_PARTIAL")
    assert partial.first_met_on == date(2017, 3, 5)


def test_a_conference_discussing_the_trio_is_not_fresh_evidence() -> None:
    family = Family()
    family.builder.entry(
        "2016-05-01",
        "icpc",
        "History of domestic abuse, depression and drug use discussed.",
        [family.mother, family.father, family.child],
        tags=["domestic_abuse", "mental_health_parent", "substance_misuse_parent"],
    )
    chronology = family.builder.build()
    assert alerts(chronology, "2016-06-01", "TOXIC_TRIO") == []
    assert alerts(chronology, "2016-06-01", "TOXIC_TRIO_PARTIAL") == []


# -- DA_PATTERN ---------------------------------------------------------------------------------


def test_da_pattern_fires_on_the_third_incident_counting_agencies_once() -> None:
    family = Family()
    first = family.incident("2016-01-10")
    second = family.incident("2016-05-02")
    idva = family.incident("2016-05-02", agency="IDVA")
    third = family.incident("2016-09-20")
    chronology = family.builder.build()
    assert alerts(chronology, "2016-09-19", "DA_PATTERN") == []
    [alert] = alerts(chronology, "2016-10-01", "DA_PATTERN")
    assert alert.severity == "high"
    assert alert.first_met_on == date(2016, 9, 20)
    assert ids(alert) == [first, idva, second, third]
    assert alert.explanation.startswith(
        "3 domestic abuse incidents between 10 January and 20 September 2016 involving Mother and Father"
    )
    assert alert.children == (family.child,)


def test_da_pattern_near_miss_two_incidents_and_one_recorded_twice() -> None:
    family = Family()
    family.incident("2016-01-10")
    family.incident("2016-05-02")
    family.incident("2016-05-02", agency="IDVA")
    assert alerts(family.builder.build(), "2016-10-01", "DA_PATTERN") == []


def test_da_pattern_near_miss_third_incident_after_the_first_left_the_year() -> None:
    family = Family()
    for day in ("2016-01-10", "2016-05-02", "2017-01-20"):
        family.incident(day)
    assert alerts(family.builder.build(), "2017-02-01", "DA_PATTERN") == []


def test_one_strangulation_is_enough() -> None:
    family = Family()
    record = family.incident("2016-04-04", tags=("domestic_abuse", "strangulation"))
    chronology = family.builder.build()
    [alert] = alerts(chronology, "2016-04-05", "DA_PATTERN")
    assert alert.first_met_on == date(2016, 4, 4)
    assert ids(alert) == [record]
    assert "strangulation" in alert.explanation
    assert alerts(chronology, "2016-04-03", "DA_PATTERN") == []


# -- CUMULATIVE_NEGLECT -------------------------------------------------------------------------


def _neglect(family: Family, days: list[str]) -> list[str]:
    kinds = [
        ("school_attendance_concern", "Attendance 80%.", "School", ()),
        ("missed_appointment", "Amy not brought to her development review.", "Health Visiting", ()),
        ("home_visit", "Home conditions very poor, no food.", "Children's Social Care", ("neglect",)),
        ("note", "Amy left alone in the flat.", "Nursery", ("left_alone",)),
    ]
    return [
        family.builder.entry(day, kind, text, [family.child], agency=agency, tags=tags).record_id
        for day, (kind, text, agency, tags) in zip(days, kinds * 3, strict=False)
    ]


def test_cumulative_neglect_fires_on_the_fourth_sign_from_several_agencies() -> None:
    family = Family()
    records = _neglect(family, ["2016-02-01", "2016-03-01", "2016-04-01", "2016-05-01"])
    chronology = family.builder.build()
    assert alerts(chronology, "2016-04-30", "CUMULATIVE_NEGLECT") == []
    [alert] = alerts(chronology, "2016-05-01", "CUMULATIVE_NEGLECT")
    assert alert.severity == "medium"
    assert alert.first_met_on == date(2016, 5, 1)
    assert ids(alert) == records
    assert alert.explanation.startswith("4 signs of neglect of Amy between 1 February and 1 May 2016")


def test_cumulative_neglect_is_high_at_eight_signs() -> None:
    family = Family()
    _neglect(family, [f"2016-{month:02d}-01" for month in range(1, 9)])
    [alert] = alerts(family.builder.build(), "2016-09-01", "CUMULATIVE_NEGLECT")
    assert alert.severity == "high"
    assert alert.first_met_on == date(2016, 4, 1)


def test_cumulative_neglect_near_miss_three_signs_and_a_missed_social_work_meeting() -> None:
    family = Family()
    _neglect(family, ["2016-02-01", "2016-03-01", "2016-04-01"])
    family.builder.entry("2016-04-10", "missed_appointment", "Mother missed office meeting.", [family.child])
    family.builder.entry(
        "2016-04-11", "health_visit", "Planned visit, no concerns.", [family.child], agency="Health Visiting"
    )
    assert alerts(family.builder.build(), "2016-06-01", "CUMULATIVE_NEGLECT") == []


# -- PREGNANCY_IN_RISK_HOUSEHOLD ----------------------------------------------------------------


def _pregnancy(*, abuse: bool, response_day: str | None) -> tuple[Chronology, list[str]]:
    family = Family()
    records = [family.incident("2016-01-15")] if abuse else []
    records.insert(
        0,
        family.builder.entry(
            "2016-03-01", "pregnancy_confirmed", "Mother 8 weeks pregnant.", [family.mother], agency="GP"
        ).record_id,
    )
    if response_day:
        family.builder.entry(response_day, "pre_birth_assessment", "Pre-birth assessment begun.", [family.mother])
    return family.builder.build(), records


def test_pregnancy_in_household_with_domestic_abuse_and_no_pre_birth_assessment() -> None:
    chronology, records = _pregnancy(abuse=True, response_day=None)
    assert alerts(chronology, "2016-03-29", "PREGNANCY_IN_RISK_HOUSEHOLD") == []
    [alert] = alerts(chronology, "2016-04-15", "PREGNANCY_IN_RISK_HOUSEHOLD")
    assert alert.severity == "high"
    assert alert.first_met_on == date(2016, 3, 30)
    assert sorted(ids(alert)) == sorted(records)
    assert alert.explanation.startswith(
        "Mother's pregnancy was known on 1 March 2016 in a household with domestic abuse (Mother and Father)"
    )
    assert alert.adults == ("p1", "p2")  # Mother, whose pregnancy it is, and the adults of the abuse


def test_pregnancy_is_the_pregnant_womans_not_everyone_named_on_the_record() -> None:
    family = Family()
    family.incident("2016-01-15")
    unborn = family.builder.person("Unborn Baby", role="unborn", unborn=True, sex="female")
    girl = family.builder.person("Sister", role="child", dob="2010-01-01", sex="female")
    family.builder.entry(
        "2016-03-01",
        "antenatal_appointment",
        "Booking: Mother attended with Father and Sister.",
        [girl, unborn, family.father, family.mother],
        agency="Maternity",
    )
    [alert] = alerts(family.builder.build(), "2016-04-15", "PREGNANCY_IN_RISK_HOUSEHOLD")
    assert alert.explanation.startswith("Mother's pregnancy was known on 1 March 2016")
    assert alert.adults == (family.mother, family.father)
    assert alert.children == (unborn,)


def test_pregnancy_near_miss_pre_birth_assessment_on_day_28() -> None:
    chronology, _ = _pregnancy(abuse=True, response_day="2016-03-29")
    assert alerts(chronology, "2016-04-15", "PREGNANCY_IN_RISK_HOUSEHOLD") == []


def test_pregnancy_near_miss_no_risk_in_the_household() -> None:
    chronology, _ = _pregnancy(abuse=False, response_day=None)
    assert alerts(chronology, "2016-04-15", "PREGNANCY_IN_RISK_HOUSEHOLD") == []


# -- INFANT_VULNERABILITY -----------------------------------------------------------------------


def _infant(*, sibling: bool, incident_day: str) -> tuple[Chronology, str, str]:
    builder = FamilyBuilder()
    mother = builder.person("Mother", role="mother", dob="1990-01-01")
    father = builder.person("Father", role="father", dob="1988-01-01")
    if sibling:
        builder.person("Amy", role="child", dob="2014-01-01")
    baby = builder.person("Baby", role="child", dob="2016-05-01")
    record = builder.entry(
        incident_day, "domestic_abuse_incident", "Assault.", [mother, father], agency="Police", tags=["domestic_abuse"]
    ).record_id
    return builder.build(), baby, record


def test_infant_with_a_young_sibling_in_a_household_with_domestic_abuse() -> None:
    chronology, baby, record = _infant(sibling=True, incident_day="2016-09-01")
    assert alerts(chronology, "2016-08-31", "INFANT_VULNERABILITY") == []
    [alert] = alerts(chronology, "2016-09-10", "INFANT_VULNERABILITY")
    assert alert.severity == "high"
    assert alert.first_met_on == date(2016, 9, 1)
    assert alert.children == (baby,)
    assert ids(alert) == [record]
    assert "Baby, born 1 May 2016, is under 1 in a household with domestic abuse (Mother and Father)" in (
        alert.explanation
    )
    assert [p.display_name for p in chronology.persons if p.person_id in alert.adults] == ["Mother", "Father"]
    assert "living with another child under 5" in alert.explanation


def test_infant_under_three_months_is_always_reported() -> None:
    chronology, _, _ = _infant(sibling=False, incident_day="2016-07-01")
    [alert] = alerts(chronology, "2016-07-05", "INFANT_VULNERABILITY")
    assert alert.first_met_on == date(2016, 7, 1)
    assert "under 3 months old" in alert.explanation


def test_infant_near_miss_older_baby_with_no_further_vulnerability() -> None:
    chronology, _, _ = _infant(sibling=False, incident_day="2016-09-01")
    assert alerts(chronology, "2016-09-10", "INFANT_VULNERABILITY") == []


# -- INJURY_YOUNG_CHILD -------------------------------------------------------------------------


def _injury(*, child_dob: str, follow_up: tuple[str, str] | None) -> tuple[Chronology, str, str]:
    family = Family(child_dob=child_dob)
    record = family.builder.entry(
        "2016-06-08", "injury", "Bruise on Amy's cheek seen at visit.", [family.child], agency="Health Visiting"
    ).record_id
    if follow_up:
        day, kind = follow_up
        family.builder.entry(day, kind, "Follow-up about the bruise.", [family.child])
    return family.builder.build(), family.child, record


def test_injury_to_a_baby_not_referred_within_two_working_days() -> None:
    chronology, child, record = _injury(child_dob="2015-10-01", follow_up=("2016-06-09", "gp_appointment"))
    assert alerts(chronology, "2016-06-10", "INJURY_YOUNG_CHILD") == []
    [alert] = alerts(chronology, "2016-06-15", "INJURY_YOUNG_CHILD")
    assert alert.severity == "high"
    assert alert.first_met_on == date(2016, 6, 11)
    assert ids(alert) == [record]
    assert alert.children == (child,)
    assert alert.explanation.startswith("1 injury to Amy on 8 June 2016 not followed within 2 working days")


def test_injury_near_miss_referral_on_working_day_two() -> None:
    chronology, _, _ = _injury(child_dob="2015-10-01", follow_up=("2016-06-10", "referral"))
    assert alerts(chronology, "2016-06-15", "INJURY_YOUNG_CHILD") == []


def test_injury_near_miss_older_child_not_on_a_plan() -> None:
    chronology, _, _ = _injury(child_dob="2011-01-01", follow_up=None)
    assert alerts(chronology, "2016-06-15", "INJURY_YOUNG_CHILD") == []


def test_a_named_childs_burn_in_a_record_about_mother_and_child_counts() -> None:
    family = Family(child_dob="2015-10-01")
    record = family.builder.entry(
        "2016-06-08", "home_visit", "Home visit. Amy has a small burn on her hand; mother says the iron.",
        [family.mother, family.child], agency="Health Visiting", tags=["physical_injury"],
    ).record_id
    [alert] = alerts(family.builder.build(), "2016-06-15", "INJURY_YOUNG_CHILD")
    assert ids(alert) == [record] and alert.children == (family.child,)


def test_an_adults_injury_at_an_incident_the_child_was_present_for_is_not_the_childs() -> None:
    family = Family(child_dob="2015-10-01")
    family.builder.entry(
        "2016-06-08", "domestic_abuse_incident", "He pushed her into the door frame. Cut to L elbow. Amy present.",
        [family.mother, family.father, family.child], agency="Police", tags=["domestic_abuse", "physical_injury"],
    )
    assert alerts(family.builder.build(), "2016-06-15", "INJURY_YOUNG_CHILD") == []


def test_a_child_hurting_another_child_is_not_the_childs_injury() -> None:
    family = Family(child_dob="2015-01-01")
    family.builder.entry("2015-12-01", "cp_plan_start", "ICPC: child protection plan.", [family.child])
    family.builder.entry(
        "2016-06-08", "note", "Amy bit another child at nursery, leaving a bruise.", [family.child],
        agency="Nursery", tags=["physical_injury"],
    )
    assert alerts(family.builder.build(), "2016-06-15", "INJURY_YOUNG_CHILD") == []


# -- PARENT_HISTORY -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("assessment_tags", "as_of", "first_met_on"),
    [((), "2016-06-01", date(2015, 5, 1)), (("parental_adverse_childhood",), "2017-02-03", date(2017, 2, 1))],
)
def test_parent_history_not_referred_to_by_an_assessment_in_the_last_year(
    assessment_tags: tuple[str, ...], as_of: str, first_met_on: date
) -> None:
    family = Family()
    record = family.builder.entry(
        "2015-05-01",
        "gp_appointment",
        "Mother was in care as a child.",
        [family.mother],
        agency="GP",
        tags=["parental_adverse_childhood"],
    ).record_id
    assessment = family.builder.entry(
        "2016-02-01", "assessment_completed", "Parenting assessment.", [family.mother], tags=assessment_tags
    ).record_id
    [alert] = alerts(family.builder.build(), as_of, "PARENT_HISTORY")
    assert alert.severity == "medium"
    assert alert.first_met_on == first_met_on
    # an assessment that recorded the history is itself part of it once it is more than a year old
    assert ids(alert) == [record, *([assessment] if assessment_tags else [])]
    assert alert.explanation.startswith("Mother has a recorded history of adverse childhood")
    assert alert.adults == (family.mother,)


def test_parent_history_near_miss_assessment_referred_to_it_this_year() -> None:
    family = Family()
    family.builder.entry(
        "2015-05-01",
        "gp_appointment",
        "Mother was in care as a child.",
        [family.mother],
        agency="GP",
        tags=["parental_adverse_childhood"],
    )
    family.builder.entry(
        "2016-02-01",
        "assessment_completed",
        "Parenting assessment covering her childhood.",
        [family.mother],
        tags=["parental_adverse_childhood"],
    )
    chronology = family.builder.build()
    assert alerts(chronology, "2016-06-01", "PARENT_HISTORY") == []
    assert alerts(chronology, "2017-01-31", "PARENT_HISTORY") == []


@pytest.mark.parametrize(
    ("child_dob", "summary", "fires"),
    [
        ("2015-01-01", "Amy fell from the sofa; bump consistent with the explanation given, no concerns.", False),
        ("2015-01-01", "Bruise to Amy's ear, not consistent with the explanation given.", True),
        ("2016-03-01", "Bruise to Amy's cheek, consistent with the explanation given.", True),
    ],
)
def test_an_explained_accident_to_a_mobile_toddler_is_not_a_missed_referral(
    child_dob: str, summary: str, fires: bool
) -> None:
    family = Family(child_dob=child_dob)
    family.builder.entry("2016-06-08", "injury", summary, [family.child], agency="Hospital")
    assert bool(alerts(family.builder.build(), "2016-06-15", "INJURY_YOUNG_CHILD")) is fires


def test_a_marac_about_an_incident_is_not_another_incident() -> None:
    family = Family()
    family.incident("2016-01-10")
    family.incident("2016-05-02")
    family.builder.entry(
        "2016-05-20",
        "marac",
        "MARAC heard the assault of 2 May.",
        [family.mother],
        agency="IDVA",
        tags=["domestic_abuse"],
    )
    assert alerts(family.builder.build(), "2016-06-01", "DA_PATTERN") == []


def test_a_threat_to_kill_a_social_worker_is_not_domestic_abuse() -> None:
    family = Family()
    family.builder.entry("2016-04-04", "police_callout", "Mother threatened to kill the social worker at the office.",
                         [family.mother], agency="Police", tags=("weapon_or_threat_to_kill",))
    family.builder.entry("2016-05-04", "mental_health_contact", "Low mood.", [family.mother],
                         agency="Adult Mental Health")
    chronology = family.builder.build()
    assert alerts(chronology, "2016-06-01", "DA_PATTERN") == []
    assert alerts(chronology, "2016-06-01", "TOXIC_TRIO_PARTIAL") == []
    threat = family.builder.entry("2016-06-02", "police_callout", "Father threatened to kill Mother with a knife.",
                                  [family.mother, family.father], agency="Police",
                                  tags=("weapon_or_threat_to_kill",)).record_id
    [alert] = alerts(family.builder.build(), "2016-06-02", "DA_PATTERN")
    assert alert.first_met_on == date(2016, 6, 2)
    assert ids(alert) == [threat]


def _explained_fall(family: Family) -> None:
    family.builder.entry("2016-06-04", "injury", "Bruise to the forehead from a fall off the sofa, consistent with "
                         "the explanation given.", [family.child], agency="Hospital")
    family.builder.entry("2016-06-06", "note", "ED letter received: minor head injury, no action.", [family.child],
                         agency="GP", tags=("physical_injury",))
    family.builder.entry("2016-06-07", "phone_call", "Follow-up call: bruise fading, Amy back to normal.",
                         [family.child], agency="Health Visiting", tags=("physical_injury",))
    family.builder.entry("2016-06-20", "injury", "Accident form: Amy tripped on a ride-on toy, graze to her chin.",
                         [family.child], agency="Nursery")


def test_later_notes_of_an_explained_injury_and_a_nursery_accident_form_are_not_missed_referrals() -> None:
    family = Family(child_dob="2015-01-01")
    _explained_fall(family)
    assert alerts(family.builder.build(), "2016-07-01", "INJURY_YOUNG_CHILD") == []


def test_a_new_unexplained_injury_in_the_same_week_still_counts() -> None:
    family = Family(child_dob="2015-01-01")
    _explained_fall(family)
    bruise = family.builder.entry("2016-06-08", "injury", "Nursery: fingertip bruises to Amy's upper arm.",
                                  [family.child], agency="Nursery").record_id
    [alert] = alerts(family.builder.build(), "2016-07-01", "INJURY_YOUNG_CHILD")
    assert alert.first_met_on == date(2016, 6, 11)
    assert ids(alert) == [bruise]
    assert alerts(family.builder.build(), "2016-06-10", "INJURY_YOUNG_CHILD") == []


def test_pregnancy_explanation_names_each_risk_once() -> None:
    family = Family()
    family.incident("2016-01-05")
    family.builder.entry("2016-01-20", "mental_health_contact", "Low mood.", [family.mother],
                         agency="Adult Mental Health")
    family.builder.entry("2016-02-01", "pregnancy_confirmed", "Pregnant.", [family.mother], agency="GP")
    [alert] = alerts(family.builder.build(), "2016-03-15", "PREGNANCY_IN_RISK_HOUSEHOLD")
    assert (
        "in a household with domestic abuse (Mother and Father) and parental mental ill-health (Mother), "
        "and no pre-birth" in alert.explanation
    )


def test_an_older_child_named_in_a_childhood_abuse_record_is_not_an_earlier_partner() -> None:
    family = Family()
    sister = family.builder.person("Older sister", role="sibling", dob="1995-05-01", lives_with_child=False)
    ex = family.builder.person("Ex-partner", role="other_adult", dob="1985-01-01", lives_with_child=False)
    family.builder.entry("2008-03-14", "domestic_abuse_incident", "Mother assaulted in front of the children.",
                         [family.mother, sister], agency="Police", tags=["domestic_abuse"])
    assert alerts(family.builder.build(), "2016-06-01", "PARENT_HISTORY") == []
    record = family.builder.entry("2010-02-01", "domestic_abuse_incident", "Ex-partner assaulted Mother.",
                                  [family.mother, ex], agency="Police", tags=["domestic_abuse"]).record_id
    [alert] = alerts(family.builder.build(), "2016-06-01", "PARENT_HISTORY")
    assert ids(alert) == [record]
    assert alert.explanation.startswith("Mother has a recorded history of an earlier abusive relationship")


def test_birthmarks_recorded_on_a_body_map_are_not_injuries() -> None:
    family = Family(child_dob="2016-02-20")
    family.builder.entry("2016-02-20", "birth", "Born at term. Blue-grey sacral patches on the body map.",
                         [family.mother, family.child], agency="Maternity", tags=("physical_injury",))
    family.builder.entry("2016-03-05", "health_visit", "Mongolian blue spots on the body map, unchanged since birth.",
                         [family.child], agency="Health Visiting", tags=("physical_injury",))
    assert alerts(family.builder.build(), "2016-04-01", "INJURY_YOUNG_CHILD") == []
    bruise = family.builder.entry("2016-03-20", "health_visit", "Bruise on the cheek, Mongolian blue spots unchanged.",
                                  [family.child], agency="Health Visiting", tags=("physical_injury",)).record_id
    [alert] = alerts(family.builder.build(), "2016-04-01", "INJURY_YOUNG_CHILD")
    assert alert.first_met_on == date(2016, 3, 23)
    assert ids(alert) == [bruise]
