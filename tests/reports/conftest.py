"""A small family for the renderers: partial and uncertain dates, tags of both kinds, a hostile summary."""

from __future__ import annotations

from datetime import date

import pytest

from safechron.chronology.model import Chronology, QuarantinedRow
from safechron.indicators.base import Alert, Evidence
from tests.builders import FamilyBuilder


@pytest.fixture
def chronology() -> Chronology:
    family = FamilyBuilder()
    mum = family.person("Kerry Smith", role="mother", dob="1990-02-01", sex="female")
    dad = family.person("Dean Jones", role="father", dob="1988", sex="male", lives_with_child=True)
    baby = family.person("Child BY", role="child", dob="2016-10-19")
    sister = family.person("Sibling 2", role="child", dob="2005-03", lives_with_child=False)
    nan = family.person("Jean Smith", role="grandparent")
    family.entry(
        "2016-04-02",
        "domestic_abuse_incident",
        "Police called: Dean hit Kerry.",
        [mum, dad],
        agency="Police",
        record_id="INC-2231",
        tags=["domestic_abuse"],
        at="23:40",
        action="DASH completed",
        outcome="Dean arrested",
    )
    family.entry("2016-05", "gp_appointment", "Kerry low in mood, prescribed sertraline.", [mum], agency="GP")
    family.entry("?2016-05-22", "family_report", "Nan says Dean is drinking again.", [nan, dad], agency="NSPCC")
    family.entry(
        "2016-06-01",
        "home_visit",
        '=HYPERLINK("http://evil") -5 baby seen',
        [baby, mum],
        agency="Health Visiting",
        action="+1 follow up",
        outcome="@SUM(A1)",
    )
    family.entry("2016", "note", "\tTab-led note about Sibling 2", [sister], agency="Children's Social Care")
    built = family.build()
    by_id = {entry.record_id: entry for entry in built.entries}
    by_id["R0002"].proposed_tags = frozenset({"mental_health_parent"})
    by_id["R0003"].proposed_tags = frozenset({"alcohol_misuse_parent", "domestic_abuse"})
    by_id["INC-2231"].proposed_tags = frozenset({"domestic_abuse"})
    built.quarantine.append(
        QuarantinedRow(
            file="police/entries.csv",
            table="entries",
            row=14,
            column="date",
            reason="'31/02/2016' is not a date",
            values={"date": "31/02/2016", "summary": "=cmd|'/C calc'!A0"},
        )
    )
    return built


@pytest.fixture
def alerts(chronology: Chronology) -> list[Alert]:
    by_id = {entry.record_id: entry for entry in chronology.entries}
    first, second, third = by_id["INC-2231"], by_id["R0002"], by_id["R0003"]
    return [
        Alert(
            code="TOXIC_TRIO",
            severity="high",
            first_met_on=date(2016, 5, 31),
            evidence=tuple(Evidence(e.agency, e.record_id, e.date) for e in (first, second, third)),
            explanation="Domestic abuse, parental mental ill-health and alcohol misuse within 12 months.",
            children=("p3",),
            adults=("p1", "p2"),
            reference="000 §56-58",
            title="Toxic trio",
        ),
        Alert(
            code="FAMILY_CONCERNS",
            severity="medium",
            first_met_on=date(2016, 5, 22),
            evidence=(Evidence(third.agency, third.record_id, third.date),),
            explanation="A relative raised concerns.",
            children=("p3",),
            title="Family concerns",
        ),
    ]


@pytest.fixture
def as_of() -> date:
    return date(2016, 6, 30)
