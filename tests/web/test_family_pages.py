"""The family, person, entry and acknowledgement pages on a family imported from real workbooks."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from html import unescape

import pytest
from django.test import Client

from safechron.indicators.context import FamilyView
from safechron.reports.rows import entry_anchor
from safechron.tagging import default_tagger
from safechron.web.accounts.models import User
from safechron.web.alerts.models import Acknowledgement
from safechron.web.alerts.selectors import caseload, family_alerts
from safechron.web.alerts.services import acknowledgement_create
from safechron.web.audit.models import AuditEvent
from safechron.web.families.models import Entry, Family, LinkDecision, Person
from safechron.web.families.selectors import (
    ChronologyFilter,
    chronology_as_of,
    family_chronology,
    family_page_data,
    filter_choices,
)
from safechron.web.families.services import family_create
from safechron.web.imports.services import import_commit, import_upload
from tests.web.conftest import CSC, POLICE, ago, csc_workbook, police_workbook, workbook_bytes


@pytest.fixture
def signed_in(client: Client, worker: User) -> Client:
    client.force_login(worker)
    return client


def _as_of(days_ago: int) -> dict[str, int]:
    day = date.today() - timedelta(days=days_ago)
    return {"as_of-day": day.day, "as_of-month": day.month, "as_of-year": day.year}


def test_family_page_shows_members_chronology_and_indicators_and_is_audited(
    signed_in: Client, family: Family, worker: User
) -> None:
    page = signed_in.get(f"/families/{family.pk}/")
    html = page.content.decode()
    assert page.status_code == 200
    assert "Showing 1 to 6 of 6 entries, newest first" in html
    assert "Pattern of domestic abuse" in html
    assert "Jayde Smith" in html or "Jade Smith" in html
    # Evidence links point at entries on the same page.
    anchor = "entry-northshire-police-inc-5"
    assert f'href="#{anchor}"' in html and f'id="{anchor}"' in html
    assert AuditEvent.objects.filter(user=worker, action="view_family", family=family).count() == 1
    assert ">police.xlsx</a>" in html and ">csc.xlsx</a>" in html  # the imports, linked to their reports


def test_caseload_lists_the_family_with_its_open_indicators(signed_in: Client, family: Family) -> None:
    html = signed_in.get("/families/").content.decode()
    assert family.name in html
    assert "1 high" in html


def test_caseload_counts_each_familys_own_acknowledgements(worker: User, family: Family) -> None:
    twin = family_create(name="Twin family", created_by=worker)
    for name, content in (("police.xlsx", police_workbook()), ("csc.xlsx", csc_workbook())):
        import_commit(upload=import_upload(family=twin, user=worker, file_name=name, content=content), user=worker)
    twin.refresh_from_db()
    today = date.today()
    for alert in family_alerts(family=family, as_of=today):
        acknowledgement_create(
            family=family, user=worker, code=alert.code, first_met_on=alert.first_met_on, note="Strategy meeting held"
        )
    rows = {row.family.pk: row for row in caseload(user=worker, as_of=today)}
    assert rows[family.pk].high >= 1 and rows[family.pk].unacknowledged == 0
    assert rows[twin.pk].unacknowledged == len(family_alerts(family=twin, as_of=today)) >= 1


def test_the_chronology_as_of_a_date_keeps_the_entries_the_indicators_see_then(family: Family) -> None:
    chronology = family_chronology(family=family)
    for days_ago in (0, 55, 170, 400):
        day = date.today() - timedelta(days=days_ago)
        known = chronology_as_of(chronology=chronology, as_of=day).entries
        assert [e.key for e in known] == [e.key for e in FamilyView.as_of_date(chronology, day).entries]
    assert (
        0
        < len(chronology_as_of(chronology=chronology, as_of=date.today() - timedelta(days=55)).entries)
        < len(chronology.entries)
    )


def test_the_filters_as_of_a_date_offer_only_what_was_known_then(family: Family) -> None:
    chronology = family_chronology(family=family)
    day = date.today() - timedelta(days=55)
    known = chronology_as_of(chronology=chronology, as_of=day)
    then = family_page_data(family=family, as_of=day, chosen=ChronologyFilter(), page=1, evidence=frozenset()).choices
    now = filter_choices(chronology=chronology)
    assert then.agencies == sorted({entry.agency for entry in known.entries})
    offered_then = {event for _, events in then.event_types for event in events}
    assert offered_then == {entry.event_type for entry in known.entries}
    assert offered_then < {event for _, events in now.event_types for event in events}
    named_then = {pid for entry in known.entries for pid in known.subject_ids(entry)}
    assert {pid for pid, _ in then.persons} == named_then


def _shown(html: str, record_id: str) -> bool:
    """Whether the chronology shows the entry (its timeline item), not just an evidence link to it."""
    agency = "police" if record_id.startswith("INC") else "children-s-social-care"
    return f'id="entry-northshire-{agency}-{record_id.lower()}"' in html


@pytest.mark.parametrize(
    ("query", "shown", "hidden"),
    [
        ({"agency": CSC}, ["CSC-1", "CSC-2"], ["INC-1"]),
        ({"tag": "neglect"}, ["CSC-2"], ["INC-1", "CSC-1"]),
        ({"event_type": "arrest"}, ["INC-4"], ["INC-1", "CSC-2"]),
    ],
)
def test_the_chronology_filters(
    signed_in: Client, family: Family, query: dict[str, str], shown: list[str], hidden: list[str]
) -> None:
    html = signed_in.get(f"/families/{family.pk}/", query).content.decode()
    for record in shown:
        assert _shown(html, record)
    for record in hidden:
        assert not _shown(html, record)


def test_filter_by_person(signed_in: Client, family: Family) -> None:
    lee = Person.objects.get(family=family, role="partner")
    html = signed_in.get(f"/families/{family.pk}/", {"person": lee.person_id}).content.decode()
    assert _shown(html, "INC-4")
    assert not _shown(html, "CSC-2")


def test_replay_as_of_an_earlier_date_hides_what_was_not_yet_known(
    signed_in: Client, family: Family, worker: User
) -> None:
    # The arrest happened 60 days ago but was recorded 50 days ago: 55 days ago it was not known.
    html = signed_in.get(f"/families/{family.pk}/", _as_of(55)).content.decode()
    assert "You are seeing what was known on" in html
    assert not _shown(html, "INC-4")
    assert "Pattern of domestic abuse" in html
    assert "Two of the toxic trio" not in html
    early = signed_in.get(f"/families/{family.pk}/", _as_of(170)).content.decode()
    assert "Pattern of domestic abuse" not in early
    assert "Showing 1 to 2 of 2 entries" in early
    assert AuditEvent.objects.filter(user=worker, action="view_family", reason__startswith="as of ").count() == 2


@pytest.mark.parametrize(
    ("query", "error"),
    [
        ({"as_of-day": "3", "as_of-month": "", "as_of-year": "2016"}, "Enter a day, a month and a year"),
        ({"as_of-day": "31", "as_of-month": "2", "as_of-year": "2016"}, "The date must be a real date"),
    ],
)
def test_a_wrong_as_of_date_says_what_to_fix_and_shows_today(
    signed_in: Client, family: Family, query: dict[str, str], error: str
) -> None:
    html = signed_in.get(f"/families/{family.pk}/", query).content.decode()
    assert error in html
    assert "You are seeing what was known on" not in html
    assert "Showing 1 to 6 of 6 entries, newest first" in html


def test_acknowledging_an_indicator_needs_a_note_and_shows_who_and_when(
    signed_in: Client, family: Family, worker: User
) -> None:
    met = (date.today() - timedelta(days=100)).isoformat()
    url = f"/families/{family.pk}/indicators/DA_PATTERN/{met}/acknowledge/"
    assert signed_in.get(url).status_code == 200
    refused = signed_in.post(url, {"note": "  "})
    assert b"Enter a note saying what is being done" in refused.content
    assert not Acknowledgement.objects.exists()
    signed_in.post(url, {"note": "Discussed at strategy meeting; MARAC referral made."})
    made = Acknowledgement.objects.get()
    assert (made.code, made.first_met_on.isoformat(), made.acknowledged_by) == ("DA_PATTERN", met, worker)
    html = signed_in.get(f"/families/{family.pk}/").content.decode()
    assert "MARAC referral made" in html and worker.describe() in unescape(html)
    assert signed_in.get(f"/families/{family.pk}/indicators/NO_SUCH_CODE/{met}/acknowledge/").status_code == 404


def test_person_page_shows_records_and_reasons_and_a_split_is_audited(
    signed_in: Client, family: Family, worker: User
) -> None:
    mother = Person.objects.get(family=family, role="mother")
    url = f"/families/{family.pk}/people/{mother.pk}/"
    html = signed_in.get(url).content.decode()
    assert "Jade" in html and "Jayde" in html and "probabilistic" in html
    assert AuditEvent.objects.filter(user=worker, action="view_person", object_id=str(mother.pk)).exists()

    police_key, csc_key = f"{POLICE}:P1", f"{CSC}:C1"
    refused = signed_in.post(url, {"record_a": police_key, "record_b": csc_key, "decision": "split", "reason": ""})
    assert b"Enter why" in refused.content
    split = {"record_a": police_key, "record_b": csc_key, "decision": "split", "reason": "Different mothers"}
    signed_in.post(url, split)
    decision = LinkDecision.objects.get()
    assert (decision.decision, decision.decided_by) == ("split", worker)
    assert AuditEvent.objects.filter(user=worker, action="link_split", reason="Different mothers").exists()
    mothers = [p for p in Person.objects.filter(family=family) if p.role == "mother"]
    assert len(mothers) == 2 and all(p.records.count() == 1 for p in mothers)

    # The latest decision stands: confirming the pair again joins the records once more.
    police_mother = Person.objects.get(family=family, records__person_ref="P1")
    confirm = {**split, "decision": "confirmed", "reason": "Same NHS number after all"}
    signed_in.post(f"/families/{family.pk}/people/{police_mother.pk}/", confirm)
    rejoined = Person.objects.get(family=family, records__person_ref="P1")
    assert sorted(rejoined.records.values_list("person_ref", flat=True)) == ["C1", "P1"]
    assert AuditEvent.objects.filter(user=worker, action="link_confirm").exists()


def test_adding_an_entry_offers_proposed_tags_and_keeps_the_decision(
    signed_in: Client, family: Family, worker: User
) -> None:
    child = Person.objects.get(family=family, role="child")
    summary = "Mother disclosed domestic abuse by her partner and said she drinks heavily every night."
    proposed = next(iter(default_tagger().propose_many([summary])))
    form = {
        "date": (date.today() - timedelta(days=3)).strftime("%d/%m/%Y"),
        "event_type": "home_visit",
        "subjects": [child.person_id],
        "summary": summary,
        "seen": "seen_alone",
    }
    missing = signed_in.post(f"/families/{family.pk}/entries/new/", {**form, "summary": ""})
    assert b"Enter what happened" in missing.content
    check = signed_in.post(f"/families/{family.pk}/entries/new/", form)
    assert check.status_code == 200 and b"Save the entry" in check.content
    kept = sorted(proposed)[:1]
    saved = signed_in.post(f"/families/{family.pk}/entries/new/", {**form, "checked": "on", "tags": kept})
    assert saved.status_code == 302
    entry = Entry.objects.get(family=family, record_id="SC-1")
    assert entry.agency == worker.agency and entry.created_by == worker
    assert entry.agency_tags == kept
    assert set(entry.rejected_tags) == proposed - set(kept)
    assert entry.recorded_date == date.today().isoformat()
    assert entry.subjects == [f"{CSC}:C2"]  # the agency's own record of the child
    assert AuditEvent.objects.filter(user=worker, action="entry_add").exists()


def test_pictures_are_svg_images(signed_in: Client, family: Family) -> None:
    for kind in ("timeline", "diagram"):
        response = signed_in.get(f"/families/{family.pk}/pictures/{kind}.svg")
        assert response["Content-Type"] == "image/svg+xml"
        assert b"<svg" in response.content[:2000]
    assert signed_in.get(f"/families/{family.pk}/pictures/other.svg").status_code == 404


def test_a_long_chronology_is_paged_newest_first_keeping_filters_and_evidence_links(
    signed_in: Client, family: Family, worker: User
) -> None:
    visits = [
        [CSC, "childrens_social_care", f"V-{n}", ago(n), "C2", "home_visit", f"Visit {n}, Kai seen.", "", ""]
        for n in range(1, 61)
    ]
    upload = import_upload(
        family=family,
        user=worker,
        file_name="visits.xlsx",
        content=workbook_bytes(
            people=[[CSC, "C2", "Kai", "Smith", "2015-05-01", "male", "", "child", "NR1 1AA", "yes"]], entries=visits
        ),
    )
    import_commit(upload=upload, user=worker)
    first = signed_in.get(f"/families/{family.pk}/").content.decode()
    assert "Showing 1 to 50 of 66 entries, newest first" in first
    assert _visit_shown(first, 1) and _visit_shown(first, 50) and not _visit_shown(first, 51)
    assert first.index(_visit_anchor(1)) < first.index(_visit_anchor(2))
    # The evidence of domestic abuse is older, on page 2: its link goes there.
    assert not _shown(first, "INC-5")
    assert 'href="?page=2#entry-northshire-police-inc-5"' in first
    second = signed_in.get(f"/families/{family.pk}/", {"page": 2}).content.decode()
    assert "Showing 51 to 66 of 66 entries, newest first" in second
    assert second.index('id="entry-northshire-police-inc-5"') < second.index('id="entry-northshire-police-inc-1"')
    assert 'href="#entry-northshire-police-inc-5"' in second
    assert "Newer entries" in second and "Older entries" not in second
    filtered = signed_in.get(f"/families/{family.pk}/", {"event_type": "home_visit"}).content.decode()
    assert "Showing 1 to 50 of 61 entries, newest first, out of 66" in filtered
    assert 'href="?event_type=home_visit&amp;page=2#chronology"' in filtered
    beyond = signed_in.get(f"/families/{family.pk}/", {"page": 99}).content.decode()
    assert "Showing 51 to 66 of 66 entries" in beyond  # a page past the end shows the last


def _visit_anchor(number: int) -> str:
    return f'id="entry-northshire-children-s-social-care-v-{number}"'


def _visit_shown(html: str, number: int) -> bool:
    return _visit_anchor(number) in html


def test_proposed_tags_on_an_imported_entry_are_accepted_or_rejected_and_audited(
    signed_in: Client, family: Family, worker: User, make_user: Callable[..., User]
) -> None:
    entry = next(e for e in family_chronology(family=family).entries if e.proposed_tags - e.agency_tags)
    undecided = sorted(entry.proposed_tags - entry.agency_tags)
    stored = Entry.objects.get(family=family, agency__name=entry.agency, record_id=entry.record_id)
    address = f"/families/{family.pk}/entries/{stored.pk}/tags/"
    assert f'href="{address}"' in signed_in.get(f"/families/{family.pk}/").content.decode()
    page = signed_in.get(address).content.decode()
    assert "Which of these tags are right?" in page and stored.summary in unescape(page)
    revision = family.revision
    saved = signed_in.post(address, {"tags": undecided[:1]})
    assert saved.status_code == 302 and saved["Location"].endswith(
        "#" + entry_anchor(agency=entry.agency, record_id=entry.record_id)
    )
    stored.refresh_from_db()
    assert stored.accepted_tags == undecided[:1] and stored.rejected_tags == undecided[1:]
    family.refresh_from_db()
    assert family.revision > revision
    now = next(e for e in family_chronology(family=family).entries if e.key == entry.key)
    assert set(undecided[:1]) <= now.agency_tags and not now.proposed_tags & set(undecided)
    event = AuditEvent.objects.get(user=worker, action="tag_decision", object_id=str(stored.pk))
    assert event.reason.startswith("accepted: ")
    # The agency sending the same entry again changes nothing, and the decision stands.
    for name, content in (("police.xlsx", police_workbook()), ("csc.xlsx", csc_workbook())):
        counts = import_commit(
            upload=import_upload(family=family, user=worker, file_name=name, content=content), user=worker
        )
        assert counts["updated"] == 0
    stored.refresh_from_db()
    assert stored.accepted_tags == undecided[:1]
    # Changing one's mind: the entry keeps its link while a tag it was given can be unticked, which rejects it.
    assert f'href="{address}"' in signed_in.get(f"/families/{family.pk}/").content.decode()
    signed_in.post(address, {})
    stored.refresh_from_db()
    assert stored.accepted_tags == [] and set(stored.rejected_tags) == set(undecided)


def test_readers_cannot_decide_on_tags(client: Client, family: Family, make_user: Callable[..., User]) -> None:
    client.force_login(make_user("rey", agency="csc", role="reviewer"))
    stored = Entry.objects.filter(family=family).first()
    assert stored is not None
    assert client.get(f"/families/{family.pk}/entries/{stored.pk}/tags/").status_code == 404
    assert client.post(f"/families/{family.pk}/entries/{stored.pk}/tags/", {"tags": []}).status_code == 404
