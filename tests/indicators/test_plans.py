"""Plans that are not working: for each code a family where it fires, on the right day, and a near miss."""

from __future__ import annotations

from datetime import date
from typing import Any

from safechron.chronology.model import Chronology
from tests.indicators.support import Parents, alerts, ids


class Family(Parents):
    """Mother, Father and Amy, aged two."""

    def __init__(self) -> None:
        super().__init__()
        self.child = self.builder.person("Amy", role="child", dob="2014-01-01")

    def record(
        self, day: str, event_type: str, summary: str = "", *, subjects: list[str] | None = None, **fields: Any
    ) -> str:
        """An entry about the whole family unless `subjects` says otherwise; `fields` as FamilyBuilder.entry."""
        people = subjects if subjects is not None else [self.mother, self.father, self.child]
        return self.builder.entry(day, event_type, summary or event_type, people, **fields).record_id


# -- AGREEMENT_BREACHED -------------------------------------------------------------------------


def test_agreement_breached_twice() -> None:
    family = Family()
    agreement = family.record("2016-03-01", "written_agreement", "Father not to stay overnight.")
    first = family.record("2016-04-01", "agreement_breach", "Father found at the home at night.", related="R0001")
    police = family.record("2016-04-01", "agreement_breach", "Father at the address.", agency="Police")
    second = family.record("2016-05-10", "agreement_breach", "Father at the home again.")
    chronology = family.builder.build()
    assert alerts(chronology, "2016-05-09", "AGREEMENT_BREACHED") == []
    [alert] = alerts(chronology, "2016-05-10", "AGREEMENT_BREACHED")
    assert alert.severity == "high"
    assert alert.first_met_on == date(2016, 5, 10)
    assert ids(alert) == [agreement, first, police, second]
    assert alert.explanation.startswith("Written agreements with Mother and Father are not holding")
    assert "breached 2 times between 1 April and 10 May 2016" in alert.explanation


def test_new_agreement_after_a_breach() -> None:
    family = Family()
    family.record("2016-03-01", "written_agreement", "Father not to stay overnight.")
    family.record("2016-04-01", "agreement_breach", "Father found at the home at night.")
    renewed = family.record("2016-04-15", "written_agreement", "New agreement signed.")
    [alert] = alerts(family.builder.build(), "2016-05-01", "AGREEMENT_BREACHED")
    assert alert.first_met_on == date(2016, 4, 15)
    assert renewed in ids(alert)
    assert "a new agreement was made on 15 April 2016" in alert.explanation


def test_agreement_near_miss_breached_once() -> None:
    family = Family()
    family.record("2016-03-01", "written_agreement", "Father not to stay overnight.")
    family.record("2016-04-01", "agreement_breach", "Father found at the home at night.")
    family.record("2016-04-01", "agreement_breach", "Same night, recorded by police.", agency="Police")
    assert alerts(family.builder.build(), "2016-06-01", "AGREEMENT_BREACHED") == []


# -- STUCK_PLAN ---------------------------------------------------------------------------------


def test_plan_open_nine_months_with_risk_still_happening() -> None:
    family = Family()
    start = family.record("2016-01-10", "cp_plan_start", subjects=[family.child])
    incident = family.record(
        "2016-10-20", "domestic_abuse_incident", "Assault.", agency="Police", subjects=[family.mother, family.father]
    )
    chronology = family.builder.build()
    assert alerts(chronology, "2016-10-19", "STUCK_PLAN") == []
    [alert] = alerts(chronology, "2016-10-25", "STUCK_PLAN")
    assert alert.severity == "high"
    assert alert.first_met_on == date(2016, 10, 20)
    assert ids(alert) == [start, incident]
    assert alert.explanation.startswith("The child protection plan for Amy is not making a difference")
    assert "1 risk event happened on 20 October 2016" in alert.explanation


def test_plan_open_from_nine_months_when_risk_came_earlier_in_the_quarter() -> None:
    family = Family()
    family.record("2016-01-10", "cp_plan_start", subjects=[family.child])
    family.record("2016-09-01", "domestic_abuse_incident", "Assault.", agency="Police", subjects=[family.mother])
    [alert] = alerts(family.builder.build(), "2016-10-25", "STUCK_PLAN")
    assert alert.first_met_on == date(2016, 10, 10)


