"""The child in view: for each code a family where it fires, on the right day, and a near miss."""

from __future__ import annotations

from datetime import date, timedelta

from safechron.indicators.base import REGISTRY
from safechron.indicators.common import birthday, plan_run
from safechron.indicators.context import FamilyView
from tests.builders import FamilyBuilder
from tests.indicators.support import Parents, ids, run


class Family(Parents):
    """Mother, Father, Amy (4 in 2016) and Ben (1 in 2016) at home."""

    def __init__(self) -> None:
        super().__init__()
        self.amy = self.builder.person("Amy", role="child", dob="2012-01-01")
        self.ben = self.builder.person("Ben", role="child", dob="2014-06-01")


# -- shared helpers -------------------------------------------------------------------------------


def test_plan_run_treats_a_step_down_from_cp_to_cin_as_one_time_on_plans() -> None:
    family = Family()
    start = family.add("2016-01-04", "cp_plan_start", [family.amy])
    family.add("2016-06-01", "step_down", [family.amy])
    family.add("2016-06-01", "cin_plan_start", [family.amy])
    view = FamilyView.as_of_date(family.builder.build(), date(2016, 9, 1))
    run = plan_run(view, family.amy)
    assert run is not None and run.start == date(2016, 1, 4) and run.start_entry.record_id == start
    assert plan_run(view, family.amy, kind="cp") is None
    assert plan_run(view, family.ben) is None


def test_birthday_of_a_leap_day_child_falls_on_1_march() -> None:
    builder = FamilyBuilder()
    leap = builder.person("Leap", role="child", dob="2000-02-29")
    view = FamilyView.as_of_date(builder.build(), date(2018, 1, 1))
    assert birthday(view, leap, 18) == date(2018, 3, 1)
    assert birthday(view, leap, 4) == date(2004, 2, 29)


# -- CHILD_NOT_SEEN ------------------------------------------------------------------------------


def test_child_not_seen_fires_the_day_after_15_working_days_and_a_video_call_is_not_seeing() -> None:
    family = Family()
    plan = family.add("2016-03-01", "cp_plan_start", [family.amy])
    visit = family.add("2016-03-03", "home_visit", [family.amy], seen="seen_alone", visit_kind="announced")
    family.add("2016-03-15", "video_call", [family.amy], seen="seen", visit_kind="video")
    chronology = family.builder.build()

    [alert] = run(chronology, "2016-03-25", "CHILD_NOT_SEEN")
    assert alert.first_met_on == date(2016, 3, 25)  # 3 March + 15 working days is 24 March
    assert alert.severity == "high"
    assert alert.children == (family.amy,)
    assert ids(alert) == [plan, visit]
    assert "Amy" in alert.explanation and "not been seen since 3 March 2016" in alert.explanation
    assert "15 working days" in alert.explanation
    assert run(chronology, "2016-03-24", "CHILD_NOT_SEEN") == []


def test_child_not_seen_near_miss_seen_on_the_fifteenth_working_day() -> None:
    family = Family()
    family.add("2016-03-01", "cp_plan_start", [family.amy])
    family.add("2016-03-03", "home_visit", [family.amy], seen="seen_alone")
    family.add("2016-03-24", "home_visit", [family.amy], seen="seen_alone")
    assert run(family.builder.build(), "2016-03-25", "CHILD_NOT_SEEN") == []


def test_child_not_seen_alone_for_six_weeks_only_from_age_three() -> None:
    family = Family()
    family.add("2016-03-01", "cp_plan_start", [family.amy, family.ben])
    for day in ("2016-03-07", "2016-03-14", "2016-03-21", "2016-03-28", "2016-04-04", "2016-04-11"):
        family.add(day, "home_visit", [family.amy, family.ben], seen="seen")
    chronology = family.builder.build()

    [alert] = run(chronology, "2016-04-13", "CHILD_NOT_SEEN")  # Ben, aged 1, need not be seen alone
    assert alert.children == (family.amy,)
    assert alert.first_met_on == date(2016, 4, 13)  # 1 March + 42 days is 12 April
    assert "Amy" in alert.explanation and "not been seen alone in any record since 1 March 2016" in alert.explanation
    assert run(chronology, "2016-04-12", "CHILD_NOT_SEEN") == []


