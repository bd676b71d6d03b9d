"""Agencies talking to each other: does what one agency knows reach the others in time?
(indicators.md, "Agencies talking to each other").

Each function quotes its catalogue rule in its docstring; its numbers come from thresholds.toml.
Agencies are matched by name the way the format says names are written (case, spaces, hyphens
and underscores ignored).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, timedelta
from typing import Any

from safechron.chronology.dates import DateError, PartialDate
from safechron.chronology.model import Entry
from safechron.indicators.base import Alert, Evidence, evidence_of, indicator
from safechron.indicators.common import counted, current_lapses, in_words, mentions, recent_run
from safechron.indicators.context import FamilyView, Incident, day_after_deadline, spoken_day
from safechron.vocabulary import normalise_token

__all__ = ["agency_key", "agency_names", "meeting_date_mentioned"]

GROUP = "Agencies talking to each other"
CSC = "childrens_social_care"

#: Crises of an adult, as the explanation words them.
CRISIS_EVENTS: dict[str, str] = {
    "ed_attendance": "attended the emergency department",
    "arrest": "was arrested",
    "mental_health_crisis": "had a mental health crisis",
    "overdose": "took an overdose",
}
CONFERENCES = frozenset({"icpc", "rcpc", "core_group"})
MEETINGS = CONFERENCES | {
    "strategy_discussion",
    "marac",
    "discharge_planning",
    "legal_planning_meeting",
    "care_planning_forum",
}
#: Where a multi-agency decision about the child is properly made (and agreements made there).
FORUMS = MEETINGS | {"written_agreement"}

_CRISIS_WORDS = re.compile(
    r"\bA&E\b|\bemergency department\b|\bhospital\b|\bambulance\b|\barrest\w*|\bcustody\b|\boverdose\w*"
    r"|\bcrisis\b|\bsectioned\b|\bmental health\b|\bpolice\b",
    re.IGNORECASE,
)
_ADULT_SAFEGUARDING_WORDS = re.compile(
    r"\badult safeguarding\b|\bsafeguarding adults?\b|\badult social care\b|\bASC\b|\bsection 42\b|\bs42\b"
    r"|\badult protection\b",
    re.IGNORECASE,
)
_CHILDREN_STAY = re.compile(
    r"\bchildren\b[^.;]{0,40}\b(?:live|lives|living|stay|stays|staying)\b"
    r"|\b(?:live|lives|living|stay|stays|staying)\b[^.;]{0,40}\bchildren\b",
    re.IGNORECASE,
)
_DATE_IN_TEXT = re.compile(
    r"\b\d{4}-\d{1,2}-\d{1,2}\b|\b\d{1,2}/\d{1,2}/\d{4}\b|\b\d{1,2}(?:st|nd|rd|th)? [A-Z][a-z]+ \d{4}\b"
)
_DECIDED = r"\b(?:agree\w*|decid\w*|decision|support\w*|approv\w*|confirm\w*|promot\w*)\b[^.;]{0,100}"
#: Decisions about who lives with or sees the child: how a decision is worded, and how a core group
#: that discussed it would mention it.
DECISION_TOPICS: dict[str, tuple[re.Pattern[str], re.Pattern[str]]] = {
    "release address": (
        re.compile(_DECIDED + r"(?:release address|released? to|curfew)", re.IGNORECASE),
        re.compile(r"\breleas\w*|\bcurfew\b", re.IGNORECASE),
    ),
    "where someone lives": (
        re.compile(
            _DECIDED + r"(?:resid\w*|move\w* back|live at|living at|stay at|return\w* home|return to)", re.IGNORECASE
        ),
        re.compile(r"\bresid\w*|\bmove\w* back|\blive at\b|\bliving at\b|\breturn\w* home", re.IGNORECASE),
    ),
    "contact": (
        re.compile(_DECIDED + r"(?:unsupervised contact|overnight|contact with)", re.IGNORECASE),
        re.compile(r"\bcontact\b|\bovernight\b", re.IGNORECASE),
    ),
}


# -- shared helpers ------------------------------------------------------------------------------


def agency_key(name: str) -> str:
    """An agency name as compared: 'Children's Social Care' and 'childrens-social care' are one."""
    return normalise_token(name.replace("'", ""))


