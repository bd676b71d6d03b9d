"""Agencies talking to each other: for each code a family where it fires, on the right day, and a near miss."""

from __future__ import annotations

from datetime import date, timedelta

from safechron.chronology.dates import PartialDate
from safechron.chronology.model import Entry
from safechron.indicators import evaluate
from safechron.indicators.agencies import agency_names, meeting_date_mentioned
from safechron.indicators.base import REGISTRY, Thresholds
from safechron.indicators.context import FamilyView
from tests.indicators.support import THRESHOLDS, Parents, ids, run


class Family(Parents):
    """Mother, Father and Amy (4 in 2016), Amy on a child protection plan from 4 January 2016."""

    def __init__(self, *, plan: bool = True) -> None:
        super().__init__()
        self.amy = self.builder.person("Amy", role="child", dob="2012-01-01")
        self.plan = self.add("2016-01-04", "cp_plan_start", [self.amy]) if plan else ""


# -- shared helpers -------------------------------------------------------------------------------


def test_agency_names_ignore_case_apostrophes_and_separators() -> None:
    assert agency_names(["Children's Social Care", "health-visiting", " "]) == {
        "childrens_social_care",
        "health_visiting",
    }


def test_meeting_date_mentioned_in_text_or_column() -> None:
    meeting = PartialDate.parse("2016-03-01")

    def minutes(summary: str, extra: dict[str, str] | None = None) -> Entry:
        return Entry(
            "School",
            "education",
            "S1",
            PartialDate.parse("2016-03-09"),
            (),
            "minutes_circulated",
            summary,
            extra=extra or {},
        )

    assert meeting_date_mentioned(minutes("Minutes of the core group held on 01/03/2016 received."), meeting)
    assert meeting_date_mentioned(minutes("Minutes of 1 March 2016 received."), meeting)
    assert meeting_date_mentioned(minutes("Minutes received.", {"meeting_date": "2016-03-01"}), meeting)
    assert not meeting_date_mentioned(minutes("Minutes of 2 March 2016 received, ref 31/02/2016."), meeting)


# -- ADULT_CRISIS_NOT_SHARED ---------------------------------------------------------------------


def _crisis(family: Family) -> list[str]:
    return [
        family.add(
            "2016-03-04", "note", [family.mother], "Conveyed to hospital after an overdose.", agency="Ambulance"
        ),
        family.add("2016-03-04", "ed_attendance", [family.mother], "Attended after an overdose.", agency="Hospital"),
    ]


def test_adult_crisis_not_shared_by_the_next_working_day() -> None:
    family = Family()
    crisis = _crisis(family)
    chronology = family.builder.build()

    [alert] = run(chronology, "2016-03-10", "ADULT_CRISIS_NOT_SHARED")
    assert alert.first_met_on == date(2016, 3, 8)  # Friday 4 March; the next working day is Monday 7 March
    assert alert.severity == "high"
    assert alert.adults == (family.mother,) and alert.children == (family.amy,)
    assert ids(alert) == crisis
    assert alert.explanation.startswith(
        "Mother, an adult of a household with a child on a plan, was taken to hospital by ambulance and attended "
        "the emergency department on 4 March 2016."
    )
    assert run(chronology, "2016-03-07", "ADULT_CRISIS_NOT_SHARED") == []


def test_adult_crisis_not_shared_near_miss_social_care_told_on_monday() -> None:
    family = Family()
    _crisis(family)
    family.add("2016-03-07", "phone_call", [family.mother], "Hospital called: Mother in A&E on Friday after overdose.")
    assert run(family.builder.build(), "2016-03-10", "ADULT_CRISIS_NOT_SHARED") == []


def test_adult_crisis_not_shared_near_miss_no_child_on_a_plan() -> None:
    family = Family(plan=False)
    _crisis(family)
    assert run(family.builder.build(), "2016-03-10", "ADULT_CRISIS_NOT_SHARED") == []


# -- MINUTES_NOT_SHARED --------------------------------------------------------------------------


def _minutes(family: Family) -> tuple[str, str]:
    meeting = family.add(
        "2016-03-01",
        "core_group",
        [family.amy],
        "Core group.",
        invitees=["Police", "School", "Health Visiting", "Children's Social Care"],
        attendees=["Police", "Children's Social Care"],
    )
    sent = family.add(
        "2016-03-08", "minutes_circulated", [family.amy], "Minutes sent to Police and Health Visiting.", related=meeting
    )
    return meeting, sent


