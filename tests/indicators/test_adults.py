"""The adults who pose the risk: for each code a family where it fires, on the right day, and a near miss."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from safechron.chronology.model import Chronology
from safechron.indicators.adults import da_perpetrators
from safechron.indicators.base import REGISTRY, Thresholds
from safechron.indicators.common import mentions
from safechron.indicators.context import FamilyView
from tests.builders import FamilyBuilder
from tests.indicators.support import THRESHOLDS, Parents, ids, run


class Family(Parents):
    """Mother, Father and Amy (4 in 2016), with Father's assault on Mother in November 2015."""

    def __init__(self, *, plan: bool = True) -> None:
        super().__init__()
        self.amy = self.builder.person("Amy", role="child", dob="2012-01-01")
        self.incident = self.add(
            "2015-11-10",
            "domestic_abuse_incident",
            [self.mother, self.father],
            "Father assaulted Mother.",
            agency="Police",
            tags=["domestic_abuse"],
        )
        self.plan = self.add("2016-01-04", "cp_plan_start", [self.amy]) if plan else ""


# -- the adult linked to domestic abuse ----------------------------------------------------------


def linked(builder: FamilyBuilder, as_of: str = "2016-12-31") -> dict[str, list[str]]:
    view = FamilyView.as_of_date(builder.build(), date.fromisoformat(as_of))
    return {pid: [e.record_id for e in entries] for pid, entries in da_perpetrators(view).items()}


def test_da_perpetrators_takes_the_father_role_when_nobody_is_named() -> None:
    family = Family(plan=False)
    assert linked(family.builder) == {family.father: [family.incident]}


def test_da_perpetrators_a_stepfather_to_one_agency_is_one_whatever_the_others_call_him() -> None:
    family = Family(plan=False)
    chronology = family.builder.build()
    father = chronology.person(family.father)
    father.role = "other_adult"  # what the ambulance service and the hospital called him outvoted the rest
    father.records[0] = replace(father.records[0], agency="Ambulance", role="other_adult")
    assert linked_in(chronology) == {}
    father.records.append(replace(father.records[0], agency="Children's Social Care", role="stepfather"))
    assert linked_in(chronology) == {family.father: [family.incident]}


def test_da_perpetrators_a_mother_the_police_call_his_partner_is_not_linked_by_that_role() -> None:
    family = Family(plan=False)
    chronology = family.builder.build()
    mother = chronology.person(family.mother)
    mother.records.append(replace(mother.records[0], agency="Police", role="partner"))
    assert linked_in(chronology) == {family.father: [family.incident]}


def linked_in(chronology: Chronology) -> dict[str, list[str]]:
    view = FamilyView.as_of_date(chronology, date(2016, 12, 31))
    return {pid: [e.record_id for e in entries] for pid, entries in da_perpetrators(view).items()}


def test_da_perpetrators_an_explicit_suspect_overrides_the_roles() -> None:
    family = Family(plan=False)
    nan = family.builder.person("Nan", role="grandparent", dob="1960-01-01")
    record = family.add(
        "2016-03-01",
        "domestic_abuse_incident",
        [family.mother, family.father, nan],
        "Argument at the house. Suspect: Nan. Father was a witness.",
        agency="Police",
    )
    other = family.add(
        "2016-04-01",
        "police_callout",
        [family.mother, nan],
        "Mother (victim) and Nan (suspect) argued in the street.",
        agency="Police",
        tags=["domestic_abuse"],
    )
    assert linked(family.builder) == {family.father: [family.incident], nan: [record, other]}


def test_mentions_knows_people_by_first_name_and_by_a_family_name_nobody_else_has() -> None:
    builder = FamilyBuilder()
    kay = builder.person("Kay", role="mother", dob="1990-01-01")
    builder.person("Darren", role="father", dob="1988-01-01")
    view = FamilyView.as_of_date(builder.build(), date(2016, 1, 1))
    darren = view.persons["p2"]
    darren.records[0].given_names, darren.records[0].family_name = "Darren James", "Hollis"
    view.persons[kay].records[0].family_name = "Brennan"
    assert mentions(view, "p2", "HOLLIS arrested at the address.")
    assert mentions(view, "p2", "Darren to have no contact.")
    assert not mentions(view, "p2", "Jamie Brennan visited.")


