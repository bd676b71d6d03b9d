"""A family as it was known on a date: the only thing an indicator may look at.

`FamilyView.as_of` keeps the entries that could be known on the date (dated, and
recorded, on or before it): no indicator can use hindsight because it never sees
a later entry. The view also answers the questions indicators share: who is a
child, who lives in the household, when plans were open.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cached_property

from safechron.chronology.dates import PartialDate, add_working_days
from safechron.chronology.model import Chronology, Entry, Person
from safechron.indicators.base import Alert, Thresholds
from safechron.vocabulary import CHILD_ROLES, PARENT_ROLES

__all__ = [
    "ADULT_AGE",
    "REGULAR_PRESENCE_DAYS",
    "RELATIVE_ROLES",
    "SEEN_WITH_FAMILY",
    "FamilyView",
    "Household",
    "Incident",
    "PlanPeriod",
    "condition_start",
    "day_after_deadline",
    "ends_plans",
    "spoken_day",
    "spoken_period",
    "spoken_span",
    "window_changes",
]

ADULT_AGE = 18.0
#: An adult named with a child of the household on this many different days is regularly present.
REGULAR_PRESENCE_DAYS = 3
#: Reports about a family by others: being named in one is not being present with the child.
REPORTS_BY_OTHERS = frozenset({"family_report", "public_report", "complaint"})
#: Relatives (a grandparent, an aunt, an adult brother or sister) who live elsewhere are often named with
#: the children: they report worries, they are hurt or cause trouble at incidents, they are talked about
#: at meetings. None of that is being present with the child; seeing them with the child is.
RELATIVE_ROLES = frozenset({"grandparent", "relative", "sibling"})
#: Records of a practitioner seeing the family: naming a relative there records them with the child.
SEEN_WITH_FAMILY = frozenset(
    {"home_visit", "school_visit", "office_visit", "child_seen", "video_call", "health_visit", "postnatal_check"}
)

PLAN_STARTS = {"cp_plan_start": "cp", "cin_plan_start": "cin"}
PLAN_ENDS = {
    "cp_plan_end": ("cp",),
    "cin_plan_end": ("cin",),
    "step_down": ("cp", "cin"),
    "case_closed": ("cp", "cin"),
}
#: A step-down or closure ends a plan only when children's social care, which holds the plan, records
#: it: a substance misuse service discharging a parent, or health visiting stepping a family down to
#: its universal service, leaves the child's plan open.
SERVICE_ENDS = frozenset({"step_down", "case_closed"})
PLAN_HOLDER = "childrens_social_care"


@dataclass(frozen=True, slots=True)
class PlanPeriod:
    """A child protection ('cp') or child in need ('cin') plan for one child."""

    child: str
    kind: str
    start: date
    start_entry: Entry
    end: date | None = None
    end_entry: Entry | None = None

    def open_on(self, day: date) -> bool:
        return self.start <= day and (self.end is None or day < self.end)

    def label(self) -> str:
        return "child protection plan" if self.kind == "cp" else "child in need plan"


@dataclass(frozen=True, slots=True)
class Household:
    """The children of a home and the adults who live with, or are regularly present with, them."""

    children: tuple[str, ...]
    adults: tuple[str, ...]

    @property
    def members(self) -> tuple[str, ...]:
        return self.children + self.adults


@dataclass(frozen=True, slots=True)
class Incident:
    """One event, however many agencies recorded it: the entries of one day about the same people."""

    day: date
    entries: tuple[Entry, ...]
    people: frozenset[str]


@dataclass
class FamilyView:
    """The persons and the entries of one combined chronology that were known on `as_of`.

    `thresholds` are the thresholds the family is evaluated with: an indicator that consults another
    indicator (SEPARATION_RISK asks whether DA_PATTERN is met) reads that indicator's table here.
    """

    as_of: date
    persons: dict[str, Person]
    entries: list[Entry]  # date order, every one known on or before as_of
    person_of_record: dict[str, str]
    _subjects: dict[tuple[str, str], tuple[str, ...]] = field(default_factory=dict)
    thresholds: Thresholds = field(default_factory=Thresholds.load)
    #: Views of the family on earlier days, shared by every view derived from the same one, so that
    #: asking about the same day twice builds (and works out the household of) one view.
    _earlier: dict[date, FamilyView] = field(default_factory=dict, repr=False, compare=False)
    #: The alerts of this view, by the codes left out (indicators.evaluate_view), worked out once.
    alerts_without: dict[frozenset[str], tuple[Alert, ...]] = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def as_of_date(cls, chronology: Chronology, as_of: date, thresholds: Thresholds | None = None) -> FamilyView:
        known = [entry for entry in chronology.entries if entry.known_on <= as_of]
        view = cls(
            as_of=as_of,
            persons={person.person_id: person.as_known_on(as_of) for person in chronology.persons},
            entries=known,
            person_of_record=chronology.person_of_record,
            thresholds=thresholds if thresholds is not None else Thresholds.load(),
        )
        for entry in known:
            view._subjects[entry.key] = tuple(chronology.subject_ids(entry))
        return view

    def earlier(self, day: date) -> FamilyView:
        """The same family as it was known on an earlier day (for first_met_on and 'open on that day')."""
        if day >= self.as_of:
            return self
        view = self._earlier.get(day)
        if view is None:
            known = [entry for entry in self.entries if entry.known_on <= day]
            view = FamilyView(
                as_of=day,
                persons=self.persons,
                entries=known,
                person_of_record=self.person_of_record,
                _subjects={entry.key: self._subjects.get(entry.key, ()) for entry in known},
                thresholds=self.thresholds,
                _earlier=self._earlier,
            )
            self._earlier[day] = view
        return view

    def with_thresholds(self, thresholds: Thresholds) -> FamilyView:
        """The same view evaluated with other thresholds."""
        if thresholds == self.thresholds:
            return self
        return FamilyView(
            as_of=self.as_of,
            persons=self.persons,
            entries=self.entries,
            person_of_record=self.person_of_record,
            _subjects=self._subjects,
            thresholds=thresholds,
        )

    # -- entries -------------------------------------------------------------------------

    def subjects(self, entry: Entry) -> tuple[str, ...]:
        """Person ids an entry is about."""
        return self._subjects.get(entry.key, ())

    def of_type(self, *event_types: str) -> list[Entry]:
        wanted = set(event_types)
        return [entry for entry in self.entries if entry.event_type in wanted]

    def with_tag(self, *tags: str) -> list[Entry]:
        wanted = set(tags)
        return [entry for entry in self.entries if entry.tags & wanted]

    def about(self, person_ids: Iterable[str]) -> list[Entry]:
        wanted = set(person_ids)
        return [entry for entry in self.entries if wanted.intersection(self.subjects(entry))]

    def between(self, start: date, end: date, entries: Iterable[Entry] | None = None) -> list[Entry]:
        """Entries whose date starts within [start, end]."""
        source = self.entries if entries is None else entries
        return [entry for entry in source if start <= entry.date.start <= end]

    def by_key(self, agency: str, record_id: str) -> Entry | None:
        return self._entry_index.get((agency, record_id))

    @cached_property
    def _entry_index(self) -> dict[tuple[str, str], Entry]:
        return {entry.key: entry for entry in self.entries}

    # -- people --------------------------------------------------------------------------

    def name(self, person_id: str) -> str:
        person = self.persons.get(person_id)
        return person.display_name if person and person.display_name else person_id

    def names(self, person_ids: Iterable[str]) -> str:
        """'Mother, Father and Sibling 1' style list of display names."""
        labels = [self.name(pid) for pid in person_ids]
        if len(labels) <= 1:
            return "".join(labels)
        return ", ".join(labels[:-1]) + " and " + labels[-1]

    def age(self, person_id: str, day: date | None = None) -> float | None:
        person = self.persons.get(person_id)
        return person.age_on(day or self.as_of) if person else None

    def birth_date(self, person_id: str) -> date | None:
        """Date of birth, or the date of a birth entry about the person once it is known."""
        person = self.persons.get(person_id)
        if person is not None and person.date_of_birth is not None:
            return person.date_of_birth.start
        for entry in self.of_type("birth"):
            if person_id in self.subjects(entry):
                return entry.date.start
        return None

    def is_born(self, person_id: str, day: date | None = None) -> bool:
        born = self.birth_date(person_id)
        return born is not None and born <= (day or self.as_of)

    def is_child(self, person_id: str, day: date | None = None) -> bool:
        """Under 18 on the day, or recorded in a child role with no date of birth."""
        person = self.persons.get(person_id)
        if person is None:
            return False
        age = self.age(person_id, day)
        if age is not None:
            return age < ADULT_AGE
        return person.role in CHILD_ROLES or person.unborn

    @cached_property
    def children(self) -> tuple[str, ...]:
        """Every child of the family known on the date, born or unborn."""
        return tuple(pid for pid in self.persons if self.is_child(pid))

    @cached_property
    def adults(self) -> tuple[str, ...]:
        return tuple(pid for pid in self.persons if pid not in self.children)

    @cached_property
    def household(self) -> Household:
        """The children living at home and the adults who live with, or are regularly present with, them.

        The rule, in order:

        - Children: every child known on the date, born or unborn, except one recorded as not living
          with the family (``lives_with_child`` "no": in care, left home).
        - Home postcodes: the postcodes any agency recorded for those children.
        - An adult is in the household when any agency records them as living with the child; or
          when they share a home postcode and no agency records them as living apart; or when they
          are in a parent's or partner's role, nobody records where they live, and none of their
          postcodes disagrees with the home postcodes.
        - An adult who lives elsewhere (or whose role is not a parent's) is still in the household
          when regularly present: named, as an adult, together with a child of the household in
          entries on `REGULAR_PRESENCE_DAYS` different days or more. Reports about the family by relatives or
          the public do not count as presence. For a relative (`RELATIVE_ROLES`: a grandparent reporting
          concerns, an aunt hurt at an incident at the door) only the records of practitioners seeing the
          family with them count (`SEEN_WITH_FAMILY`): the catalogue's household is the adults who live
          with, or are recorded as regularly present with, the child.
        """
        children = tuple(pid for pid in self.children if _lives_with_child(self.persons[pid]) is not False)
        home = {code for pid in children for code in _postcodes(self.persons[pid])}
        present = self._days_present_with(set(children))
        adults = tuple(
            pid
            for pid in self.adults
            if self._lives_in_home(self.persons[pid], home) or present.get(pid, 0) >= REGULAR_PRESENCE_DAYS
        )
        return Household(children, adults)

    @staticmethod
    def _lives_in_home(person: Person, home: set[str]) -> bool:
        lives = _lives_with_child(person)
        if lives is not None:
            return lives
        postcodes = _postcodes(person)
        if postcodes & home:
            return True
        disagrees = bool(postcodes and home)
        return person.role in PARENT_ROLES and not disagrees

    def _days_present_with(self, children: set[str]) -> dict[str, int]:
        """For each person who is not one of `children`: on how many days an entry names them, as an
        adult, with one (an older sibling named with the family while still a child at home was not
        an adult present with the children)."""
        days_with: dict[str, set[date]] = {}
        for entry in self.entries:
            if entry.event_type in REPORTS_BY_OTHERS:
                continue
            subjects = self.subjects(entry)
            day = entry.date.start
            if children.intersection(subjects):
                for pid in subjects:
                    if pid in children or self.is_child(pid, day):
                        continue
                    if _role(self.persons.get(pid)) in RELATIVE_ROLES and entry.event_type not in SEEN_WITH_FAMILY:
                        continue
                    days_with.setdefault(pid, set()).add(day)
        return {pid: len(found) for pid, found in days_with.items()}

    @cached_property
    def household_entries(self) -> list[Entry]:
        """Entries about a member of the household, or naming nobody the engine could identify, in date order."""
        members = set(self.household.members)
        return [
            entry for entry in self.entries if not self.subjects(entry) or members.intersection(self.subjects(entry))
        ]

    def incidents(self, entries: Iterable[Entry]) -> list[Incident]:
        """Group entries into incidents: one event recorded by several agencies counts once.

        Entries on the same day about overlapping people (or naming nobody) are one incident.
        """
        incidents: list[Incident] = []
        for entry in sorted(entries, key=Entry.sort_key):
            people = frozenset(self.subjects(entry))
            same = next(
                (
                    i
                    for i, incident in enumerate(incidents)
                    if incident.day == entry.date.start
                    and (not people or not incident.people or people & incident.people)
                ),
                None,
            )
            if same is None:
                incidents.append(Incident(entry.date.start, (entry,), people))
            else:
                found = incidents[same]
                incidents[same] = Incident(found.day, (*found.entries, entry), found.people | people)
        return incidents

    @cached_property
    def children_outside_household(self) -> tuple[str, ...]:
        return tuple(pid for pid in self.children if pid not in self.household.children)

    # -- plans ---------------------------------------------------------------------------

    @cached_property
    def plan_periods(self) -> tuple[PlanPeriod, ...]:
        """CP and CIN plans per child, from plan start and end entries, and children's social care's
        step-down and closure entries (another agency closing its own case does not end a plan).

        A plan entry naming no child applies to every child of the household.
        """
        periods: list[PlanPeriod] = []
        open_plans: dict[tuple[str, str], PlanPeriod] = {}
        for entry in self.of_type(*PLAN_STARTS, *PLAN_ENDS):
            if entry.event_type not in PLAN_STARTS and not ends_plans(entry):
                continue
            children = [pid for pid in self.subjects(entry) if pid in self.children] or list(self.household.children)
            day = entry.date.start
            for child in children:
                if entry.event_type in PLAN_STARTS:
                    kind = PLAN_STARTS[entry.event_type]
                    if (child, kind) not in open_plans:
                        open_plans[(child, kind)] = PlanPeriod(child, kind, day, entry)
                else:
                    for kind in PLAN_ENDS[entry.event_type]:
                        plan = open_plans.pop((child, kind), None)
                        if plan is not None:
                            periods.append(PlanPeriod(plan.child, kind, plan.start, plan.start_entry, day, entry))
        periods.extend(open_plans.values())
        return tuple(sorted(periods, key=lambda p: (p.start, p.child, p.kind)))

    def plans_for(self, child: str, kind: str | None = None) -> list[PlanPeriod]:
        return [p for p in self.plan_periods if p.child == child and (kind is None or p.kind == kind)]

    def open_plan(self, child: str, day: date | None = None, kind: str | None = None) -> PlanPeriod | None:
        """The plan open for the child on the day (default: as of), if any."""
        on = day or self.as_of
        for plan in self.plans_for(child, kind):
            if plan.open_on(on):
                return plan
        return None

    def children_on_plan(self, day: date | None = None, kind: str | None = None) -> tuple[str, ...]:
        return tuple(child for child in self.children if self.open_plan(child, day, kind))


def ends_plans(entry: Entry) -> bool:
    """Whether an entry ends a child's plan or children's social care's involvement: a plan end
    recorded by anyone, or a step-down or closure recorded by children's social care (another agency
    closing its own case ends nothing but its own work)."""
    if entry.event_type in SERVICE_ENDS:
        return entry.agency_type == PLAN_HOLDER
    return entry.event_type in PLAN_ENDS


def _lives_with_child(person: Person) -> bool | None:
    """Whether the person lives with the child: the linked person's value, else what the records say."""
    if person.lives_with_child is not None:
        return person.lives_with_child
    said = {record.lives_with_child for record in person.records} - {None}
    if True in said:
        return True
    return False if said else None


