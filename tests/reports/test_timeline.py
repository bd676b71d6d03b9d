from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import date, timedelta

from safechron.chronology.model import Chronology
from safechron.indicators.base import Alert, Evidence
from safechron.reports.timeline import AGENCY_COLOURS, timeline_svg
from tests.builders import AGENCY_TYPES, FamilyBuilder

SVG = "{http://www.w3.org/2000/svg}"


def _texts(root: ET.Element) -> list[str]:
    return [element.text or "" for element in root.iter(f"{SVG}text")]


def test_lanes_markers_and_first_met_rules(chronology: Chronology, alerts: list[Alert], as_of: date) -> None:
    root = ET.fromstring(timeline_svg(chronology=chronology, alerts=alerts, as_of=as_of))
    texts = _texts(root)
    for lane in ("Kerry Smith (mother)", "Dean Jones (father)", "Child BY (child)", "Jean Smith (grandparent)"):
        assert lane in texts
    assert "Sibling 2 (child)" in texts  # a lane for every person, even with nothing known yet
    assert "31 May 2016: Toxic trio (high)" in texts
    assert "22 May 2016: Family concerns (medium)" in texts
    assert {"Agency", "GP", "Health Visiting", "NSPCC", "Police"} <= set(texts)
    titles = [element.text or "" for element in root.iter(f"{SVG}title")]
    # one marker per entry and person it is about, known on the as-of date (the 2016 note is not yet)
    assert len(titles) == 7
    assert "About 22 May 2016, NSPCC: Family report. Nan says Dean is drinking again." in titles
    assert not [t for t in titles if "Sibling 2" in t]


def test_agencies_differ_by_colour_and_shape(chronology: Chronology, alerts: list[Alert], as_of: date) -> None:
    root = ET.fromstring(timeline_svg(chronology=chronology, alerts=alerts, as_of=as_of))
    symbols = {}
    for element in root.iter(f"{SVG}path"):
        title = element.find(f"{SVG}title")
        if title is not None and title.text and ", " in title.text and ":" in title.text:
            agency = title.text.split(", ", 1)[1].split(":", 1)[0]
            symbols[agency] = (element.get("fill"), element.get("d"))
    assert len(set(symbols.values())) == len(symbols) >= 3
    assert {fill for fill, _ in symbols.values()} <= {colour.lower() for colour in AGENCY_COLOURS} | set(AGENCY_COLOURS)


def test_two_thousand_entries_render(as_of: date) -> None:
    family = FamilyBuilder()
    people = [family.person(f"Person {n}", role=role) for n, role in enumerate(["mother", "father", "child", "child"])]
    agencies = list(AGENCY_TYPES)
    start = date(2014, 1, 1)
    for n in range(2000):
        family.entry(
            (start + timedelta(days=n % 900)).isoformat(),
            "note",
            f"Entry {n} " + "text " * 60,
            [people[n % 4], people[(n + 1) % 4]],
            agency=agencies[n % len(agencies)],
        )
    alerts = [
        Alert(
            code=f"CODE_{n}",
            severity="high" if n % 2 else "medium",
            first_met_on=start + timedelta(days=90 * n),
            evidence=(Evidence("Police", "R0001", family.build().entries[0].date),),
            explanation="x",
            title=f"Alert {n}",
        )
        for n in range(8)
    ]
    root = ET.fromstring(timeline_svg(chronology=family.build(), alerts=alerts, as_of=date(2017, 1, 1)))
    titles = [element.text or "" for element in root.iter(f"{SVG}title")]
    assert len(titles) >= 4000
    assert max(len(t) for t in titles) < 400  # long summaries are cut short on hover
    assert float(root.get("height", "0")) < 600  # lanes, not one row per entry


def test_alerts_first_met_on_one_day_share_a_labelled_rule(chronology: Chronology, as_of: date) -> None:
    day = date(2016, 6, 1)
    evidence = (Evidence("Police", "INC-2231", chronology.entries[1].date),)
    alerts = [
        Alert(code="INFANT", severity="high", first_met_on=day, evidence=evidence, explanation="x", title="Baby"),
        Alert(code="INFANT", severity="high", first_met_on=day, evidence=evidence, explanation="x", title="Baby"),
        Alert(code="PARTIAL", severity="medium", first_met_on=day, evidence=evidence, explanation="x", title="Two"),
    ]
    texts = _texts(ET.fromstring(timeline_svg(chronology=chronology, alerts=alerts, as_of=as_of)))
    assert "1 June 2016: Baby (high, 2 alerts); Two (medium)" in texts


def test_people_who_read_the_same_keep_their_own_lanes(as_of: date) -> None:
    family = FamilyBuilder()
    first = family.person("Child", role="child")
    second = family.person("Child", role="child")
    family.entry("2016-01-05", "child_seen", "Seen at school.", [first], agency="School")
    family.entry("2016-02-05", "child_seen", "Seen at nursery.", [second], agency="Nursery")
    family.entry("2016-03-05", "note", "Anonymous call, no one named.", [], agency="Police")
    texts = _texts(ET.fromstring(timeline_svg(chronology=family.build(), alerts=[], as_of=as_of)))
    assert {"Child (child) [p1]", "Child (child) [p2]", "No one linked"} <= set(texts)
