"""Plans that are not working: agreements, plans and assessments that stand still while risk goes on
(indicators.md).

Each function below is one row of the catalogue's "Plans that are not working" table; its docstring
quotes the rule and its thresholds come from the table of the same code in thresholds.toml.

Follow-ups are matched to what they follow: an entry whose `related_record` names the earlier
record belongs to it; otherwise the first later entry of the right type about the same people
(or naming nobody) that no earlier record has already claimed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from safechron.chronology.model import Entry
from safechron.indicators.base import Alert, evidence_of, indicator
from safechron.indicators.common import adults_named, listing
from safechron.indicators.context import (
    FamilyView,
    Incident,
    PlanPeriod,
    condition_start,
    day_after_deadline,
    days,
    ends_plans,
    spoken_day,
    spoken_period,
    spoken_span,
    window_changes,
)
from safechron.indicators.cumulative import DA_TAGS, PROCESS_EVENTS, da_incidents, pregnancies
from safechron.vocabulary import RISK_TAGS

__all__ = [
    "agreement_breached",
    "assessment_delayed",
    "plan_ended_with_actions_outstanding",
    "plan_unchanged_after_new_risk",
    "reassured_by_silence",
    "stuck_plan",
]

REVIEWS = frozenset({"core_group", "rcpc"})

#: Events that are harm or risk happening, whatever their tags.
RISK_EVENTS = frozenset(
    {
        "domestic_abuse_incident",
        "police_callout",
        "arrest",
        "injury",
        "overdose",
        "self_harm",
        "mental_health_crisis",
        "agreement_breach",
        "order_breach",
        "allegation",
        "disclosure",
    }
)
#: Tags that make an occurrence a risk event; the others describe circumstances, not harm.
CIRCUMSTANCE_TAGS = frozenset(
    {
        "pregnancy",
        "prematurity",
        "multiple_birth",
        "separation",
        "housing_instability",
        "debt",
        "social_isolation",
        "parental_adverse_childhood",
        "learning_disability",
    }
)
HARM_TAGS = frozenset(RISK_TAGS) - CIRCUMSTANCE_TAGS


@dataclass(frozen=True, slots=True)
class NewRiskKind:
    """A kind of significant new risk, and how a review shows it took it into account."""

    label: str
    tags: frozenset[str]
    words: tuple[str, ...]


NEW_RISKS: dict[str, NewRiskKind] = {
    "pregnancy_confirmed": NewRiskKind("a pregnancy", frozenset({"pregnancy"}), ("pregnan", "unborn")),
    "release_from_custody": NewRiskKind("a release from custody", frozenset(), ("release", "custody", "prison")),
    "domestic_abuse_incident": NewRiskKind("a domestic abuse incident", DA_TAGS, ("domestic", "assault")),
    "allegation": NewRiskKind(
        "an allegation",
        frozenset({"physical_injury", "sexual_abuse", "emotional_abuse"}),
        ("allegation", "alleged", "allege"),
    ),
}

ASSESSMENT_STARTS = frozenset({"assessment_started", "assessment_completed", "pre_birth_assessment"})
ASSESSMENT_ENDS = frozenset({"assessment_completed", "pre_birth_assessment"})

THRESHOLD_DECISIONS = frozenset(
    {"contact", "referral", "mash_decision", "strategy_discussion", "s47_enquiry", "assessment_completed"}
)
REPORT_EVENTS = frozenset(
    {
        "family_report",
        "public_report",
        "disclosure",
        "child_voice",
        "allegation",
        "professional_concern",
        "referral",
        "contact",
    }
)
SILENCE_KINDS: dict[str, frozenset[str]] = {
    "domestic abuse": DA_TAGS,
    "substance misuse": frozenset({"substance_misuse_parent", "alcohol_misuse_parent"}),
}


# -- shared helpers -----------------------------------------------------------------------------


def _plural(count: int, word: str, plural: str | None = None) -> str:
    return f"{count} {word if count == 1 else plural or word + 's'}"


def _same_people(view: FamilyView, a: Entry, b: Entry) -> bool:
    people_a, people_b = set(view.subjects(a)), set(view.subjects(b))
    return not people_a or not people_b or bool(people_a & people_b)


def _follow_ups(view: FamilyView, earlier: list[Entry], later: list[Entry]) -> dict[tuple[str, str], Entry]:
    """Match each earlier record to the entry that follows it up (see the module docstring)."""
    matched: dict[tuple[str, str], Entry] = {}
    claimed: set[tuple[str, str]] = set()
    for first in earlier:
        linked = [e for e in later if e.related_record == first.record_id and e.key not in claimed]
        unlinked = [
            e
            for e in later
            if not e.related_record
            and e.key not in claimed
            and e.date.start >= first.date.start
            and _same_people(view, first, e)
        ]
        candidates = linked or unlinked
        if candidates:
            matched[first.key] = candidates[0]
            claimed.add(candidates[0].key)
    return matched


def _risk_events(view: FamilyView) -> list[Incident]:
    """Harm or risk happening in the household, each incident once."""
    return view.incidents(
        entry
        for entry in view.household_entries
        if entry.event_type in RISK_EVENTS or (entry.event_type not in PROCESS_EVENTS and entry.tags & HARM_TAGS)
    )


# -- the indicators -----------------------------------------------------------------------------


@indicator(
    "AGREEMENT_BREACHED",
    title="Written agreement breached",
    group="Plans that are not working",
    reference="000 §102–106, §113, §134",
)
def agreement_breached(view: FamilyView, cfg: dict[str, Any]) -> list[Alert]:
    """A written agreement is breached twice, or a new written agreement is made after a breach of an
    earlier one (high).

    A breach is an `agreement_breach` entry, or any entry that points at an agreement by
    `related_record` and calls itself a breach. It belongs to the agreement its `related_record`
    names, otherwise to the latest agreement made before it. Breaches recorded by several agencies on
    one day count once. Shown while the last breach or agreement is within `relevant_days`.
    """
    agreements = [e for e in view.household_entries if e.event_type == "written_agreement"]
    agreement_ids = {a.record_id for a in agreements}
    breaches = view.incidents(
        e
        for e in view.household_entries
        if e.event_type == "agreement_breach" or (e.related_record in agreement_ids and "breach" in e.text().lower())
    )
    if not agreements or not breaches:
        return []
    breaches_of: dict[tuple[str, str], list[Incident]] = {}
    for breach in breaches:
        agreement = _agreement_breached(agreements, breach)
        if agreement is not None:
            breaches_of.setdefault(agreement.key, []).append(breach)
    triggers: list[tuple[date, str, list[Entry]]] = []
    for agreement in agreements:
        found = breaches_of.get(agreement.key, [])
        if len(found) >= cfg["min_breaches"]:
            nth = found[cfg["min_breaches"] - 1]
            triggers.append(
                (
                    nth.day,
                    f"the written agreement of {agreement.date.display()} was breached "
                    f"{_plural(len(found), 'time')} {spoken_span(found[0].day, found[-1].day)}",
                    [agreement, *(e for b in found for e in b.entries)],
                )
            )
        if found:
            renewed = next((a for a in agreements if a.date.start > found[0].day), None)
            if renewed is not None:
                triggers.append(
                    (
                        renewed.date.start,
                        f"a new agreement was made on {renewed.date.display()} after the agreement of "
                        f"{agreement.date.display()} was breached on {spoken_day(found[0].day)}",
                        [agreement, found[0].entries[0], renewed],
                    )
                )
    last = max([b.day for b in breaches] + [a.date.start for a in agreements])
    if not triggers or view.as_of - last > days(cfg["relevant_days"]):
        return []
    triggers.sort(key=lambda t: t[0])
    relied = [entry for _, _, entries in triggers for entry in entries]
    adults = adults_named(view, relied)
    who = view.names(adults) or "the family"
    sentences = "; ".join(dict.fromkeys(text for _, text, _ in triggers))
    return [
        Alert(
            code="AGREEMENT_BREACHED",
            severity="high",
            first_met_on=triggers[0][0],
            evidence=evidence_of(relied),
            explanation=f"Written agreements with {who} are not holding: {sentences}.",
            children=view.household.children,
            adults=adults,
        )
    ]


def _agreement_breached(agreements: list[Entry], breach: Incident) -> Entry | None:
    for entry in breach.entries:
        named = next((a for a in agreements if entry.related_record and a.record_id == entry.related_record), None)
        if named is not None:
            return named
    before = [a for a in agreements if a.date.start <= breach.day]
    return before[-1] if before else None


@indicator(
    "STUCK_PLAN",
    title="Child protection plan not making a difference",
    group="Plans that are not working",
    reference="000 §113–116, §151–152, Rec 203",
)
def stuck_plan(view: FamilyView, cfg: dict[str, Any]) -> list[Alert]:
    """A CP plan has been open 9 months or more and risk events continued in the last 3 months, or 3
    consecutive core groups or reviews record substantially the same actions (high).

    One alert for the household, naming each child whose child protection plan is stuck.
    """
    findings: list[tuple[date, str, str, list[Entry]]] = []
    for child in view.household.children:
        plan = view.open_plan(child, kind="cp")
        if plan is None:
            continue
        long_open = _risk_continues(view, plan, cfg)
        if long_open is not None:
            findings.append((long_open[0], child, long_open[1], long_open[2]))
        repeated = _same_actions(view, plan, cfg)
        if repeated is not None:
            findings.append((repeated[0], child, repeated[1], repeated[2]))
    if not findings:
        return []
    findings.sort(key=lambda f: f[0])
    children = tuple(dict.fromkeys(child for _, child, _, _ in findings))
    reasons = list(dict.fromkeys(text for _, _, text, _ in findings))
    relied = [entry for _, _, _, entries in findings for entry in entries]
    explanation = f"The child protection plan for {view.names(children)} is not making a difference: "
    explanation += "; ".join(reasons) + "."
    return [
        Alert(
            code="STUCK_PLAN",
            severity="high",
            first_met_on=findings[0][0],
            evidence=evidence_of(relied),
            explanation=explanation,
            children=children,
            adults=adults_named(view, relied),
        )
    ]


def _risk_continues(view: FamilyView, plan: PlanPeriod, cfg: dict[str, Any]) -> tuple[date, str, list[Entry]] | None:
    """When the plan had been open long enough with risk events still happening, if that is so now."""
    window = days(cfg["recent_risk_days"])
    long_from = plan.start + days(cfg["open_days"])
    events = _risk_events(view)

    def recent(day: date) -> list[Incident]:
        return [event for event in events if day - window <= event.day <= day]

    def holds(day: date) -> bool:
        return day >= long_from and len(recent(day)) >= cfg["min_recent_risk_events"]

    changes = window_changes([event.day for event in events], window) | {long_from}
    first = condition_start(as_of=view.as_of, changes=changes, holds=holds)
    if first is None:
        return None
    found = recent(view.as_of)
    text = (
        f"it has been open since {spoken_day(plan.start)} and {_plural(len(found), 'risk event')} happened "
        f"{spoken_span(found[0].day, found[-1].day)}, in the last {spoken_period(cfg['recent_risk_days'])}"
    )
    return first, text, [plan.start_entry, *(e for event in found for e in event.entries)]


def _same_actions(view: FamilyView, plan: PlanPeriod, cfg: dict[str, Any]) -> tuple[date, str, list[Entry]] | None:
    """The latest run of consecutive reviews under the plan, each planning nothing new: their actions
    repeat those already recorded in the run."""
    reviews = _reviews(view, plan)
    run: list[Entry] = []
    planned: set[str] = set()
    for review in reviews:
        words = _action_words(review)
        if run and _repeats(planned, words, min_words=cfg["same_actions_min_words"]) >= cfg["same_actions_similarity"]:
            run.append(review)
            planned |= words
        else:
            run, planned = [review], words
    needed = cfg["same_actions_reviews"]
    if len(run) < needed:
        return None
    text = (
        f"{len(run)} consecutive core groups or reviews {spoken_span(run[0].date.start, run[-1].date.start)} "
        f"recorded substantially the same actions"
    )
    return run[needed - 1].date.start, text, run


def _reviews(view: FamilyView, plan: PlanPeriod) -> list[Entry]:
    """Core groups and reviews during the plan, one a day."""
    by_day: dict[date, Entry] = {}
    for entry in view.household_entries:
        if entry.event_type in REVIEWS and plan.open_on(entry.date.start) and _same_people_as_plan(view, entry, plan):
            by_day.setdefault(entry.date.start, entry)
    return [by_day[day] for day in sorted(by_day)]


def _same_people_as_plan(view: FamilyView, entry: Entry, plan: PlanPeriod) -> bool:
    subjects = view.subjects(entry)
    return not subjects or plan.child in subjects or not set(subjects) & set(view.children)


_WORD = re.compile(r"[a-z]{3,}")


def _action_words(review: Entry) -> set[str]:
    """The words of a review's actions, from the action column or else the summary."""
    return set(_WORD.findall((review.action or review.summary).lower()))


