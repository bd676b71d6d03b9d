from __future__ import annotations

from datetime import date

from safechron.chronology.dates import PartialDate
from safechron.indicators.base import REGISTRY, Alert
from safechron.reports.report_model import alert_title, person_caption
from tests.builders import FamilyBuilder


def _alert(code: str, title: str = "") -> Alert:
    return Alert(code=code, severity="high", first_met_on=date(2016, 1, 1), evidence=(), explanation="", title=title)


def test_alert_title_falls_back_to_the_catalogue_then_words() -> None:
    assert alert_title(_alert("TOXIC_TRIO", "Toxic trio")) == "Toxic trio"
    registered = next(iter(REGISTRY.values()))
    assert alert_title(_alert(registered.code)) == registered.title
    assert alert_title(_alert("NOT_IN_THE_CATALOGUE")) == "Not in the catalogue"


def test_person_caption_ages_on_the_day() -> None:
    family = FamilyBuilder()
    family.person("Mum", role="mother", dob="1990-02-01")
    family.person("Baby", role="unborn", unborn=True)
    family.person("Nan", role="grandparent")
    mum, baby, nan = family.build().persons
    assert person_caption(mum, as_of=date(2016, 1, 31)) == "Mother, born 1 February 1990 (25)"
    assert person_caption(mum, as_of=date(1989, 1, 1)) == "Mother, born 1 February 1990, after this date"
    assert person_caption(baby, as_of=date(2016, 1, 1)) == "Unborn child"
    baby.expected_date = PartialDate(2016, 3)
    assert person_caption(baby, as_of=date(2016, 1, 1)) == "Unborn child, due March 2016"
    assert person_caption(nan, as_of=date(2016, 1, 1)) == "Grandparent"
