"""FamilyView: the household rule, incidents counted once, and the date helpers indicators share."""

from __future__ import annotations

from datetime import date, timedelta

from safechron.indicators.context import (
    FamilyView,
    condition_start,
    day_after_deadline,
    spoken_period,
    spoken_span,
    window_changes,
)
from tests.builders import FamilyBuilder

AS_OF = date(2016, 12, 31)


def _view(family: FamilyBuilder, postcodes: dict[str, str] | None = None, as_of: date = AS_OF) -> FamilyView:
    chronology = family.build()
    for pid, postcode in (postcodes or {}).items():
        chronology.person(pid).records[0].postcode = postcode
    return FamilyView.as_of_date(chronology, as_of)


def test_parents_with_unknown_address_and_children_at_home_form_the_household() -> None:
    family = FamilyBuilder()
    mother = family.person("Mother", role="mother", dob="1990-01-01")
    child = family.person("Child", role="child", dob="2014-01-01")
    household = _view(family).household
    assert household.children == (child,)
    assert household.adults == (mother,)


def test_child_living_away_is_outside_the_household() -> None:
    family = FamilyBuilder()
    family.person("Mother", role="mother", dob="1990-01-01")
    at_home = family.person("Child", role="child", dob="2014-01-01")
    in_care = family.person("Older sibling", role="sibling", dob="2003-01-01", lives_with_child=False)
    view = _view(family)
    assert view.household.children == (at_home,)
    assert view.children_outside_household == (in_care,)


def test_postcode_agreement_brings_in_a_lodger_and_disagreement_leaves_out_a_father() -> None:
    family = FamilyBuilder()
    mother = family.person("Mother", role="mother", dob="1990-01-01")
    child = family.person("Child", role="child", dob="2014-01-01")
    lodger = family.person("Lodger", role="other_adult", dob="1985-01-01")
    father = family.person("Father", role="father", dob="1988-01-01")
    view = _view(family, {child: "FY1 1AA", lodger: "FY1 1AA", father: "PR2 5ZZ"})
    assert view.household.adults == (mother, lodger)


def test_recorded_living_arrangements_win_over_role_and_postcode() -> None:
    family = FamilyBuilder()
    child = family.person("Child", role="child", dob="2014-01-01")
    mother = family.person("Mother", role="mother", dob="1990-01-01", lives_with_child=False)
    partner = family.person("Partner", role="other_adult", dob="1985-01-01", lives_with_child=True)
    view = _view(family, {child: "FY1 1AA", mother: "FY1 1AA"})
    assert view.household.adults == (partner,)


def test_adult_named_with_the_child_on_three_days_is_regularly_present() -> None:
    family = FamilyBuilder()
    child = family.person("Child", role="child", dob="2014-01-01")
    uncle = family.person("Uncle", role="relative", dob="1980-01-01", lives_with_child=False)
    for day in ("2016-02-01", "2016-03-01"):
        family.entry(day, "home_visit", "Uncle present at the visit.", [child, uncle])
    family.entry("2016-04-01", "family_report", "Uncle rang with a worry.", [child, uncle])
    assert _view(family).household.adults == ()
    family.entry("2016-05-01", "home_visit", "Uncle present again.", [child, uncle])
    assert _view(family).household.adults == (uncle,)
    assert _view(family, as_of=date(2016, 4, 30)).household.adults == ()


def test_same_day_records_of_one_event_are_one_incident() -> None:
    family = FamilyBuilder()
    mother = family.person("Mother", role="mother", dob="1990-01-01")
    father = family.person("Father", role="father", dob="1988-01-01")
    neighbour = family.person("Neighbour", role="other_adult", dob="1970-01-01")
    police = family.entry("2016-03-02", "domestic_abuse_incident", "Assault.", [mother, father], agency="Police")
    idva = family.entry("2016-03-02", "note", "Referral after assault.", [mother], agency="IDVA")
    other = family.entry("2016-03-02", "police_callout", "Dispute.", [neighbour], agency="Police")
    later = family.entry("2016-03-03", "note", "Follow-up.", [mother], agency="IDVA")
    view = _view(family)
    incidents = view.incidents([police, idva, other, later])
    assert [(i.day, {e.record_id for e in i.entries}) for i in incidents] == [
        (date(2016, 3, 2), {police.record_id, idva.record_id}),
        (date(2016, 3, 2), {other.record_id}),
        (date(2016, 3, 3), {later.record_id}),
    ]


def test_condition_start_finds_the_start_of_the_current_run() -> None:
    window = timedelta(days=10)
    events = [date(2016, 1, 1), date(2016, 1, 5), date(2016, 2, 1)]

    def any_in_window(day: date) -> bool:
        return any(day - window <= e <= day for e in events)

    changes = window_changes(events, window)
    assert condition_start(as_of=date(2016, 1, 12), changes=changes, holds=any_in_window) == date(2016, 1, 1)
    assert condition_start(as_of=date(2016, 1, 20), changes=changes, holds=any_in_window) is None
    assert condition_start(as_of=date(2016, 2, 3), changes=changes, holds=any_in_window) == date(2016, 2, 1)