def agency_names(names: Iterable[str]) -> set[str]:
    """The compared forms of some agency names."""
    return {agency_key(name) for name in names if name.strip()}


def meeting_date_mentioned(entry: Entry, day: PartialDate) -> bool:
    """Whether an entry names the date of a meeting (in a `meeting_date` column or in its text)."""
    candidates = [entry.extra.get("meeting_date", ""), *_DATE_IN_TEXT.findall(entry.text())]
    for text in candidates:
        if not text:
            continue
        try:
            if PartialDate.parse(text).start == day.start:
                return True
        except DateError:
            continue
    return False


def _csc_entries_between(view: FamilyView, start: date, deadline: date) -> list[Entry]:
    return [e for e in view.entries if e.agency_type == CSC and start <= e.date.start < deadline]


def _related_to(entry: Entry, records: Iterable[Entry]) -> bool:
    return bool(entry.related_record) and entry.related_record in {r.record_id for r in records}


# -- indicators ----------------------------------------------------------------------------------


@indicator(
    "ADULT_CRISIS_NOT_SHARED",
    title="Adult crisis not shared with social care",
    group=GROUP,
    reference="003 4.33–4.34; 000 §64",
)
def adult_crisis_not_shared(view: FamilyView, cfg: dict[str, Any]) -> list[Alert]:
    """An adult of a household with a child on a plan attends an emergency department, is taken by
    ambulance, is arrested, or has a mental health crisis or overdose, and no entry from children's social
    care within 1 working day shows the lead professional knew (high)."""
    adults = set(view.household.adults)
    crises = view.incidents(
        e
        for e in view.entries
        if (e.event_type in CRISIS_EVENTS or e.agency_type == "ambulance")
        and adults.intersection(view.subjects(e))
        and view.children_on_plan(e.date.start)
    )
    lapses: list[tuple[str, date, Incident]] = []
    for crisis in crises:
        deadline = day_after_deadline(crisis.day, working_days=cfg["share_within_working_days"])
        if not _csc_knew(view, crisis, deadline):
            lapses.extend((adult, deadline, crisis) for adult in sorted(adults & crisis.people))
    alerts = []
    for adult, (start, current) in current_lapses(view, lapses, relevant_days=cfg["relevant_days"]).items():
        what = "; ".join(f"{_crisis_words(crisis)} on {spoken_day(crisis.day)}" for _, crisis in current)
        alerts.append(
            Alert(
                code="ADULT_CRISIS_NOT_SHARED",
                severity="high",
                first_met_on=start,
                evidence=evidence_of(e for _, crisis in current for e in crisis.entries),
                explanation=(
                    f"{view.name(adult)}, an adult of a household with a child on a plan, {what}. No entry from "
                    f"children's social care within {cfg['share_within_working_days']} working day of "
                    f"{'it' if len(current) == 1 else 'any of these'} shows the lead professional knew."
                ),
                children=view.children_on_plan(),
                adults=(adult,),
            )
        )
    return alerts


def _crisis_words(crisis: Incident) -> str:
    kinds = [CRISIS_EVENTS.get(e.event_type, "was taken to hospital by ambulance") for e in crisis.entries]
    return " and ".join(dict.fromkeys(kinds))


def _csc_knew(view: FamilyView, crisis: Incident, deadline: date) -> bool:
    if any(e.agency_type == CSC for e in crisis.entries):
        return True
    for entry in _csc_entries_between(view, crisis.day, deadline):
        if _related_to(entry, crisis.entries):
            return True
        named = crisis.people.intersection(view.subjects(entry)) or any(
            mentions(view, pid, entry.text()) for pid in crisis.people
        )
        if named and _CRISIS_WORDS.search(entry.text()):
            return True
    return False


