"""Cumulative risk: harms that matter because they come together or keep coming (indicators.md).

Each function below is one row of the catalogue's "Cumulative risk" table; its docstring quotes
the rule and its thresholds come from the table of the same code in thresholds.toml.

What counts as evidence, shared by the indicators here (and usable by others):

- An *occurrence* is an entry that records something happening (an incident, a visit, a
  disclosure, an appointment), not a meeting, plan or decision about it: a conference that
  discusses last year's incidents must not make them look recent.
- A strand of the toxic trio is evidenced for the household by an event of its own type about an
  adult of the household (a mental health crisis, a substance misuse service contact), or by an
  occurrence about a household member carrying one of its tags (agency or free-text; negated
  mentions never carry a tag).
- Domestic abuse incidents are `domestic_abuse_incident` entries, and other incident-like entries
  (police call-outs, disclosures, reports, injuries) tagged with domestic abuse; a weapon, threat to
  kill or strangulation tag alone counts only between two adults of the household. An incident that
  police, social care and the IDVA each record counts once (`FamilyView.incidents`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from datetime import date, timedelta
from typing import Any

from safechron.chronology.model import Entry, Person
from safechron.indicators.base import Alert, evidence_of, indicator
from safechron.indicators.common import adults_named, frequent_run, listing
from safechron.indicators.context import (
    FamilyView,
    Incident,
    condition_start,
    day_after_deadline,
    days,
    spoken_day,
    spoken_period,
    spoken_span,
    window_changes,
)
from safechron.vocabulary import CHILD_ROLES, EVENT_GROUPS

__all__ = [
    "DA_TAGS",
    "cumulative_neglect",
    "da_incidents",
    "da_pattern",
    "infant_vulnerability",
    "injury_young_child",
    "parent_history",
    "pregnancies",
    "pregnancy_in_risk_household",
    "shows_domestic_abuse",
    "toxic_trio",
    "trio_strands",
]

PROCESS_EVENTS = frozenset(EVENT_GROUPS["Child protection process"]) | {"written_agreement"}

DA_TAGS = frozenset({"domestic_abuse", "coercive_control", "weapon_or_threat_to_kill", "strangulation"})
SERIOUS_DA_TAGS = frozenset({"weapon_or_threat_to_kill", "strangulation"})
DA_INCIDENT_EVENTS = frozenset(
    {
        "domestic_abuse_incident",
        "police_callout",
        "arrest",
        "disclosure",
        "allegation",
        "family_report",
        "public_report",
        "professional_concern",
        "injury",
        "ed_attendance",
        "hospital_admission",
    }
)

#: The three strands of the toxic trio: the events that evidence each for an adult, and its tags.
TRIO: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    "domestic abuse": (frozenset({"domestic_abuse_incident"}), DA_TAGS),
    "parental mental ill-health": (
        frozenset({"mental_health_crisis", "mental_health_contact", "self_harm"}),
        frozenset({"mental_health_parent"}),
    ),
    "parental substance or alcohol misuse": (
        frozenset({"substance_misuse_contact", "overdose"}),
        frozenset({"substance_misuse_parent", "alcohol_misuse_parent"}),
    ),
}
ADULT_ONLY_TAGS = frozenset({"self_harm", "suicidal_ideation"})  # parental mental ill-health when about an adult

NEGLECT_TAGS = frozenset({"neglect", "left_alone", "missing_education"})
NEGLECT_EVENTS = frozenset({"school_attendance_concern"})
HEALTH_AGENCY_TYPES = frozenset(
    {"health_visiting", "health_acute", "gp", "school_nursing", "mental_health_child", "health_maternity"}
)

PREGNANCY_EVENTS = frozenset({"pregnancy_confirmed", "antenatal_appointment", "antenatal_missed"})
MOTHER_ROLES = frozenset({"mother", "stepmother"})  # a woman's role, when her sex is not recorded
YOUNGEST_MOTHER_AGE = 12  # a girl of the household named on pregnancy records may be the one pregnant
AFTER_BIRTH_EVENTS = frozenset({"birth", "postnatal_check", "scbu_admission"})
PRE_BIRTH_RESPONSES = frozenset({"pre_birth_assessment", "icpc", "rcpc"})

INJURY_RESPONSES = frozenset({"contact", "referral", "mash_decision", "strategy_discussion", "s47_enquiry"})

ASSESSMENT_EVENTS = frozenset({"assessment_started", "assessment_completed", "pre_birth_assessment"})


# -- evidence shared by the indicators ----------------------------------------------------------


def _occurrences(view: FamilyView) -> list[Entry]:
    return [entry for entry in view.household_entries if entry.event_type not in PROCESS_EVENTS]


def shows_domestic_abuse(view: FamilyView, entry: Entry) -> bool:
    """Whether an entry's tags evidence domestic abuse: a domestic abuse or coercive control tag, or a
    weapon, threat to kill or strangulation between two adults of the household. A threat to kill
    a social worker, or a fight with a stranger, is serious but is not domestic abuse."""
    if entry.tags & (DA_TAGS - SERIOUS_DA_TAGS):
        return True
    adults = set(view.household.adults).intersection(view.subjects(entry))
    return bool(entry.tags & SERIOUS_DA_TAGS) and len(adults) >= 2


def da_incidents(view: FamilyView) -> list[Incident]:
    """Domestic abuse incidents in the household, each counted once however many agencies recorded it."""
    entries = [
        entry
        for entry in view.household_entries
        if entry.event_type == "domestic_abuse_incident"
        or (entry.event_type in DA_INCIDENT_EVENTS and shows_domestic_abuse(view, entry))
    ]
    return view.incidents(entries)


def trio_strands(view: FamilyView) -> dict[str, list[Entry]]:
    """For each strand of the toxic trio, the occurrences that evidence it for the household's adults."""
    adults = set(view.household.adults)
    strands: dict[str, list[Entry]] = {strand: [] for strand in TRIO}
    for entry in _occurrences(view):
        about_adult = bool(adults.intersection(view.subjects(entry)))
        for strand, (events, tags) in TRIO.items():
            adult_tags = ADULT_ONLY_TAGS if strand == "parental mental ill-health" else frozenset()
            by_event = about_adult and (entry.event_type in events or bool(entry.tags & adult_tags))
            by_tag = shows_domestic_abuse(view, entry) if tags is DA_TAGS else bool(entry.tags & tags)
            if by_event or by_tag:
                strands[strand].append(entry)
    return strands