def test_stuck_plan_near_miss_no_risk_in_the_last_three_months() -> None:
    family = Family()
    family.record("2016-01-10", "cp_plan_start", subjects=[family.child])
    family.record("2016-06-01", "domestic_abuse_incident", "Assault.", agency="Police", subjects=[family.mother])
    family.record("2016-09-01", "home_visit", "Planned visit, no concerns.", subjects=[family.child])
    assert alerts(family.builder.build(), "2016-10-25", "STUCK_PLAN") == []


SAME_ACTIONS = (
    "Mother to attend the Freedom Programme; Father to engage with probation; health visitor to visit weekly."
)


def test_three_core_groups_with_the_same_actions() -> None:
    family = Family()
    family.record("2016-01-10", "cp_plan_start", subjects=[family.child])
    groups = [
        family.record(day, "core_group", "Core group.", action=SAME_ACTIONS)
        for day in ("2016-02-01", "2016-03-01", "2016-04-01")
    ]
    chronology = family.builder.build()
    assert alerts(chronology, "2016-03-31", "STUCK_PLAN") == []
    [alert] = alerts(chronology, "2016-04-02", "STUCK_PLAN")
    assert alert.first_met_on == date(2016, 4, 1)
    assert ids(alert) == groups
    assert "3 consecutive core groups or reviews between 1 February and 1 April 2016" in alert.explanation


def test_stuck_plan_near_miss_actions_change_at_the_third_core_group() -> None:
    family = Family()
    family.record("2016-01-10", "cp_plan_start", subjects=[family.child])
    family.record("2016-02-01", "core_group", "Core group.", action=SAME_ACTIONS)
    family.record("2016-03-01", "core_group", "Core group.", action=SAME_ACTIONS)
    family.record(
        "2016-04-01",
        "core_group",
        "Core group.",
        action="Parenting assessment of Father by 1 May; nursery place for Amy; IDVA referral for Mother.",
    )
    assert alerts(family.builder.build(), "2016-04-02", "STUCK_PLAN") == []


# -- PLAN_UNCHANGED_AFTER_NEW_RISK --------------------------------------------------------------


def _new_risk(core_group_summary: str | None) -> tuple[Chronology, str, str | None]:
    family = Family()
    family.record("2016-01-10", "cp_plan_start", subjects=[family.child])
    pregnancy = family.record(
        "2016-03-01", "pregnancy_confirmed", "Mother is pregnant.", agency="GP", subjects=[family.mother]
    )
    review = family.record("2016-03-20", "core_group", core_group_summary) if core_group_summary else None
    return family.builder.build(), pregnancy, review


def test_core_group_after_a_pregnancy_that_does_not_mention_it() -> None:
    chronology, pregnancy, review = _new_risk("Core group: school attendance improving.")
    assert alerts(chronology, "2016-03-19", "PLAN_UNCHANGED_AFTER_NEW_RISK") == []
    [alert] = alerts(chronology, "2016-03-21", "PLAN_UNCHANGED_AFTER_NEW_RISK")
    assert alert.severity == "high"
    assert alert.first_met_on == date(2016, 3, 20)
    assert ids(alert) == [pregnancy, review]
    assert alert.explanation == (
        "The plan for Amy was not reviewed in the light of a pregnancy on 1 March 2016: "
        "the core group of 20 March 2016 does not mention it."
    )


def test_no_review_within_six_weeks_of_a_new_risk() -> None:
    chronology, pregnancy, _ = _new_risk(None)
    assert alerts(chronology, "2016-04-12", "PLAN_UNCHANGED_AFTER_NEW_RISK") == []
    [alert] = alerts(chronology, "2016-04-13", "PLAN_UNCHANGED_AFTER_NEW_RISK")
    assert alert.first_met_on == date(2016, 4, 13)
    assert ids(alert) == [pregnancy]
    assert "no review or core group within 6 weeks" in alert.explanation


def test_new_risk_near_miss_core_group_discusses_the_pregnancy() -> None:
    chronology, _, _ = _new_risk("Core group: Mother's pregnancy discussed, midwife invited.")
    assert alerts(chronology, "2016-04-30", "PLAN_UNCHANGED_AFTER_NEW_RISK") == []


# -- PLAN_ENDED_WITH_ACTIONS_OUTSTANDING --------------------------------------------------------