def test_deadline_passes_the_day_after_the_last_allowed_day() -> None:
    wednesday = date(2016, 6, 8)
    assert day_after_deadline(wednesday, working_days=2) == date(2016, 6, 11)
    friday = date(2016, 6, 10)
    assert day_after_deadline(friday, working_days=2) == date(2016, 6, 15)
    assert day_after_deadline(date(2016, 3, 1), calendar_days=28) == date(2016, 3, 30)


def test_spoken_span_reads_as_people_write_dates() -> None:
    assert spoken_span(date(2016, 3, 2), date(2016, 6, 14)) == "between 2 March and 14 June 2016"
    assert spoken_span(date(2015, 3, 2), date(2016, 6, 14)) == "between 2 March 2015 and 14 June 2016"
    assert spoken_span(date(2016, 3, 2), date(2016, 3, 2)) == "on 2 March 2016"


def test_earlier_view_sees_only_what_was_known_then() -> None:
    family = FamilyBuilder()
    mother = family.person("Mother", role="mother", dob="1990-01-01")
    family.entry("2016-03-02", "note", "Early.", [mother])
    family.entry("2016-03-01", "note", "Written up late.", [mother], recorded="2016-04-01")
    view = _view(family)
    earlier = view.earlier(date(2016, 3, 15))
    assert [e.summary for e in earlier.entries] == ["Early."]
    assert earlier.household.adults == (mother,)


def test_spoken_period_says_thresholds_as_people_do() -> None:
    spoken = {days: spoken_period(days) for days in (365, 182, 91, 274, 56, 84, 42, 28, 1826, 1)}
    assert spoken == {
        365: "12 months",
        182: "6 months",
        91: "3 months",
        274: "9 months",
        56: "8 weeks",
        84: "12 weeks",
        42: "6 weeks",
        28: "28 days",
        1826: "5 years",
        1: "1 day",
    }


def test_another_agency_closing_its_own_case_leaves_the_childs_plan_open() -> None:
    family = FamilyBuilder()
    stepfather = family.person("Stepfather", role="stepfather", dob="1979-01-01")
    child = family.person("Child", role="child", dob="2008-01-01")
    family.entry("2016-01-10", "cp_plan_start", "Child protection plan.", [child])
    family.entry("2016-03-01", "case_closed", "Discharged for non-engagement.", [stepfather],
                 agency="Drug Service", agency_type="substance_misuse")
    family.entry("2016-04-01", "step_down", "Stepped down to the universal service.", [child],
                 agency="Health Visiting")
    view = _view(family)
    assert view.open_plan(child) is not None
    family.entry("2016-06-01", "case_closed", "Case closed.", [child])
    (plan,) = _view(family).plans_for(child)
    assert plan.end == date(2016, 6, 1)


def test_an_older_sibling_named_with_the_family_while_a_child_is_not_an_adult_present_now() -> None:
    family = FamilyBuilder()
    child = family.person("Child", role="child", dob="2008-01-01")
    sister = family.person("Older sister", role="sibling", dob="2000-05-01", lives_with_child=False)
    for day in ("2009-02-01", "2010-03-01", "2011-03-01"):
        family.entry(day, "home_visit", "Both children seen at home.", [child, sister])
    family.entry("2019-06-11", "disclosure", "Older sister rang about home.", [child, sister])
    view = FamilyView.as_of_date(family.build(), date(2019, 7, 1))
    assert view.household.adults == ()
    assert view.children_outside_household == ()
    for day in ("2019-08-01", "2019-09-01"):
        family.entry(day, "home_visit", "Older sister visiting, present at the visit.", [child, sister])
    # her call with a disclosure is a relative's report, not presence: two visits are not yet three days
    assert FamilyView.as_of_date(family.build(), date(2019, 10, 1)).household.adults == ()
    family.entry("2019-10-01", "home_visit", "Older sister present again.", [child, sister])
    assert FamilyView.as_of_date(family.build(), date(2019, 10, 2)).household.adults == (sister,)


def test_a_grandmother_living_elsewhere_who_reports_and_is_at_incidents_is_not_regularly_present() -> None:
    family = FamilyBuilder()
    mother = family.person("Mother", role="mother", dob="1990-01-01", lives_with_child=True)
    child = family.person("Child", role="child", dob="2014-01-01", lives_with_child=True)
    nan = family.person("Nan", role="grandparent", dob="1965-01-01", lives_with_child=False)
    family.entry("2016-01-10", "domestic_abuse_incident", "Nan banging at the door.", [mother, child, nan])
    family.entry("2016-02-10", "domestic_abuse_incident", "Nan says Father followed her.", [mother, child, nan])
    family.entry("2016-02-12", "contact", "Police notification: Nan's report.", [child, nan])
    family.entry("2016-03-01", "family_report", "Nan rang: worried about the children.", [child, nan])
    assert FamilyView.as_of_date(family.build(), date(2016, 4, 1)).household.adults == (mother,)
    for day in ("2016-04-05", "2016-05-05", "2016-06-05"):
        family.entry(day, "home_visit", "Child seen at home; Nan there, looking after him.", [child, nan])
    assert FamilyView.as_of_date(family.build(), date(2016, 7, 1)).household.adults == (mother, nan)