def _postcodes(person: Person) -> set[str]:
    return {record.postcode for record in person.records if record.postcode}


def condition_start(*, as_of: date, changes: Iterable[date], holds: Callable[[date], bool]) -> date | None:
    """The first day of the unbroken run of days, ending on `as_of`, on which `holds` is true.

    None when it does not hold on `as_of`. `holds` may change its answer only on the `changes`
    days (for a windowed count: each event's date and the day after it leaves the window, see
    `window_changes`), so checking those days is exact.
    """
    if not holds(as_of):
        return None
    start = as_of
    for day in sorted({d for d in changes if d < as_of}, reverse=True):
        if not holds(day):
            break
        start = day
    return start


def window_changes(dates: Iterable[date], window: timedelta) -> set[date]:
    """The days a count of events within `window` before a day can change: each event enters and leaves."""
    changes: set[date] = set()
    for day in dates:
        changes.update((day, day + window + timedelta(days=1)))
    return changes


def day_after_deadline(start: date, *, working_days: int | None = None, calendar_days: int | None = None) -> date:
    """The first day on which "not done within N (working) days of `start`" is known: the day after the last
    day allowed. Something done on the last allowed day is in time."""
    if working_days is not None:
        return add_working_days(start, working_days) + timedelta(days=1)
    return start + timedelta(days=calendar_days or 0) + timedelta(days=1)