def _ended(completed_on: str | None) -> tuple[Chronology, str, str]:
    family = Family()
    family.record("2016-01-10", "cin_plan_start", subjects=[family.child])
    request = family.record(
        "2016-02-01", "assessment_requested", "Psychological assessment of Mother", subjects=[family.mother]
    )
    if completed_on:
        family.record(
            completed_on, "assessment_completed", "Report received.", subjects=[family.mother], related=request
        )
    end = family.record("2016-05-01", "cin_plan_end", "CIN plan ended.", subjects=[family.child])
    return family.builder.build(), request, end


def test_plan_ended_with_an_assessment_outstanding() -> None:
    chronology, request, end = _ended(None)
    assert alerts(chronology, "2016-04-30", "PLAN_ENDED_WITH_ACTIONS_OUTSTANDING") == []
    [alert] = alerts(chronology, "2016-05-02", "PLAN_ENDED_WITH_ACTIONS_OUTSTANDING")
    assert alert.severity == "high"
    assert alert.first_met_on == date(2016, 5, 1)
    assert ids(alert) == [request, end]
    assert alert.explanation == (
        "The child in need plan for Amy ended on 1 May 2016 (plan ended) while 1 assessment requested under it "
        "was not completed: Psychological assessment of Mother requested on 1 February 2016."
    )


def test_plan_ended_near_miss_assessment_completed_before_the_end() -> None:
    chronology, _, _ = _ended("2016-04-20")
    assert alerts(chronology, "2016-05-02", "PLAN_ENDED_WITH_ACTIONS_OUTSTANDING") == []


# -- ASSESSMENT_DELAYED -------------------------------------------------------------------------


def test_assessment_not_started_within_eight_weeks() -> None:
    family = Family()
    request = family.record("2016-02-01", "assessment_requested", "Parenting assessment", subjects=[family.father])
    chronology = family.builder.build()
    assert alerts(chronology, "2016-03-28", "ASSESSMENT_DELAYED") == []
    [alert] = alerts(chronology, "2016-03-29", "ASSESSMENT_DELAYED")
    assert alert.severity == "medium"
    assert alert.first_met_on == date(2016, 3, 29)
    assert ids(alert) == [request]
    assert alert.adults == (family.father,)
    assert alert.explanation == (
        "Parenting assessment (Father), requested on 1 February 2016, was not started within 8 weeks; "
        "it is still outstanding."
    )


def test_assessment_started_in_time_but_not_completed_within_twelve_weeks() -> None:
    family = Family()
    family.record("2016-02-01", "assessment_requested", "Parenting assessment", subjects=[family.father])
    family.record("2016-03-01", "assessment_started", "Parenting assessment begun.", subjects=[family.father])
    [alert] = alerts(family.builder.build(), "2016-05-01", "ASSESSMENT_DELAYED")
    assert alert.first_met_on == date(2016, 4, 26)
    assert "not completed within 12 weeks" in alert.explanation


def test_assessment_near_miss_started_and_completed_on_the_last_days_allowed() -> None:
    family = Family()
    family.record("2016-02-01", "assessment_requested", "Parenting assessment", subjects=[family.father])
    family.record("2016-03-28", "assessment_started", "Begun.", subjects=[family.father])
    family.record("2016-04-25", "assessment_completed", "Completed.", subjects=[family.father])
    assert alerts(family.builder.build(), "2016-06-01", "ASSESSMENT_DELAYED") == []


# -- REASSURED_BY_SILENCE -----------------------------------------------------------------------


def _silence(*, police_knew: bool, closing: tuple[str, str]) -> tuple[Chronology, str, str]:
    family = Family()
    report = family.record(
        "2016-03-01",
        "family_report",
        "Grandmother says Father hits Mother.",
        subjects=[family.mother, family.child],
        tags=["domestic_abuse"],
    )
    if police_knew:
        family.record("2016-04-01", "domestic_abuse_incident", "Call-out.", agency="Police", subjects=[family.mother])
    event_type, outcome = closing
    decision = family.record("2016-06-01", event_type, "Decision.", outcome=outcome, subjects=[family.child])
    return family.builder.build(), report, decision


def test_case_closed_while_family_reported_abuse_police_never_saw() -> None:
    chronology, report, decision = _silence(police_knew=False, closing=("case_closed", ""))
    assert alerts(chronology, "2016-05-31", "REASSURED_BY_SILENCE") == []
    [alert] = alerts(chronology, "2016-06-02", "REASSURED_BY_SILENCE")
    assert alert.severity == "high"
    assert alert.first_met_on == date(2016, 6, 1)
    assert ids(alert) == [report, decision]
    assert alert.explanation == (
        "On 1 June 2016 the case was closed although Children's Social Care reported domestic abuse in the "
        "previous 6 months (1 report) that police records do not show."
    )