def test_child_not_seen_reads_visits_without_a_seen_column_by_their_words() -> None:
    family = Family()
    plan = family.add("2016-03-01", "cp_plan_start", [family.amy])
    visit = family.add("2016-03-03", "home_visit", [family.amy], "Home visit; Amy seen alone in her bedroom.")
    missed = family.add("2016-03-10", "home_visit", [family.amy], "Home visit: no answer at the door.")
    chronology = family.builder.build()

    [alert] = run(chronology, "2016-03-25", "CHILD_NOT_SEEN")
    assert alert.first_met_on == date(2016, 3, 25)
    assert ids(alert) == [plan, visit, missed]
    assert "seen alone" not in alert.explanation.split(".")[0]  # seen alone on 3 March: that part is not late


# -- INVISIBLE_CHILD -----------------------------------------------------------------------------

AMY_WEEKS = (
    "2016-01-11",
    "2016-01-18",
    "2016-01-25",
    "2016-02-01",
    "2016-02-08",
    "2016-02-15",
    "2016-02-22",
    "2016-02-29",
    "2016-03-07",
    "2016-03-14",
)


def _mentions(ben_days: tuple[str, ...]) -> tuple[Family, dict[str, str]]:
    family = Family()
    records = {day: family.add(day, "school_visit", [family.ben], "Ben at nursery.") for day in ben_days}
    records |= {day: family.add(day, "home_visit", [family.amy], "Amy's behaviour discussed.") for day in AMY_WEEKS}
    return family, records


def test_invisible_child_fires_when_a_child_has_under_a_quarter_of_the_mentions() -> None:
    family, records = _mentions(("2016-01-04", "2016-01-05"))
    chronology = family.builder.build()

    [alert] = run(chronology, "2016-03-20", "INVISIBLE_CHILD")
    assert alert.children == (family.ben,)
    assert alert.severity == "medium"
    assert alert.first_met_on == date(2016, 3, 7)  # 9 entries for Amy: 2 is under a quarter
    assert ids(alert) == list(records.values())
    assert alert.explanation.startswith(
        "Ben is the subject of 2 entries in their own right over the last 6 months, against 10 for Amy."
    )
    assert run(chronology, "2016-03-06", "INVISIBLE_CHILD") == []


def test_invisible_child_entries_about_all_the_children_keep_none_in_view() -> None:
    family, _ = _mentions(("2016-01-04", "2016-01-05"))
    for day in AMY_WEEKS:
        family.add(day, "home_visit", [family.amy, family.ben], "Both children seen.")
    [alert] = run(family.builder.build(), "2016-03-20", "INVISIBLE_CHILD")
    assert alert.children == (family.ben,)


def test_invisible_child_near_miss_three_mentions_against_ten() -> None:
    family, _ = _mentions(("2016-01-04", "2016-01-05", "2016-01-06"))
    assert run(family.builder.build(), "2016-03-20", "INVISIBLE_CHILD") == []


# -- CHILD_VOICE_MISSING -------------------------------------------------------------------------


def _voice(voice_day: str) -> tuple[Family, str, str]:
    family = Family()
    plan = family.add("2016-01-04", "cin_plan_start", [family.amy, family.ben])
    voice = family.add(voice_day, "child_voice", [family.amy], "Amy said she likes nursery.")
    return family, plan, voice


def test_child_voice_missing_three_months_after_the_last_time_a_child_aged_three_was_heard() -> None:
    family, plan, voice = _voice("2016-01-20")
    chronology = family.builder.build()

    [alert] = run(chronology, "2016-04-21", "CHILD_VOICE_MISSING")  # Ben, aged 1, is not expected to speak
    assert alert.children == (family.amy,)
    assert alert.first_met_on == date(2016, 4, 21)
    assert alert.severity == "medium"
    assert ids(alert) == [plan, voice]
    assert "Amy" in alert.explanation and "last recorded on 20 January 2016" in alert.explanation
    assert run(chronology, "2016-04-20", "CHILD_VOICE_MISSING") == []


def test_child_voice_missing_near_miss_heard_last_week() -> None:
    family, _, _ = _voice("2016-04-15")
    assert run(family.builder.build(), "2016-04-21", "CHILD_VOICE_MISSING") == []


# -- SIBLING_CONCERNS ----------------------------------------------------------------------------