def _repeats(planned: set[str], words: set[str], *, min_words: int) -> float:
    """Share of a review's action words already planned; 0 when either says too little to compare. A
    review that repeats the earlier actions in fewer words plans nothing new; one that adds actions of
    its own does."""
    if len(planned) < min_words or len(words) < min_words:
        return 0.0
    return len(planned & words) / len(words)


@indicator(
    "PLAN_UNCHANGED_AFTER_NEW_RISK",
    title="Plan not reviewed after a new risk",
    group="Plans that are not working",
    reference="000 §108, §114, §144",
)
def plan_unchanged_after_new_risk(view: FamilyView, cfg: dict[str, Any]) -> list[Alert]:
    """A significant new risk (pregnancy, release from custody, new domestic abuse incident, new
    allegation) is followed by a review or core group that does not mention it, or by none within 6
    weeks (high).

    Only new risks while a child of the household is on a plan count, and the alert is shown while
    that plan is open. A review mentions the risk when it points at its record, carries its tags or
    names it in words.
    """
    on_plan = [plan for plan in view.plan_periods if plan.open_on(view.as_of) and plan.child in view.household.children]
    if not on_plan:
        return []
    lapses: list[tuple[date, str, list[Entry]]] = []
    for kind, incident in _new_risks(view):
        if not any(plan.open_on(incident.day) for plan in on_plan):
            continue
        lapse = _review_lapse(view, kind, incident, cfg)
        if lapse is not None and lapse[0] <= view.as_of:
            lapses.append(lapse)
    if not lapses:
        return []
    lapses.sort(key=lambda lapse: lapse[0])
    relied = [entry for _, _, entries in lapses for entry in entries]
    children = tuple(dict.fromkeys(plan.child for plan in on_plan))
    explanation = (
        f"The plan for {view.names(children)} was not reviewed in the light of "
        + "; ".join(text for _, text, _ in lapses)
        + "."
    )
    return [
        Alert(
            code="PLAN_UNCHANGED_AFTER_NEW_RISK",
            severity="high",
            first_met_on=lapses[0][0],
            evidence=evidence_of(relied),
            explanation=explanation,
            children=children,
            adults=adults_named(view, relied),
        )
    ]


