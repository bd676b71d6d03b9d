from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import date

from safechron.chronology.model import Chronology, Entry
from safechron.indicators.base import Alert
from safechron.reports.family_diagram import Relationship, family_diagram_svg, relationships
from tests.builders import FamilyBuilder

SVG = "{http://www.w3.org/2000/svg}"


def _groups(root: ET.Element, kind: str) -> dict[str, ET.Element]:
    """Graphviz groups of a class ('node', 'edge', 'cluster') by their <title>."""
    found = {}
    for group in root.iter(f"{SVG}g"):
        title = group.find(f"{SVG}title")
        if group.get("class") == kind and title is not None and title.text:
            found[title.text] = group
    return found


def _lines(group: ET.Element) -> list[str]:
    return [text.text or "" for text in group.iter(f"{SVG}text")]


def test_roles_drive_the_relationships() -> None:
    family = FamilyBuilder()
    mum = family.person("Mum", role="mother")
    partner = family.person("Partner", role="stepfather")
    child = family.person("Child", role="child")
    sibling = family.person("Sibling", role="sibling")
    family.person("Nan", role="grandparent")
    edges = relationships(family.build().persons)
    assert set(edges) == {
        Relationship("parent", mum, child),
        Relationship("parent", mum, sibling),
        Relationship("step-parent", partner, child),
        Relationship("step-parent", partner, sibling),
        Relationship("partners", mum, partner),
    }


def test_household_cluster_child_away_and_alert_marks(chronology: Chronology, alerts: list[Alert], as_of: date) -> None:
    root = ET.fromstring(family_diagram_svg(chronology=_connected(chronology), alerts=alerts, as_of=as_of))
    nodes = _groups(root, "node")
    assert set(nodes) == {"p1", "p2", "p3", "p4", "p5"}
    assert _lines(nodes["p1"]) == ["Kerry Smith", "Mother, born 1 February 1990 (26)", "Named in 1 open alert"]
    assert _lines(nodes["p3"]) == ["Child BY", "Child, born 19 October 2016, after this date", "Named in 2 open alerts"]
    assert _lines(nodes["p4"]) == ["Sibling 2", "Child, born March 2005 (11)", "Lives away from the household"]
    assert next(nodes["p1"].iter(f"{SVG}path")).get("stroke-width") == "3"
    assert next(nodes["p5"].iter(f"{SVG}path")).get("stroke-width") is None

    (household,) = _groups(root, "cluster").values()
    assert _lines(household) == ["Household"]
    box = household.find(f"{SVG}polygon")
    assert box is not None
    xs = [float(point.split(",")[0]) for point in box.get("points", "").split()]
    ys = [float(point.split(",")[1]) for point in box.get("points", "").split()]

    def inside(node: ET.Element) -> bool:
        text = next(node.iter(f"{SVG}text"))
        return min(xs) <= float(text.get("x", "0")) <= max(xs) and min(ys) <= float(text.get("y", "0")) <= max(ys)

    assert [inside(nodes[pid]) for pid in ("p1", "p2", "p3", "p4", "p5")] == [True, True, True, False, False]
    edges = _groups(root, "edge")
    assert {"p1->p3", "p2->p3", "p1->p4", "p2->p4", "p1->p2"} <= set(edges)
    assert "partners" in _lines(edges["p1->p2"])


def _connected(chronology: Chronology) -> Chronology:
    """The test family with one more entry naming everyone, so it is one family."""
    entry = chronology.entries[0]
    everyone = tuple(f"Test:{person.person_id}" for person in chronology.persons)
    chronology.entries.append(
        Entry(
            agency="Police",
            agency_type="police",
            record_id="ALL",
            date=entry.date,
            subjects=everyone,
            event_type="note",
            summary="Everyone named.",
        )
    )
    return chronology


def test_each_family_has_its_own_household(as_of: date) -> None:
    family = FamilyBuilder()
    mum, son = family.person("Ann", role="mother"), family.person("Ben", role="child", dob="2010-01-01")
    dad, girl = family.person("Carl", role="father"), family.person("Dee", role="child", dob="2012-01-01")
    family.entry("2016-01-05", "home_visit", "Visit.", [mum, son])
    family.entry("2016-01-06", "home_visit", "Visit.", [dad, girl])
    root = ET.fromstring(family_diagram_svg(chronology=family.build(), alerts=[], as_of=as_of))
    labels = sorted(_lines(group)[0] for group in _groups(root, "cluster").values())
    assert labels == ["Household 1", "Household 2"]
    assert set(_groups(root, "edge")) == {f"{mum}->{son}", f"{dad}->{girl}"}
    assert not [line for node in _groups(root, "node").values() for line in _lines(node) if "open alert" in line]