def test_no_further_action_decision_counts_as_closing() -> None:
    chronology, _, _ = _silence(police_knew=False, closing=("mash_decision", "No further action."))
    [alert] = alerts(chronology, "2016-06-02", "REASSURED_BY_SILENCE")
    assert "given no further action" in alert.explanation


def test_reassured_near_miss_police_recorded_the_abuse() -> None:
    chronology, _, _ = _silence(police_knew=True, closing=("case_closed", ""))
    assert alerts(chronology, "2016-06-02", "REASSURED_BY_SILENCE") == []


def test_stuck_plan_near_miss_core_groups_recorded_only_as_held() -> None:
    family = Family()
    family.record("2016-01-10", "cp_plan_start", subjects=[family.child])
    for day in ("2016-02-01", "2016-03-01", "2016-04-01"):
        family.record(day, "core_group", "Core group held.")
    assert alerts(family.builder.build(), "2016-04-02", "STUCK_PLAN") == []


def test_a_pregnancy_first_known_at_a_midwife_booking_is_a_new_risk() -> None:
    family = Family()
    family.record("2016-01-10", "cp_plan_start", subjects=[family.child])
    booking = family.record(
        "2016-03-01",
        "antenatal_appointment",
        "Booking appointment, 10 weeks.",
        agency="Maternity",
        subjects=[family.mother],
    )
    family.record("2016-03-15", "antenatal_appointment", "Scan.", agency="Maternity", subjects=[family.mother])
    review = family.record("2016-03-20", "core_group", "Core group: school attendance improving.")
    [alert] = alerts(family.builder.build(), "2016-03-21", "PLAN_UNCHANGED_AFTER_NEW_RISK")
    assert ids(alert) == [booking, review]


def test_an_older_sibling_living_away_is_heard_too() -> None:
    family = Family()
    sibling = family.builder.person("Jordan", role="sibling", dob="2001-01-01", lives_with_child=False)
    said = family.record(
        "2016-03-01",
        "child_voice",
        "Jordan says Mother and Stepfather still use heroin.",
        agency="Adult Mental Health",
        subjects=[sibling],
        tags=["substance_misuse_parent"],
    )
    family.record("2016-05-01", "police_callout", "Police visited, no concerns.", agency="Police")
    decision = family.record("2016-06-01", "cin_plan_end", "Plan ended.", subjects=[family.child])
    [alert] = alerts(family.builder.build(), "2016-06-02", "REASSURED_BY_SILENCE")
    assert ids(alert) == [said, decision]
    assert "Adult Mental Health reported substance misuse" in alert.explanation


def test_a_police_record_pointing_at_the_agreement_as_breached_counts() -> None:
    family = Family()
    agreement = family.record("2016-03-01", "written_agreement", "Father not to stay overnight.")
    first = family.record("2016-04-01", "agreement_breach", "Father found at the home at night.")
    police = family.record(
        "2016-05-10",
        "police_callout",
        "Father at the address in breach of the agreement.",
        agency="Police",
        related=agreement,
    )
    family.record(
        "2016-05-20",
        "police_callout",
        "Father at the address, agreement mentioned.",
        agency="Police",
        related=agreement,
    )
    [alert] = alerts(family.builder.build(), "2016-06-01", "AGREEMENT_BREACHED")
    assert alert.first_met_on == date(2016, 5, 10)
    assert ids(alert) == [agreement, first, police]


def test_a_review_repeating_the_same_actions_in_fewer_words_keeps_the_run_going() -> None:
    family = Family()
    family.record("2016-01-10", "cp_plan_start", subjects=[family.child])
    actions = (
        "Await the specialist assessments. School to monitor and share concerns. Social worker to visit fortnightly."
    )
    groups = [family.record(day, "core_group", "Core group.", action=actions) for day in ("2016-02-01", "2016-03-01")]
    groups.append(family.record("2016-03-08", "rcpc", "Review conference.",
                             action="Await the specialist assessments. School to monitor. Social worker to visit."))
    chronology = family.builder.build()
    [alert] = alerts(chronology, "2016-03-10", "STUCK_PLAN")
    assert alert.first_met_on == date(2016, 3, 8)
    assert ids(alert) == groups
    groups.append(family.record("2016-03-15", "core_group", "Core group.", action=actions))
    [alert] = alerts(family.builder.build(), "2016-03-16", "STUCK_PLAN")
    assert alert.first_met_on == date(2016, 3, 8)
    assert ids(alert) == groups
    family.record("2016-04-01", "core_group", "Core group.",
               action="Await the specialist assessments; legal planning meeting; IDVA referral for Mother; "
                      "parenting assessment of Father by 1 May.")
    assert alerts(family.builder.build(), "2016-04-02", "STUCK_PLAN") == []