def test_minutes_not_shared_with_an_invited_agency_in_fifteen_working_days() -> None:
    family = Family()
    meeting, sent = _minutes(family)
    chronology = family.builder.build()

    [alert] = run(chronology, "2016-04-01", "MINUTES_NOT_SHARED")
    assert alert.first_met_on == date(2016, 3, 23)  # 1 March + 15 working days is 22 March
    assert alert.severity == "medium"
    assert ids(alert) == [meeting, sent]
    assert "core group of 1 March 2016 (not to School)" in alert.explanation
    assert alert.explanation.startswith("Minutes of a meeting are not recorded as circulated")
    assert run(chronology, "2016-03-22", "MINUTES_NOT_SHARED") == []


def test_minutes_not_shared_near_miss_school_records_receiving_them() -> None:
    family = Family()
    _minutes(family)
    family.add(
        "2016-03-15",
        "minutes_circulated",
        [family.amy],
        "Minutes of core group held on 01/03/2016 received.",
        agency="School",
    )
    assert run(family.builder.build(), "2016-04-01", "MINUTES_NOT_SHARED") == []


def test_minutes_not_shared_says_nothing_where_no_agency_records_circulating_minutes() -> None:
    family = Family()
    family.add("2016-03-01", "core_group", [family.amy], "Core group.", invitees=["Police", "School"])
    assert run(family.builder.build(), "2016-04-01", "MINUTES_NOT_SHARED") == []


# -- MEETING_CHANGE_NOT_SHARED -------------------------------------------------------------------


def _change(attendees: list[str]) -> tuple[Family, str, str]:
    family = Family()
    change = family.add(
        "2016-03-01",
        "meeting_rescheduled",
        [family.amy],
        "Core group moved to 10 March.",
        invitees=["Police", "School"],
    )
    meeting = family.add(
        "2016-03-10",
        "core_group",
        [family.amy],
        "Core group.",
        invitees=["Police", "School", "Children's Social Care"],
        attendees=attendees,
    )
    return family, change, meeting


def test_meeting_change_not_shared_when_an_invited_agency_misses_the_rearranged_meeting() -> None:
    family, change, meeting = _change(["Police", "Children's Social Care"])
    chronology = family.builder.build()

    [alert] = run(chronology, "2016-03-20", "MEETING_CHANGE_NOT_SHARED")
    assert alert.first_met_on == date(2016, 3, 10)
    assert alert.severity == "medium"
    assert ids(alert) == [change, meeting]
    assert "School did not attend the rearranged core group on 10 March 2016" in alert.explanation
    assert run(chronology, "2016-03-09", "MEETING_CHANGE_NOT_SHARED") == []


def test_meeting_change_not_shared_near_miss_everyone_came() -> None:
    family, _, _ = _change(["Police", "School", "Children's Social Care"])
    assert run(family.builder.build(), "2016-03-20", "MEETING_CHANGE_NOT_SHARED") == []


def test_meeting_change_not_shared_finds_the_meeting_on_the_date_the_change_names() -> None:
    family = Family()
    change = family.add(
        "2016-03-01", "meeting_cancelled", [family.amy], "Core group cancelled; rearranged to 17/03/2016."
    )
    family.add("2016-03-10", "strategy_discussion", [family.amy], invitees=["Police"], attendees=["Police"])
    meeting = family.add("2016-03-17", "core_group", [family.amy], invitees=["Police", "School"], attendees=["Police"])
    [alert] = run(family.builder.build(), "2016-03-20", "MEETING_CHANGE_NOT_SHARED")
    assert alert.first_met_on == date(2016, 3, 17)
    assert ids(alert) == [change, meeting]
    assert "A meeting was cancelled on 1 March 2016, and School did not attend" in alert.explanation


# -- WORKER_CHANGE_IN_HIGH_RISK ------------------------------------------------------------------


def _worker_change(change_day: str) -> tuple[Family, str, str]:
    family = Family()
    incident = family.add(
        "2016-02-01",
        "domestic_abuse_incident",
        [family.mother, family.father],
        "Father threatened Mother with a knife.",
        agency="Police",
        tags=["domestic_abuse", "weapon_or_threat_to_kill"],
    )
    change = family.add(change_day, "worker_change", [family.amy], "Case transferred to a new social worker.")
    return family, incident, change


