"""The adults who pose the risk: are the people who harm seen, assessed and held to account?
(indicators.md, "The adults who pose the risk").

Most rules here are about an *adult linked to domestic abuse*: an adult named in the household's
domestic abuse incidents as the alleged perpetrator (`da_perpetrators`). Each function quotes its
catalogue rule in its docstring; its numbers come from thresholds.toml.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Any

from safechron.chronology.model import Entry
from safechron.indicators.agencies import CONFERENCES
from safechron.indicators.base import Alert, evidence_of, indicator
from safechron.indicators.common import (
    PlanRun,
    counted,
    current_lapses,
    frequent_run,
    in_words,
    known_names,
    mentions,
    plan_run,
    recent_run,
)
from safechron.indicators.context import (
    FamilyView,
    Incident,
    day_after_deadline,
    spoken_day,
    spoken_period,
    spoken_span,
)
from safechron.indicators.cumulative import MOTHER_ROLES, SERIOUS_DA_TAGS, da_incidents, da_pattern
from safechron.vocabulary import PARENT_ROLES

__all__ = ["da_perpetrators", "no_contact_terms", "strategy_meeting_within"]

GROUP = "The adults who pose the risk"


#: Roles in which an adult named in a domestic abuse incident is taken as the alleged perpetrator,
#: unless the records name someone else explicitly.
PERPETRATOR_ROLES = frozenset({"father", "stepfather", "partner"})
NON_COMPLIANCE_EVENTS = frozenset({"probation_missed", "order_breach", "arrest", "charge", "conviction"})
RELEASE_EVENTS = frozenset({"release_from_custody", "bail"})
#: Entries where a plan or agreement about who may see the children is set down.
PLAN_RECORDS = frozenset(
    {"written_agreement", "cp_plan_start", "icpc", "rcpc", "core_group", "discharge_planning", "strategy_discussion"}
)
NON_ENGAGEMENT_EVENTS = frozenset({"missed_appointment", "antenatal_missed", "probation_missed", "no_access_visit"})
ASSESSMENT_EVENTS = frozenset({"assessment_requested", "assessment_started", "pre_birth_assessment"})

_ROLE_WORD = r"(?:perpetrator|suspect)"
_ROLE_MENTIONED = re.compile(_ROLE_WORD, re.IGNORECASE)
_GAP = r"(?:\s*(?:was|is|as|the|alleged|suspected|named|identified|a|an|being|primary)\b|\s*[:(\-–,])*\s*"
_NO_CONTACT = re.compile(
    r"\bno (?:unsupervised )?contact\b|\bsupervised contact only\b|\bstays? away\b|\bkeep \w+ away\b"
    r"|\bnot (?:to|allowed to|permitted to|be allowed to) (?:live|reside|stay|return|have contact|visit|be at|be in)"
    r"|\bmust not (?:live|reside|stay|visit|have contact|return|be at|be in)",
    re.IGNORECASE,
)
_TO_CHILD = re.compile(
    r"\b(?:family home|family address|home address|same address|child(?:ren)?'?s? (?:home|address))"
    r"|\b(?:mother|mum|partner)'?s? (?:home|address|house|property)"
    r"|\bmoves? back\b|\bmoving back\b|\breturn(?:s|ed|ing)? (?:home|to the family)"
    r"|\bresid\w* (?:at|with)\b|\blives? (?:with|at)\b"
    r"|(?<!no )(?<!not )(?<!not to have )\bcontact with (?:the )?(?:child|children)",
    re.IGNORECASE,
)
_RELEASE_WORDS = re.compile(r"\brelease\w*|\bbail\w*|\bcurfew\b", re.IGNORECASE)
_SEPARATE = re.compile(
    r"\bend (?:the|their|her) relationship|\bseparat\w+|\bexclude\w*|\bmust (?:call|contact|ring) (?:the )?police",
    re.IGNORECASE,
)
_DASH_HIGH = re.compile(
    r"\bDASH\b[^.;]{0,60}(?<!not )\bhigh\b|(?<!not )\bhigh[- ]risk\b[^.;]{0,40}\bDASH\b", re.IGNORECASE
)
_NOT_DONE = re.compile(
    r"\b(?:refus\w*|declin\w*)\b|\bdid not (?:engage|attend|take part)|\bnot (?:been )?(?:seen|assessed|completed)",
    re.IGNORECASE,
)
_RISK_ASSESSMENT = re.compile(
    r"\b(?:risk|parenting|psychological|cognitive|specialist|perpetrator|OASys)\b[^.;]{0,30}\bassessment"
    r"|\bassessment of (?:the )?risk",
    re.IGNORECASE,
)
_NO_CHARGE = re.compile(
    r"\bno further action\b|\bNFA\b|\bno charges?\b|\bnot (?:be )?charged\b|\bnot to (?:charge|prosecute)\b",
    re.IGNORECASE,
)
_ABUSE_WORDS = re.compile(r"\bsexual\w*|\bphysical abuse|\bassault\w*|\bnon[- ]accidental|\binjur\w*", re.IGNORECASE)
#: Threats of harm, not of a complaint or legal action ("threatened to sue" is not a threat to a worker's safety).
_THREAT_WORDS = re.compile(
    r"\bthreat\w*\b(?!\s+(?:of\s+)?(?:legal|to complain|a complaint|to sue|court|a solicitor|to report|the press))"
    r"|\bassault\w*|\bviolen\w*|\battack\w*|\bthrew\b|\bhit\b",
    re.IGNORECASE,
)
_REFUSAL = re.compile(
    r"\b(?:refus\w*|declin\w*)\b[^.;]{0,40}\b(?:assessment|to engage|to take part|to participate|to co-?operate"
    r"|to work with|visit|entry|access)",
    re.IGNORECASE,
)
_REFUSED = re.compile(r"\b(?:refus\w*|declin\w*)\b", re.IGNORECASE)
_ASSESSMENT_OR_VISIT = re.compile(r"\bassessment\b|\bvisit\b", re.IGNORECASE)
_NOT_ATTENDED = re.compile(
    r"\b(?:did not|didn't|failed to|refused to|declined to) attend\b|\bnon[- ]attendance\b|\bneither parent attended\b",
    re.IGNORECASE,
)


# -- shared helpers ------------------------------------------------------------------------------


def _named_as_perpetrator(view: FamilyView, person_id: str, text: str) -> bool:
    if not _ROLE_MENTIONED.search(text):  # most records name no perpetrator or suspect: skip the name patterns
        return False
    for name in known_names(view, person_id):
        who = re.escape(name)
        if re.search(rf"\b{who}\b{_GAP}{_ROLE_WORD}|\b{_ROLE_WORD}{_GAP}\b{who}\b", text, re.IGNORECASE):
            return True
    return False


def da_perpetrators(view: FamilyView) -> dict[str, list[Entry]]:
    """Adults linked to domestic abuse in the household, each with the entries that link them.

    For each domestic abuse incident of the household (counted once across agencies): the adults
    the records explicitly name as perpetrator or suspect; if none is named, the adults of the
    incident in a father's, stepfather's or partner's role in any agency's record.
    """
    linked: dict[str, list[Entry]] = {}
    for incident in da_incidents(view):
        adults = sorted(pid for pid in incident.people if not view.is_child(pid, incident.day))
        text = " ".join(entry.text() for entry in incident.entries)
        named = [pid for pid in adults if _named_as_perpetrator(view, pid, text)]
        for pid in named or [pid for pid in adults if _in_partner_role(view, pid)]:
            linked.setdefault(pid, []).extend(incident.entries)
    return linked


def _in_partner_role(view: FamilyView, person_id: str) -> bool:
    """Whether the person is a father, stepfather or partner as any agency records them: agencies that
    know them only as "other adult" (an ambulance crew, a hospital ward) do not outvote children's
    social care's "stepfather". A mother whom the police record as the "partner" of the man they were
    called to is not thereby linked to the abuse: that takes a record naming her as perpetrator."""
    person = view.persons[person_id]
    if person.role in MOTHER_ROLES:
        return False
    return person.role in PERPETRATOR_ROLES or any(record.role in PERPETRATOR_ROLES for record in person.records)


def strategy_meeting_within(view: FamilyView, start: date, deadline: date) -> bool:
    """Whether a strategy discussion is recorded from `start` up to the day before `deadline`."""
    return any(start <= e.date.start < deadline for e in view.of_type("strategy_discussion"))


def _without_strategy_meeting(
    view: FamilyView, incidents: list[Incident], *, working_days: int
) -> list[tuple[str, date, Incident]]:
    """The incidents with no strategy discussion within `working_days` working days, as lapses of the
    household from the day the deadline passed (for `current_lapses`)."""
    lapses: list[tuple[str, date, Incident]] = []
    for incident in incidents:
        deadline = day_after_deadline(incident.day, working_days=working_days)
        if not strategy_meeting_within(view, incident.day, deadline):
            lapses.append(("household", deadline, incident))
    return lapses


def no_contact_terms(view: FamilyView, adult: str, *, until: date, since: date) -> list[Entry]:
    """Plans and agreements between two days that say the adult is to have no contact or live elsewhere."""
    return [
        e
        for e in view.between(since, until, view.of_type(*PLAN_RECORDS))
        if _NO_CONTACT.search(e.text()) and (adult in view.subjects(e) or mentions(view, adult, e.text()))
    ]


def _assesses(view: FamilyView, assessment: Entry, adult: str) -> bool:
    """A completed assessment of the adult: about them, or naming them in a risk or parenting assessment
    (an assessment that only mentions them, or that they refused, is not one)."""
    text = assessment.text()
    if _NOT_DONE.search(text):
        return False
    return adult in view.subjects(assessment) or (bool(_RISK_ASSESSMENT.search(text)) and mentions(view, adult, text))


def _earliest_plan(view: FamilyView) -> PlanRun | None:
    runs = [run for child in view.children_on_plan() if (run := plan_run(view, child)) is not None]
    return min(runs, key=lambda run: run.start) if runs else None


# -- indicators ----------------------------------------------------------------------------------


@indicator(
    "PERPETRATOR_NOT_ASSESSED",
    title="Risk from the perpetrator not assessed",
    group=GROUP,
    reference="000 §189, §192, Rec 200",
)
def perpetrator_not_assessed(view: FamilyView, cfg: dict[str, Any]) -> list[Alert]:
    """An adult linked to domestic abuse in the household has no completed assessment of the risk they
    pose (a risk or parenting assessment naming them) during an open plan of 3 months or more; passing
    contacts such as phone calls or seeing them at the door do not count (high)."""
    run = _earliest_plan(view)
    if run is None:
        return []
    plan_due = run.start + timedelta(days=cfg["plan_days"])
    on_plan = view.children_on_plan()
    alerts = []
    for adult, linked in da_perpetrators(view).items():
        assessed = [
            e for e in view.of_type("assessment_completed") if e.date.start >= run.start and _assesses(view, e, adult)
        ]
        first = max(plan_due, linked[0].date.start)
        if assessed or first > view.as_of:
            continue
        incidents = len({e.date.start for e in linked})
        alerts.append(
            Alert(
                code="PERPETRATOR_NOT_ASSESSED",
                severity="high",
                first_met_on=first,
                evidence=evidence_of([run.start_entry, *linked]),
                explanation=(
                    f"{view.name(adult)} is named in {incidents} domestic abuse incident{'s' if incidents > 1 else ''} "
                    f"{spoken_span(linked[0].date.start, linked[-1].date.start)}, and {view.names(on_plan)} "
                    f"{'has' if len(on_plan) == 1 else 'have'} been on a plan since {spoken_day(run.start)}, "
                    f"but no completed assessment of the risk {view.name(adult)} poses is recorded."
                ),
                children=on_plan,
                adults=(adult,),
            )
        )
    return alerts


@indicator(
    "PERPETRATOR_NON_COMPLIANCE",
    title="Perpetrator not complying",
    group=GROUP,
    reference="000 §75–76, §105",
)
def perpetrator_non_compliance(view: FamilyView, cfg: dict[str, Any]) -> list[Alert]:
    """An adult linked to domestic abuse misses probation appointments, breaches an order or bail, or
    offends again while a child of the household is on a plan (high).

    Shown while the latest such event is within `relevant_days`.
    """
    alerts = []
    for adult in da_perpetrators(view):
        events = [e for e in view.about([adult]) if _non_compliance(e) and view.children_on_plan(e.date.start)]
        start = recent_run(view, (e.date.start for e in events), relevant_days=cfg["relevant_days"])
        if start is None:
            continue
        current = [e for e in events if e.date.start >= start]
        kinds = ", ".join(dict.fromkeys(in_words(e.event_type) for e in current))
        alerts.append(
            Alert(
                code="PERPETRATOR_NON_COMPLIANCE",
                severity="high",
                first_met_on=start,
                evidence=evidence_of(current),
                explanation=(
                    f"{view.name(adult)}, who is linked to domestic abuse in the household, has {len(current)} "
                    f"record{'s' if len(current) > 1 else ''} of non-compliance or further offending ({kinds}) "
                    f"{spoken_span(current[0].date.start, current[-1].date.start)} while a child was on a plan."
                ),
                children=view.household.children,
                adults=(adult,),
            )
        )
    return alerts


def _dates(entries: list[Entry]) -> str:
    """'on 4 April 2016' or 'on 4 April 2016 and 2 more dates' for records of one thing."""
    more = len({e.date.start for e in entries}) - 1
    return f"on {entries[0].date.display()}" + (f" and {more} more date{'s' if more > 1 else ''}" if more else "")


def _non_compliance(entry: Entry) -> bool:
    if entry.event_type in NON_COMPLIANCE_EVENTS:
        return True
    if entry.event_type == "missed_appointment" and entry.agency_type == "probation":
        return True
    return entry.event_type == "bail" and "breach" in entry.text().lower()


@indicator(
    "RELEASE_INTO_HOUSEHOLD",
    title="Released into the household against the plan",
    group=GROUP,
    reference="000 §131, §141–144",
)
def release_into_household(view: FamilyView, cfg: dict[str, Any]) -> list[Alert]:
    """An adult linked to domestic abuse is released from custody, or bailed, to the child's address or
    with contact, while a plan or agreement says no contact (high).

    A plan or agreement counts when made within `agreement_days` before the release.
    """
    alerts = []
    for adult in da_perpetrators(view):
        releases = [
            e
            for e in view.about([adult])
            if (e.event_type in RELEASE_EVENTS or _RELEASE_WORDS.search(e.text())) and _TO_CHILD.search(e.text())
        ]
        against: dict[tuple[str, str], list[Entry]] = {}
        for release in releases:
            day = release.date.start
            terms = no_contact_terms(view, adult, until=day, since=day - timedelta(days=cfg["agreement_days"]))
            if terms:
                against[release.key] = terms
        found = [r for r in releases if r.key in against]
        start = recent_run(view, (r.date.start for r in found), relevant_days=cfg["relevant_days"])
        if start is None:
            continue
        current = [r for r in found if r.date.start >= start]
        terms = against[current[-1].key]
        alerts.append(
            Alert(
                code="RELEASE_INTO_HOUSEHOLD",
                severity="high",
                first_met_on=start,
                evidence=evidence_of([*current, *terms]),
                explanation=(
                    f"Release or bail to the children's home, or with contact, is recorded for {view.name(adult)}, "
                    f"who is linked to domestic abuse in the household ({_dates(current)}), while the "
                    f"{in_words(terms[-1].event_type)} of {terms[-1].date.display()} said no contact."
                ),
                children=view.household.children,
                adults=(adult,),
            )
        )
    return alerts


@indicator(
    "SEPARATION_RISK",
    title="Separation in high-risk domestic abuse",
    group=GROUP,
    reference="000 §69, §101, §123, §157",
)
def separation_risk(view: FamilyView, cfg: dict[str, Any]) -> list[Alert]:
    """In a household where domestic abuse is high risk (DA_PATTERN met, DASH high, weapon, threat to kill
    or strangulation), the victim separates, or a plan or agreement requires her to exclude or separate from
    the perpetrator: separation raises the risk of serious harm and the plan should say how the victim and
    children are protected (high). A separation in a standard-risk case does not fire it.

    The evidence is the separations and agreements of the current run, and the records that made the risk
    high when the latest of them was made (what the explanation gives).
    """
    perpetrators = da_perpetrators(view)
    if not perpetrators:
        return []
    household = set(view.household.members)
    da_cfg = view.thresholds.for_code("DA_PATTERN")
    graded_high = frozenset(e.key for e in view.entries if e.event_type == "marac" or _dash_high(e))
    separations = []
    for e in view.entries:
        about_household = household.intersection(view.subjects(e))
        agreed = e.event_type in PLAN_RECORDS and (_SEPARATE.search(e.text()) or _NO_CONTACT.search(e.text()))
        if (about_household and "separation" in e.tags) or agreed:
            reasons, relied = _high_risk(
                view.earlier(e.date.start), da_cfg, lookback_days=cfg["risk_lookback_days"], graded=graded_high
            )
            if reasons:
                separations.append((e, reasons, relied))
    start = recent_run(view, (e.date.start for e, _, _ in separations), relevant_days=cfg["relevant_days"])
    if start is None:
        return []
    current = [found for found in separations if found[0].date.start >= start]
    latest, reasons, risk_records = current[-1]
    perpetrator_ids = tuple(perpetrators)
    victims = tuple(
        pid
        for pid in view.household.adults
        if pid not in perpetrators
        and view.persons[pid].role in PARENT_ROLES
        and any(pid in view.subjects(e) for found in perpetrators.values() for e in found)
    )
    relied = [found[0] for found in current] + risk_records  # the risk as it stood at the latest separation
    what = "a separation" if "separation" in latest.tags else f"the {in_words(latest.event_type)}"
    return [
        Alert(
            code="SEPARATION_RISK",
            severity="high",
            first_met_on=start,
            evidence=evidence_of(relied),
            explanation=(
                f"Domestic abuse by {view.names(perpetrator_ids)} is high risk ({'; '.join(reasons)}), and "
                f"{what} on {latest.date.display()} means {view.names(victims) or 'the victim'} separating or "
                f"keeping {view.names(perpetrator_ids)} away. Separation is when the risk of serious harm is "
                f"highest: the plan should say how {view.names(victims) or 'the victim'} and the children are "
                f"protected."
            ),
            children=view.household.children,
            adults=victims + perpetrator_ids,
        )
    ]


def _high_risk(
    view: FamilyView, da_cfg: dict[str, Any], *, lookback_days: int, graded: frozenset[tuple[str, str]]
) -> tuple[list[str], list[Entry]]:
    """Why domestic abuse in the household is high risk as known on the view's day, with the entries relied on.

    `graded` are the keys of the entries that grade the risk high (a MARAC, a DASH graded high), read once."""
    reasons: list[str] = []
    relied: list[Entry] = []
    pattern = da_pattern(view, da_cfg)
    if pattern:
        reasons.append(pattern[0].explanation.rsplit(" (within", 1)[0].rstrip("."))
        relied += [e for ev in pattern[0].evidence if (e := view.by_key(ev.agency, ev.record_id)) is not None]
    since = view.as_of - timedelta(days=lookback_days)
    recent: list[Incident] = [i for i in da_incidents(view) if i.day >= since]
    serious = [e for i in recent for e in i.entries if e.tags & SERIOUS_DA_TAGS]
    if serious and not pattern:
        reasons.append(f"a weapon, a threat to kill or strangulation on {serious[-1].date.display()}")
        relied += serious
    high = [e for e in view.between(since, view.as_of) if e.key in graded]
    if high:
        reasons.append(f"assessed as high risk (DASH or MARAC) on {high[-1].date.display()}")
        relied += high
    return reasons, relied


def _dash_high(entry: Entry) -> bool:
    """A DASH risk assessment graded high: in the entry's words, or in a DASH column of the agency's export."""
    if _DASH_HIGH.search(entry.text()):
        return True
    return any("dash" in column.lower() and value.strip().lower() == "high" for column, value in entry.extra.items())


@indicator(
    "NO_CHARGE_RISK_REMAINS",
    title="No charge, but the risk remains",
    group=GROUP,
    reference="003 learning point 3, 4.20–4.23",
)
def no_charge_risk_remains(view: FamilyView, cfg: dict[str, Any]) -> list[Alert]:
    """An allegation of physical or sexual abuse ends in no further action or no charge by police, and no
    strategy meeting is recorded after it within 10 working days (high). The decisions still relevant make
    one alert for the household."""
    within = cfg["strategy_within_working_days"]
    decisions = view.incidents(e for e in view.entries if _no_charge_on_abuse(view, e))
    lapses = _without_strategy_meeting(view, decisions, working_days=within)
    alerts = []
    for start, current in current_lapses(view, lapses, relevant_days=cfg["relevant_days"]).values():
        decisions = [decision for _, decision in current]
        named = {pid for d in decisions for pid in _children_of_allegation(view, d)}
        children = tuple(pid for pid in view.children if pid in named)
        relied = [e for d in decisions for e in (*d.entries, *_allegations_of(view, d))]
        days = "; ".join(spoken_day(d.day) for d in decisions)
        alerts.append(
            Alert(
                code="NO_CHARGE_RISK_REMAINS",
                severity="high",
                first_met_on=start,
                evidence=evidence_of(relied),
                explanation=(
                    f"Police took no further action on {counted(len(decisions), 'allegation')} of abuse concerning "
                    f"{view.names(children)} ({days}), and no strategy meeting is recorded within {within} working "
                    f"days to ask whether the children are still at risk."
                ),
                children=children,
            )
        )
    return alerts


def _allegations_of(view: FamilyView, decision: Incident) -> list[Entry]:
    return [allegation for e in decision.entries if (allegation := _allegation_of(view, e)) is not None]


def _children_of_allegation(view: FamilyView, decision: Incident) -> tuple[str, ...]:
    relied = [*decision.entries, *_allegations_of(view, decision)]
    named = {pid for e in relied for pid in view.subjects(e) if pid in view.children}
    return tuple(sorted(named)) or view.household.children


def _allegation_of(view: FamilyView, entry: Entry) -> Entry | None:
    """The allegation or disclosure an entry refers to by related record, if any."""
    if not entry.related_record:
        return None
    found = view.by_key(entry.agency, entry.related_record) or next(
        (e for e in view.entries if e.record_id == entry.related_record), None
    )
    return found if found is not None and found.event_type in {"allegation", "disclosure"} else None


def _no_charge_on_abuse(view: FamilyView, entry: Entry) -> bool:
    """A police decision of no further action or no charge on an allegation of physical or sexual abuse of a child."""
    by_police = entry.agency_type in {"police", "legal"}
    if not (entry.event_type == "no_further_action" or (by_police and _NO_CHARGE.search(entry.outcome))):
        return False
    if not by_police and not re.search(r"\bpolice\b|\bCPS\b", entry.text(), re.IGNORECASE):
        return False
    allegation = _allegation_of(view, entry)
    about = [*view.subjects(entry), *(view.subjects(allegation) if allegation else ())]
    abuse = (
        allegation is not None
        or bool(entry.tags & {"physical_injury", "sexual_abuse"})
        or bool(_ABUSE_WORDS.search(entry.text()))
    )
    return abuse and (any(pid in view.children for pid in about) or "sexual_abuse" in entry.tags)


@indicator(
    "THREATS_TO_PROFESSIONALS",
    title="Threats to professionals",
    group=GROUP,
    reference="003 4.14–4.16, Rec 3",
)
def threats_to_professionals(view: FamilyView, cfg: dict[str, Any]) -> list[Alert]:
    """A threat or violence towards a professional is recorded, with no strategy meeting within 10 working
    days (high). The threats still relevant make one alert for the household."""
    threats = view.incidents(
        e
        for e in view.entries
        if e.event_type == "threat_to_professional"
        or ("hostility_to_professionals" in e.tags and _THREAT_WORDS.search(e.text()))
    )
    within = cfg["strategy_within_working_days"]
    lapses = _without_strategy_meeting(view, threats, working_days=within)
    alerts = []
    for start, current in current_lapses(view, lapses, relevant_days=cfg["relevant_days"]).values():
        days = "; ".join(spoken_day(threat.day) for _, threat in current)
        named = {pid for _, threat in current for pid in threat.people if not view.is_child(pid, threat.day)}
        adults = tuple(pid for pid in view.persons if pid in named)
        alerts.append(
            Alert(
                code="THREATS_TO_PROFESSIONALS",
                severity="high",
                first_met_on=start,
                evidence=evidence_of(e for _, threat in current for e in threat.entries),
                explanation=(
                    f"{view.names(adults) or 'A family member'} threatened or used violence towards a professional "
                    f"({days}), and no strategy meeting is recorded within {within} working days to consider what "
                    f"this means for {view.names(view.household.children) or 'the children'} at home."
                ),
                children=view.household.children,
                adults=adults,
            )
        )
    return alerts


@indicator(
    "HOSTILE_NON_ENGAGEMENT",
    title="Avoiding professionals",
    group=GROUP,
    reference="003 learning point 2; 000 §111, §119",
)
def hostile_non_engagement(view: FamilyView, cfg: dict[str, Any]) -> list[Alert]:
    """3 or more missed appointments, no-access visits, refusals of assessment or non-attendance at
    conferences within 3 months (medium). Several agencies recording one day's event count it once."""
    household = set(view.household.members)
    events = view.incidents(
        e
        for e in view.entries
        if _non_engagement(e) and (not view.subjects(e) or household.intersection(view.subjects(e)))
    )
    days = [event.day for event in events]
    start = frequent_run(view, days, window_days=cfg["window_days"], minimum=cfg["min_events"])
    if start is None:
        return []
    current = [event for event in events if view.as_of - timedelta(days=cfg["window_days"]) <= event.day]
    adults = tuple(pid for pid in view.household.adults if any(pid in event.people for event in current))
    everyone = (*view.household.adults, *view.household.children)
    named = tuple(pid for pid in everyone if any(pid in event.people for event in current))
    return [
        Alert(
            code="HOSTILE_NON_ENGAGEMENT",
            severity="medium",
            first_met_on=start,
            evidence=evidence_of(e for event in current for e in event.entries),
            explanation=(
                f"{len(current)} missed appointments, no-access visits, refusals or missed conferences "
                f"{spoken_span(current[0].day, current[-1].day)} involving {view.names(named) or 'the family'}, within "
                f"{spoken_period(cfg['window_days'])}: the family may be keeping professionals at arm's length."
            ),
            children=view.household.children,
            adults=adults,
        )
    ]


def _non_engagement(entry: Entry) -> bool:
    if entry.event_type in NON_ENGAGEMENT_EVENTS or entry.seen == "no_access":
        return True
    text = entry.text()
    if entry.event_type in CONFERENCES and _NOT_ATTENDED.search(text):
        return True
    refused_about = entry.event_type in ASSESSMENT_EVENTS or bool(_ASSESSMENT_OR_VISIT.search(text))
    return bool(_REFUSAL.search(text)) or (refused_about and bool(_REFUSED.search(text)))
