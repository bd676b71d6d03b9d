"""Anonymising for publication: a family of two real submission folders (police and children's social
care) read, linked and tagged by the real pipeline, then anonymised."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from pathlib import Path

import pytest

from safechron.chronology.model import Chronology
from safechron.pipeline import analyse, load
from safechron.reports.anonymise import AnonymiseOptions, anonymise, person_labels, words_to_check
from tests.builders import FamilyBuilder

POLICE_PEOPLE = """agency,person_ref,given_names,family_name,known_as,date_of_birth,sex,pnc_id,postcode,address,role,lives_with_child
Greater Manchester Police,GMP-11,Leanne,Marsh,Lea,03/05/1992,F,,BL3 4QT,"14 Larkfield Road, Bolton",mother,yes
Greater Manchester Police,GMP-12,Robert,QUINLAN,Robbo,1988-11-30,M,05/123456Q,BL1 2XY,"9 Tennyson Close, Bolton",father,no
Greater Manchester Police,GMP-13,Mason,Quinlan,,2010-02-14,M,,BL3 4QT,"14 Larkfield Road, Bolton",child,yes
Greater Manchester Police,GMP-14,Wayne,Tilsley,,1985,M,,,,other_adult,no
"""  # noqa: E501
POLICE_ENTRIES = """agency,agency_type,record_id,date,time,subjects,event_type,summary,action,outcome,tags
Greater Manchester Police,police,INC-100,2015-03-10,22:15,GMP-11;GMP-12;GMP-13,domestic_abuse_incident,\
"Call from Leanne Marsh on 07700 900123: Robbo punched her at 14 Larkfield Road, BL3 4QT. Mason (5) present.",\
DASH completed,QUINLAN arrested,domestic_abuse
Greater Manchester Police,police,INC-200,2016-02-03,23:40,GMP-11;GMP-12,domestic_abuse_incident,\
"Lea says R. Quinlan threatened her with a knife. Wayne Tilsley was present and intervened. \
Mr Quinlan left before police arrived.",Referral to children's social care,"Robert arrested, PNC 05/123456Q",\
domestic_abuse;weapon_or_threat_to_kill
Greater Manchester Police,police,INC-300,2016-04-20,01:10,GMP-11;GMP-12,domestic_abuse_incident,\
"Neighbour Sharon Platt called: Ms Marsh heard screaming, MARSH injured to the face. \
Email from her: leanne.marsh@example.com",\
,NFA,domestic_abuse
Greater Manchester Police,police,INC-400,2017-01-10,20:00,GMP-12,arrest,Quinlan arrested for breach of bail.,,,
"""
CSC_PEOPLE = """agency,person_ref,given_names,family_name,date_of_birth,sex,nhs_number,la_id,postcode,address,role,lives_with_child
Bolton Children's Services,C-501,Leanne,Marsh,1992-05-03,female,485 777 3456,LA-77123,BL3 4QT,"14 Larkfield Road, Bolton",mother,yes
Bolton Children's Services,C-502,Mason,Quinlan,2010-02-14,male,,LA-77124,BL3 4QT,"14 Larkfield Road, Bolton",child,yes
Bolton Children's Services,C-503,Poppy,Quinlan,2013-07-01,female,,LA-77125,BL3 4QT,"14 Larkfield Road, Bolton",child,yes
Bolton Children's Services,C-504,Finley,Marsh,2016-08-12,male,,LA-77126,BL3 4QT,"14 Larkfield Road, Bolton",child,yes
Bolton Children's Services,C-505,Janet,Marsh,1966-01-20,female,,,BL4 8PP,,grandparent,no
Bolton Children's Services,C-506,Derek,Quinlan,1960,male,,,,,grandparent,no
Bolton Children's Services,C-507,Robert,Quinlan,1988-11-30,male,,LA-77127,BL1 2XY,"9 Tennyson Close, Bolton",father,no
"""  # noqa: E501
CSC_ENTRIES = """agency,agency_type,record_id,date,recorded_date,subjects,event_type,summary,action,outcome,tags
Bolton Children's Services,childrens_social_care,CS-1,2015-06-01,,C-501;C-502,contact,\
Police notification of domestic abuse. Leanne declined support.,,No further action,
Bolton Children's Services,childrens_social_care,CS-2,2016-02-05,,C-501;C-502;C-503,referral,\
"Referral after knife incident. Leanne is pregnant. Janet (maternal grandmother) will help; Derek not involved.",\
Assessment started,,domestic_abuse;pregnancy
Bolton Children's Services,childrens_social_care,CS-3,2016-05-10,,C-501;C-502;C-503;C-507,home_visit,\
"Home visit: Poppy and Mason seen. Lea and Robbo deny contact. Phone 01204 334455. NHS 485 777 3456, DOB 03/05/1992.",,,
Bolton Children's Services,childrens_social_care,CS-4,2016-09-15,2016-10-20,C-501;C-504;C-507,home_visit,\
"Finley born 12 August 2016. Robert Quinlan staying most nights. Mother's partner Wayne visiting.",\
Child protection strategy discussion,,domestic_abuse
Bolton Children's Services,childrens_social_care,CS-5,2016-11-02,,C-504;C-501,strategy_discussion,\
Strategy discussion about Finley on 02/11/2016. Mrs Marsh did not attend.,Section 47 enquiry,,
"""

#: Everything in the family's records that must never appear in an anonymised output.
SECRETS = (
    "Leanne", "Lea", "Marsh", "Robert", "Robbo", "Quinlan", "Mason", "Poppy", "Finley", "Janet", "Derek",
    "Wayne", "Tilsley", "Larkfield", "Tennyson", "BL3 4QT", "BL1 2XY", "BL4 8PP", "485 777 3456", "4857773456",
    "05/123456Q", "LA-77123", "07700 900123", "01204 334455", "leanne.marsh@example.com", "03/05/1992",
)  # fmt: skip


def write_family(root: Path) -> Path:
    """The family as two agencies' submission folders under root."""
    for folder, people, entries in (("police", POLICE_PEOPLE, POLICE_ENTRIES), ("csc", CSC_PEOPLE, CSC_ENTRIES)):
        (root / folder).mkdir(parents=True)
        (root / folder / "people.csv").write_text(people, encoding="utf-8")
        (root / folder / "entries.csv").write_text(entries, encoding="utf-8")
    return root


