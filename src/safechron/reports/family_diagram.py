"""The family diagram: who the people are, how they are related and who lives in the household.

Drawn with Graphviz (dot) as SVG. Each family of the chronology is drawn with its household
as a box; a child who lives away (in care, left home) is drawn outside it. Relationships come
from the roles agencies recorded: parents to children, step-parents to children, partners to
parents. A person named in an open alert is drawn with a thick border and says so in words.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

import graphviz

from safechron.chronology.families import split_families
from safechron.chronology.model import Chronology, Person
from safechron.indicators.base import Alert
from safechron.indicators.context import FamilyView
from safechron.reports.report_model import person_caption, plural
from safechron.vocabulary import CHILD_ROLES

__all__ = ["Relationship", "family_diagram_svg", "relationships"]

_BIRTH_PARENTS = frozenset({"mother", "father"})
_STEP_PARENTS = frozenset({"stepmother", "stepfather"})
_PARTNERS = {"father": "mother", "stepfather": "mother", "partner": "mother", "stepmother": "father"}
_FONT = "Arial"
_ALERT_COLOUR = "#D4351C"


@dataclass(frozen=True, slots=True)
class Relationship:
    """An edge of the diagram: 'parent' and 'step-parent' point from adult to child; 'partners' has no direction."""

    kind: str  # 'parent', 'step-parent' or 'partners'
    source: str  # person id
    target: str  # person id


def relationships(persons: Sequence[Person]) -> list[Relationship]:
    """The relationships the recorded roles imply within one family.

    Mothers and fathers are parents of the children; step-parents are step-parents of them; a father,
    stepfather or partner is the mother's partner (a stepmother the father's). Roles such as
    grandparent or relative say nothing about whose relative, so they draw no edge."""
    children = [p.person_id for p in persons if p.role in CHILD_ROLES]
    by_role: dict[str, list[str]] = {}
    for person in persons:
        by_role.setdefault(person.role, []).append(person.person_id)
    edges: list[Relationship] = []
    for person in persons:
        if person.role in _BIRTH_PARENTS or person.role in _STEP_PARENTS:
            kind = "parent" if person.role in _BIRTH_PARENTS else "step-parent"
            edges.extend(Relationship(kind, person.person_id, child) for child in children)
        partner_role = _PARTNERS.get(person.role)
        if partner_role is not None:
            edges.extend(Relationship("partners", other, person.person_id) for other in by_role.get(partner_role, []))
    return edges


def family_diagram_svg(*, chronology: Chronology, alerts: Sequence[Alert], as_of: date) -> str:
    """The family diagram of every family in the chronology, as known on `as_of`, as SVG text."""
    flagged: dict[str, int] = {}
    for alert in alerts:
        for pid in dict.fromkeys((*alert.children, *alert.adults)):
            flagged[pid] = flagged.get(pid, 0) + 1
    graph = graphviz.Digraph(
        "family",
        graph_attr={"rankdir": "TB", "fontname": _FONT, "nodesep": "0.4", "ranksep": "0.6", "bgcolor": "white"},
        node_attr={"shape": "box", "style": "rounded", "fontname": _FONT, "fontsize": "11", "margin": "0.12,0.06"},
        edge_attr={"fontname": _FONT, "fontsize": "9", "color": "#505A5F", "arrowsize": "0.7"},
    )
    families = [family for family in split_families(chronology) if family.persons]
    for index, family in enumerate(families, start=1):
        label = "Household" if len(families) == 1 else f"Household {index}"
        _draw_family(graph, family, index=index, label=label, as_of=as_of, flagged=flagged)
    return graph.pipe(format="svg", encoding="utf-8")


def _draw_family(
    graph: graphviz.Digraph, family: Chronology, *, index: int, label: str, as_of: date, flagged: dict[str, int]
) -> None:
    view = FamilyView.as_of_date(family, as_of)
    inside = set(view.household.members)
    away = set(view.children_outside_household)
    with graph.subgraph(name=f"cluster_household_{index}") as box:
        box.attr(label=label, labeljust="l", style="dashed", color="#505A5F", fontname=_FONT, fontsize="11")
        for person in family.persons:
            if person.person_id in inside:
                _node(box, person, as_of=as_of, flagged=flagged, away=False)
    for person in family.persons:
        if person.person_id not in inside:
            _node(graph, person, as_of=as_of, flagged=flagged, away=person.person_id in away)
    edges = relationships(family.persons)
    connected = {pid for edge in edges for pid in (edge.source, edge.target)}
    anchor = next((person.person_id for person in family.persons if person.person_id in inside), None)
    for person in family.persons:
        if anchor is not None and person.person_id not in inside and person.person_id not in connected:
            graph.edge(anchor, person.person_id, style="invis", minlen="2")  # below the family, not beside it
    for edge in edges:
        if edge.kind == "partners":
            graph.edge(edge.source, edge.target, label="partners", dir="none", style="dashed", constraint="false")
        else:
            graph.edge(
                edge.source,
                edge.target,
                style="solid" if edge.kind == "parent" else "dotted",
                label="" if edge.kind == "parent" else "step-parent",
            )


def _node(graph: graphviz.Digraph, person: Person, *, as_of: date, flagged: dict[str, int], away: bool) -> None:
    lines = [person.display_name or person.person_id, person_caption(person, as_of=as_of)]
    if away:
        lines.append("Lives away from the household")
    count = flagged.get(person.person_id, 0)
    attributes = {"tooltip": ", ".join(lines)}
    if count:
        lines.append(f"Named in {plural(count, 'open alert', 'open alerts')}")
        attributes |= {"color": _ALERT_COLOUR, "penwidth": "3"}
    graph.node(person.person_id, label="\n".join(lines), **attributes)