def _strand_with_adults(view: FamilyView, strand: str, entries: list[Entry]) -> str:
    """'domestic abuse (Mother and Father)': a strand and the adults of the household its records are about."""
    adults = adults_named(view, entries)
    return f"{strand} ({view.names(adults)})" if adults else strand


def _children_in(view: FamilyView, entries: Iterable[Entry]) -> tuple[str, ...]:
    named = {pid for entry in entries for pid in view.subjects(entry)}
    return tuple(pid for pid in view.household.children if pid in named) or view.household.children


def _span_of(entries: list[Entry]) -> str:
    starts = sorted(entry.date.start for entry in entries)
    return spoken_span(starts[0], starts[-1])


# -- the indicators -----------------------------------------------------------------------------


@indicator(
    "TOXIC_TRIO",
    title="Toxic trio",
    group="Cumulative risk",
    reference="000 §56–58, §85; 003 4.2",
    also_emits=("TOXIC_TRIO_PARTIAL",),
)
def toxic_trio(view: FamilyView, cfg: dict[str, Any]) -> list[Alert]:
    """Domestic abuse, parental mental ill-health and parental substance or alcohol misuse are each
    evidenced for adults of one household within 12 months (high); two of the three give
    TOXIC_TRIO_PARTIAL (medium)."""
    window = days(cfg["window_days"])
    strands = trio_strands(view)

    def present(day: date) -> list[str]:
        return [strand for strand, entries in strands.items() if view.between(day - window, day, entries)]

    now = present(view.as_of)
    if len(now) < cfg["partial_strands"]:
        return []
    full = len(now) == len(TRIO)
    need = len(now)
    all_dates = [entry.date.start for entries in strands.values() for entry in entries]
    first = condition_start(
        as_of=view.as_of, changes=window_changes(all_dates, window), holds=lambda day: len(present(day)) >= need
    )
    assert first is not None
    recent = {strand: view.between(view.as_of - window, view.as_of, strands[strand]) for strand in now}
    relied = [entry for entries in recent.values() for entry in entries]
    named = [_strand_with_adults(view, strand, entries) for strand, entries in recent.items()]
    adults = adults_named(view, relied) or view.household.adults
    listed = listing(named)
    when = f"{_span_of(relied)}, within {spoken_period(cfg['window_days'])}"
    if full:
        explanation = f"{listed[:1].upper() + listed[1:]} are each recorded {when}."
    else:
        missing = next(strand for strand in TRIO if strand not in now)
        explanation = (
            f"{listed[:1].upper() + listed[1:]} are both recorded {when}; {missing} is not recorded. "
            f"Two of the toxic trio are present."
        )
    return [
        Alert(
            code="TOXIC_TRIO" if full else "TOXIC_TRIO_PARTIAL",
            severity="high" if full else "medium",
            first_met_on=first,
            evidence=evidence_of(relied),
            explanation=explanation,
            children=view.household.children,
            adults=adults,
        )
    ]