def test_two_delayed_assessments_are_told_apart_and_fade_once_the_plan_has_ended() -> None:
    family = Family()
    family.record("2016-01-10", "cp_plan_start", subjects=[family.child])
    for summary in ("Psychological assessment of Father (risk he poses), as per the plan.",
                    "Random drug testing of Father; hair strand and urine."):
        family.record("2016-02-01", "assessment_requested", summary, subjects=[family.father])
    found = alerts(family.builder.build(), "2016-04-01", "ASSESSMENT_DELAYED")
    assert sorted(alert.explanation.split(" (Father)")[0] for alert in found) == [
        "Psychological assessment of Father",
        "Random drug testing of Father",
    ]
    assert len(alerts(family.builder.build(), "2017-06-01", "ASSESSMENT_DELAYED")) == 2  # plan still open
    family.record("2017-07-01", "cp_plan_end", subjects=[family.child])
    assert alerts(family.builder.build(), "2017-07-02", "ASSESSMENT_DELAYED") == []


def test_case_closed_with_no_plan_while_a_family_assessment_is_outstanding() -> None:
    family = Family()
    family.record("2014-06-01", "case_closed", "Closed after early help.", subjects=[family.child])
    family.record(
        "2014-05-01",
        "assessment_requested",
        "Assessment before the earlier closure",
        subjects=[family.child],
        record_id="OLD",
    )
    request = family.record("2016-02-01", "assessment_requested", "Family assessment of Amy", subjects=[family.child])
    family.record("2016-02-10", "case_closed", "Discharged from the drug service.", subjects=[family.father],
               agency="Drug Service", agency_type="substance_misuse")
    chronology = family.builder.build()
    assert alerts(chronology, "2016-03-01", "PLAN_ENDED_WITH_ACTIONS_OUTSTANDING") == []
    closure = family.record("2016-03-02", "case_closed", "Mother refuses the assessment; closed.",
                         subjects=[family.child])
    [alert] = alerts(family.builder.build(), "2016-03-02", "PLAN_ENDED_WITH_ACTIONS_OUTSTANDING")
    assert alert.first_met_on == date(2016, 3, 2)
    assert ids(alert) == [request, closure]
    assert alert.explanation.startswith("Children's social care's involvement with Amy ended on 2 March 2016 "
                                        "(case closed) while 1 assessment")


def test_closing_the_case_on_the_day_the_plan_ends_is_one_ending() -> None:
    family = Family()
    family.record("2016-01-10", "cin_plan_start", subjects=[family.child])
    family.record("2016-02-01", "assessment_requested", "Psychological assessment of Mother", subjects=[family.mother])
    family.record("2016-05-01", "cin_plan_end", "CIN plan ended.", subjects=[family.child])
    family.record("2016-05-01", "case_closed", "Case closed.", subjects=[family.child])
    [alert] = alerts(family.builder.build(), "2016-05-02", "PLAN_ENDED_WITH_ACTIONS_OUTSTANDING")
    assert alert.explanation.startswith("The child in need plan for Amy ended on 1 May 2016")


def test_another_agency_closing_its_case_is_not_a_decision_reassured_by_silence() -> None:
    family = Family()
    family.record("2016-03-01", "family_report", "Grandmother says Father drinks and hits Mother.",
               subjects=[family.mother, family.child], tags=["domestic_abuse"])
    family.record("2016-04-01", "case_closed", "Discharged from the alcohol service.", subjects=[family.father],
               agency="Alcohol Service", agency_type="substance_misuse")
    assert alerts(family.builder.build(), "2016-04-02", "REASSURED_BY_SILENCE") == []
    closure = family.record("2016-04-05", "case_closed", "Closed: parents deny any abuse.", subjects=[family.child])
    [alert] = alerts(family.builder.build(), "2016-04-06", "REASSURED_BY_SILENCE")
    assert alert.first_met_on == date(2016, 4, 5)
    assert closure in ids(alert)