def leaks(texts: Iterable[str], secrets: Iterable[str]) -> list[str]:
    """Each secret found in the texts as a whole word, case ignored, with the text it was found in."""
    found = []
    for text in texts:
        for secret in secrets:
            if re.search(r"(?<!\w)" + re.escape(secret) + r"(?!\w)", text, re.IGNORECASE):
                found.append(f"{secret!r} in {text!r}")
    return found


@pytest.fixture(scope="module")
def family(tmp_path_factory: pytest.TempPathFactory) -> Chronology:
    return load([write_family(tmp_path_factory.mktemp("family") / "review")])


def _person(chronology: Chronology, name: str) -> str:
    return next(person.person_id for person in chronology.persons if person.display_name == name)


def _texts(chronology: Chronology) -> list[str]:
    return [text for entry in chronology.entries for text in (entry.summary, entry.action, entry.outcome)]


def test_labels_follow_roles_and_birth_order(family: Chronology) -> None:
    labels = person_labels(chronology=family, subject_id=_person(family, "Finley Marsh"), subject_label="Child FM")
    by_name = {person.display_name: labels[person.person_id] for person in family.persons}
    assert by_name == {
        "Finley Marsh": "Child FM",
        "Mason Quinlan": "Sibling 1",  # born 2010: older than Poppy
        "Poppy Quinlan": "Sibling 2",
        "Leanne Marsh": "Mother",
        "Robert Quinlan": "Father",
        "Janet Marsh": "MGM",  # shares the mother's family name
        "Derek Quinlan": "PGF",  # shares the father's family name
        "Wayne Tilsley": "Adult 1",
    }


def test_without_a_subject_children_are_numbered_oldest_first(family: Chronology) -> None:
    labels = person_labels(chronology=family)
    assert [labels[_person(family, name)] for name in ("Mason Quinlan", "Poppy Quinlan", "Finley Marsh")] == [
        "Child 1", "Child 2", "Child 3",
    ]  # fmt: skip


def test_labels_are_numbered_when_shared_and_side_unknown_is_grandparent() -> None:
    family = FamilyBuilder()
    family.person("Amy Cole", role="mother", sex="female")
    family.person("Beth Cole", role="mother", sex="female")
    family.person("Rita Dunne", role="grandparent", sex="female")
    labels = person_labels(chronology=family.build())
    assert labels == {"p1": "Mother 1", "p2": "Mother 2", "p3": "Grandparent"}


def test_names_identifiers_and_addresses_leave_the_text(family: Chronology) -> None:
    subject = _person(family, "Finley Marsh")
    result = anonymise(
        chronology=family,
        alerts=analyse(family, date(2016, 12, 31)),
        options=AnonymiseOptions(subject_id=subject, subject_label="Child FM"),
    )
    texts = _texts(result.chronology) + [alert.explanation for alert in result.alerts]
    assert leaks(texts, SECRETS) == []
    summaries = {entry.record_id: entry.summary for entry in result.chronology.entries}
    assert summaries["E3"] == (
        "Mother says Father threatened her with a knife. Adult 1 was present and intervened. "
        "Father left before police arrived."
    )
    assert summaries["E1"] == (
        "Call from Mother on [phone number]: Father punched her at [address], [postcode]. Sibling 1 (5) present."
    )
    # a family name several people share is settled by whom the entry is about
    assert summaries["E5"].startswith(
        "Neighbour Sharon Platt called: Mother heard screaming, Mother injured to the face."
    )
    assert "[email address]" in summaries["E5"]
    assert result.chronology.entries[-1].summary == "Father arrested for breach of bail."
    assert "[phone number]" in summaries["E6"] and "[date of birth]" in summaries["E6"]
    assert "[identifier]" in summaries["E6"]
    outcomes = {entry.record_id: entry.outcome for entry in result.chronology.entries}
    assert outcomes["E3"] == "Father arrested, PNC [identifier]"