@indicator(
    "DA_PATTERN",
    title="Pattern of domestic abuse",
    group="Cumulative risk",
    reference="000 §4, §61, §73; 003 4.29",
)
def da_pattern(view: FamilyView, cfg: dict[str, Any]) -> list[Alert]:
    """3 or more domestic abuse incidents in the household within 12 months, or any incident with a
    weapon, a threat to kill or strangulation (high)."""
    window = days(cfg["window_days"])
    incidents = da_incidents(view)

    def recent(day: date) -> list[Incident]:
        return [incident for incident in incidents if day - window <= incident.day <= day]

    def holds(day: date) -> bool:
        found = recent(day)
        return len(found) >= cfg["min_incidents"] or any(_serious(incident) for incident in found)

    first = condition_start(as_of=view.as_of, changes=window_changes([i.day for i in incidents], window), holds=holds)
    if first is None:
        return []
    found = recent(view.as_of)
    relied = [entry for incident in found for entry in incident.entries]
    adults = adults_named(view, relied)
    serious = sorted({tag for incident in found for tag in _serious_tags(incident)})
    count = len(found)
    explanation = (
        f"{count} domestic abuse incident{'s' if count != 1 else ''} "
        f"{spoken_span(found[0].day, found[-1].day)} involving {view.names(adults) or 'the household'}"
    )
    if serious:
        explanation += ", including " + listing([_SERIOUS_WORDS[tag] for tag in serious])
    explanation += f" (within {spoken_period(cfg['window_days'])})."
    return [
        Alert(
            code="DA_PATTERN",
            severity="high",
            first_met_on=first,
            evidence=evidence_of(relied),
            explanation=explanation,
            children=view.household.children,
            adults=adults,
        )
    ]


_SERIOUS_WORDS = {"weapon_or_threat_to_kill": "a weapon or a threat to kill", "strangulation": "strangulation"}


def _serious_tags(incident: Incident) -> set[str]:
    return {tag for entry in incident.entries for tag in entry.tags & SERIOUS_DA_TAGS}


def _serious(incident: Incident) -> bool:
    return bool(_serious_tags(incident))


@indicator(
    "CUMULATIVE_NEGLECT",
    title="Signs of neglect adding up",
    group="Cumulative risk",
    reference="000 §42, §137, Rec 202; 003 4.35",
)
def cumulative_neglect(view: FamilyView, cfg: dict[str, Any]) -> list[Alert]:
    """4 or more neglect signs (left alone, missed health appointments for the child, poor home
    conditions, unkempt, missed education) within 12 months, from any agencies (medium; high at 8)."""
    window = days(cfg["window_days"])
    signs = view.incidents(_neglect_signs(view))

    def recent(day: date) -> list[Incident]:
        return [sign for sign in signs if day - window <= sign.day <= day]

    first = frequent_run(view, [sign.day for sign in signs], window_days=cfg["window_days"], minimum=cfg["min_signs"])
    if first is None:
        return []
    found = recent(view.as_of)
    relied = [entry for sign in found for entry in sign.entries]
    agencies = sorted({entry.agency for entry in relied})
    children = _children_in(view, relied)
    explanation = (
        f"{len(found)} signs of neglect of {view.names(children)} {spoken_span(found[0].day, found[-1].day)}, "
        f"recorded by {listing(agencies)} (within {spoken_period(cfg['window_days'])})."
    )
    return [
        Alert(
            code="CUMULATIVE_NEGLECT",
            severity="high" if len(found) >= cfg["high_at"] else "medium",
            first_met_on=first,
            evidence=evidence_of(relied),
            explanation=explanation,
            children=children,
            adults=adults_named(view, relied),
        )
    ]