def test_sibling_concerns_fires_when_a_sibling_who_left_home_discloses_about_the_home() -> None:
    family = Family()
    jade = family.builder.person("Jade", role="sibling", dob="2001-05-01", lives_with_child=False)
    disclosure = family.add(
        "2016-05-10",
        "disclosure",
        [jade, family.mother],
        "Jade says her mother is using cocaine again.",
        tags=["substance_misuse_parent"],
    )
    chronology = family.builder.build()

    [alert] = run(chronology, "2016-06-01", "SIBLING_CONCERNS")
    assert alert.first_met_on == date(2016, 5, 10)
    assert alert.severity == "high"
    assert ids(alert) == [disclosure]
    assert alert.children == (family.amy, family.ben)
    assert "Jade" in alert.explanation and "once" in alert.explanation
    assert "parental substance misuse" in alert.explanation
    assert run(chronology, "2016-05-09", "SIBLING_CONCERNS") == []
    assert len(run(chronology, "2017-05-10", "SIBLING_CONCERNS")) == 1
    assert run(chronology, "2017-05-11", "SIBLING_CONCERNS") == []  # a year on, no longer current


def test_sibling_concerns_counts_a_sibling_who_left_home_however_often_she_visits() -> None:
    family = Family()
    jade = family.builder.person("Jade", role="sibling", dob="1997-05-01", lives_with_child=False)  # 19
    days = ("2016-03-01", "2016-04-01", "2016-05-10")
    records = [family.add(day, "disclosure", [jade, family.amy], "Jade says Amy is hit at home.") for day in days]
    [alert] = run(family.builder.build(), "2016-06-01", "SIBLING_CONCERNS")
    assert alert.first_met_on == date(2016, 3, 1)
    assert ids(alert) == records
    assert alert.children == (family.amy, family.ben)
    assert "3 times between 1 March and 10 May 2016" in alert.explanation


def test_sibling_concerns_near_miss_a_sibling_speaking_about_their_own_placement() -> None:
    family = Family()
    jade = family.builder.person("Jade", role="sibling", dob="2001-05-01", lives_with_child=False)
    family.add("2016-05-10", "child_voice", [jade], "Jade says she is settled with her foster carers.")
    assert run(family.builder.build(), "2016-06-01", "SIBLING_CONCERNS") == []


# -- FAMILY_CONCERNS -----------------------------------------------------------------------------


def _grandmother(family: Family) -> str:
    return family.builder.person("Nan", role="grandparent", dob="1960-01-01", lives_with_child=False)


def test_family_concerns_lists_each_report_what_followed_and_how_the_referrer_was_treated() -> None:
    family = Family()
    nan = _grandmother(family)
    police = family.add(
        "2016-02-01",
        "family_report",
        [nan, family.amy],
        "Nan reports Father is back at the house.",
        agency="Police",
        outcome="Officers attended; Mother denied it and said the report was malicious.",
    )
    social_care = family.add(
        "2016-02-01", "family_report", [nan, family.amy], "Nan phoned about Father.", action="Referrer not spoken to."
    )
    public = family.add("2016-06-10", "public_report", [family.amy], "Neighbour heard shouting.", agency="Police")
    strategy = family.add("2016-06-12", "strategy_discussion", [family.amy], related=public, agency="Police")
    chronology = family.builder.build()

    [alert] = run(chronology, "2016-06-12", "FAMILY_CONCERNS")
    assert alert.first_met_on == date(2016, 6, 10)  # the same report to two agencies counts once
    assert alert.severity == "high"
    assert ids(alert) == [social_care, police, public, strategy]
    assert alert.children == (family.amy,)
    text = alert.explanation
    assert text.startswith(
        "2 reports from relatives or the public between 1 February and 10 June 2016 (within 12 months) raised concern "
        "for Amy."
    )
    assert "Nan to Children's Social Care, Police" in text and "a member of the public to Police" in text
    assert "strategy discussion on 12 June 2016" in text
    assert "the referrer of 1 February 2016 was not spoken to" in text
    assert "the report of 1 February 2016 was called malicious" in text
    assert run(chronology, "2016-06-09", "FAMILY_CONCERNS") == []


def test_family_concerns_counts_a_contact_in_which_a_relative_reports() -> None:
    family = Family()
    nan = _grandmother(family)
    first = family.add("2016-02-01", "family_report", [nan, family.amy], "Nan reports Father is back.", agency="Police")
    second = family.add("2016-03-01", "contact", [nan, family.amy], "Nan phoned: parents using heroin again.")
    family.add("2016-03-02", "contact", [family.mother, family.amy], "Health visitor phoned to arrange a visit.")
    [alert] = run(family.builder.build(), "2016-03-05", "FAMILY_CONCERNS")
    assert alert.first_met_on == date(2016, 3, 1)
    assert ids(alert) == [first, second]