def test_da_perpetrators_ignores_routine_contacts_and_other_households() -> None:
    family = Family(plan=False)
    family.add("2016-03-01", "home_visit", [family.mother, family.father, family.amy], "No concerns; warm home.")
    assert linked(family.builder) == {family.father: [family.incident]}
    assert linked(family.builder, "2015-11-09") == {}


# -- PERPETRATOR_NOT_ASSESSED --------------------------------------------------------------------


def test_perpetrator_not_assessed_three_months_into_the_plan_despite_calls_and_a_refusal() -> None:
    family = Family()
    family.add("2016-02-01", "phone_call", [family.father], "Spoke to Father on the phone.")
    family.add("2016-03-01", "assessment_completed", [family.father], "Father declined to take part.")
    chronology = family.builder.build()

    [alert] = run(chronology, "2016-04-10", "PERPETRATOR_NOT_ASSESSED")
    assert alert.first_met_on == date(2016, 4, 4)  # 4 January + 91 days
    assert alert.severity == "high"
    assert alert.adults == (family.father,) and alert.children == (family.amy,)
    assert ids(alert) == [family.incident, family.plan]
    assert "Father is named in 1 domestic abuse incident on 10 November 2015" in alert.explanation
    assert "Amy has been on a plan since 4 January 2016" in alert.explanation
    assert run(chronology, "2016-04-03", "PERPETRATOR_NOT_ASSESSED") == []


def test_perpetrator_not_assessed_an_assessment_that_only_names_him_as_the_abuser_is_not_one() -> None:
    family = Family()
    family.add("2016-02-15", "assessment_completed", [family.amy], "Assessment: Amy exposed to abuse by Father.")
    family.add(
        "2016-02-16", "pre_birth_assessment", [family.mother], "Pre-birth assessment of risk from Father requested."
    )
    assert len(run(family.builder.build(), "2016-04-10", "PERPETRATOR_NOT_ASSESSED")) == 1


def test_perpetrator_not_assessed_near_miss_risk_assessment_completed() -> None:
    family = Family()
    family.add("2016-02-15", "assessment_completed", [family.amy], "Parenting assessment of Father completed.")
    assert run(family.builder.build(), "2016-04-10", "PERPETRATOR_NOT_ASSESSED") == []


# -- PERPETRATOR_NON_COMPLIANCE ------------------------------------------------------------------


def test_perpetrator_non_compliance_missed_probation_while_a_child_is_on_a_plan() -> None:
    family = Family()
    missed = family.add("2016-03-01", "probation_missed", [family.father], agency="Probation")
    chronology = family.builder.build()

    [alert] = run(chronology, "2016-03-10", "PERPETRATOR_NON_COMPLIANCE")
    assert alert.first_met_on == date(2016, 3, 1)
    assert alert.severity == "high"
    assert alert.adults == (family.father,)
    assert ids(alert) == [missed]
    assert "Father" in alert.explanation and "1 record of non-compliance" in alert.explanation
    assert run(chronology, "2016-02-29", "PERPETRATOR_NON_COMPLIANCE") == []


def test_perpetrator_non_compliance_near_miss_before_the_plan_or_attended() -> None:
    family = Family()
    family.add("2015-12-01", "probation_missed", [family.father], agency="Probation")
    family.add("2016-03-01", "probation_appointment", [family.father], "Attended.", agency="Probation")
    assert run(family.builder.build(), "2016-03-10", "PERPETRATOR_NON_COMPLIANCE") == []


# -- RELEASE_INTO_HOUSEHOLD ----------------------------------------------------------------------


def _release(where: str) -> tuple[Family, str, str]:
    family = Family()
    agreement = family.add(
        "2016-01-04",
        "written_agreement",
        [family.father, family.mother],
        "Father not to live at the family home and to have no contact with Amy.",
    )
    release = family.add(
        "2016-06-09", "release_from_custody", [family.father], f"Released on licence to {where}.", agency="Probation"
    )
    return family, agreement, release