def _neglect_signs(view: FamilyView) -> list[Entry]:
    """Neglect tags on occurrences, school attendance concerns, and a child's missed health appointments."""
    children = set(view.household.children)
    signs = []
    for entry in _occurrences(view):
        about_child = bool(children.intersection(view.subjects(entry)))
        missed_health = (
            entry.event_type == "missed_appointment" and entry.agency_type in HEALTH_AGENCY_TYPES and about_child
        )
        if entry.tags & NEGLECT_TAGS or entry.event_type in NEGLECT_EVENTS or missed_health:
            signs.append(entry)
    return signs


@indicator(
    "PREGNANCY_IN_RISK_HOUSEHOLD",
    title="Pregnancy in a household at risk",
    group="Cumulative risk",
    reference="000 §108–111, §124; 003 4.31",
)
def pregnancy_in_risk_household(view: FamilyView, cfg: dict[str, Any]) -> list[Alert]:
    """A pregnancy is known in a household with domestic abuse, a child on a plan, or TOXIC_TRIO_PARTIAL,
    and no pre-birth assessment or conference is recorded within 28 days of the pregnancy first being
    known to any agency (high).

    The 28 days run from the first day on which both the pregnancy and the risk were known. The alert
    is shown for `relevant_days` after the deadline passed.
    """
    window = days(cfg["risk_window_days"])
    strands = trio_strands(view)
    incidents = [entry for incident in da_incidents(view) for entry in incident.entries]
    alerts = []
    for signals in pregnancies(view):
        known = signals[0].date.start
        birth = _birth_after(view, known)
        clock = _risk_start(view, known=known, birth=birth, window=window, strands=strands, incidents=incidents)
        if clock is None:
            continue
        start, reasons, risk_entries = clock
        first = day_after_deadline(start, calendar_days=cfg["respond_within_days"])
        if first > view.as_of or _pre_birth_response(view, known, first):
            continue
        if view.as_of - first > days(cfg["relevant_days"]):
            continue
        mother = _pregnant_woman(view, signals)
        explanation = (
            f"{view.name(mother) if mother else 'A member of the household'}'s pregnancy was known on "
            f"{signals[0].date.display()} in a household with {listing(reasons)}, and no pre-birth "
            f"assessment or conference was recorded within {cfg['respond_within_days']} days "
            f"(by {spoken_day(first - timedelta(days=1))})."
        )
        alerts.append(
            Alert(
                code="PREGNANCY_IN_RISK_HOUSEHOLD",
                severity="high",
                first_met_on=first,
                evidence=evidence_of([signals[0], *risk_entries]),
                explanation=explanation,
                children=tuple(pid for pid in view.household.children if view.persons[pid].unborn),
                adults=tuple(dict.fromkeys((*([mother] if mother else []), *adults_named(view, risk_entries)))),
            )
        )
    return alerts


def pregnancies(view: FamilyView) -> list[list[Entry]]:
    """The pregnancy signals of the household, one list per pregnancy (a birth ends a pregnancy)."""
    births = sorted(entry.date.start for entry in view.household_entries if entry.event_type == "birth")
    pregnancies: dict[date | None, list[Entry]] = {}
    for entry in view.household_entries:
        tagged = "pregnancy" in entry.tags and entry.event_type not in PROCESS_EVENTS | AFTER_BIRTH_EVENTS
        if entry.event_type in PREGNANCY_EVENTS or tagged:
            ended_by = next((day for day in births if day >= entry.date.start), None)
            pregnancies.setdefault(ended_by, []).append(entry)
    return list(pregnancies.values())


def _pregnant_woman(view: FamilyView, signals: list[Entry]) -> str | None:
    """Whose pregnancy it is: of the household the pregnancy records are about, a woman (recorded as
    female, or in a mother's role), else a girl of `YOUNGEST_MOTHER_AGE` or more; never the unborn baby,
    the father or a young sister named on the record."""
    members = set(view.household.members)
    named = dict.fromkeys(pid for entry in signals for pid in view.subjects(entry) if pid in members)
    women = [pid for pid in named if _female(view.persons[pid]) and not view.is_child(pid)]
    girls = [
        pid
        for pid in named
        if _female(view.persons[pid]) and (view.age(pid) or 0) >= YOUNGEST_MOTHER_AGE and view.is_child(pid)
    ]
    return next(iter(women + girls), None)