def test_records_keep_no_identifier_and_entries_are_renumbered(family: Chronology) -> None:
    result = anonymise(chronology=family, alerts=[], options=AnonymiseOptions())
    assert [entry.record_id for entry in result.chronology.entries] == [f"E{n}" for n in range(1, 10)]
    assert all(person.records == [] and person.date_of_birth is None for person in result.chronology.persons)
    assert {person.display_name for person in result.chronology.persons} == set(result.labels.values())
    assert result.chronology.quarantine == [] and result.chronology.warnings == []
    assert leaks(result.chronology.person_of_record, SECRETS) == []
    first = result.chronology.entries[0]
    assert result.chronology.subject_ids(first) == [_person(family, name) for name in
                                                    ("Leanne Marsh", "Robert Quinlan", "Mason Quinlan")]


def test_agencies_by_type_and_dates_by_month(family: Chronology) -> None:
    result = anonymise(
        chronology=family,
        alerts=analyse(family, date(2016, 12, 31)),
        options=AnonymiseOptions(agencies_by_type=True, dates_by_month=True),
    )
    assert {entry.agency for entry in result.chronology.entries} == {"Police", "Children's social care"}
    assert all(entry.date.day is None and entry.time is None for entry in result.chronology.entries)
    assert result.chronology.entries[0].date.iso() == "2015-03"
    assert all(item.agency in {"Police", "Children's social care"} and item.date.day is None
               for alert in result.alerts for item in alert.evidence)
    strategy = result.chronology.entries[-2]
    assert strategy.summary == "Strategy discussion about Child 3 on November 2016. Mother did not attend."
    notification = result.chronology.entries[1]
    assert notification.summary.startswith("Police notification")


def test_dates_by_month_take_the_day_out_of_the_text() -> None:
    family = FamilyBuilder()
    child = family.person("Kai Brook", role="child")
    family.entry("2016-03-09", "note", "Seen on 9 January, 14/02/2016 and 3rd March 2016; next 2016-04-01.", [child],
                 agency="GP")
    result = anonymise(chronology=family.build(), alerts=[], options=AnonymiseOptions(dates_by_month=True))
    (entry,) = result.chronology.entries
    assert entry.summary == "Seen on January, February 2016 and March 2016; next April 2016."
    assert entry.date.iso() == "2016-03"


def test_agencies_of_one_type_are_numbered() -> None:
    family = FamilyBuilder()
    child = family.person("Kai Brook", role="child")
    family.entry("2016-01-05", "note", "Oakfield Primary shared a note with Hillcrest Academy.", [child],
                 agency="Oakfield Primary")
    family.entry("2016-02-05", "note", "Moved school.", [child], agency="Hillcrest Academy")
    built = family.build()
    for entry in built.entries:
        entry.agency_type = "education"
    result = anonymise(chronology=built, alerts=[], options=AnonymiseOptions(agencies_by_type=True))
    assert [entry.agency for entry in result.chronology.entries] == ["School or college 1", "School or college 2"]
    assert result.chronology.entries[0].summary == "School or college 1 shared a note with School or college 2."


def test_a_name_that_is_an_ordinary_word_is_replaced_only_as_a_name() -> None:
    family = FamilyBuilder()
    will = family.person("Will Hart", role="father")
    family.entry("2016-01-05", "phone_call", "Will said he will call back. WILL HART later rang.", [will], agency="GP")
    result = anonymise(chronology=family.build(), alerts=[], options=AnonymiseOptions())
    assert result.chronology.entries[0].summary == "Father said he will call back. Father later rang."


def test_words_to_check_are_capitalised_words_that_may_be_names() -> None:
    texts = [
        "Mother went to Bolton with Father. Referral made by Police.",
        "Spoke to Sharon at the Moorfield centre; referral accepted.",
        "Mark on cheek. A small mark was seen. Jodie saw the mark. Officer spoke to Mark.",
        "MARAC heard the case. Passed to FIN team. Father said 'I'll leave' and Mother's sister agreed.",
    ]
    words = {item.word: item.count for item in words_to_check(texts, labels=["Mother", "Father"])}
    assert words["Bolton"] == 1 and words["Sharon"] == 1 and words["Moorfield"] == 1 and words["Jodie"] == 1
    assert words["Mark"] == 2  # written in lower case too, but capitalised mid-sentence: may be a name
    assert words["FIN"] == 1
    for ordinary in ("Mother", "Father", "Referral", "Police", "MARAC", "Spoke", "A", "I'll", "I"):
        assert ordinary not in words