def test_worker_change_in_high_risk_while_the_domestic_abuse_pattern_is_open() -> None:
    family, incident, change = _worker_change("2016-03-01")
    chronology = family.builder.build()

    [alert] = run(chronology, "2016-03-05", "WORKER_CHANGE_IN_HIGH_RISK")
    assert alert.first_met_on == date(2016, 3, 1)
    assert alert.severity == "medium"
    assert ids(alert) == [family.plan, incident, change]  # the open alerts' evidence, and the change
    assert alert.explanation.startswith(
        "The allocated social worker changed on 1 March 2016 while 2 high alerts were open (child not seen, "
        "pattern of domestic abuse)"
    )
    assert run(chronology, "2016-02-29", "WORKER_CHANGE_IN_HIGH_RISK") == []


def _worker_change_after_five_incidents() -> tuple[Family, list[str], str]:
    family = Family()
    incidents = [
        family.add(
            day,
            "domestic_abuse_incident",
            [family.mother, family.father],
            "Father hit Mother.",
            agency="Police",
            tags=["domestic_abuse"],
        )
        for day in ("2016-01-10", "2016-01-20", "2016-01-30", "2016-02-09", "2016-02-19")
    ]
    change = family.add("2016-03-01", "worker_change", [family.amy], "Case transferred to a new social worker.")
    return family, incidents, change


def test_worker_change_in_high_risk_evidence_is_the_change_and_the_latest_records_of_each_open_alert() -> None:
    family, incidents, change = _worker_change_after_five_incidents()

    [alert] = run(family.builder.build(), "2016-03-05", "WORKER_CHANGE_IN_HIGH_RISK")
    # child not seen rests on the plan; the plan unchanged on the first incident; the pattern of domestic
    # abuse on all five incidents, of which only the latest 2 are evidence here
    assert ids(alert) == [family.plan, incidents[0], *incidents[-2:], change]
    assert alert.explanation.startswith(
        "The allocated social worker changed on 1 March 2016 while 3 high alerts were open (child not seen, "
        "pattern of domestic abuse, plan not reviewed after a new risk)"
    )


def test_worker_change_in_high_risk_follows_custom_thresholds_of_the_alerts_it_consults() -> None:
    family, _, _ = _worker_change_after_five_incidents()
    chronology = family.builder.build()
    rarer = Thresholds({**THRESHOLDS.values, "DA_PATTERN": {**THRESHOLDS.for_code("DA_PATTERN"), "min_incidents": 9}})

    view = FamilyView.as_of_date(chronology, date(2016, 3, 5), rarer)
    [alert] = REGISTRY["WORKER_CHANGE_IN_HIGH_RISK"].function(view, rarer.for_code("WORKER_CHANGE_IN_HIGH_RISK"))
    assert "while 2 high alerts were open (child not seen, plan not reviewed after a new risk)" in alert.explanation
    [through_evaluate] = [a for a in evaluate(chronology, date(2016, 3, 5), rarer) if a.code == alert.code]
    assert through_evaluate.explanation == alert.explanation


def test_worker_change_in_high_risk_near_miss_change_before_any_high_alert() -> None:
    family, _, _ = _worker_change("2016-01-15")
    assert run(family.builder.build(), "2016-03-05", "WORKER_CHANGE_IN_HIGH_RISK") == []


# -- DECISION_OUTSIDE_CORE_GROUP -----------------------------------------------------------------


def _decision(core_group_summary: str) -> tuple[Family, str, str]:
    family = Family()
    decision = family.add(
        "2016-11-24",
        "note",
        [family.father],
        "Email: social worker confirmed Children's Services are supporting curfew to Mother's address on release.",
        agency="Probation",
    )
    core_group = family.add("2016-11-25", "core_group", [family.amy], core_group_summary)
    return family, decision, core_group


def test_decision_outside_core_group_when_the_next_core_group_does_not_record_it() -> None:
    family, decision, core_group = _decision("Core group: Amy seen, nursery attendance good.")
    chronology = family.builder.build()

    [alert] = run(chronology, "2016-12-01", "DECISION_OUTSIDE_CORE_GROUP")
    assert alert.first_met_on == date(2016, 11, 25)
    assert alert.severity == "high"
    assert alert.children == (family.amy,)
    assert ids(alert) == [decision, core_group]
    assert "release address for Amy was recorded by Probation on 24 November 2016" in alert.explanation
    assert run(chronology, "2016-11-24", "DECISION_OUTSIDE_CORE_GROUP") == []


def test_decision_outside_core_group_recorded_by_two_agencies_is_one_alert() -> None:
    family, decision, core_group = _decision("Core group: Amy seen, nursery attendance good.")
    copy = family.add("2016-11-24", "note", [family.amy], "SW agreed Father's release address will be Mother's home.")
    [alert] = run(family.builder.build(), "2016-12-01", "DECISION_OUTSIDE_CORE_GROUP")
    assert ids(alert) == [copy, decision, core_group]
    assert "recorded by Children's Social Care on 24 November 2016, Probation on 24 November 2016" in alert.explanation


