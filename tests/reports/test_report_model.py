from __future__ import annotations

from datetime import date

from safechron.chronology.dates import PartialDate
from safechron.chronology.model import LinkReason, PersonRecord
from safechron.indicators.base import REGISTRY, Alert
from safechron.reports.report_model import age_in_words, alert_title, build_report, person_caption
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


def test_babies_ages_are_in_months() -> None:
    born = date(2016, 10, 19)
    assert age_in_words(born=born, on=date(2016, 11, 1)) == "under 1 month"
    assert age_in_words(born=born, on=date(2016, 11, 19)) == "1 month"
    assert age_in_words(born=born, on=date(2017, 4, 18)) == "5 months"
    assert age_in_words(born=born, on=date(2018, 10, 18)) == "23 months"
    assert age_in_words(born=born, on=date(2018, 10, 19)) == "2"
    assert age_in_words(born=date(1990, 2, 1), on=date(2016, 1, 31)) == "25"


def test_people_show_each_record_and_the_reason_it_was_linked(as_of: date) -> None:
    family = FamilyBuilder()
    family.person("Kerry Smith", role="mother", dob="1990-02-01")
    chronology = family.build()
    kerry = chronology.persons[0]
    kerry.records.append(PersonRecord(agency="Police", person_ref="P-41", given_names="Kerry", family_name="Smyth"))
    kerry.reasons.append(LinkReason("Test:p1", "Police:P-41", "identifier", ("NHS number",)))
    (view,) = build_report(chronology=chronology, alerts=[], as_of=as_of).persons
    assert view.records == ("Test: p1, recorded as Kerry Smith (Mother)", "Police: P-41, recorded as Kerry Smyth")
    assert view.reasons == ("Test:p1 with Police:P-41: identifier: NHS number",)
    assert view.open_alerts == ()