def _female(person: Person) -> bool:
    return not person.unborn and (person.sex == "female" or (person.sex == "unknown" and person.role in MOTHER_ROLES))


def _birth_after(view: FamilyView, known: date) -> date | None:
    return next(
        (e.date.start for e in view.household_entries if e.event_type == "birth" and e.date.start >= known),
        None,
    )


def _risk_start(
    view: FamilyView,
    *,
    known: date,
    birth: date | None,
    window: timedelta,
    strands: dict[str, list[Entry]],
    incidents: list[Entry],
) -> tuple[date, list[str], list[Entry]] | None:
    """The first day from `known` (and before the birth) on which the household was at risk, why, and on what."""
    candidates = sorted(
        {known}
        | {e.date.start for e in incidents if e.date.start > known}
        | {e.date.start for found in strands.values() for e in found if e.date.start > known}
        | {plan.start for plan in view.plan_periods if plan.start > known}
    )
    for day in candidates:
        if day > view.as_of or (birth is not None and day > birth):
            return None
        reasons: list[str] = []
        relied: list[Entry] = []
        abuse = view.between(day - window, day, incidents)
        present = {strand: view.between(day - window, day, found) for strand, found in strands.items()}
        present = {strand: found for strand, found in present.items() if found}
        if abuse:
            reasons.append(_strand_with_adults(view, "domestic abuse", abuse))
            relied.extend(abuse)
        plans = [plan for plan in view.plan_periods if plan.open_on(day)]
        if plans:
            reasons.append(f"{view.name(plans[0].child)} on a {plans[0].label()}")
            relied.append(plans[0].start_entry)
        if len(present) >= 2:
            reasons.extend(
                _strand_with_adults(view, strand, found)
                for strand, found in present.items()
                if not (abuse and strand == "domestic abuse")
            )
            relied.extend(entry for found in present.values() for entry in found)
        if reasons:
            return day, reasons, relied
    return None


def _pre_birth_response(view: FamilyView, known: date, first_late_day: date) -> bool:
    return any(
        known <= entry.date.start < first_late_day
        for entry in view.household_entries
        if entry.event_type in PRE_BIRTH_RESPONSES
    )


@indicator(
    "INFANT_VULNERABILITY",
    title="Vulnerable baby in a household at risk",
    group="Cumulative risk",
    reference="000 §63–65, §82–84, §125, Rec 204",
)
def infant_vulnerability(view: FamilyView, cfg: dict[str, Any]) -> list[Alert]:
    """A child under 1 in a household with domestic abuse or substance misuse, with at least one of:
    prematurity, special care admission, multiple birth, another child under 5 in the household (high;
    under 3 months always high).

    A baby under 3 months in such a household is reported whether or not another factor is recorded.
    """
    window = days(cfg["risk_window_days"])
    risks = _infant_risks(view)
    alerts = []
    for child in view.household.children:
        born = view.birth_date(child)
        if born is None or born > view.as_of:
            continue
        young_until = born + days(cfg["always_under_days"])
        factors = _infant_factors(view, child, cfg)
        first = _infant_first_met(view, born=born, risks=risks, factors=factors, cfg=cfg)
        if first is None:
            continue
        present = {risk: view.between(view.as_of - window, view.as_of, found) for risk, found in risks.items()}
        present = {risk: found for risk, found in present.items() if found}
        reasons = [why for why, (since, _) in factors.items() if since <= view.as_of]
        if view.as_of < young_until:
            reasons.insert(0, "under 3 months old")
        relied = [entry for found in present.values() for entry in found]
        relied += [entry for since, entry in factors.values() if entry is not None and since <= view.as_of]
        explanation = (
            f"{view.name(child)}, born {spoken_day(born)}, is under 1 in a household with "
            f"{listing([_strand_with_adults(view, risk, found) for risk, found in present.items()])} in the last "
            f"{spoken_period(cfg['risk_window_days'])}, "
            f"and is {listing(reasons)}."
        )
        alerts.append(
            Alert(
                code="INFANT_VULNERABILITY",
                severity="high",
                first_met_on=first,
                evidence=evidence_of(relied),
                explanation=explanation,
                children=(child,),
                adults=adults_named(view, relied),
            )
        )
    return alerts