def _new_risks(view: FamilyView) -> list[tuple[NewRiskKind, Incident]]:
    """Domestic abuse incidents, the first record of each pregnancy, releases from custody and allegations."""
    found = [(NEW_RISKS["domestic_abuse_incident"], incident) for incident in da_incidents(view)]
    for signals in pregnancies(view):
        found.extend((NEW_RISKS["pregnancy_confirmed"], incident) for incident in view.incidents(signals[:1]))
    for event_type in ("release_from_custody", "allegation"):
        entries = [e for e in view.household_entries if e.event_type == event_type]
        found.extend((NEW_RISKS[event_type], incident) for incident in view.incidents(entries))
    return found


def _review_lapse(
    view: FamilyView, kind: NewRiskKind, incident: Incident, cfg: dict[str, Any]
) -> tuple[date, str, list[Entry]] | None:
    """When the plan's review of a new risk lapsed, and how; None when a review in time mentioned it."""
    late = day_after_deadline(incident.day, calendar_days=cfg["review_within_days"])
    review = next(
        (e for e in view.household_entries if e.event_type in REVIEWS and e.date.start > incident.day),
        None,
    )
    happened = f"{kind.label} on {spoken_day(incident.day)}"
    if review is None or review.date.start >= late:
        return (
            late,
            f"{happened}: no review or core group within {spoken_period(cfg['review_within_days'])}",
            [*incident.entries],
        )
    if _mentions(review, kind, incident):
        return None
    return (
        review.date.start,
        f"{happened}: the {_review_name(review)} of {review.date.display()} does not mention it",
        [
            *incident.entries,
            review,
        ],
    )


