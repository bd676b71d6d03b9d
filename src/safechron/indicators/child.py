"""The child in view: is each child seen, heard and thought about? (indicators.md, "The child in view").

Each function quotes its catalogue rule in its docstring; its numbers come from thresholds.toml.
The helpers at the top answer questions several rules here share: whether a contact saw the child in
person (or alone), whether a visit missed them, and which children's conditions began on the same day.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, timedelta
from functools import partial
from typing import Any

from safechron.chronology.model import Entry
from safechron.indicators.base import Alert, evidence_of, indicator
from safechron.indicators.common import PlanRun, birthday, frequent_run, in_words, last_of, plan_run, recent_run
from safechron.indicators.context import (
    FamilyView,
    condition_start,
    day_after_deadline,
    spoken_day,
    spoken_period,
    spoken_span,
    window_changes,
)
from safechron.vocabulary import CHILD_ROLES

__all__ = ["concern_tags"]

GROUP = "The child in view"

#: Risk tags that say something is wrong in a home (not the child's own difficulties).
HOUSEHOLD_RISK_TAGS = frozenset(
    {
        "domestic_abuse",
        "coercive_control",
        "weapon_or_threat_to_kill",
        "strangulation",
        "mental_health_parent",
        "substance_misuse_parent",
        "alcohol_misuse_parent",
        "neglect",
        "left_alone",
        "physical_injury",
        "sexual_abuse",
        "emotional_abuse",
        "coaching_of_child",
    }
)
SEEN = frozenset({"seen", "seen_alone"})
REMOTE_EVENTS = frozenset({"video_call", "phone_call"})
REMOTE_KINDS = frozenset({"video", "phone"})
#: Contacts in person: when the agency leaves `seen` blank, the child named in one was seen,
#: unless the text says otherwise ("no answer", "not seen").
IN_PERSON_EVENTS = frozenset(
    {"home_visit", "school_visit", "office_visit", "child_seen", "health_visit", "postnatal_check", "gp_appointment"}
)
IN_PERSON_KINDS = frozenset({"announced", "unannounced"})
VOICE_EVENTS = frozenset({"disclosure", "allegation", "child_voice", "family_report", "professional_concern"})
REPORT_EVENTS = frozenset({"family_report", "public_report"})
#: A contact or referral counts as a relative's report when a relative is named and the words say they
#: made it ("Maternal grandmother phoned ...").
CONTACT_EVENTS = frozenset({"contact", "referral"})
RELATIVE_ROLES = frozenset({"grandparent", "relative"})
_REPORTED = re.compile(r"\b(?:phoned|rang|called|telephoned|contacted|reported|raised|emailed|came in|wrote)\b", re.I)

_MALICIOUS = re.compile(r"(?<!not )(?<!never )\bmalicious\b", re.IGNORECASE)
_NOT_SPOKEN_TO = re.compile(
    r"\b(?:referrer|caller|reporter)\b[^.;]{0,40}\bnot\b[^.;]{0,20}\b(?:spoken|contacted|called back|seen)"
    r"|\b(?:did not|didn't|not|no attempt to|unable to)\s+(?:speak|talk|call back|contact)\w*\s+"
    r"(?:to |with )?the (?:referrer|caller|reporter)"
    r"|\bno contact (?:was made )?with the (?:referrer|caller|reporter)",
    re.IGNORECASE,
)
_NOT_SEEN = re.compile(
    r"\bnot (?:been )?seen\b(?! alone)|\bno access\b|\bno answer\b|\bno reply\b|\b(?:was|were) asleep\b", re.IGNORECASE
)
_SEEN_ALONE = re.compile(
    r"(?<!not )\bseen (?:alone|on (?:her|his|their) own)\b"
    r"|\bspoke (?:to|with) \w+ (?:on (?:her|his|their) own|alone)\b",
    re.IGNORECASE,
)
_UNANNOUNCED = re.compile(r"(?<!no )\bunannounced\b", re.IGNORECASE)
_EHCP_CEASED = re.compile(r"\bceas\w*|\bdiscontinu\w*|\bwithdrawn\b|\bended\b|\bclosed\b", re.IGNORECASE)
_NON_ENGAGEMENT = re.compile(r"\bengag\w*|\battend\w*|\bNEET\b", re.IGNORECASE)


# -- shared helpers ------------------------------------------------------------------------------


def concern_tags(entry: Entry) -> frozenset[str]:
    """The tags of an entry that describe harm or risk in a home."""
    return entry.tags & HOUSEHOLD_RISK_TAGS


def _is_remote(entry: Entry) -> bool:
    return entry.event_type in REMOTE_EVENTS or entry.visit_kind in REMOTE_KINDS


def _is_in_person(entry: Entry) -> bool:
    """A contact in person with the people it names."""
    if _is_remote(entry) or entry.seen in {"not_seen", "no_access"}:
        return False
    if entry.seen in SEEN:
        return True
    in_person = entry.event_type in IN_PERSON_EVENTS or entry.visit_kind in IN_PERSON_KINDS
    return in_person and not _NOT_SEEN.search(entry.text())


def _seen(view: FamilyView, child: str, *, alone: bool) -> list[Entry]:
    """Entries recording the child seen in person (seen alone, when `alone`), by the `seen` column or,
    where the agency left it blank, by the kind of contact and its words."""
    found = []
    for entry in view.about([child]):
        if not _is_in_person(entry):
            continue
        if not alone or entry.seen == "seen_alone" or (not entry.seen and _SEEN_ALONE.search(entry.text())):
            found.append(entry)
    return found


def _missed_visit(entry: Entry) -> bool:
    """A visit or contact at which the child was not seen."""
    if entry.seen in {"not_seen", "no_access"} or entry.event_type == "no_access_visit":
        return True
    return not entry.seen and entry.event_type in IN_PERSON_EVENTS and bool(_NOT_SEEN.search(entry.text()))


def _unannounced(entry: Entry) -> bool:
    return entry.visit_kind == "unannounced" or (not entry.visit_kind and bool(_UNANNOUNCED.search(entry.text())))


def _since(day: date, last: Entry | None) -> str:
    """'since 2 March 2016', or 'in any record since 2 March 2016' when it never happened in the period."""
    return (
        f"since {spoken_day(day)}"
        if last is not None and last.date.start == day
        else f"in any record since {spoken_day(day)}"
    )


def _group_by_day(found: dict[str, tuple[date, list[Entry]]]) -> dict[date, tuple[list[str], list[Entry]]]:
    """Children whose condition began on the same day, with the entries relied on: one alert each."""
    grouped: dict[date, tuple[list[str], list[Entry]]] = {}
    for child, (day, entries) in found.items():
        children, evidence = grouped.setdefault(day, ([], []))
        children.append(child)
        evidence.extend(entries)
    return grouped


# -- indicators ----------------------------------------------------------------------------------


@indicator("CHILD_NOT_SEEN", title="Child not seen", group=GROUP, reference="000 §86–87; 003 4.10–4.11")
def child_not_seen(view: FamilyView, cfg: dict[str, Any]) -> list[Alert]:
    """A child on a CP plan has not been seen for 15 working days, or a child aged 3 or more has not
    been seen alone for 6 weeks (high)."""
    alerts = []
    for child in view.children_on_plan(kind="cp"):
        run = plan_run(view, child, kind="cp")
        born = view.birth_date(child)
        if run is None or born is None or born > view.as_of:
            continue
        lapses: list[tuple[date, str]] = []
        evidence = [run.start_entry]
        seen = last_of(_seen(view, child, alone=False))
        since = max(run.start, born, seen.date.start if seen else run.start)
        due = day_after_deadline(since, working_days=cfg["not_seen_working_days"])
        if due <= view.as_of:
            lapses.append((due, f"has not been seen {_since(since, seen)}"))
        turned = birthday(view, child, cfg["seen_alone_from_age"])
        alone = last_of(_seen(view, child, alone=True))
        if turned is not None and turned <= view.as_of:
            since_alone = max(run.start, turned, alone.date.start if alone else run.start)
            due_alone = day_after_deadline(since_alone, calendar_days=cfg["not_seen_alone_days"])
            if due_alone <= view.as_of:
                lapses.append((due_alone, f"has not been seen alone {_since(since_alone, alone)}"))
        if not lapses:
            continue
        evidence += [e for e in (seen, alone) if e is not None]
        evidence += [e for e in view.about([child]) if _missed_visit(e) and e.date.start >= since]
        what = " and ".join(text for _, text in lapses)
        alerts.append(
            Alert(
                code="CHILD_NOT_SEEN",
                severity="high",
                first_met_on=min(day for day, _ in lapses),
                evidence=evidence_of(evidence),
                explanation=(
                    f"{view.name(child)}, on a child protection plan since {spoken_day(run.start)}, {what}. "
                    f"A child on a plan should be seen at least every {cfg['not_seen_working_days']} working days, "
                    f"and seen alone at least every {spoken_period(cfg['not_seen_alone_days'])} from age "
                    f"{cfg['seen_alone_from_age']}."
                ),
                children=(child,),
            )
        )
    return alerts


@indicator("INVISIBLE_CHILD", title="A child out of view", group=GROUP, reference="000 §95")
def invisible_child(view: FamilyView, cfg: dict[str, Any]) -> list[Alert]:
    """In a family of two or more children, a child has fewer than a quarter of the entries that mention
    the most-mentioned child over the last 6 months (medium).

    A child is counted where an entry is about them in their own right (000 §95: "mentioned very rarely
    ... other than by his/her nursery"): an entry naming all the children at once keeps none of them in
    view. Only children born before the window began are compared, and the most-mentioned child must be
    named in at least `min_top_entries` entries, so a quiet family is not flagged.
    """
    window = timedelta(days=cfg["window_days"])
    children = [c for c in view.household.children if view.is_born(c)]
    others = {child: set(children) - {child} for child in children}
    mentions = {
        child: [e for e in view.about([child]) if not others[child].intersection(view.subjects(e))]
        for child in children
    }

    def counts_on(day: date) -> dict[str, int]:
        eligible = [c for c in children if view.is_born(c, day - window)]
        return {
            c: sum(1 for e in mentions[c] if e.known_on <= day and day - window <= e.date.start <= day)
            for c in eligible
        }

    def out_of_view(child: str, day: date) -> bool:
        counts = counts_on(day)
        if len(counts) < 2 or child not in counts:
            return False
        top = max(counts.values())
        return top >= cfg["min_top_entries"] and counts[child] < cfg["share_of_top"] * top

    changes = window_changes((e.date.start for found in mentions.values() for e in found), window)
    changes |= {e.known_on for found in mentions.values() for e in found}
    alerts = []
    counts = counts_on(view.as_of)
    for child in children:
        start = condition_start(as_of=view.as_of, changes=changes, holds=partial(out_of_view, child))
        if start is None:
            continue
        top_child = max(counts, key=lambda c: counts[c])
        recent = [e for c in (child, top_child) for e in view.between(view.as_of - window, view.as_of, mentions[c])]
        alerts.append(
            Alert(
                code="INVISIBLE_CHILD",
                severity="medium",
                first_met_on=start,
                evidence=evidence_of(recent),
                explanation=(
                    f"{view.name(child)} is the subject of {counts[child]} entries in their own right over the last "
                    f"{spoken_period(cfg['window_days'])}, against {counts[top_child]} for {view.name(top_child)}. "
                    f"{view.name(child)}'s own experience may be out of view."
                ),
                children=(child,),
            )
        )
    return alerts


@indicator("CHILD_VOICE_MISSING", title="Child's voice missing", group=GROUP, reference="000 §86–100; 003 4.13, 4.40")
def child_voice_missing(view: FamilyView, cfg: dict[str, Any]) -> list[Alert]:
    """A child aged 3 or more on a plan has no `child_voice` entry in 3 months (medium)."""
    alerts = []
    for child in view.children_on_plan():
        run = plan_run(view, child)
        turned = birthday(view, child, cfg["from_age"])
        if run is None or turned is None or turned > view.as_of:
            continue
        voice = last_of(e for e in view.of_type("child_voice") if child in view.subjects(e))
        since = max(run.start, turned, voice.date.start if voice else run.start)
        due = day_after_deadline(since, calendar_days=cfg["days"])
        if due > view.as_of:
            continue
        heard = f"were last recorded on {spoken_day(voice.date.start)}" if voice else "have not been recorded"
        alerts.append(
            Alert(
                code="CHILD_VOICE_MISSING",
                severity="medium",
                first_met_on=due,
                evidence=evidence_of([run.start_entry, *([voice] if voice else [])]),
                explanation=(
                    f"{view.name(child)} has been on a plan since {spoken_day(run.start)} and their own words "
                    f"or wishes {heard}: nothing for more than {spoken_period(cfg['days'])}."
                ),
                children=(child,),
            )
        )
    return alerts


@indicator("SIBLING_CONCERNS", title="Older sibling raising concerns", group=GROUP, reference="003 4.12, 4.17, 4.40")
def sibling_concerns(view: FamilyView, cfg: dict[str, Any]) -> list[Alert]:
    """A child or young person who no longer lives in the household (in care, left home) discloses or
    raises concerns about the household (high).

    The concern counts when the entry names a member of the household or carries a tag of harm in a
    home; it stays relevant for `relevant_days`. A sibling recorded as living elsewhere stays outside
    the household however often they visit.
    """
    outside = [
        pid
        for pid in view.persons
        if _left_home(view, pid) and ((age := view.age(pid)) is None or age < cfg["max_age"])
    ]
    alerts = []
    for sibling in outside:
        home = set(view.household.members) - {sibling}
        raised = [
            e
            for e in view.of_type(*VOICE_EVENTS)
            if sibling in view.subjects(e) and (home.intersection(view.subjects(e)) or concern_tags(e))
        ]
        if not raised:
            continue
        start = recent_run(view, (e.date.start for e in raised), relevant_days=cfg["relevant_days"])
        if start is None:
            continue
        current = [e for e in raised if e.date.start >= start]
        tags = sorted({tag for e in current for tag in concern_tags(e)})
        about = f" about {', '.join(in_words(t) for t in tags)}" if tags else ""
        children = tuple(c for c in view.household.children if c != sibling)
        alerts.append(
            Alert(
                code="SIBLING_CONCERNS",
                severity="high",
                first_met_on=start,
                evidence=evidence_of(current),
                explanation=(
                    f"{view.name(sibling)}, who no longer lives at home, raised concerns{about} "
                    f"{'once' if len(current) == 1 else f'{len(current)} times'} "
                    f"{spoken_span(current[0].date.start, current[-1].date.start)}. "
                    f"Their first-hand knowledge of the home matters for {view.names(children) or 'the children'}."
                ),
                children=children,
            )
        )
    return alerts


@indicator(
    "FAMILY_CONCERNS",
    title="Repeated concerns from family or public",
    group=GROUP,
    reference="000 §166–179; 003 4.31",
)
def family_concerns(view: FamilyView, cfg: dict[str, Any]) -> list[Alert]:
    """2 or more reports from relatives, friends or members of the public within 12 months raising risk to
    a child (high). The weight of repeated concerned voices is itself the signal, however each report was
    answered: the alert lists each report and what followed it, and says where a referrer was not spoken
    to or a report was called malicious.
    """
    window = timedelta(days=cfg["window_days"])
    reports = view.incidents(e for e in view.entries if _report_by_others(view, e))
    days = [report.day for report in reports]
    start = frequent_run(view, days, window_days=cfg["window_days"], minimum=cfg["min_reports"])
    if start is None:
        return []
    current = [r for r in reports if view.as_of - window <= r.day <= view.as_of]
    lines = []
    evidence: list[Entry] = []
    notes: list[str] = []
    for report in current:
        record_ids = {r.record_id for r in report.entries}
        followed = [e for e in view.entries if e.related_record in record_ids]
        evidence += [*report.entries, *followed]
        after = _what_followed(report.entries, followed)
        lines.append(f"{spoken_day(report.day)}, {_reporter(view, report.entries)}: {after}")
        text = " ".join(e.text() for e in (*report.entries, *followed))
        if _NOT_SPOKEN_TO.search(text):
            notes.append(f"the referrer of {spoken_day(report.day)} was not spoken to")
        if _MALICIOUS.search(text):
            notes.append(f"the report of {spoken_day(report.day)} was called malicious")
    named = {pid for r in current for pid in r.people}
    children = [pid for pid in view.children if pid in named] or list(view.household.children)
    explanation = (
        f"{len(current)} reports from relatives or the public {spoken_span(current[0].day, current[-1].day)} "
        f"(within {spoken_period(cfg['window_days'])}) raised concern for {view.names(children) or 'the children'}. "
        + "; ".join(lines)
        + "."
    )
    if notes:
        explanation += " Note: " + "; ".join(notes) + "."
    return [
        Alert(
            code="FAMILY_CONCERNS",
            severity="high",
            first_met_on=start,
            evidence=evidence_of(evidence),
            explanation=explanation,
            children=tuple(children),
        )
    ]


def _report_by_others(view: FamilyView, entry: Entry) -> bool:
    """A report from a relative, friend or member of the public: recorded as one, or a contact or referral
    that names a relative and says they made it."""
    if entry.event_type in REPORT_EVENTS:
        return True
    if entry.event_type not in CONTACT_EVENTS or not _REPORTED.search(entry.text()):
        return False
    return any(view.persons[pid].role in RELATIVE_ROLES for pid in view.subjects(entry))


def _left_home(view: FamilyView, pid: str) -> bool:
    """A child or young person of the family recorded as no longer living at home (in care, left home)."""
    person = view.persons[pid]
    return pid in view.children_outside_household or (person.lives_with_child is False and person.role in CHILD_ROLES)


def _reporter(view: FamilyView, entries: Iterable[Entry]) -> str:
    """Who made a report, as the records say: the relative named, or a member of the public."""
    entries = list(entries)
    relatives = {
        pid
        for e in entries
        for pid in view.subjects(e)
        if pid not in view.children and view.persons[pid].role not in {"mother", "father", "stepfather", "stepmother"}
    }
    agencies = sorted({e.agency for e in entries})
    to = f" to {', '.join(agencies)}"
    if relatives:
        return f"{view.names(sorted(relatives))}{to}"
    if any(e.event_type == "public_report" for e in entries):
        return f"a member of the public{to}"
    return f"a relative{to}"


def _what_followed(report: Iterable[Entry], followed: list[Entry]) -> str:
    said = [part.rstrip(". ") for e in report for part in (e.outcome or e.action,) if part]
    said += [f"{in_words(e.event_type)} on {e.date.display()}" for e in followed]
    return "; ".join(dict.fromkeys(said)) or "nothing recorded after it"


@indicator("NO_UNANNOUNCED_VISIT", title="No unannounced visit", group=GROUP, reference="003 4.18")
def no_unannounced_visit(view: FamilyView, cfg: dict[str, Any]) -> list[Alert]:
    """A CP plan open 3 months or more with no unannounced visit (medium)."""
    household = set(view.household.members)
    visits = [
        e
        for e in view.entries
        if _unannounced(e) and (not view.subjects(e) or household.intersection(view.subjects(e)))
    ]
    found: dict[str, tuple[date, list[Entry]]] = {}
    for child in view.children_on_plan(kind="cp"):
        run = plan_run(view, child, kind="cp")
        if run is None or any(v.date.start >= run.start for v in visits):
            continue
        due = day_after_deadline(run.start, calendar_days=cfg["plan_days"])
        if due <= view.as_of:
            found[child] = (due, [run.start_entry])
    return [
        Alert(
            code="NO_UNANNOUNCED_VISIT",
            severity="medium",
            first_met_on=day,
            evidence=evidence_of(entries),
            explanation=(
                f"{view.names(children)} {'has' if len(children) == 1 else 'have'} been on a child protection "
                f"plan since {spoken_day(entries[0].date.start)} with no unannounced visit recorded: more than "
                f"{spoken_period(cfg['plan_days'])} of visits on the family's terms."
            ),
            children=tuple(children),
        )
        for day, (children, entries) in _group_by_day(found).items()
    ]


@indicator("REMOTE_CONTACT_ONLY", title="Seen only by video or phone", group=GROUP, reference="003 4.49–4.50")
def remote_contact_only(view: FamilyView, cfg: dict[str, Any]) -> list[Alert]:
    """Over 6 weeks, every contact with a child on a plan was by video or phone (medium).

    At least `min_contacts` remote contacts in the window, none in person, and the plan open throughout.
    """
    window = timedelta(days=cfg["window_days"])
    found: dict[str, tuple[date, list[Entry]]] = {}
    for child in view.children_on_plan():
        run = plan_run(view, child)
        if run is None:
            continue
        remote = [e for e in view.about([child]) if _is_remote(e)]
        start = _remote_only_since(view, run, window=window, minimum=cfg["min_contacts"])
        if start is not None:
            found[child] = (start, [e for e in remote if e.date.start >= view.as_of - window])
    alerts = []
    for day, (children, entries) in _group_by_day(found).items():
        recent = list({e.key: e for e in sorted(entries, key=Entry.sort_key)}.values())
        alerts.append(
            Alert(
                code="REMOTE_CONTACT_ONLY",
                severity="medium",
                first_met_on=day,
                evidence=evidence_of(recent),
                explanation=(
                    f"Every contact with {view.names(children)} over the last {spoken_period(cfg['window_days'])} "
                    f"({len(recent)} contacts {spoken_span(recent[0].date.start, recent[-1].date.start)}) was by "
                    f"video or phone, while on a plan: nobody has seen them in person."
                ),
                children=tuple(children),
            )
        )
    return alerts


def _remote_only_since(view: FamilyView, run: PlanRun, *, window: timedelta, minimum: int) -> date | None:
    """Since when every contact with the child in the window ending each day was remote (at least `minimum`)."""
    contacts = view.about([run.child])
    remote = [e.date.start for e in contacts if _is_remote(e)]
    in_person = [e.date.start for e in contacts if _is_in_person(e)]

    def remote_only(day: date) -> bool:
        since = day - window
        if since < run.start or any(since <= d <= day for d in in_person):
            return False
        return sum(1 for d in remote if since <= d <= day) >= minimum

    changes = window_changes([*in_person, *remote], window) | {run.start + window}
    return condition_start(as_of=view.as_of, changes=changes, holds=remote_only)


@indicator(
    "TRANSITION_TO_ADULTHOOD",
    title="Transition to adulthood not planned",
    group=GROUP,
    reference="003 learning point 6, 4.41–4.47",
)
def transition_to_adulthood(view: FamilyView, cfg: dict[str, Any]) -> list[Alert]:
    """A young person on a plan, or with an EHCP, is within 6 months of their 18th birthday with no
    transition planning entry, or the EHCP ceases for non-engagement (high).

    Transition planning is a `transition_planning` entry, or any entry about the young person that
    records it in words an agency uses for it (`planning_phrases`: an EHCP review's "Preparing for
    Adulthood" outcomes, adult social care's transition assessment)."""
    relevance = timedelta(days=cfg["relevant_days"])
    alerts = []
    for person in view.persons:
        eighteen = birthday(view, person, 18)
        if eighteen is None:
            continue
        ehcp = [e for e in view.of_type("ehcp") if person in view.subjects(e)]
        ceased = [e for e in ehcp if _ceased_for_non_engagement(e)]
        reasons: list[tuple[date, str, list[Entry]]] = []
        until = birthday(view, person, cfg["ehcp_until_age"]) or eighteen
        recent_cessation = [e for e in ceased if view.as_of - relevance <= e.date.start < until]
        if recent_cessation:
            first = recent_cessation[0]
            text = f"had their EHCP ceased for non-engagement on {first.date.display()}"
            reasons.append((first.date.start, text, recent_cessation))
        plan = plan_run(view, person)
        last_cessation = ceased[-1].date.start if ceased else None
        live_ehcp = [e for e in ehcp if e not in ceased and (last_cessation is None or e.date.start > last_cessation)]
        starts = ([plan.start] if plan else []) + [e.date.start for e in live_ehcp[:1]]
        supported_since = min(starts) if starts else None
        lead_from = eighteen - timedelta(days=cfg["lead_days"])
        if supported_since is not None and lead_from <= view.as_of < eighteen:
            planned = [
                e
                for e in view.about([person])
                if (e.event_type == "transition_planning" or _records_transition_planning(e, cfg["planning_phrases"]))
                and e.date.start >= eighteen - timedelta(days=cfg["lookback_days"])
            ]
            if not planned:
                relied = [plan.start_entry] if plan else live_ehcp[-1:]
                reasons.append(
                    (
                        max(lead_from, supported_since),
                        f"turns 18 on {spoken_day(eighteen)} with no transition planning recorded",
                        relied,
                    )
                )
        if not reasons:
            continue
        support = "on a plan" if plan else "with an EHCP"
        alerts.append(
            Alert(
                code="TRANSITION_TO_ADULTHOOD",
                severity="high",
                first_met_on=min(day for day, _, _ in reasons),
                evidence=evidence_of(e for _, _, found in reasons for e in found),
                explanation=(
                    f"{view.name(person)}, a young person {support}, "
                    + " and ".join(text for _, text, _ in reasons)
                    + ": they risk becoming an adult with no one holding their plan."
                ),
                children=(person,),
            )
        )
    return alerts


def _records_transition_planning(entry: Entry, phrases: list[str]) -> bool:
    """Whether an entry of another type records transition planning in its words ("Preparing for
    Adulthood outcomes", "transition assessment"), not its absence ("no transition assessment")."""
    text = entry.text().lower()
    return any(
        re.search(rf"(?<!\bno )(?<!\bnot )(?<!without ){re.escape(phrase)}", text) for phrase in phrases
    )


def _ceased_for_non_engagement(entry: Entry) -> bool:
    text = entry.text()
    return bool(_EHCP_CEASED.search(text)) and ("non_engagement" in entry.tags or bool(_NON_ENGAGEMENT.search(text)))