def _infant_first_met(
    view: FamilyView,
    *,
    born: date,
    risks: dict[str, list[Entry]],
    factors: dict[str, tuple[date, Entry | None]],
    cfg: dict[str, Any],
) -> date | None:
    """When the baby's current spell as a vulnerable infant in a household at risk began, if it goes on."""
    window = days(cfg["risk_window_days"])
    infant_until = born + days(cfg["infant_days"])
    young_until = born + days(cfg["always_under_days"])

    def holds(day: date) -> bool:
        at_risk = any(view.between(day - window, day, found) for found in risks.values())
        has_factor = any(since <= day for since, _ in factors.values())
        return born <= day < infant_until and at_risk and (day < young_until or has_factor)

    risk_dates = [entry.date.start for found in risks.values() for entry in found]
    changes = window_changes(risk_dates, window) | {born, young_until, infant_until}
    changes |= {since for since, _ in factors.values()}
    return condition_start(as_of=view.as_of, changes=changes, holds=holds)


def _infant_risks(view: FamilyView) -> dict[str, list[Entry]]:
    strands = trio_strands(view)
    return {
        "domestic abuse": [entry for incident in da_incidents(view) for entry in incident.entries],
        "substance misuse": strands["parental substance or alcohol misuse"],
    }


def _infant_factors(view: FamilyView, child: str, cfg: dict[str, Any]) -> dict[str, tuple[date, Entry | None]]:
    """Each vulnerability of the baby found, with the day it was first known and the entry saying so."""
    about = [entry for entry in view.household_entries if child in view.subjects(entry)]
    tests: dict[str, Callable[[Entry], bool]] = {
        "born prematurely": lambda e: "prematurity" in e.tags,
        "admitted to special care": lambda e: e.event_type == "scbu_admission",
        "one of a multiple birth": lambda e: "multiple_birth" in e.tags,
    }
    factors: dict[str, tuple[date, Entry | None]] = {}
    for why, test in tests.items():
        found = next((entry for entry in about if test(entry)), None)
        if found is not None:
            factors[why] = (found.date.start, found)
    sibling_under_five = _sibling_under_five_since(view, child, cfg)
    if sibling_under_five is not None:
        factors["living with another child under 5"] = (sibling_under_five, None)
    return factors


def _sibling_under_five_since(view: FamilyView, child: str, cfg: dict[str, Any]) -> date | None:
    born = view.birth_date(child)
    assert born is not None
    for other in view.household.children:
        other_born = view.birth_date(other)
        if other == child or other_born is None:
            continue
        under_five_until = other_born + days(cfg["young_sibling_days"])
        since = max(born, other_born)
        if since < under_five_until:
            return since
    return None


@indicator(
    "INJURY_YOUNG_CHILD",
    title="Injury to a young child not referred",
    group="Cumulative risk",
    reference="000 §96–97",
)
def injury_young_child(view: FamilyView, cfg: dict[str, Any]) -> list[Alert]:
    """An injury, burn or bruise to a child under 2 (any bruise on a baby not yet mobile) or to any child
    on a plan, not followed within 2 working days by a referral to children's social care, a strategy
    discussion or a child protection medical; the professional who saw the injury noting it, or a
    routine consultation, does not count (high).

    Any injury to a baby not yet mobile (under `not_mobile_days`) or to a child on a plan counts. An
    injury to a mobile child under 2 that the professional recorded as an accident consistent with
    the explanation given does not, unless the record also doubts it.

    Records in the following days that note an injury already seen (a hospital letter, a follow-up
    call) are the same injury, not new ones. One alert per child, listing each injury not followed up
    whose deadline passed in the last `relevant_days`.
    """
    recorded = _injuries(view, cfg)
    alerts = []
    for child in view.children:
        lapses = []
        injuries = [e for e in recorded if child in view.subjects(e)]
        for incident in _one_per_injury(view.incidents(injuries), cfg):
            if not any(_injury_is_the_childs(view, child, e, cfg) for e in incident.entries):
                continue
            if not _injury_counts(view, child, incident, cfg):
                continue
            late = day_after_deadline(incident.day, working_days=cfg["respond_within_working_days"])
            recent = view.as_of - late <= days(cfg["relevant_days"])
            if late <= view.as_of and recent and not _injury_followed_up(view, child, incident, late, cfg):
                lapses.append((late, incident))
        if not lapses:
            continue
        relied = [entry for _, incident in lapses for entry in incident.entries]
        count = len(lapses)
        explanation = (
            f"{count} injur{'ies' if count != 1 else 'y'} to {view.name(child)} "
            f"{spoken_span(lapses[0][1].day, lapses[-1][1].day)} not followed within "
            f"{cfg['respond_within_working_days']} working days by a referral to children's social care, "
            f"a strategy discussion or a child protection medical."
        )
        alerts.append(
            Alert(
                code="INJURY_YOUNG_CHILD",
                severity="high",
                first_met_on=lapses[0][0],
                evidence=evidence_of(relied),
                explanation=explanation,
                children=(child,),
                adults=adults_named(view, relied),
            )
        )
    return alerts