def test_family_concerns_near_miss_one_report_recorded_by_two_agencies() -> None:
    family = Family()
    nan = _grandmother(family)
    family.add("2016-02-01", "family_report", [nan, family.amy], "Nan reports Father is back.", agency="Police")
    family.add("2016-02-01", "family_report", [nan, family.amy], "Nan phoned about Father.")
    family.add("2017-03-01", "family_report", [nan, family.amy], "Nan phoned again, 13 months later.")
    chronology = family.builder.build()
    assert run(chronology, "2016-03-01", "FAMILY_CONCERNS") == []
    assert run(chronology, "2017-03-01", "FAMILY_CONCERNS") == []


# -- NO_UNANNOUNCED_VISIT ------------------------------------------------------------------------


def _visits(kind_on_1_march: str) -> tuple[Family, str]:
    family = Family()
    plan = family.add("2016-01-04", "cp_plan_start", [family.amy, family.ben])
    for day in ("2016-02-01", "2016-03-01"):
        visit_kind = kind_on_1_march if day == "2016-03-01" else "announced"
        family.add(day, "home_visit", [family.mother, family.amy, family.ben], seen="seen", visit_kind=visit_kind)
    return family, plan


def test_no_unannounced_visit_three_months_into_a_cp_plan() -> None:
    family, plan = _visits("announced")
    chronology = family.builder.build()

    [alert] = run(chronology, "2016-04-05", "NO_UNANNOUNCED_VISIT")
    assert alert.first_met_on == date(2016, 4, 5)  # 4 January + 91 days is 4 April
    assert alert.severity == "medium"
    assert alert.children == (family.amy, family.ben)
    assert ids(alert) == [plan]
    assert "Amy and Ben have been on a child protection plan since 4 January 2016" in alert.explanation
    assert run(chronology, "2016-04-04", "NO_UNANNOUNCED_VISIT") == []


def test_no_unannounced_visit_near_miss_one_unannounced_visit() -> None:
    family, _ = _visits("unannounced")
    assert run(family.builder.build(), "2016-04-05", "NO_UNANNOUNCED_VISIT") == []


def test_no_unannounced_visit_near_miss_unannounced_in_the_words_only() -> None:
    family, _ = _visits("announced")
    family.add("2016-03-20", "home_visit", [family.mother, family.amy], "Unannounced visit; Amy in the garden.")
    assert run(family.builder.build(), "2016-04-05", "NO_UNANNOUNCED_VISIT") == []


# -- REMOTE_CONTACT_ONLY -------------------------------------------------------------------------


def _remote(family: Family) -> list[str]:
    family.add("2016-01-04", "cp_plan_start", [family.amy])
    family.add("2016-03-01", "home_visit", [family.amy], seen="seen", visit_kind="announced")
    return [
        family.add("2016-03-10", "video_call", [family.amy], seen="seen", visit_kind="video"),
        family.add("2016-03-20", "phone_call", [family.amy], visit_kind="phone"),
        family.add("2016-04-01", "video_call", [family.amy], visit_kind="video"),
    ]


def test_remote_contact_only_six_weeks_after_the_last_visit_in_person() -> None:
    family = Family()
    remote = _remote(family)
    chronology = family.builder.build()

    [alert] = run(chronology, "2016-04-20", "REMOTE_CONTACT_ONLY")
    assert alert.first_met_on == date(2016, 4, 13)  # 1 March + 42 days is 12 April
    assert alert.severity == "medium"
    assert alert.children == (family.amy,)
    assert ids(alert) == remote
    assert "Amy" in alert.explanation and "3 contacts between 10 March and 1 April 2016" in alert.explanation
    assert run(chronology, "2016-04-12", "REMOTE_CONTACT_ONLY") == []


def test_remote_contact_only_near_miss_one_school_visit_in_person() -> None:
    family = Family()
    _remote(family)
    family.add("2016-04-05", "school_visit", [family.amy], seen="seen_alone", agency="School")
    assert run(family.builder.build(), "2016-04-20", "REMOTE_CONTACT_ONLY") == []


# -- TRANSITION_TO_ADULTHOOD ---------------------------------------------------------------------


def _young_person(transition_day: str | None) -> tuple[FamilyBuilder, str, str]:
    builder = FamilyBuilder()
    builder.person("Mother", role="mother", dob="1975-01-01")
    kyle = builder.person("Kyle", role="child", dob="1998-09-01")
    plan = builder.entry("2015-06-01", "cin_plan_start", "Child in need plan.", [kyle]).record_id
    if transition_day:
        builder.entry(transition_day, "transition_planning", "Pathway plan started.", [kyle])
    return builder, kyle, plan