def test_decision_outside_core_group_near_miss_core_group_discussed_it() -> None:
    family, _, _ = _decision("Father's release to Mother's address on curfew discussed and challenged.")
    assert run(family.builder.build(), "2016-12-01", "DECISION_OUTSIDE_CORE_GROUP") == []


# -- ADULT_SAFEGUARDING_LINK ---------------------------------------------------------------------


def _adult_concern(family: Family) -> tuple[str, str]:
    nan = family.builder.person("Nan", role="grandparent", dob="1940-01-01", lives_with_child=True)
    concern = family.add(
        "2016-04-04",
        "adult_safeguarding",
        [nan],
        "Concern that Nan is being financially abused.",
        agency="Adult Social Care",
    )
    return nan, concern


def test_adult_safeguarding_link_missing_after_ten_working_days() -> None:
    family = Family(plan=False)
    nan, concern = _adult_concern(family)
    chronology = family.builder.build()

    [alert] = run(chronology, "2016-04-25", "ADULT_SAFEGUARDING_LINK")
    assert alert.first_met_on == date(2016, 4, 19)  # 4 April + 10 working days is 18 April
    assert alert.severity == "medium"
    assert alert.adults == (nan,)
    assert ids(alert) == [concern]
    assert "Nan" in alert.explanation and "4 April 2016" in alert.explanation
    assert run(chronology, "2016-04-18", "ADULT_SAFEGUARDING_LINK") == []


def test_adult_safeguarding_link_concerns_about_one_person_are_one_alert() -> None:
    family = Family(plan=False)
    nan, first = _adult_concern(family)
    second = family.add(
        "2016-05-02", "adult_safeguarding", [nan], "Nan's house has no working toilet.", agency="Adult Social Care"
    )
    [alert] = run(family.builder.build(), "2016-05-20", "ADULT_SAFEGUARDING_LINK")
    assert alert.first_met_on == date(2016, 4, 19)
    assert ids(alert) == [first, second]
    assert alert.explanation.startswith("2 adult safeguarding concerns about Nan (4 April 2016; 2 May 2016)")


def test_adult_safeguarding_link_near_miss_social_care_notes_it() -> None:
    family = Family(plan=False)
    _adult_concern(family)
    family.add("2016-04-12", "note", [family.amy], "Adult safeguarding meeting about Nan noted on file.")
    assert run(family.builder.build(), "2016-04-25", "ADULT_SAFEGUARDING_LINK") == []


# -- agencies that talk to each other ------------------------------------------------------------


def test_agencies_that_share_in_time_raise_nothing_all_year() -> None:
    family = Family()
    invited = ["Police", "School", "Health Visiting", "Children's Social Care"]
    day = date(2016, 1, 12)
    for _ in range(12):
        meeting = family.add(
            day.isoformat(), "core_group", [family.amy], "Core group.", invitees=invited, attendees=invited
        )
        family.add(
            (day + timedelta(days=5)).isoformat(),
            "minutes_circulated",
            [family.amy],
            "Minutes circulated.",
            related=meeting,
            invitees=invited,
        )
        day += timedelta(days=28)
    for week in range(52):  # Amy seen alone every week: no high alert is open when the worker changes
        visit_day = (date(2016, 1, 5) + timedelta(days=7 * week)).isoformat()
        family.add(visit_day, "home_visit", [family.amy], "Amy seen alone.", seen="seen_alone")
    crisis = family.add("2016-04-01", "ed_attendance", [family.mother], "Attended A&E.", agency="Hospital")
    family.add("2016-04-01", "phone_call", [family.mother], "Hospital told us of Mother's A&E visit.", related=crisis)
    family.add(
        "2016-05-02",
        "adult_safeguarding",
        [family.mother],
        "Adult safeguarding concern raised.",
        agency="Adult Social Care",
    )
    family.add("2016-05-03", "note", [family.amy], "Adult safeguarding concern about Mother discussed with ASC.")
    family.add("2016-06-01", "worker_change", [family.amy], "New social worker allocated.")
    chronology = family.builder.build()
    codes = [code for code, spec in REGISTRY.items() if spec.group == "Agencies talking to each other"]
    for week in range(1, 53):
        as_of = (date(2016, 1, 4) + timedelta(days=7 * week)).isoformat()
        assert [a.code for code in codes for a in run(chronology, as_of, code)] == [], as_of