def test_release_into_household_against_a_no_contact_agreement() -> None:
    family, agreement, release = _release("Mother's address")
    chronology = family.builder.build()

    [alert] = run(chronology, "2016-06-10", "RELEASE_INTO_HOUSEHOLD")
    assert alert.first_met_on == date(2016, 6, 9)
    assert alert.severity == "high"
    assert alert.adults == (family.father,)
    assert ids(alert) == [agreement, release]
    assert "Father" in alert.explanation and "on 9 June 2016" in alert.explanation
    assert "written agreement of 4 January 2016 said no contact" in alert.explanation
    assert run(chronology, "2016-06-08", "RELEASE_INTO_HOUSEHOLD") == []


def test_release_into_household_near_miss_released_to_his_parents() -> None:
    family, _, _ = _release("his parents' address in another town")
    assert run(family.builder.build(), "2016-06-10", "RELEASE_INTO_HOUSEHOLD") == []


# -- SEPARATION_RISK -----------------------------------------------------------------------------


def _separation(tags: list[str]) -> tuple[Family, str, str]:
    family = Family(plan=False)
    threat = family.add(
        "2016-02-01", "domestic_abuse_incident", [family.mother, family.father], "Father threatened Mother.", tags=tags
    )
    agreement = family.add(
        "2016-03-01",
        "written_agreement",
        [family.mother],
        "Mother must not let Father into the home and must call the police if he comes.",
    )
    return family, threat, agreement


def test_separation_risk_when_high_risk_abuse_meets_an_agreement_to_keep_him_away() -> None:
    family, threat, agreement = _separation(["domestic_abuse", "weapon_or_threat_to_kill"])
    chronology = family.builder.build()

    [alert] = run(chronology, "2016-03-15", "SEPARATION_RISK")
    assert alert.first_met_on == date(2016, 3, 1)
    assert alert.severity == "high"
    assert alert.adults == (family.mother, family.father)
    assert ids(alert) == [family.incident, threat, agreement]  # the incidents of the pattern, and the agreement
    assert "Domestic abuse by Father is high risk" in alert.explanation
    assert "a weapon or a threat to kill" in alert.explanation and "Mother" in alert.explanation
    assert run(chronology, "2016-02-29", "SEPARATION_RISK") == []


def test_separation_risk_reads_the_domestic_abuse_pattern_with_the_thresholds_of_the_evaluation() -> None:
    family, _, _ = _separation(["domestic_abuse"])
    family.add(
        "2016-02-10",
        "domestic_abuse_incident",
        [family.mother, family.father],
        "Father hit Mother.",
        tags=["domestic_abuse"],
    )
    chronology = family.builder.build()
    as_of = date(2016, 3, 15)
    assert run(chronology, as_of.isoformat(), "SEPARATION_RISK")  # 3 incidents: the pattern makes it high risk

    rarer = Thresholds({**THRESHOLDS.values, "DA_PATTERN": {**THRESHOLDS.for_code("DA_PATTERN"), "min_incidents": 4}})
    view = FamilyView.as_of_date(chronology, as_of, rarer)
    assert REGISTRY["SEPARATION_RISK"].function(view, rarer.for_code("SEPARATION_RISK")) == []


def test_separation_risk_evidence_is_the_separations_and_the_risk_at_the_latest() -> None:
    family = Family(plan=False)
    for day in ("2015-04-01", "2015-05-01", "2015-06-01"):
        family.add(day, "domestic_abuse_incident", [family.mother, family.father], "Assault.", tags=["domestic_abuse"])
    first = family.add("2016-03-01", "home_visit", [family.mother], "Mother has left Father.", tags=["separation"])
    dash = family.add("2016-07-01", "note", [family.mother], "IDVA completed DASH: high risk.", agency="IDVA")
    second = family.add(
        "2016-08-01", "home_visit", [family.mother], "Mother has left Father again.", tags=["separation"]
    )
    [alert] = run(family.builder.build(), "2016-08-10", "SEPARATION_RISK")
    assert alert.first_met_on == date(2016, 3, 1)
    assert ids(alert) == [first, dash, second]  # the 2015 incidents made the first separation high risk, not the latest
    assert "assessed as high risk (DASH or MARAC) on 1 July 2016" in alert.explanation


def test_separation_risk_near_miss_standard_risk() -> None:
    family, _, _ = _separation(["domestic_abuse"])
    assert run(family.builder.build(), "2016-03-15", "SEPARATION_RISK") == []


