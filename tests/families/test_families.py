"""safechron on families nobody tuned it for, through the real pipeline (read, link, tag, evaluate).

Family A and Family B are the two families of the East Sussex review
(`../shared/seeds/003_31c9575649a8e2ad.txt`, "003 N.N" below) rebuilt as agency submissions; the
calm families are ordinary families with plenty of professional contact. The review says which
patterns were present and when; the calm families must raise no high alert on any day.
docs/indicator-quality.md records what the engine finds on each family and what it still misses.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path

import pytest

from safechron.chronology.model import Chronology
from safechron.indicators.base import Alert, Thresholds
from safechron.pipeline import analyse, load

FAMILIES = Path(__file__).resolve().parent
CALM = sorted(path.name for path in FAMILIES.glob("calm-*"))
THRESHOLDS = Thresholds.load()


@cache
def chronology(name: str) -> Chronology:
    return load(sorted((FAMILIES / name).iterdir()))


@cache
def alerts_on(name: str, day: date) -> tuple[Alert, ...]:
    return tuple(analyse(chronology(name), day, THRESHOLDS))


@dataclass(frozen=True)
class Expected:
    """A pattern the review describes, as the engine must report it on a day."""

    code: str
    as_of: date
    severity: str
    first_met_on: date | None  # None where the rule leaves the day to a judgement still being refined
    words: tuple[str, ...] = ()  # people and counts the explanation must name
    why: str = ""


def _one(name: str, expected: Expected) -> Alert:
    """The alert of the expected code whose explanation names the expected people and counts."""
    found = [
        alert
        for alert in alerts_on(name, expected.as_of)
        if alert.code == expected.code and all(word in alert.explanation for word in expected.words)
    ]
    assert found, f"{expected.code} naming {expected.words} missing as of {expected.as_of} ({expected.why})"
    if expected.first_met_on is not None:
        found = [alert for alert in found if alert.first_met_on == expected.first_met_on]
        assert found, f"{expected.code} as of {expected.as_of} not first met on {expected.first_met_on}"
    return found[0]


def _check(name: str, expected: Expected) -> None:
    alert = _one(name, expected)
    assert alert.severity == expected.severity
    entries = {entry.key: entry for entry in chronology(name).entries}
    assert alert.evidence
    for item in alert.evidence:
        assert entries[(item.agency, item.record_id)].known_on <= expected.as_of
    if expected.first_met_on is not None:
        day_before = date.fromordinal(expected.first_met_on.toordinal() - 1)
        earlier = [a for a in alerts_on(name, day_before) if a.code == expected.code]
        assert all(a.first_met_on != expected.first_met_on for a in earlier)


# -- calm families ------------------------------------------------------------------------------


def _months(name: str) -> list[date]:
    """The first of every month from the first entry to a year after the last."""
    days = sorted(entry.date.start for entry in chronology(name).entries)
    first, last = days[0], date(days[-1].year + 1, days[-1].month, 1)
    months = []
    year, month = first.year, first.month
    while date(year, month, 1) <= last:
        months.append(date(year, month, 1))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def test_there_are_five_calm_families_each_a_real_mix_of_agencies() -> None:
    assert len(CALM) >= 5
    for name in CALM:
        family = chronology(name)
        assert 20 <= len(family.entries) <= 50, name
        assert 3 <= len({entry.agency for entry in family.entries}) <= 5, name


@pytest.mark.parametrize("name", CALM)
def test_a_calm_family_raises_no_high_alert_on_any_day(name: str) -> None:
    for day in _months(name):
        high = [f"{a.code} ({a.explanation})" for a in alerts_on(name, day) if a.severity == "high"]
        assert high == [], f"{name} as of {day}"


def test_a_toddlers_explained_fall_seen_by_four_agencies_is_not_an_unreferred_injury() -> None:
    """ED, GP, health visitor and nursery each record the same explained fall; the nursery's own
    accident form records a trip it saw. None of it is a missed referral."""
    codes = {a.code for day in (date(2023, 11, 25), date(2024, 2, 10)) for a in alerts_on("calm-toddler-injury", day)}
    assert "INJURY_YOUNG_CHILD" not in codes


def test_a_neighbour_dispute_years_ago_and_no_concerns_notes_raise_nothing_at_all() -> None:
    assert alerts_on("calm-neighbour-dispute", date(2024, 3, 1)) == ()


# -- Family A (003 1.2, 4.3–4.4, 4.17–4.18, 4.30–4.32, 4.41–4.47) ------------------------------

FAMILY_A = [
    Expected("DA_PATTERN", date(2018, 3, 1), "high", date(2018, 2, 10),
             ("3 domestic abuse incidents", "Donna", "Craig"), "assaults of 2017 and the 2018 custody, 003 4.3"),
    Expected("TOXIC_TRIO", date(2018, 3, 1), "high", date(2017, 5, 6), ("Donna", "Craig"),
             "domestic abuse, mental health, drugs, 003 1.2"),
    Expected("PERPETRATOR_NOT_ASSESSED", date(2018, 3, 1), "high", date(2017, 12, 14), ("Craig",),
             "no psychological assessment of Stepfather A, 003 4.30"),
    Expected("PERPETRATOR_NON_COMPLIANCE", date(2018, 3, 1), "high", date(2018, 2, 10), ("Craig",),
             "assault while the children were on plans, 003 4.3"),
    Expected("NO_UNANNOUNCED_VISIT", date(2018, 3, 1), "medium", date(2017, 12, 15), (),
             "no unannounced visits achieved, 003 4.18"),
    Expected("HOSTILE_NON_ENGAGEMENT", date(2019, 5, 1), "medium", None, (),
             "not attending conferences, not home for visits, 003 4.18"),
    Expected("STUCK_PLAN", date(2019, 8, 1), "high", None, ("Kyle", "Mia"), "plan largely not achieved, 003 4.30"),
    Expected("SIBLING_CONCERNS", date(2019, 8, 1), "high", date(2019, 6, 11), ("Chelsea",),
             "the eldest child's allegations, 003 4.17"),
    Expected("PLAN_ENDED_WITH_ACTIONS_OUTSTANDING", date(2019, 11, 1), "high", date(2019, 10, 17),
             ("2 assessments",), "no drug testing, no psychological assessment, 003 4.30"),
    Expected("REASSURED_BY_SILENCE", date(2019, 11, 1), "high", date(2019, 10, 17), (),
             "plan ended on a lack of police notifications, 003 4.18, 4.30"),
    Expected("FAMILY_CONCERNS", date(2020, 5, 1), "high", date(2020, 3, 11), ("3 reports",),
             "three contacts from wider family, 003 4.31"),
    Expected("REASSURED_BY_SILENCE", date(2020, 5, 1), "high", date(2020, 3, 24), (),
             "police visited, no concerns, no further action, 003 4.31"),
    Expected("PREGNANCY_IN_RISK_HOUSEHOLD", date(2020, 5, 1), "high", date(2020, 3, 31), ("Donna",),
             "no pre-birth assessment, 003 4.31"),
    Expected("TRANSITION_TO_ADULTHOOD", date(2021, 1, 15), "high", None, ("Kyle",),
             "EHCP ceased for lack of engagement, 003 4.44–4.45"),
]


@pytest.mark.parametrize("expected", FAMILY_A, ids=lambda e: f"{e.code}@{e.as_of}")
def test_family_a_raises_what_the_review_found(expected: Expected) -> None:
    _check("family-a", expected)


def test_family_a_shows_the_silence_the_review_warns_about() -> None:
    """No police incident after the 2018 custody (003 4.30): the incident count lapses, which is why
    the plan ended, and the engine says so through REASSURED_BY_SILENCE rather than DA_PATTERN."""
    codes = {a.code for a in alerts_on("family-a", date(2019, 11, 1))}
    assert "DA_PATTERN" not in codes
    assert "REASSURED_BY_SILENCE" in codes


# -- Family B (003 1.3, 4.5–4.6, 4.14, 4.19–4.27, 4.34, 4.36) ----------------------------------

FAMILY_B = [
    Expected("SIBLING_CONCERNS", date(2020, 2, 20), "high", date(2019, 11, 14), ("Tegan",),
             "the older child in care's allegations, 003 4.12, 4.20"),
    Expected("NO_CHARGE_RISK_REMAINS", date(2020, 2, 20), "high", date(2020, 1, 31), (),
             "no police action and no strategy meeting, 003 4.20–4.22"),
    Expected("REASSURED_BY_SILENCE", date(2020, 2, 20), "high", date(2020, 2, 6), (),
             "case closed despite the older child's allegations, 003 4.20"),
    Expected("PLAN_ENDED_WITH_ACTIONS_OUTSTANDING", date(2020, 2, 20), "high", date(2020, 2, 6), ("Family assessment",),
             "closed with the family assessment refused and outstanding, 003 4.20"),
    Expected("THREATS_TO_PROFESSIONALS", date(2020, 6, 30), "high", date(2020, 6, 24), ("Sharon",),
             "threats to kill the social worker, 003 4.14"),
    Expected("ASSESSMENT_DELAYED", date(2020, 10, 1), "medium", date(2020, 9, 4), ("cognitive assessment",),
             "SWIFT assessments not started, 003 4.27, 4.36"),
    Expected("STUCK_PLAN", date(2020, 10, 1), "high", date(2020, 9, 17), ("4 consecutive",),
             "little more than monitoring, 003 4.27"),
    Expected("NO_UNANNOUNCED_VISIT", date(2020, 10, 1), "medium", date(2020, 9, 25), ("Jade", "Mason"), ""),
    Expected("PERPETRATOR_NOT_ASSESSED", date(2020, 10, 1), "high", date(2020, 9, 24), ("Wayne",),
             "the stepfather's risk assessment outstanding, 003 4.20, 4.36"),
    Expected("ADULT_SAFEGUARDING_LINK", date(2020, 10, 1), "medium", date(2020, 9, 24), ("Iris",),
             "adult safeguarding about the home the children live in, 003 4.21"),
    Expected("CUMULATIVE_NEGLECT", date(2021, 1, 10), "high", None, ("Mason",),
             "unkempt, home without amenities: 8 signs in 12 months since the tagger reads concrete home "
             "conditions as neglect, 003 4.11, 4.21, 4.35"),
    Expected("REMOTE_CONTACT_ONLY", date(2021, 1, 10), "medium", None, ("Jade", "Mason"),
             "video contact in lockdown, 003 4.49–4.50"),
    Expected("ADULT_CRISIS_NOT_SHARED", date(2021, 3, 9), "high", date(2021, 3, 9), ("Wayne", "overdose"),
             "weekend overdose unknown to those working with the children, 003 4.34"),
    Expected("TOXIC_TRIO", date(2021, 3, 9), "high", None, ("Sharon", "Wayne"), "003 1.3, 4.5–4.6"),
]


@pytest.mark.parametrize("expected", FAMILY_B, ids=lambda e: f"{e.code}@{e.as_of}")
def test_family_b_raises_what_the_review_found(expected: Expected) -> None:
    _check("family-b", expected)


def test_family_b_threat_to_kill_the_social_worker_is_not_domestic_abuse() -> None:
    """The threat of June 2020 (003 4.14) is a threat to a professional, not a domestic abuse incident."""
    codes = {a.code for a in alerts_on("family-b", date(2020, 10, 1))}
    assert "THREATS_TO_PROFESSIONALS" in codes
    assert "DA_PATTERN" not in codes


def test_no_alert_relies_on_a_record_written_after_its_day() -> None:
    for name, days in (("family-a", (date(2019, 8, 1), date(2020, 5, 1))), ("family-b", (date(2020, 10, 1),))):
        entries = {entry.key: entry for entry in chronology(name).entries}
        for day in days:
            for alert in alerts_on(name, day):
                assert alert.first_met_on <= day
                assert all(entries[(e.agency, e.record_id)].known_on <= day for e in alert.evidence)