_SENTENCES = re.compile(r"(?<=[.!?;])\s+|\n+")


def _injuries(view: FamilyView, cfg: dict[str, Any]) -> list[Entry]:
    """Injury entries, and other records tagged with a physical injury; not the birth record (marks of
    the delivery), nor a record of a birthmark on a body map (there to tell it from a bruise) that names
    no injury."""
    return [
        entry
        for entry in view.entries
        if entry.event_type == "injury"
        or (
            "physical_injury" in entry.tags
            and entry.event_type not in PROCESS_EVENTS | INJURY_RESPONSES | {"birth"}
            and not (_mentions(entry, cfg["birthmark_phrases"]) and not _mentions(entry, cfg["injury_words"]))
        )
    ]


def _injury_is_the_childs(view: FamilyView, child: str, entry: Entry, cfg: dict[str, Any]) -> bool:
    """Whether the injury a record notes is this child's: a record of an injury event about this child
    alone; a record about this child alone that names an injury; or a sentence naming an injury
    together with the child (by name, or as "baby" or "child" when the record is about no other
    child). Never when the record says the injury is another child's. An adult's cut at an incident
    the children were present for, or a child hitting a classmate, is not the child's injury."""
    subjects = view.subjects(entry)
    text = entry.text().lower()
    if entry.event_type == "injury" and subjects == (child,):
        return True
    if any(phrase in text for phrase in cfg["other_child_phrases"]):
        return False
    if subjects == (child,):
        return any(word in text for word in cfg["injury_words"])
    other_children = [pid for pid in subjects if pid != child and view.is_child(pid, entry.date.start)]
    words = set(_names_of(view, child)) | (set() if other_children else set(cfg["child_words"]))
    naming = re.compile(r"\b(?:" + "|".join(re.escape(word) for word in sorted(words)) + r")\b")
    return any(
        any(word in sentence for word in cfg["injury_words"]) and naming.search(sentence)
        for sentence in _SENTENCES.split(text)
    )


def _names_of(view: FamilyView, child: str) -> list[str]:
    """The words records use for a child: every given name and known-as name, in lower case."""
    person = view.persons.get(child)
    if person is None:
        return []
    names = {word for record in person.records for word in record.given_names.lower().split()}
    names |= {word for record in person.records for alias in record.known_as for word in alias.lower().split()}
    names |= set(person.display_name.lower().split()[:1])
    return sorted(name for name in names if len(name) > 1)


def _one_per_injury(incidents: list[Incident], cfg: dict[str, Any]) -> list[Incident]:
    """Join to an injury the records of the next `same_injury_days` days that say it had already been
    seen (a hospital letter, a follow-up call, a nursery's existing-injury form): one injury, however
    many professionals later note it."""
    joined: list[Incident] = []
    for incident in incidents:
        last = joined[-1] if joined else None
        if (
            last is not None
            and incident.day - last.day <= days(cfg["same_injury_days"])
            and all(_mentions(entry, cfg["already_seen_phrases"]) for entry in incident.entries)
        ):
            joined[-1] = Incident(last.day, (*last.entries, *incident.entries), last.people | incident.people)
        else:
            joined.append(incident)
    return joined


def _injury_counts(view: FamilyView, child: str, incident: Incident, cfg: dict[str, Any]) -> bool:
    """An injury to a child on a plan, to a baby not yet mobile, or to a child under 2 that the
    professional who saw it did not record as an accident consistent with the explanation given
    (or that any record of it doubts)."""
    if view.open_plan(child, incident.day) is not None:
        return True
    born = view.birth_date(child)
    if born is None or not born <= incident.day < born + days(cfg["under_age_days"]):
        return False
    if incident.day < born + days(cfg["not_mobile_days"]):
        return True
    if any(_mentions(entry, cfg["doubt_phrases"]) for entry in incident.entries):
        return True
    return not any(_mentions(entry, cfg["accident_phrases"]) for entry in incident.entries)


