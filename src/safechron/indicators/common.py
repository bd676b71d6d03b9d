"""Helpers the indicator modules share: one copy of each.

Runs of plans and of recent events, names and counts as people say them, and who a set of records is
about. Everything here reads a `FamilyView`; nothing decides whether an indicator fires.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TypeVar

from safechron.chronology.model import Entry
from safechron.indicators.context import FamilyView, Incident, condition_start, window_changes
from safechron.vocabulary import humanise

__all__ = [
    "PlanRun",
    "adults_named",
    "birthday",
    "counted",
    "current_lapses",
    "frequent_run",
    "in_words",
    "known_names",
    "last_of",
    "listing",
    "mentions",
    "plan_run",
    "recent_run",
]

Key = TypeVar("Key")


# -- runs of plans and of events -----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PlanRun:
    """An unbroken time on plans for one child (a CP plan stepping down to CIN is one run)."""

    child: str
    start: date
    start_entry: Entry


def plan_run(view: FamilyView, child: str, *, kind: str | None = None) -> PlanRun | None:
    """The unbroken run of plans (of `kind`, or any) that covers the as-of date, if the child is on one."""
    run: PlanRun | None = None
    run_end: date | None = None
    for plan in sorted(view.plans_for(child, kind), key=lambda p: p.start):
        if plan.start > view.as_of:
            break
        continues = run is not None and (run_end is None or plan.start <= run_end)
        if run is None or not continues:
            run, run_end = PlanRun(child, plan.start, plan.start_entry), plan.end
        elif run_end is not None:
            run_end = None if plan.end is None else max(run_end, plan.end)
    if run is None or (run_end is not None and run_end <= view.as_of):
        return None
    return run


def birthday(view: FamilyView, person_id: str, years: int) -> date | None:
    """The day the person turns `years` (29 February birthdays fall on 1 March), if their birth is known."""
    born = view.birth_date(person_id)
    if born is None:
        return None
    try:
        return born.replace(year=born.year + years)
    except ValueError:
        return date(born.year + years, 3, 1)


def last_of(entries: Iterable[Entry]) -> Entry | None:
    """The latest of some entries in date order."""
    ordered = sorted(entries, key=Entry.sort_key)
    return ordered[-1] if ordered else None


def in_words(token: str) -> str:
    """A vocabulary token inside a sentence: 'core group', 'parental substance misuse', but 'MARAC'."""
    label = humanise(token)
    return label if label[:2].isupper() else label[0].lower() + label[1:]


def counted(number: int, word: str) -> str:
    """'a meeting', 'an allegation', '3 meetings'."""
    if number == 1:
        return f"{'an' if word[0] in 'aeiou' else 'a'} {word}"
    return f"{number} {word}s"


def recent_run(view: FamilyView, days: Iterable[date], *, relevant_days: int) -> date | None:
    """Since when some event of `days` has happened within `relevant_days` before each day up to as-of."""
    return frequent_run(view, set(days), window_days=relevant_days, minimum=1)


def frequent_run(view: FamilyView, days: Iterable[date], *, window_days: int, minimum: int) -> date | None:
    """Since when at least `minimum` events of `days` (a day listed twice counts twice) have happened within
    `window_days` before each day up to as-of."""
    found = sorted(days)
    window = timedelta(days=window_days)
    return condition_start(
        as_of=view.as_of,
        changes=window_changes(found, window),
        holds=lambda day: sum(1 for d in found if day - window <= d <= day) >= minimum,
    )


def current_lapses(
    view: FamilyView, lapses: Iterable[tuple[Key, date, Incident]], *, relevant_days: int
) -> dict[Key, tuple[date, list[tuple[date, Incident]]]]:
    """Lapses (what they concern, the day the deadline passed, what was not followed up) grouped by what
    they concern, for each group with a lapse still relevant as of the view: the day the unbroken run of
    relevant lapses began, and the lapses of that run."""
    grouped: dict[Key, list[tuple[date, Incident]]] = {}
    for key, day, incident in lapses:
        if day <= view.as_of:
            grouped.setdefault(key, []).append((day, incident))
    current = {}
    for key, found in grouped.items():
        start = recent_run(view, (day for day, _ in found), relevant_days=relevant_days)
        if start is not None:
            current[key] = (start, [(day, incident) for day, incident in found if day >= start])
    return current


# -- people and words ----------------------------------------------------------------------------


def adults_named(view: FamilyView, entries: Iterable[Entry]) -> tuple[str, ...]:
    """The adults of the household that some records are about, in household order."""
    named = {pid for entry in entries for pid in view.subjects(entry)}
    return tuple(pid for pid in view.household.adults if pid in named)


def listing(items: list[str]) -> str:
    """'a', 'a and b', 'a, b and c'."""
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def mentions(view: FamilyView, person_id: str, text: str) -> bool:
    """Whether a text names the person by any name an agency recorded for them."""
    return any(re.search(rf"\b{re.escape(name)}\b", text, re.IGNORECASE) for name in known_names(view, person_id))


def known_names(view: FamilyView, person_id: str) -> set[str]:
    """Every name agencies recorded for the person: full, given, first given name, known-as names, and the
    family name when nobody else in the family has it."""
    person = view.persons[person_id]
    others = {r.family_name.lower() for pid, p in view.persons.items() if pid != person_id for r in p.records}
    names = {person.display_name}
    for record in person.records:
        names.update((record.full_name, record.given_names, *record.given_names.split()[:1], *record.known_as))
        if record.family_name.lower() not in others:
            names.add(record.family_name)
    return {name for name in names if len(name) > 1}
