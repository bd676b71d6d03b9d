"""The import service on real workbooks read by the real reader: validation, quarantine, commit,
idempotent re-import and version history."""

from __future__ import annotations

import io
import zipfile

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from safechron.web.accounts.models import User
from safechron.web.audit.models import AuditEvent
from safechron.web.families.models import Entry, EntryVersion, Family, FamilyInvolvement, Person
from safechron.web.families.selectors import ChronologyFilter, entry_histories, family_chronology, family_rows
from safechron.web.imports.models import Import
from safechron.web.imports.selectors import import_preview
from safechron.web.imports.services import import_commit, import_upload
from tests.web.conftest import POLICE, police_workbook


def test_upload_keeps_the_validation_report_and_quarantine_without_committing(family: Family, worker: User) -> None:
    before = Entry.objects.filter(family=family).count()
    upload = import_upload(family=family, user=worker, file_name="police.xlsx", content=police_workbook())
    assert upload.status == Import.Status.VALIDATED
    assert upload.report["agency"] == POLICE
    assert upload.report["entries"] == 4
    assert upload.report["quarantined"] == 1
    row = upload.quarantine.get()
    assert (row.table, row.row, row.column) == ("entries", 4, "date")
    assert "31/02/2016" in row.reason
    assert row.values["record_id"] == "INC-3"
    assert Entry.objects.filter(family=family).count() == before
    assert AuditEvent.objects.filter(user=worker, action="import_upload", object_id=str(upload.pk)).exists()


def test_commit_adds_entries_people_and_involvement(family: Family) -> None:
    assert Entry.objects.filter(family=family).count() == 6
    assert set(FamilyInvolvement.objects.filter(family=family).values_list("agency__name", flat=True)) >= {POLICE}
    # The mother and child are linked across the two agencies despite "Jade"/"Jayde".
    linked = [p for p in Person.objects.filter(family=family) if p.records.count() == 2]
    assert sorted(p.role for p in linked) == ["child", "mother"]
    assert all(p.reasons for p in linked)


def test_reimporting_the_same_file_changes_nothing(family: Family, worker: User) -> None:
    revision = family.revision
    upload = import_upload(family=family, user=worker, file_name="police.xlsx", content=police_workbook())
    preview = import_preview(upload=upload)
    assert (preview.added, preview.updated, preview.unchanged) == (0, 0, 4)
    counts = import_commit(upload=upload, user=worker)
    assert counts == {"added": 0, "updated": 0, "unchanged": 4, "people changed": 0}
    family.refresh_from_db()
    assert family.revision == revision
    assert not EntryVersion.objects.exists()
    assert Entry.objects.filter(family=family).count() == 6


def test_a_corrected_reimport_updates_by_record_id_and_keeps_the_earlier_version(family: Family, worker: User) -> None:
    upload = import_upload(
        family=family, user=worker, file_name="police.xlsx", content=police_workbook(extra_summary=" Kai was crying.")
    )
    assert import_preview(upload=upload).updated == 1
    counts = import_commit(upload=upload, user=worker)
    assert (counts["added"], counts["updated"], counts["unchanged"]) == (0, 1, 3)
    entry = Entry.objects.get(family=family, record_id="INC-1")
    assert entry.version == 2
    assert entry.summary.endswith("Kai was crying.")
    earlier = entry.versions.get()
    assert earlier.version == 1
    assert not earlier.data["summary"].endswith("Kai was crying.")
    assert earlier.replaced_by_import == upload


def test_the_family_page_shows_an_entry_s_earlier_versions(client: Client, family: Family, worker: User) -> None:
    upload = import_upload(
        family=family, user=worker, file_name="police.xlsx", content=police_workbook(extra_summary=" Kai was crying.")
    )
    import_commit(upload=upload, user=worker)
    client.force_login(worker)
    html = client.get(f"/families/{family.pk}/").content.decode()
    assert html.count("Earlier versions (1)") == 1
    assert "Version 1</strong>" in html


def test_entry_histories_are_read_for_the_rows_asked_for_only(family: Family, worker: User) -> None:
    upload = import_upload(
        family=family, user=worker, file_name="police.xlsx", content=police_workbook(extra_summary=" Kai was crying.")
    )
    import_commit(upload=upload, user=worker)
    rows = family_rows(chronology=family_chronology(family=family), chosen=ChronologyFilter())
    changed = [row for row in rows if row.record_id == "INC-1"]
    others = [row for row in rows if row.record_id != "INC-1"]
    assert [v.version for v in entry_histories(family=family, rows=changed)[(POLICE, "INC-1")]] == [1]
    assert entry_histories(family=family, rows=others) == {}


def test_a_folder_zipped_is_read_like_a_workbook(family: Family, worker: User) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(
            "people.csv", f"agency,person_ref,given_names,family_name,role\n{POLICE},P9,Ann,Lee,grandparent\n"
        )
        archive.writestr(
            "entries.csv",
            "agency,agency_type,record_id,date,subjects,event_type,summary\n"
            f"{POLICE},police,INC-9,2016-08,P9,family_report,Grandmother worried about the children.\n",
        )
    upload = import_upload(family=family, user=worker, file_name="police-extra.zip", content=buffer.getvalue())
    assert upload.status == Import.Status.VALIDATED, upload.refusal
    assert import_commit(upload=upload, user=worker)["added"] == 1
    assert Entry.objects.get(family=family, record_id="INC-9").date == "2016-08"


def test_a_file_that_cannot_be_read_is_refused_with_the_reason(family: Family, worker: User) -> None:
    upload = import_upload(family=family, user=worker, file_name="police.xlsx", content=b"not a workbook")
    assert upload.status == Import.Status.REFUSED
    assert "police.xlsx" in upload.refusal
    folder = import_upload(family=family, user=worker, file_name="people.csv", content=b"agency\n")
    assert folder.status == Import.Status.REFUSED
    assert "zip" in folder.refusal


def test_import_pages_upload_review_and_commit(client: Client, family: Family, worker: User) -> None:
    client.force_login(worker)
    response = client.post(
        "/imports/new/",
        {"family": str(family.pk), "submission": _file("police.xlsx", police_workbook(extra_summary=" Again."))},
    )
    assert response.status_code == 302
    review = client.get(response["Location"])
    assert b"31/02/2016" in review.content
    assert AuditEvent.objects.filter(user=worker, action="view_import", family=family).exists()
    assert b"1 updated" in review.content
    committed = client.post(response["Location"] + "commit/", follow=True)
    assert b"Chronology committed" in committed.content


def test_a_new_family_can_be_created_on_import(client: Client, worker: User) -> None:
    client.force_login(worker)
    missing = client.post("/imports/new/", {"family": "new", "submission": _file("p.xlsx", police_workbook())})
    assert b"Enter a name for the new family" in missing.content
    client.post(
        "/imports/new/",
        {"family": "new", "family_name": "Another family", "submission": _file("p.xlsx", police_workbook())},
    )
    made = Family.objects.get(name="Another family")
    assert made.allocations.filter(user=worker).exists()


def _file(name: str, content: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content)