@indicator("MINUTES_NOT_SHARED", title="Minutes not shared", group=GROUP, reference="000 §161")
def minutes_not_shared(view: FamilyView, cfg: dict[str, Any]) -> list[Alert]:
    """A conference or core group's minutes are not recorded as circulated to every invited agency within
    15 working days (medium).

    A `minutes_circulated` entry belongs to a meeting through its related record or by naming the
    meeting's date. It reaches the agencies it lists as invitees; recorded by another agency than the
    one that held the meeting, it shows that agency received them; otherwise it reaches the invited
    agencies its text names, or all of them when it names none. A chronology in which no agency records
    minutes being circulated cannot show a lapse, and raises nothing.
    """
    minutes = view.of_type("minutes_circulated")
    if not minutes:
        return []
    lapses: list[tuple[date, Entry, list[str], list[Entry]]] = []
    for meeting in view.of_type(*CONFERENCES):
        invited = {agency_key(n): n for n in meeting.meeting_invitees}
        invited.pop(agency_key(meeting.agency), None)
        if not invited:
            continue
        deadline = day_after_deadline(meeting.date.start, working_days=cfg["circulate_within_working_days"])
        if deadline > view.as_of:
            continue
        sent = [
            m
            for m in minutes
            if meeting.date.start <= m.date.start < deadline
            and (m.related_record == meeting.record_id or meeting_date_mentioned(m, meeting.date))
        ]
        reached: set[str] = set()
        for m in sent:
            reached |= _recipients(m, meeting, set(invited))
        missing = [name for key, name in invited.items() if key not in reached]
        if missing:
            lapses.append((deadline, meeting, missing, sent))
    start = recent_run(view, (day for day, *_ in lapses), relevant_days=cfg["relevant_days"])
    if start is None:
        return []
    current = [lapse for lapse in lapses if lapse[0] >= start]
    shown = cfg["meetings_listed"]
    listed = "; ".join(
        f"{in_words(meeting.event_type)} of {meeting.date.display()} (not to {', '.join(missing)})"
        for _, meeting, missing, _ in current[-shown:]
    )
    if len(current) > shown:
        listed += f"; and {counted(len(current) - shown, 'earlier meeting')}"
    return [
        Alert(
            code="MINUTES_NOT_SHARED",
            severity="medium",
            first_met_on=start,
            evidence=evidence_of(e for _, meeting, _, sent in current for e in (meeting, *sent)),
            explanation=(
                f"Minutes of {counted(len(current), 'meeting')} are not recorded as circulated to every invited "
                f"agency within {cfg['circulate_within_working_days']} working days: {listed}."
            ),
            children=view.household.children,
        )
    ]


def _recipients(minutes: Entry, meeting: Entry, invited: set[str]) -> set[str]:
    if minutes.meeting_invitees:
        return agency_names(minutes.meeting_invitees)
    own = agency_key(minutes.agency)
    if own != agency_key(meeting.agency):
        return {own}
    text = normalise_token(re.sub(r"[^\w\s-]", " ", minutes.text().replace("'", "")))
    named = {key for key in invited if re.search(rf"(?:^|_){re.escape(key)}(?:_|$)", text)}
    return named or invited


@indicator(
    "MEETING_CHANGE_NOT_SHARED",
    title="Meeting change not shared",
    group=GROUP,
    reference="000 §162",
)
def meeting_change_not_shared(view: FamilyView, cfg: dict[str, Any]) -> list[Alert]:
    """A meeting is rescheduled or cancelled and an invited agency did not attend the rearranged meeting
    (medium).

    The rearranged meeting is the meeting that refers to the change, or else the meeting of the same
    kind within `rearranged_within_days` on the date the change names, or else the next one; it must
    record who attended.
    """
    found: dict[tuple[str, str], tuple[Entry, Entry, list[str]]] = {}
    for change in view.of_type("meeting_rescheduled", "meeting_cancelled"):
        original = view.by_key(change.agency, change.related_record) if change.related_record else None
        rearranged = _rearranged(view, change, original, within_days=cfg["rearranged_within_days"])
        if rearranged is None or not rearranged.meeting_attendees:
            continue
        invitees = (
            rearranged.meeting_invitees or change.meeting_invitees or (original.meeting_invitees if original else ())
        )
        invited = {agency_key(n): n for n in invitees}
        invited.pop(agency_key(rearranged.agency), None)
        attended = agency_names(rearranged.meeting_attendees)
        missing = [name for key, name in invited.items() if key not in attended]
        if missing and rearranged.key not in found:
            found[rearranged.key] = (change, rearranged, missing)
    alerts = []
    for change, rearranged, missing in found.values():
        day = rearranged.date.start
        if not day <= view.as_of <= day + timedelta(days=cfg["relevant_days"]):
            continue
        what = "cancelled" if change.event_type == "meeting_cancelled" else "rescheduled"
        alerts.append(
            Alert(
                code="MEETING_CHANGE_NOT_SHARED",
                severity="medium",
                first_met_on=day,
                evidence=evidence_of([change, rearranged]),
                explanation=(
                    f"A meeting was {what} on {change.date.display()}, and {', '.join(missing)} did not attend the "
                    f"rearranged {in_words(rearranged.event_type)} on {rearranged.date.display()}: check "
                    f"the change reached every invited agency."
                ),
                children=view.household.children,
            )
        )
    return alerts


