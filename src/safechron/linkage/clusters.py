"""Grouping records into persons, one decision at a time, strongest first, never breaking a rule.

Links are made in this order: links a practitioner confirmed, then shared identifiers, then the
model's pairs from the most to the least likely, then records known only by a role, then a pregnancy
with the child born of it. A link is refused when it would put together records that must stay apart:
a pair a practitioner split (always), two records of one agency, records with different identifiers
of one kind, and (for the model's and role links only) a mother with a father,
a parent or grandparent with a child, two sexes, or dates of birth that cannot be one recorded date
(the pair's own dates are weighed by the model; every other record of the two groups must agree).
These rules hold for the whole group, not only the pair being linked, so a chain of plausible
pairs (A like B, B like C) cannot make one person of people who clearly differ.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from safechron.chronology.dates import PartialDate

__all__ = ["Clusters", "dates_agree", "dates_compatible"]

#: Role classes that are never one person, however alike the records (a father and his son of the
#: same name at the same address; a young mother recorded as a child by another agency is linked by
#: a practitioner's confirmation).
_APART: tuple[frozenset[str], ...] = (
    frozenset({"female parent", "male parent"}),
    frozenset({"female parent", "child"}),
    frozenset({"male parent", "child"}),
    frozenset({"grandparent", "child"}),
)


@dataclass(slots=True)
class _Group:
    members: list[int]
    agencies: set[str]
    identifiers: dict[str, set[str]]
    roles: set[str]
    sexes: set[str]
    dates_of_birth: dict[PartialDate, set[int]]  # the records holding each date


@dataclass(slots=True)
class Clusters:
    """Union-find over record indices, with what each group holds so the rules can be checked."""

    parent: list[int]
    groups: dict[int, _Group]
    split_from: dict[int, set[int]] = field(default_factory=dict)

    @classmethod
    def of(
        cls,
        *,
        agencies: list[str],
        identifiers: list[dict[str, str]],
        roles: list[str | None],
        sexes: list[str | None],
        dates_of_birth: list[PartialDate | None],
        split: list[tuple[int, int]],
    ) -> Clusters:
        groups = {
            index: _Group(
                members=[index],
                agencies={agencies[index]},
                identifiers={kind: {value} for kind, value in identifiers[index].items()},
                roles={role} if (role := roles[index]) else set(),
                sexes={sex} if (sex := sexes[index]) else set(),
                dates_of_birth={born: {index}} if (born := dates_of_birth[index]) else {},
            )
            for index in range(len(agencies))
        }
        split_from: dict[int, set[int]] = {}
        for a, b in split:
            split_from.setdefault(a, set()).add(b)
            split_from.setdefault(b, set()).add(a)
        return cls(parent=list(range(len(agencies))), groups=groups, split_from=split_from)

    def find(self, index: int) -> int:
        root = index
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[index] != root:
            self.parent[index], index = root, self.parent[index]
        return root

    def link(self, a: int, b: int, *, method: str) -> bool:
        """Put a and b in one person if the rules for `method` allow it; True if a link was made."""
        root_a, root_b = self.find(a), self.find(b)
        if root_a == root_b or not self._allowed(root_a, root_b, pair=(a, b), method=method):
            return False
        if len(self.groups[root_a].members) < len(self.groups[root_b].members):
            root_a, root_b = root_b, root_a
        kept, merged = self.groups[root_a], self.groups.pop(root_b)
        self.parent[root_b] = root_a
        kept.members.extend(merged.members)
        kept.agencies |= merged.agencies
        for kind, values in merged.identifiers.items():
            kept.identifiers.setdefault(kind, set()).update(values)
        kept.roles |= merged.roles
        kept.sexes |= merged.sexes
        for born, holders in merged.dates_of_birth.items():
            kept.dates_of_birth.setdefault(born, set()).update(holders)
        return True

    def could_be_one(self, a: int, b: int) -> bool:
        """Whether a and b could be one person under the model's rules, their own dates included."""
        root_a, root_b = self.find(a), self.find(b)
        return root_a == root_b or self._allowed(root_a, root_b, pair=(-1, -1), method="probabilistic")

    def _allowed(self, root_a: int, root_b: int, *, pair: tuple[int, int], method: str) -> bool:
        group_a, group_b = self.groups[root_a], self.groups[root_b]
        if len(group_a.members) > len(group_b.members):
            group_a, group_b, root_a, root_b = group_b, group_a, root_b, root_a
        for member in group_a.members:
            if any(self.find(apart) == root_b for apart in self.split_from.get(member, ())):
                return False
        if method == "confirmed":
            return True
        if group_a.agencies & group_b.agencies:
            return False
        for kind, values in group_a.identifiers.items():
            if kind in group_b.identifiers and not values & group_b.identifiers[kind]:
                return False
        if method in ("identifier", "birth"):
            return True
        return (
            not any(group_a.roles | group_b.roles >= apart for apart in _APART)
            and len(group_a.sexes | group_b.sexes) <= 1
            and all(
                dates_compatible(date_a, date_b) or holders_a | holders_b == set(pair)  # weighed by the model
                for date_a, holders_a in group_a.dates_of_birth.items()
                for date_b, holders_b in group_b.dates_of_birth.items()
            )
        )

    def members(self) -> list[list[int]]:
        """Each group's record indices in input order, groups in order of their first record."""
        return sorted((sorted(group.members) for group in self.groups.values()), key=lambda m: m[0])


def dates_agree(a: PartialDate, b: PartialDate) -> bool:
    """The same date as far as both record it (2016-10 agrees with 2016-10-19)."""
    return a.year == b.year and (a.month is None or b.month is None or a.month == b.month) and (
        a.day is None or b.day is None or a.day == b.day)


def dates_compatible(a: PartialDate, b: PartialDate) -> bool:
    """Could be one date of birth recorded twice: agreeing as far as recorded (either read with day
    and month swapped), or one digit mistyped (or two neighbouring digits swapped)."""
    if any(dates_agree(x, y) for x in _readings(a) for y in _readings(b)):
        return True
    return a.precision == "day" and b.precision == "day" and _one_edit(a.iso(), b.iso())


def _readings(day: PartialDate) -> list[PartialDate]:
    """The date as written and, when its day could be a month, with day and month swapped."""
    if day.day is None or day.month is None or day.day > 12 or day.day == day.month:
        return [day]
    return [day, PartialDate(day.year, day.day, day.month, day.uncertain)]


def _one_edit(a: str, b: str) -> bool:
    """Equal-length texts differing in one character, or in two neighbouring characters swapped."""
    differ = [i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]
    return len(differ) <= 1 or (len(differ) == 2 and differ[1] == differ[0] + 1
                                and a[differ[0]] == b[differ[1]] and a[differ[1]] == b[differ[0]])