def spoken_period(days: int) -> str:
    """A threshold in days as people say it: 365 -> '12 months', 182 -> '6 months', 56 -> '8 weeks',
    730 -> '2 years', 28 -> '28 days'."""
    years, months = days / 365.25, days / 30.44
    if days >= 730 and abs(years - round(years)) * 365.25 <= 2:
        return f"{round(years)} years"
    if days >= 89 and abs(months - round(months)) * 30.44 <= 2:
        return f"{round(months)} months"
    if days >= 35 and days % 7 == 0:
        return f"{days // 7} weeks"
    return f"{days} day{'s' if days != 1 else ''}"


def spoken_day(day: date) -> str:
    """'2 March 2016'."""
    return PartialDate.from_date(day).display()


def spoken_span(first: date, last: date) -> str:
    """'on 2 March 2016', 'between 2 March and 14 June 2016', 'between 2 March 2015 and 14 June 2016'."""
    if first == last:
        return f"on {spoken_day(first)}"
    start = spoken_day(first)
    if first.year == last.year:
        start = start.rsplit(" ", 1)[0]
    return f"between {start} and {spoken_day(last)}"


def days(n: int) -> timedelta:
    """Shorthand used by indicator windows."""
    return timedelta(days=n)


def _role(person: Person | None) -> str:
    return person.role if person is not None else ""
