"""evaluate: every registered indicator as of a date, with no hindsight, titled and in order."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from safechron.indicators import evaluate, evaluate_view, indicator_catalogue
from safechron.indicators.base import GROUPS, REGISTRY, Thresholds
from safechron.indicators.context import FamilyView
from tests.builders import FamilyBuilder

THRESHOLDS = Thresholds.load()
START = date(2015, 1, 1)

#: Event types and tags the random families draw on: enough to set off most of the catalogue.
EVENTS = (
    "domestic_abuse_incident",
    "police_callout",
    "mental_health_contact",
    "substance_misuse_contact",
    "injury",
    "home_visit",
    "missed_appointment",
    "school_attendance_concern",
    "pregnancy_confirmed",
    "birth",
    "cp_plan_start",
    "cp_plan_end",
    "cin_plan_start",
    "step_down",
    "case_closed",
    "core_group",
    "rcpc",
    "written_agreement",
    "agreement_breach",
    "assessment_requested",
    "assessment_started",
    "assessment_completed",
    "family_report",
    "mash_decision",
    "referral",
    "strategy_discussion",
    "note",
)
TAGS = (
    "domestic_abuse",
    "strangulation",
    "mental_health_parent",
    "substance_misuse_parent",
    "neglect",
    "left_alone",
    "pregnancy",
    "physical_injury",
    "parental_adverse_childhood",
    "prematurity",
)


def _family() -> tuple[FamilyBuilder, list[str]]:
    family = FamilyBuilder()
    people = [
        family.person("Mother", role="mother", dob="1990-01-01"),
        family.person("Father", role="father", dob="1988-01-01"),
        family.person("Amy", role="child", dob="2014-06-01"),
        family.person("Baby", role="child", dob="2015-09-01"),
    ]
    return family, people


entry_strategy = st.tuples(
    st.integers(min_value=0, max_value=700),  # day
    st.integers(min_value=0, max_value=60),  # recorded this many days later
    st.sampled_from(EVENTS),
    st.sets(st.sampled_from(TAGS), max_size=2),
    st.sets(st.integers(min_value=0, max_value=3), min_size=1, max_size=3),
    st.sampled_from(("Police", "Children's Social Care", "Health Visiting", "GP", "IDVA")),
    st.sampled_from(("", "No further action.", "Mother's pregnancy and domestic abuse discussed.")),
)


def _add(
    family: FamilyBuilder,
    people: list[str],
    spec: tuple[int, int, str, set[str], set[int], str, str],
    *,
    after_day: int = -1,
) -> None:
    """Add one random entry, dated `spec[0]` days after `after_day` days from START."""
    day, delay, event_type, tags, who, agency, outcome = spec
    when = START + timedelta(days=after_day + 1 + day)
    family.entry(
        when.isoformat(),
        event_type,
        "Entry.",
        [people[i] for i in sorted(who)],
        agency=agency,
        tags=tags,
        recorded=(when + timedelta(days=delay)).isoformat(),
        outcome=outcome,
        action=outcome,
    )


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    before=st.lists(entry_strategy, max_size=30),
    after=st.lists(entry_strategy, min_size=1, max_size=10),
    as_of_day=st.integers(min_value=0, max_value=700),
)
def test_entries_after_the_as_of_date_never_change_the_alerts(
    before: list[tuple[int, int, str, set[str], set[int], str, str]],
    after: list[tuple[int, int, str, set[str], set[int], str, str]],
    as_of_day: int,
) -> None:
    as_of = START + timedelta(days=as_of_day)
    family, people = _family()
    for spec in before:
        _add(family, people, spec)
    known = evaluate(family.build(), as_of, THRESHOLDS)
    for spec in after:
        _add(family, people, spec, after_day=as_of_day)
    assert [a.to_json() for a in evaluate(family.build(), as_of, THRESHOLDS)] == [a.to_json() for a in known]
    for alert in known:
        assert alert.first_met_on <= as_of
        assert all(item.date.start <= as_of for item in alert.evidence)
        assert alert.title and alert.reference


def _busy_family() -> FamilyBuilder:
    family, (mother, father, amy, _) = _family()
    for day in ("2016-01-10", "2016-03-02", "2016-05-20"):
        family.entry(
            day, "domestic_abuse_incident", "Assault.", [mother, father], agency="Police", tags=["domestic_abuse"]
        )
    family.entry("2016-04-01", "mental_health_contact", "Seen.", [mother], agency="Adult Mental Health")
    family.entry("2016-04-02", "assessment_requested", "Parenting assessment", [father])
    family.entry("2016-02-01", "cp_plan_start", "Plan.", [amy])
    return family


def test_alerts_are_titled_and_high_ones_come_first_in_order_first_met() -> None:
    found = evaluate(_busy_family().build(), date(2016, 7, 1), THRESHOLDS)
    codes = [a.code for a in found]
    assert {"DA_PATTERN", "TOXIC_TRIO_PARTIAL", "ASSESSMENT_DELAYED"} <= set(codes)
    severities = [a.severity for a in found]
    assert severities == sorted(severities, key=lambda s: s != "high")
    highs = [a.first_met_on for a in found if a.severity == "high"]
    assert highs == sorted(highs)
    partial = next(a for a in found if a.code == "TOXIC_TRIO_PARTIAL")
    assert partial.title == "Two of the toxic trio"
    assert partial.reference == REGISTRY["TOXIC_TRIO"].reference
    da = next(a for a in found if a.code == "DA_PATTERN")
    assert da.title == "Pattern of domestic abuse"


def test_evaluate_view_leaves_out_excluded_codes_and_sees_an_earlier_day() -> None:
    view = FamilyView.as_of_date(_busy_family().build(), date(2016, 7, 1))
    codes = {a.code for a in evaluate_view(view, THRESHOLDS, exclude=("DA_PATTERN",))}
    assert "DA_PATTERN" not in codes and "TOXIC_TRIO_PARTIAL" in codes
    assert "DA_PATTERN" not in {a.code for a in evaluate_view(view.earlier(date(2016, 5, 19)))}


def test_catalogue_lists_every_code_once_in_group_order_with_the_partial_trio() -> None:
    catalogue = indicator_catalogue()
    codes = [entry.code for entry in catalogue]
    assert len(codes) == len(set(codes))
    assert set(codes) == set(REGISTRY) | {"TOXIC_TRIO_PARTIAL"}
    assert codes.index("TOXIC_TRIO_PARTIAL") == codes.index("TOXIC_TRIO") + 1
    order = [GROUPS.index(entry.group) for entry in catalogue]
    assert order == sorted(order)
    assert all(entry.title and entry.reference for entry in catalogue)