def _rearranged(view: FamilyView, change: Entry, original: Entry | None, *, within_days: int) -> Entry | None:
    referring = [m for m in view.of_type(*MEETINGS) if m.related_record == change.record_id]
    if referring:
        return referring[0]
    kinds = {original.event_type} if original is not None and original.event_type in MEETINGS else MEETINGS
    until = change.date.start + timedelta(days=within_days)
    later = [
        m
        for m in view.of_type(*kinds)
        if change.date.start <= m.date.start <= until and m is not original and m.key != change.key
    ]
    named = [m for m in later if meeting_date_mentioned(change, m.date)]
    found = named or later
    return found[0] if found else None


@indicator(
    "WORKER_CHANGE_IN_HIGH_RISK",
    title="Social worker changed while risk is high",
    group=GROUP,
    reference="000 §163",
)
def worker_change_in_high_risk(view: FamilyView, cfg: dict[str, Any]) -> list[Alert]:
    """The allocated social worker changes while any high indicator is open (medium).

    The high alerts are those of every other indicator as the family was known on the day of the change,
    with the thresholds the family is evaluated with. Shown for `relevant_days` after the change. The
    evidence is the change and, for each alert open then, its latest `evidence_per_alert` records: enough
    to open each alert, not every record behind it.
    """
    alerts = []
    for change in view.of_type("worker_change"):
        day = change.date.start
        if not day <= view.as_of <= day + timedelta(days=cfg["relevant_days"]):
            continue
        open_high = _high_alerts_open(view.earlier(day))
        if not open_high:
            continue
        titles = ", ".join(dict.fromkeys(alert.title.lower() for alert in open_high))
        latest = {item for alert in open_high for item in alert.evidence[-cfg["evidence_per_alert"] :]}
        alerts.append(
            Alert(
                code="WORKER_CHANGE_IN_HIGH_RISK",
                severity="medium",
                first_met_on=day,
                evidence=tuple(sorted(latest | set(evidence_of([change])), key=_evidence_order)),
                explanation=(
                    f"The allocated social worker changed on {change.date.display()} while "
                    f"{counted(len(open_high), 'high alert')} {'was' if len(open_high) == 1 else 'were'} open "
                    f"({titles}): a handover at a time of high risk, when information is most easily lost."
                ),
                children=view.household.children,
            )
        )
    return alerts


def _high_alerts_open(view: FamilyView) -> list[Alert]:
    """The high alerts of every other indicator on the view (worked out once per view and day)."""
    # Imported here: the package imports this module to register it.
    from safechron.indicators import evaluate_view

    return [
        alert
        for alert in evaluate_view(view, exclude=("WORKER_CHANGE_IN_HIGH_RISK",))
        if alert.severity == "high"
    ]


def _evidence_order(item: Evidence) -> tuple[object, ...]:
    return (item.date.sort_key(), item.agency.lower(), item.record_id)