def _review_name(review: Entry) -> str:
    return "core group" if review.event_type == "core_group" else "review conference"


def _mentions(review: Entry, kind: NewRiskKind, incident: Incident) -> bool:
    if review.related_record and any(review.related_record == e.record_id for e in incident.entries):
        return True
    text = review.text().lower()
    return bool(review.tags & kind.tags) or any(word in text for word in kind.words)


@indicator(
    "PLAN_ENDED_WITH_ACTIONS_OUTSTANDING",
    title="Plan ended with assessments outstanding",
    group="Plans that are not working",
    reference="003 4.18, 4.30, 4.31",
)
def plan_ended_with_actions_outstanding(view: FamilyView, cfg: dict[str, Any]) -> list[Alert]:
    """A CP or CIN plan ends, steps down or the case closes while assessments requested under it are
    not completed (high).

    A closure by children's social care with no plan open (after a referral or an assessment) counts
    too: the assessments requested since the previous closure are the ones left undone. One alert for
    each ending (a step-down or closure ending several children's plans is one), shown for
    `relevant_days` after it.
    """
    requests = [e for e in view.household_entries if e.event_type == "assessment_requested"]
    completions = _follow_ups(view, requests, [e for e in view.household_entries if e.event_type in ASSESSMENT_ENDS])
    alerts = []
    for ending in _endings(view):
        if view.as_of - ending.day > days(cfg["relevant_days"]):
            continue
        outstanding = [
            r
            for r in requests
            if ending.since <= r.date.start <= ending.day
            and (r.key not in completions or completions[r.key].date.start > ending.day)
        ]
        if not outstanding:
            continue
        requested = listing([f"{_assessment_name(r)} requested on {r.date.display()}" for r in outstanding])
        explanation = (
            f"{ending.what} {view.names(ending.children)} ended on {spoken_day(ending.day)} "
            f"({_ending_name(ending.entry)}) while {_plural(len(outstanding), 'assessment')} requested under it "
            f"{'was' if len(outstanding) == 1 else 'were'} not completed: {requested}."
        )
        alerts.append(
            Alert(
                code="PLAN_ENDED_WITH_ACTIONS_OUTSTANDING",
                severity="high",
                first_met_on=ending.day,
                evidence=evidence_of([*outstanding, ending.entry]),
                explanation=explanation,
                children=ending.children,
                adults=adults_named(view, outstanding),
            )
        )
    return alerts


