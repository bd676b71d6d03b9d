"""A case review's chronology from real submission files: the period's bounds, what was known on a date,
the family key, and exports read back (xlsx, docx, html, json) with nothing of the family left in them
when anonymised. The demonstration family (examples/child-by) is scanned for every name it records."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from axe_playwright_python.sync_playwright import Axe
from docx import Document
from playwright.sync_api import sync_playwright

from safechron.chronology.model import Chronology
from safechron.pipeline import analyse, load
from safechron.reports.anonymise import CHECK_NOTE, AnonymiseOptions
from safechron.reports.review import Review, ReviewScope, review_build, review_tables, write_review
from tests.builders import FamilyBuilder
from tests.reports.test_anonymise import SECRETS, leaks, write_family

REPO = Path(__file__).resolve().parents[2]
PERIOD = ReviewScope(start=date(2016, 1, 1), end=date(2016, 12, 31))


@pytest.fixture(scope="module")
def family(tmp_path_factory: pytest.TempPathFactory) -> Chronology:
    return load([write_family(tmp_path_factory.mktemp("family") / "review")])


def _person(chronology: Chronology, name: str) -> str:
    return next(person.person_id for person in chronology.persons if person.display_name == name)


def _anonymised(family: Chronology, scope: ReviewScope = PERIOD, **options: bool) -> Review:
    labelling = AnonymiseOptions(subject_id=_person(family, "Finley Marsh"), subject_label="Child FM", **options)
    return review_build(chronology=family, scope=scope, labelling=labelling, anonymised=True)


def workbook_texts(path: Path) -> dict[str, list[str]]:
    """Every text cell of every sheet, by sheet."""
    workbook = openpyxl.load_workbook(path)
    return {
        sheet.title: [str(value) for row in sheet.iter_rows(values_only=True) for value in row if value is not None]
        for sheet in workbook.worksheets
    }


def document_texts(path: Path) -> list[str]:
    """Every paragraph and every table cell of a Word document."""
    document = Document(str(path))
    texts = [paragraph.text for paragraph in document.paragraphs]
    texts += [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return texts


def test_the_period_bounds_the_entries_and_earlier_ones_are_counted(family: Chronology) -> None:
    review = review_build(chronology=family, scope=PERIOD)
    assert [entry.record_id for entry in review.chronology.entries] == [
        "INC-200", "CS-2", "INC-300", "CS-3", "CS-4", "CS-5",
    ]  # fmt: skip
    assert review.earlier == {"Greater Manchester Police": 1, "Bolton Children's Services": 1}
    assert review.later == 1 and review.not_yet_known == 0 and review.included_before == 0


def test_an_earlier_entry_the_reviewer_names_is_shown(family: Chronology) -> None:
    scope = ReviewScope(start=PERIOD.start, end=PERIOD.end,
                        include_before=frozenset({("Greater Manchester Police", "INC-100")}))
    review = review_build(chronology=family, scope=scope)
    assert review.chronology.entries[0].record_id == "INC-100"
    assert review.earlier == {"Bolton Children's Services": 1} and review.included_before == 1


def test_naming_an_entry_that_does_not_exist_is_an_error(family: Chronology) -> None:
    scope = ReviewScope(start=PERIOD.start, end=PERIOD.end, include_before=frozenset({("Police", "X-1")}))
    with pytest.raises(KeyError, match="Police:X-1"):
        review_build(chronology=family, scope=scope)
    with pytest.raises(ValueError, match="ends before it starts"):
        review_build(chronology=family, scope=ReviewScope(start=PERIOD.end, end=PERIOD.start))


def test_as_of_shows_only_the_entries_known_then(family: Chronology) -> None:
    as_of = date(2016, 9, 30)  # CS-4 happened on 15 September but was recorded on 20 October
    review = review_build(chronology=family, scope=ReviewScope(start=PERIOD.start, end=PERIOD.end, as_of=as_of))
    assert [entry.record_id for entry in review.chronology.entries] == ["INC-200", "CS-2", "INC-300", "CS-3"]
    assert review.not_yet_known == 2
    assert all(entry.known_on <= as_of for entry in review.chronology.entries)


def test_as_of_shows_the_alerts_open_then(family: Chronology) -> None:
    as_of = date(2016, 6, 30)
    review = review_build(chronology=family, scope=ReviewScope(start=PERIOD.start, end=PERIOD.end, as_of=as_of))
    codes = {alert.code for alert in review.alerts}
    assert codes == {alert.code for alert in analyse(family, as_of)}
    at_end = {alert.code for alert in review_build(chronology=family, scope=PERIOD).alerts}
    assert "INFANT_VULNERABILITY" in at_end - codes  # Finley was not yet born on 30 June
    assert all(item.date.start <= as_of for alert in review.alerts for item in alert.evidence)


def test_indicators_table_counts_the_records_outside_the_chronology(family: Chronology) -> None:
    review = review_build(chronology=family, scope=ReviewScope(start=PERIOD.start, end=PERIOD.end,
                                                               as_of=date(2016, 6, 30)))
    (table,) = [table for table in review_tables(review) if table.title == "Open indicators"]
    assert any(item.date.end < PERIOD.start for alert in review.alerts for item in alert.evidence)
    for alert, row in zip(review.alerts, table.rows, strict=True):
        earlier = sum(item.date.end < PERIOD.start for item in alert.evidence)
        if earlier:
            assert row[5].endswith(f"{earlier} record{'s' if earlier > 1 else ''} not in this chronology")
        else:
            assert "not in this chronology" not in row[5]
        assert row[0] and row[1] in {"High", "Medium"}


def test_family_key_is_laid_out_as_reviews_do(family: Chronology) -> None:
    review = review_build(chronology=family, scope=PERIOD, labelling=AnonymiseOptions(
        subject_id=_person(family, "Finley Marsh"), subject_label="Child FM"))
    assert [(p.label, p.name, p.role, p.age) for p in review.key] == [
        ("Child FM", "Finley Marsh", "Child", "4 months"),
        ("Sibling 1", "Mason Quinlan", "Child", "6 years"),
        ("Sibling 2", "Poppy Quinlan", "Child", "3 years"),
        ("Mother", "Leanne Marsh", "Mother", "24 years"),
        ("Father", "Robert Quinlan", "Father", "28 years"),
        ("MGM", "Janet Marsh", "Grandparent", "50 years"),
        ("PGF", "Derek Quinlan", "Grandparent", "56 years"),
        ("Adult 1", "Wayne Tilsley", "Other adult", "31 years"),
    ]
    assert all(p.name == "" for p in _anonymised(family).key)


def test_anonymised_workbook_holds_nothing_of_the_family(family: Chronology, tmp_path: Path) -> None:
    review = _anonymised(family, agencies_by_type=True)
    path = tmp_path / "review.xlsx"
    write_review(review=review, fmt="xlsx", path=path)
    sheets = workbook_texts(path)
    assert list(sheets)[:4] == ["About this review", "Check before publishing", "Family key", "Open indicators"]
    assert leaks([text for texts in sheets.values() for text in texts], SECRETS) == []
    for agency in ("Greater Manchester Police", "Bolton Children's Services"):
        assert not any(agency in text for texts in sheets.values() for text in texts)
    assert {"Sharon", "Platt"} <= set(sheets["Check before publishing"])  # a neighbour, not in the people tables
    assert CHECK_NOTE in sheets["About this review"]
    assert sheets["Family key"][:4] == [
        "Known in this review as", "Role", "Age at the end of the review period", "Child FM",
    ]  # fmt: skip
    chronology = sheets["Chronology"]
    assert "Mother says Father threatened her with a knife. Adult 1 was present and intervened. Father left " \
           "before police arrived." in chronology


def test_anonymised_document_and_page_hold_nothing_of_the_family(family: Chronology, tmp_path: Path) -> None:
    review = _anonymised(family, dates_by_month=True)
    write_review(review=review, fmt="docx", path=tmp_path / "review.docx")
    texts = document_texts(tmp_path / "review.docx")
    assert leaks(texts, SECRETS) == []
    assert {"Check before publishing", "Family key", "Open indicators", "Chronology"} <= set(texts)
    assert "Review period" in texts and "January 2016 to December 2016" in texts
    assert not any(re.search(r"\b\d{1,2} (?:January|February|March|April|May|June|July|August|September|"
                             r"October|November|December) \d{4}", text) for text in texts)

    write_review(review=review, fmt="html", path=tmp_path / "review.html")
    page = (tmp_path / "review.html").read_text(encoding="utf-8")
    assert leaks([page.replace("&#39;", "'")], SECRETS) == []
    assert 'id="table-2-heading">Check before publishing</h2>' in page
    assert "Child FM" in page and "Sibling 2" in page


@pytest.mark.e2e
def test_review_page_passes_axe(family: Chronology, tmp_path: Path) -> None:
    path = tmp_path / "review.html"
    write_review(review=_anonymised(family), fmt="html", path=path)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium", args=["--no-sandbox", "--disable-gpu"]
        )
        page = browser.new_context().new_page()
        page.goto(path.as_uri())
        results = Axe().run(page)
        browser.close()
    assert results.violations_count == 0, results.generate_report()


def test_json_has_scope_key_entries_and_words_to_check(family: Chronology, tmp_path: Path) -> None:
    scope = ReviewScope(start=PERIOD.start, end=PERIOD.end, as_of=date(2016, 9, 30))
    write_review(review=_anonymised(family, scope), fmt="json", path=tmp_path / "review.json")
    text = (tmp_path / "review.json").read_text(encoding="utf-8")
    assert leaks([text], SECRETS) == []
    data = json.loads(text)
    assert data["scope"] == {"from": "2016-01-01", "to": "2016-12-31", "as_of": "2016-09-30", "include_before": []}
    assert data["anonymised"] is True and data["note"] == CHECK_NOTE
    assert [entry["record_id"] for entry in data["entries"]] == ["E1", "E2", "E3", "E4"]
    assert data["left_out"] == {"before_by_agency": {"Greater Manchester Police": 1, "Bolton Children's Services": 1},
                                "after": 1, "not_yet_known": 2}
    assert {"word": "Sharon", "count": 1} in data["check_before_publishing"]
    assert {"word": "Bolton", "count": 2} in data["check_before_publishing"]  # agencies shown by name: checked too


def test_a_review_that_is_not_anonymised_keeps_names_and_says_so(family: Chronology, tmp_path: Path) -> None:
    write_review(review=review_build(chronology=family, scope=PERIOD), fmt="xlsx", path=tmp_path / "review.xlsx")
    sheets = workbook_texts(tmp_path / "review.xlsx")
    assert "Check before publishing" not in sheets
    assert "Leanne Marsh" in sheets["Family key"]
    assert "Not anonymised: this holds personal and sensitive information." in sheets["About this review"]


@pytest.fixture(scope="module")
def child_by() -> Chronology:
    return load([REPO / "examples" / "child-by"])


def test_child_by_anonymised_holds_no_name_from_its_people_tables(child_by: Chronology, tmp_path: Path) -> None:
    secrets = set()
    for person in child_by.persons:
        for record in person.records:
            words = [*record.given_names.split(), record.family_name, *record.known_as]
            secrets.update(word for word in words if len(word) > 1 and word.isalpha()
                           and word.lower() not in {"baby", "unborn", "twin"})
            secrets.update(value for value in (record.nhs_number, record.upn, record.pnc_id, record.postcode) if value)
    assert {"Kayleigh", "Kaylee", "Daz", "HOLLIS", "Brennan"} <= secrets
    subject = child_by.person_of_record["Blackpool Health Visiting Service:HV-A-91002"]
    review = review_build(
        chronology=child_by,
        scope=ReviewScope(start=date(2015, 1, 1), end=date(2017, 3, 31)),
        labelling=AnonymiseOptions(subject_id=subject, subject_label="Child BY", agencies_by_type=True),
        anonymised=True,
    )
    write_review(review=review, fmt="xlsx", path=tmp_path / "review.xlsx")
    write_review(review=review, fmt="docx", path=tmp_path / "review.docx")
    texts = [text for texts in workbook_texts(tmp_path / "review.xlsx").values() for text in texts]
    texts += document_texts(tmp_path / "review.docx")
    assert leaks(texts, secrets) == []
    compact = re.sub(r"\s+", "", "\n".join(texts)).lower()
    assert [value for value in secrets if any(ch.isdigit() for ch in value)
            and re.sub(r"\s+", "", value).lower() in compact] == []
    assert "Child BY" in texts and "MGM" in texts


def test_an_anonymised_person_has_the_same_label_in_the_key_and_in_the_text() -> None:
    # Dean is the first adult in the whole chronology but the second within the period: his label is the
    # key's in every text of the period too.
    family = FamilyBuilder()
    child = family.person("Finley Marsh", role="child", dob="2014-03-02")
    dean = family.person("Dean Hollis", role="other_adult", sex="male")
    wayne = family.person("Wayne Cole", role="other_adult", sex="male")
    family.entry("2015-05-01", "home_visit", "Dean Hollis was at the home.", [child, dean])
    family.entry("2016-02-01", "home_visit", "Wayne Cole was at the home.", [child, wayne])
    family.entry("2016-03-01", "home_visit", "Dean Hollis was at the home again.", [child, dean])
    review = review_build(chronology=family.build(), scope=PERIOD, anonymised=True)
    key = {person.person_id: person.label for person in review.key}
    assert key[dean] == "Adult 1" and key[wayne] == "Adult 2"
    assert [entry.summary for entry in review.chronology.entries] == [
        "Adult 2 was at the home.", "Adult 1 was at the home again.",
    ]  # fmt: skip
    assert {person.person_id: person.display_name for person in review.chronology.persons} == key