def test_separation_risk_when_a_dash_high_victim_separates() -> None:
    family = Family(plan=False)
    dash = family.add("2016-02-01", "note", [family.mother], "IDVA completed DASH: high risk.", agency="IDVA")
    left = family.add(
        "2016-02-20", "home_visit", [family.mother, family.amy], "Mother has left Father.", tags=["separation"]
    )
    [alert] = run(family.builder.build(), "2016-03-01", "SEPARATION_RISK")
    assert alert.first_met_on == date(2016, 2, 20)
    assert ids(alert) == [dash, left]
    assert "assessed as high risk (DASH or MARAC) on 1 February 2016" in alert.explanation


def test_separation_risk_reads_a_dash_column_and_ignores_a_dash_that_is_not_high() -> None:
    family = Family(plan=False)
    graded = family.builder.entry(
        "2016-02-01", "domestic_abuse_incident", "Argument.", [family.mother, family.father], agency="Police"
    )
    family.add("2016-02-02", "note", [family.mother], "DASH completed: not high risk.", agency="IDVA")
    family.add("2016-02-20", "home_visit", [family.mother], "Mother has left Father.", tags=["separation"])
    assert run(family.builder.build(), "2016-03-01", "SEPARATION_RISK") == []
    graded.extra["DASH Risk"] = "High"
    [alert] = run(family.builder.build(), "2016-03-01", "SEPARATION_RISK")
    assert graded.record_id in ids(alert)


# -- NO_CHARGE_RISK_REMAINS ----------------------------------------------------------------------


def _no_charge(strategy_day: str | None) -> tuple[Family, str, str]:
    family = Family(plan=False)
    allegation = family.add("2016-05-02", "allegation", [family.amy, family.father], "Amy said Father hit her.")
    decision = family.add(
        "2016-05-10",
        "no_further_action",
        [family.amy, family.father],
        "No further action: insufficient evidence.",
        agency="Police",
        agency_type="police",
        related=allegation,
    )
    if strategy_day:
        family.add(strategy_day, "strategy_discussion", [family.amy])
    return family, allegation, decision


def test_no_charge_risk_remains_without_a_strategy_meeting_in_ten_working_days() -> None:
    family, allegation, decision = _no_charge(None)
    chronology = family.builder.build()

    [alert] = run(chronology, "2016-06-01", "NO_CHARGE_RISK_REMAINS")
    assert alert.first_met_on == date(2016, 5, 25)  # 10 May + 10 working days is 24 May
    assert alert.severity == "high"
    assert alert.children == (family.amy,)
    assert ids(alert) == [allegation, decision]
    assert "Amy" in alert.explanation and "10 May 2016" in alert.explanation
    assert run(chronology, "2016-05-24", "NO_CHARGE_RISK_REMAINS") == []


def test_no_charge_risk_remains_near_miss_strategy_meeting_on_the_tenth_working_day() -> None:
    family, _, _ = _no_charge("2016-05-24")
    assert run(family.builder.build(), "2016-06-01", "NO_CHARGE_RISK_REMAINS") == []


# -- THREATS_TO_PROFESSIONALS --------------------------------------------------------------------


def _threat(strategy_day: str | None) -> tuple[Family, str]:
    family = Family()
    threat = family.add(
        "2016-05-02", "threat_to_professional", [family.mother], "Mother threatened to kill the social worker."
    )
    if strategy_day:
        family.add(strategy_day, "strategy_discussion", [family.amy])
    return family, threat


def test_threats_to_professionals_without_a_strategy_meeting() -> None:
    family, threat = _threat(None)
    chronology = family.builder.build()

    [alert] = run(chronology, "2016-05-20", "THREATS_TO_PROFESSIONALS")
    assert alert.first_met_on == date(2016, 5, 17)  # 2 May + 10 working days is 16 May
    assert alert.severity == "high"
    assert alert.adults == (family.mother,)
    assert ids(alert) == [threat]
    assert "Mother threatened" in alert.explanation and "Amy" in alert.explanation
    assert run(chronology, "2016-05-16", "THREATS_TO_PROFESSIONALS") == []