@dataclass(frozen=True, slots=True)
class _Ending:
    """A plan ending, step-down or closure: the entry, its day, the children and since when requests
    made count as made under what ended."""

    entry: Entry
    day: date
    children: tuple[str, ...]
    what: str
    since: date


def _endings(view: FamilyView) -> list[_Ending]:
    """Plan endings (several children's plans ended by one entry are one ending), and children's social
    care closures that ended no plan; such a closure concerns what was requested since the last ending
    (a closure on the day a plan ends adds nothing to it)."""
    plans_ended: dict[tuple[str, str], list[PlanPeriod]] = {}
    for plan in view.plan_periods:
        if plan.end is not None and plan.end_entry is not None:
            plans_ended.setdefault(plan.end_entry.key, []).append(plan)
    endings = [
        _Ending(
            entry=ended[0].end_entry,
            day=ended[0].end,
            children=tuple(dict.fromkeys(plan.child for plan in ended)),
            what=f"The {ended[0].label()} for",
            since=min(plan.start for plan in ended),
        )
        for ended in plans_ended.values()
        if ended[0].end_entry is not None and ended[0].end is not None
    ]
    for closure in view.of_type("case_closed"):
        if closure.key in plans_ended or not ends_plans(closure):
            continue
        day = closure.date.start
        ended_before = [e.day for e in endings if e.day <= day]
        named = tuple(pid for pid in view.subjects(closure) if pid in view.household.children)
        endings.append(
            _Ending(
                entry=closure,
                day=day,
                children=named or view.household.children,
                what="Children's social care's involvement with",
                since=max(ended_before) + timedelta(days=1) if ended_before else date.min,
            )
        )
    return sorted(endings, key=lambda ending: ending.day)