@indicator(
    "DECISION_OUTSIDE_CORE_GROUP",
    title="Decision made outside the core group",
    group=GROUP,
    reference="000 §141–144",
)
def decision_outside_core_group(view: FamilyView, cfg: dict[str, Any]) -> list[Alert]:
    """While a child is on a plan, a decision that changes who lives with or has contact with the child
    (release address, contact, return home) is recorded outside a core group, conference or strategy
    discussion and the next core group does not record it (high).

    The next core group records it when it refers to the decision's entry or mentions its subject
    (a release or curfew, where someone lives, contact). Decisions that the same core group missed
    (one decision recorded by two agencies) are one alert.
    """
    reviews = view.of_type(*CONFERENCES)
    missed: dict[tuple[str, str], tuple[Entry, list[Entry], list[str]]] = {}
    for decision in view.entries:
        if decision.event_type in FORUMS or not view.children_on_plan(decision.date.start):
            continue
        topics = [topic for topic, (decided, _) in DECISION_TOPICS.items() if decided.search(decision.text())]
        review = next((m for m in reviews if m.date.start > decision.date.start), None)
        if not topics or review is None:
            continue
        recorded = review.related_record == decision.record_id or any(
            DECISION_TOPICS[topic][1].search(review.text()) for topic in topics
        )
        if not recorded:
            _, decisions, named = missed.setdefault(review.key, (review, [], []))
            decisions.append(decision)
            named.extend(topic for topic in topics if topic not in named)
    alerts = []
    for review, decisions, topics in missed.values():
        day = review.date.start
        if not day <= view.as_of <= day + timedelta(days=cfg["relevant_days"]):
            continue
        children = tuple(dict.fromkeys(c for d in decisions for c in view.children_on_plan(d.date.start)))
        recorded_by = ", ".join(dict.fromkeys(f"{d.agency} on {d.date.display()}" for d in decisions))
        alerts.append(
            Alert(
                code="DECISION_OUTSIDE_CORE_GROUP",
                severity="high",
                first_met_on=day,
                evidence=evidence_of([*decisions, review]),
                explanation=(
                    f"A decision about {' and '.join(topics)} for {view.names(children)} was recorded by "
                    f"{recorded_by}, outside a core group or conference, and the next "
                    f"{in_words(review.event_type)} on {review.date.display()} does not record it."
                ),
                children=children,
            )
        )
    return alerts


@indicator(
    "ADULT_SAFEGUARDING_LINK",
    title="Adult safeguarding concern not linked",
    group=GROUP,
    reference="003 4.21",
)
def adult_safeguarding_link(view: FamilyView, cfg: dict[str, Any]) -> list[Alert]:
    """An adult safeguarding concern is recorded about a household member, or about a home where the
    children live or stay, and children's social care has no entry referring to it within 10 working
    days (medium). The concerns still relevant make one alert for the household."""
    members = set(view.household.members)
    concerns = view.incidents(
        e
        for e in view.of_type("adult_safeguarding")
        if members.intersection(view.subjects(e)) or _CHILDREN_STAY.search(e.text())
    )
    within = cfg["refer_within_working_days"]
    lapses: list[tuple[str, date, Incident]] = []
    for concern in concerns:
        deadline = day_after_deadline(concern.day, working_days=within)
        referred = any(e.agency_type == CSC for e in concern.entries) or any(
            _related_to(e, concern.entries) or _ADULT_SAFEGUARDING_WORDS.search(e.text())
            for e in _csc_entries_between(view, concern.day, deadline)
        )
        if not referred:
            lapses.append(("household", deadline, concern))
    alerts = []
    for start, current in current_lapses(view, lapses, relevant_days=cfg["relevant_days"]).values():
        named = {pid for _, concern in current for pid in concern.people}
        about = tuple(pid for pid in view.persons if pid in named)
        days = "; ".join(spoken_day(concern.day) for _, concern in current)
        one = len(current) == 1
        what = "An adult safeguarding concern" if one else f"{len(current)} adult safeguarding concerns"
        alerts.append(
            Alert(
                code="ADULT_SAFEGUARDING_LINK",
                severity="medium",
                first_met_on=start,
                evidence=evidence_of(e for _, concern in current for e in concern.entries),
                explanation=(
                    f"{what} about {view.names(about) or 'a home where the children stay'} ({days}): children's "
                    f"social care has no entry referring to {'it' if one else 'them'} within {within} working days."
                ),
                children=view.household.children,
                adults=tuple(pid for pid in about if pid not in view.children),
            )
        )
    return alerts