def test_threats_to_professionals_in_one_household_are_one_alert() -> None:
    family, first = _threat(None)
    second = family.add("2016-05-16", "threat_to_professional", [family.father], "Father threw a mug at the SW.")
    [alert] = run(family.builder.build(), "2016-06-10", "THREATS_TO_PROFESSIONALS")
    assert alert.first_met_on == date(2016, 5, 17)
    assert alert.adults == (family.mother, family.father)
    assert ids(alert) == [first, second]
    assert alert.explanation.startswith("Mother and Father threatened or used violence towards a professional (2 May")


def test_threats_to_professionals_near_miss_a_threat_of_legal_action() -> None:
    family = Family()
    family.add(
        "2016-05-02",
        "complaint",
        [family.mother],
        "Mother hostile on the phone and threatened legal action against the council.",
        tags=["hostility_to_professionals"],
    )
    assert run(family.builder.build(), "2016-05-20", "THREATS_TO_PROFESSIONALS") == []


def test_threats_to_professionals_near_miss_strategy_meeting_held() -> None:
    family, _ = _threat("2016-05-16")
    assert run(family.builder.build(), "2016-05-20", "THREATS_TO_PROFESSIONALS") == []


# -- HOSTILE_NON_ENGAGEMENT ----------------------------------------------------------------------


def _non_engagement(family: Family) -> list[str]:
    return [
        family.add("2016-02-01", "no_access_visit", [family.amy], "No answer at the door.", seen="no_access"),
        family.add("2016-02-01", "no_access_visit", [family.amy], "No answer.", agency="Health Visiting"),
        family.add("2016-03-01", "missed_appointment", [family.mother], "Did not attend.", agency="GP"),
    ]


def test_hostile_non_engagement_three_in_three_months_counting_a_shared_visit_once() -> None:
    family = Family()
    records = _non_engagement(family)
    conference = family.add("2016-04-20", "rcpc", [family.amy], "Neither parent attended the conference.")
    chronology = family.builder.build()

    [alert] = run(chronology, "2016-04-25", "HOSTILE_NON_ENGAGEMENT")
    assert alert.first_met_on == date(2016, 4, 20)
    assert alert.severity == "medium"
    assert ids(alert) == [*records, conference]
    assert "3 missed appointments" in alert.explanation and "Mother and Amy" in alert.explanation
    assert run(chronology, "2016-04-19", "HOSTILE_NON_ENGAGEMENT") == []


def test_hostile_non_engagement_counts_a_refused_assessment_however_it_is_worded() -> None:
    family = Family()
    records = _non_engagement(family)
    refusal = family.add(
        "2016-04-20", "home_visit", [family.mother], "Visit to discuss the assessment. Mother refused."
    )
    [alert] = run(family.builder.build(), "2016-04-25", "HOSTILE_NON_ENGAGEMENT")
    assert alert.first_met_on == date(2016, 4, 20)
    assert ids(alert) == [*records, refusal]


def test_hostile_non_engagement_near_miss_two_events_and_a_well_attended_conference() -> None:
    family = Family()
    _non_engagement(family)
    family.add("2016-04-20", "rcpc", [family.amy], "Both parents attended the conference.")
    family.add("2016-04-21", "note", [family.mother], "Mother declined a nursery place for Amy.")
    assert run(family.builder.build(), "2016-04-25", "HOSTILE_NON_ENGAGEMENT") == []


# -- a plan that is working ----------------------------------------------------------------------


def test_a_plan_that_assesses_and_holds_the_perpetrator_raises_nothing_all_year() -> None:
    family = Family()
    family.add("2016-02-15", "assessment_completed", [family.father], "Risk assessment of Father completed.")
    family.add("2016-02-20", "written_agreement", [family.father], "Father agrees to supervised contact at the centre.")
    day = date(2016, 1, 6)
    for week in range(52):
        if week % 4 == 0:
            family.add(day.isoformat(), "probation_appointment", [family.father], "Attended.", agency="Probation")
        family.add(day.isoformat(), "home_visit", [family.mother, family.amy], "Home visit; Amy seen.", seen="seen")
        day += timedelta(days=7)
    chronology = family.builder.build()
    codes = [code for code, spec in REGISTRY.items() if spec.group == "The adults who pose the risk"]
    for week in range(1, 53):
        as_of = (date(2016, 1, 4) + timedelta(days=7 * week)).isoformat()
        assert [a.code for code in codes for a in run(chronology, as_of, code)] == [], as_of