def _ending_name(entry: Entry) -> str:
    return {"step_down": "stepped down", "case_closed": "case closed"}.get(entry.event_type, "plan ended")


_FIRST_CLAUSE = re.compile(r"[^.;(,]+")


def _assessment_name(request: Entry) -> str:
    """How a requested assessment is named for people: its summary's first clause when short ("Cognitive
    assessment of Father"), else 'an assessment'."""
    clause = _FIRST_CLAUSE.match(request.summary.strip())
    name = clause.group(0).strip() if clause else ""
    return name if 0 < len(name) <= 90 else "an assessment"


@indicator(
    "ASSESSMENT_DELAYED",
    title="Assessment delayed",
    group="Plans that are not working",
    reference="003 4.27, 4.36",
)
def assessment_delayed(view: FamilyView, cfg: dict[str, Any]) -> list[Alert]:
    """An assessment is requested and not started within 8 weeks, or not completed within 12 (medium).

    One alert per request, shown for `relevant_days` after the delay began, and after that while the
    assessment is still outstanding and a child of the family is on a plan (once the plans have ended,
    PLAN_ENDED_WITH_ACTIONS_OUTSTANDING says what was left undone).
    """
    requests = [e for e in view.household_entries if e.event_type == "assessment_requested"]
    starts = _follow_ups(view, requests, [e for e in view.household_entries if e.event_type in ASSESSMENT_STARTS])
    ends = _follow_ups(view, requests, [e for e in view.household_entries if e.event_type in ASSESSMENT_ENDS])
    alerts = []
    for request in requests:
        asked = request.date.start
        start_late = day_after_deadline(asked, calendar_days=cfg["start_within_days"])
        end_late = day_after_deadline(asked, calendar_days=cfg["complete_within_days"])
        started, ended = starts.get(request.key), ends.get(request.key)
        delays = []
        if start_late <= view.as_of and (started is None or started.date.start >= start_late):
            delays.append((start_late, f"not started within {spoken_period(cfg['start_within_days'])}", started))
        if end_late <= view.as_of and (ended is None or ended.date.start >= end_late):
            delays.append((end_late, f"not completed within {spoken_period(cfg['complete_within_days'])}", ended))
        if not delays:
            continue
        first = delays[0][0]
        if view.as_of - first > days(cfg["relevant_days"]) and (ended is not None or not view.children_on_plan()):
            continue
        follow = [entry for _, _, entry in delays if entry is not None]
        status = f"it was completed on {ended.date.display()}" if ended is not None else "it is still outstanding"
        who = view.names(view.subjects(request))
        name = _assessment_name(request)
        explanation = (
            f"{name[:1].upper() + name[1:]}{' (' + who + ')' if who else ''}, requested on "
            f"{request.date.display()}, was {' and '.join(text for _, text, _ in delays)}; {status}."
        )
        alerts.append(
            Alert(
                code="ASSESSMENT_DELAYED",
                severity="medium",
                first_met_on=first,
                evidence=evidence_of([request, *follow]),
                explanation=explanation,
                children=tuple(pid for pid in view.subjects(request) if pid in view.children),
                adults=tuple(pid for pid in view.subjects(request) if pid in view.adults),
            )
        )
    return alerts