def test_transition_to_adulthood_six_months_before_18_with_no_transition_plan() -> None:
    builder, kyle, plan = _young_person(None)
    chronology = builder.build()

    [alert] = run(chronology, "2016-04-01", "TRANSITION_TO_ADULTHOOD")
    assert alert.first_met_on == date(2016, 3, 3)  # 182 days before 1 September 2016
    assert alert.severity == "high"
    assert alert.children == (kyle,)
    assert ids(alert) == [plan]
    assert "Kyle" in alert.explanation and "turns 18 on 1 September 2016" in alert.explanation
    assert run(chronology, "2016-03-02", "TRANSITION_TO_ADULTHOOD") == []


def test_transition_to_adulthood_near_miss_transition_planning_recorded() -> None:
    builder, _, _ = _young_person("2016-02-01")
    assert run(builder.build(), "2016-04-01", "TRANSITION_TO_ADULTHOOD") == []


def _ehcp(reason: str) -> tuple[FamilyBuilder, str, str]:
    builder = FamilyBuilder()
    kyle = builder.person("Kyle", role="child", dob="1999-09-01")
    builder.entry("2015-01-10", "ehcp", "EHCP in place.", [kyle], agency="School")
    ceased = builder.entry("2016-05-10", "ehcp", f"EHCP ceased: {reason}.", [kyle], agency="School").record_id
    return builder, kyle, ceased


def test_transition_to_adulthood_when_the_ehcp_ceases_for_non_engagement() -> None:
    builder, kyle, ceased = _ehcp("the family did not engage with the review")
    chronology = builder.build()

    [alert] = run(chronology, "2016-05-20", "TRANSITION_TO_ADULTHOOD")
    assert alert.first_met_on == date(2016, 5, 10)
    assert alert.children == (kyle,)
    assert ids(alert) == [ceased]
    assert "Kyle" in alert.explanation and "ceased for non-engagement on 10 May 2016" in alert.explanation
    assert run(chronology, "2016-05-09", "TRANSITION_TO_ADULTHOOD") == []


def test_transition_to_adulthood_near_miss_an_adult_past_the_age_of_an_ehcp() -> None:
    builder = FamilyBuilder()
    uncle = builder.person("Uncle", role="relative", dob="1980-01-01")
    builder.entry("2016-05-10", "ehcp", "Old EHCP records ceased: he did not engage.", [uncle])
    assert run(builder.build(), "2016-05-20", "TRANSITION_TO_ADULTHOOD") == []


def test_transition_to_adulthood_near_miss_ehcp_ceased_on_moving_away() -> None:
    builder, _, _ = _ehcp("moved to another local authority")
    assert run(builder.build(), "2016-05-20", "TRANSITION_TO_ADULTHOOD") == []


# -- a plan that is working ----------------------------------------------------------------------


def test_a_well_run_plan_raises_nothing_about_the_child_in_view_all_year() -> None:
    family = Family()
    family.add("2016-01-04", "cp_plan_start", [family.amy, family.ben])
    day = date(2016, 1, 6)
    for week in range(52):
        if week % 2 == 0:
            family.add(
                day.isoformat(),
                "home_visit",
                [family.mother, family.amy, family.ben],
                "Home visit; Amy seen alone in her room.",
                seen="seen_alone",
                visit_kind="unannounced" if week % 6 == 0 else "announced",
            )
            family.add(day.isoformat(), "child_voice", [family.amy], "Amy drew her family and talked about nursery.")
        else:
            family.add(day.isoformat(), "health_visit", [family.ben], "Ben is thriving.", agency="Health Visiting")
            family.add(day.isoformat(), "school_visit", [family.amy], "Amy settled at nursery.", agency="School")
        day += timedelta(days=7)
    chronology = family.builder.build()
    codes = [code for code, spec in REGISTRY.items() if spec.group == "The child in view"]
    for week in range(1, 53):
        as_of = (date(2016, 1, 4) + timedelta(days=7 * week)).isoformat()
        assert [a.code for code in codes for a in run(chronology, as_of, code)] == [], as_of


def test_transition_planning_recorded_in_words_by_another_kind_of_entry_counts() -> None:
    builder, kyle, _ = _young_person(None)
    builder.entry("2016-02-01", "assessment_started", "No transition assessment yet; no plan for college.", [kyle],
                  agency="Adult Social Care")
    assert len(run(builder.build(), "2016-04-01", "TRANSITION_TO_ADULTHOOD")) == 1
    builder.entry("2016-02-10", "ehcp", "EHCP review: Preparing for Adulthood outcomes agreed.", [kyle],
                  agency="School")
    assert run(builder.build(), "2016-04-01", "TRANSITION_TO_ADULTHOOD") == []