def _mentions(entry: Entry, phrases: list[str]) -> bool:
    text = entry.text().lower()
    return any(phrase in text for phrase in phrases)


def _injury_followed_up(
    view: FamilyView, child: str, incident: Incident, first_late_day: date, cfg: dict[str, Any]
) -> bool:
    phrases = [phrase.lower() for phrase in cfg["medical_phrases"]]
    for entry in view.between(incident.day, first_late_day - timedelta(days=1)):
        if entry in incident.entries:
            continue
        subjects = view.subjects(entry)
        if subjects and child not in subjects:
            continue
        text = entry.text().lower()
        if entry.event_type in INJURY_RESPONSES or any(phrase in text for phrase in phrases):
            return True
    return False


@indicator(
    "PARENT_HISTORY",
    title="Parent's history not assessed",
    group="Cumulative risk",
    reference="003 learning point 1, 4.7; 000 §81, §135",
)
def parent_history(view: FamilyView, cfg: dict[str, Any]) -> list[Alert]:
    """An adult of the household has a recorded history (adverse childhood, earlier abusive
    relationships, children previously removed, older child in care) that no assessment entry in the
    last 12 months refers to (medium).

    An assessment refers to a history when it is about the adult and carries the history's tags, names
    the other people in it (the child in care, the earlier partner) or points at its record.
    """
    window = days(cfg["assessment_window_days"])
    alerts = []
    for adult in view.household.adults:
        history = _history_of(view, adult)
        if not history:
            continue
        referring = [
            a.date.start for a in _assessments_about(view, adult) if any(_refers(view, a, h) for h, _ in history)
        ]
        first = max(
            min(entry.date.start for entry, _ in history),
            max(referring, default=date.min) + window + timedelta(days=1),
        )
        if first > view.as_of:
            continue
        kinds = sorted({kind for _, kind in history})
        explanation = (
            f"{view.name(adult)} has a recorded history of {listing(kinds)}, and no assessment in the last "
            f"{spoken_period(cfg['assessment_window_days'])} refers to it."
        )
        alerts.append(
            Alert(
                code="PARENT_HISTORY",
                severity="medium",
                first_met_on=first,
                evidence=evidence_of(entry for entry, _ in history),
                explanation=explanation,
                children=view.household.children,
                adults=(adult,),
            )
        )
    return alerts


def _history_of(view: FamilyView, adult: str) -> list[tuple[Entry, str]]:
    """The entries recording the adult's history, each with the kind of history it shows."""
    household = set(view.household.members)
    away = set(view.children_outside_household)
    history: list[tuple[Entry, str]] = []
    for entry in view.about([adult]):
        others = set(view.subjects(entry)) - {adult}
        if "parental_adverse_childhood" in entry.tags:
            history.append((entry, "adverse childhood"))
        elif entry.event_type == "care_proceedings" and not others & set(view.household.children):
            history.append((entry, "children previously removed"))
        elif others & away:
            history.append((entry, "a child living away from home"))
        elif entry.tags & DA_TAGS and any(_earlier_partner(view, pid, entry) for pid in others - household):
            history.append((entry, "an earlier abusive relationship"))
    return history


def _earlier_partner(view: FamilyView, person: str, entry: Entry) -> bool:
    """Whether someone named in an entry could be a partner then: an adult on the day, not in a child's or
    sibling's role (an older child named in a domestic abuse record of their childhood is not)."""
    role = view.persons[person].role if person in view.persons else ""
    return person in view.adults and not view.is_child(person, entry.date.start) and role not in CHILD_ROLES


def _assessments_about(view: FamilyView, adult: str) -> list[Entry]:
    return [entry for entry in view.about([adult]) if entry.event_type in ASSESSMENT_EVENTS]


def _refers(view: FamilyView, assessment: Entry, history: Entry) -> bool:
    others = set(view.subjects(history)) - set(view.subjects(assessment))
    named_all = not others and len(view.subjects(history)) > 1
    shared_tags = assessment.tags & history.tags & ({"parental_adverse_childhood"} | DA_TAGS)
    return bool(assessment.related_record == history.record_id or named_all or shared_tags)