@indicator(
    "REASSURED_BY_SILENCE",
    title="Reassured by police silence",
    group="Plans that are not working",
    reference="003 4.29–4.31",
)
def reassured_by_silence(view: FamilyView, cfg: dict[str, Any]) -> list[Alert]:
    """A plan ends, steps down or closes, or a threshold decision is "no further action", while in the
    previous 6 months family members, older siblings or other agencies reported domestic abuse or
    substance misuse that police records do not show (high).

    A report is a concern raised (a family or public report, a disclosure, what a child said, an
    allegation, a professional's concern, a contact or referral) by anyone other than police, about
    anyone in the family, including a child who no longer lives at home. Police "show" a kind of harm
    when a police entry in the same 6 months records it.
    """
    window = days(cfg["lookback_days"])
    alerts = []
    for decision in _closing_decisions(view, cfg):
        day = decision.date.start
        if view.as_of - day > days(cfg["relevant_days"]):
            continue
        recent = view.between(day - window, day)
        unseen: list[tuple[str, list[Entry]]] = []
        for kind, tags in SILENCE_KINDS.items():
            reports = [
                e for e in recent if e.agency_type != "police" and e.event_type in REPORT_EVENTS and e.tags & tags
            ]
            police = [e for e in recent if e.agency_type == "police" and (e.tags & tags or _police_da(e, kind))]
            if reports and not police:
                unseen.append((kind, reports))
        if not unseen:
            continue
        relied = [entry for _, reports in unseen for entry in reports]
        sources = sorted({entry.agency for entry in relied})
        explanation = (
            f"On {decision.date.display()} the case was {_decision_name(decision)} although "
            f"{listing(sources)} reported {listing([kind for kind, _ in unseen])} in the previous "
            f"{spoken_period(cfg['lookback_days'])} ({_plural(len(relied), 'report')}) that police records do not show."
        )
        alerts.append(
            Alert(
                code="REASSURED_BY_SILENCE",
                severity="high",
                first_met_on=day,
                evidence=evidence_of([*relied, decision]),
                explanation=explanation,
                children=view.household.children,
                adults=adults_named(view, relied),
            )
        )
    return alerts


def _police_da(entry: Entry, kind: str) -> bool:
    return kind == "domestic abuse" and entry.event_type == "domestic_abuse_incident"


def _closing_decisions(view: FamilyView, cfg: dict[str, Any]) -> list[Entry]:
    """Plan endings, children's social care's step-downs and closures, and threshold decisions of no
    further action, one a day."""
    phrases = [re.compile(rf"\b{re.escape(p.lower())}\b") for p in cfg["no_further_action_phrases"]]
    by_day: dict[date, Entry] = {}
    for entry in view.household_entries:
        closing = ends_plans(entry)
        text = entry.text().lower() if entry.event_type in THRESHOLD_DECISIONS else ""
        if closing or any(phrase.search(text) for phrase in phrases):
            by_day.setdefault(entry.date.start, entry)
    return [by_day[day] for day in sorted(by_day)]


def _decision_name(entry: Entry) -> str:
    return {
        "step_down": "stepped down",
        "case_closed": "closed",
        "cp_plan_end": "taken off its child protection plan",
        "cin_plan_end": "taken off its child in need plan",
    }.get(entry.event_type, "given no further action")
