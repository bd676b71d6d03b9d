"""Grouping records into persons, one decision at a time, strongest first, never breaking a rule.

Links are made in this order: links a practitioner confirmed, then shared identifiers, then the
model's pairs from the most to the least likely. A link is refused when it would put together
records that must stay apart: a pair a practitioner split (always), two records of one agency,
records with different identifiers of one kind, and (for the model only) a mother with a father
or an unborn child with a born one.
"""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["Clusters"]

_PARENTS = frozenset({"female parent", "male parent"})


@dataclass(slots=True)
class _Group:
    members: list[int]
    agencies: set[str]
    identifiers: dict[str, set[str]]
    roles: set[str]
    unborn: set[bool]


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
        unborn: list[bool],
        split: list[tuple[int, int]],
    ) -> Clusters:
        groups = {
            index: _Group(
                members=[index],
                agencies={agencies[index]},
                identifiers={kind: {value} for kind, value in identifiers[index].items()},
                roles={roles[index]} if roles[index] else set(),
                unborn={unborn[index]},
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
        if root_a == root_b or not self._allowed(root_a, root_b, method=method):
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
        kept.unborn |= merged.unborn
        return True

    def _allowed(self, root_a: int, root_b: int, *, method: str) -> bool:
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
        if method == "identifier":
            return True
        return not group_a.roles | group_b.roles >= _PARENTS and len(group_a.unborn | group_b.unborn) == 1

    def members(self) -> list[list[int]]:
        """Each group's record indices in input order, groups in order of their first record."""
        return sorted((sorted(group.members) for group in self.groups.values()), key=lambda m: m[0])
