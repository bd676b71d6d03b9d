"""Importing a submission: upload and validate, then commit to the family (idempotently)."""

from __future__ import annotations

import hashlib
from collections import Counter
from pathlib import Path

from django.db import transaction
from django.utils import timezone

from safechron.formats.errors import SubmissionError
from safechron.vocabulary import AGENCY_TYPES
from safechron.web.accounts.models import Agency, User
from safechron.web.audit.models import AuditEvent
from safechron.web.audit.services import audit_record
from safechron.web.families.models import Family
from safechron.web.families.services import (
    entry_upsert,
    family_changed,
    involvement_ensure,
    persons_refresh,
    record_upsert,
)
from safechron.web.imports.models import Import, QuarantinedRow
from safechron.web.imports.reading import ACCEPTED_SUFFIXES, read_upload

__all__ = ["import_commit", "import_upload"]


def import_upload(*, family: Family, user: User, file_name: str, content: bytes) -> Import:
    """Read an uploaded submission and keep its validation report and quarantine; nothing is committed yet."""
    upload = Import(
        family=family,
        file_name=Path(file_name).name,
        content=content,
        sha256=hashlib.sha256(content).hexdigest(),
        uploaded_by=user,
    )
    if not file_name.lower().endswith(ACCEPTED_SUFFIXES):
        upload.status = Import.Status.REFUSED
        upload.refusal = (
            f"{upload.file_name}: this is not an .xlsx workbook or a .zip file. Upload the agency's workbook, "
            "or zip the folder holding people.csv and entries.csv and upload the zip (a folder cannot be uploaded)."
        )
    else:
        try:
            submission = read_upload(file_name=file_name, content=content)
        except SubmissionError as error:
            upload.status = Import.Status.REFUSED
            upload.refusal = str(error)
        else:
            upload.status = Import.Status.VALIDATED
            upload.agency = _agency_of(name=submission.agency, types=[e.agency_type for e in submission.entries])
            upload.report = {
                "agency": submission.agency,
                "people": len(submission.people),
                "entries": len(submission.entries),
                "quarantined": len(submission.quarantine),
                "warnings": [warning.message() for warning in submission.warnings],
            }
    with transaction.atomic():
        upload.save()
        if upload.status == Import.Status.VALIDATED:
            QuarantinedRow.objects.bulk_create(
                QuarantinedRow(
                    source_import=upload,
                    file=row.file,
                    table=row.table,
                    row=row.row,
                    column=row.column,
                    reason=row.reason,
                    values=dict(row.values),
                )
                for row in submission.quarantine
            )
        audit_record(user=user, action=AuditEvent.Action.IMPORT_UPLOAD, family=family, obj=upload)
    return upload


def _agency_of(*, name: str, types: list[str]) -> Agency:
    """The agency a submission comes from, created on first sight with its most common agency type."""
    counted = Counter(t for t in types if t in AGENCY_TYPES).most_common(1)
    agency, _ = Agency.objects.get_or_create(name=name, defaults={"agency_type": counted[0][0] if counted else "other"})
    return agency


def import_commit(*, upload: Import, user: User) -> dict[str, int]:
    """Take a validated submission into the family: entries are added or updated by agency and record id
    (the earlier version kept in history); committing the same submission again changes nothing."""
    if upload.status == Import.Status.REFUSED or upload.agency is None:
        raise ValueError("a refused submission cannot be committed")
    submission = read_upload(file_name=upload.file_name, content=bytes(upload.content))
    family = upload.family
    counts: Counter[str] = Counter({"added": 0, "updated": 0, "unchanged": 0, "people changed": 0})
    with transaction.atomic():
        involvement_ensure(family=family, agency=upload.agency)
        for record in submission.people:
            counts["people changed"] += record_upsert(family=family, agency=upload.agency, record=record)
        for entry in submission.entries:
            counts[entry_upsert(family=family, agency=upload.agency, entry=entry, source_import=upload).outcome] += 1
        upload.status = Import.Status.COMMITTED
        upload.committed_by = user
        upload.committed_at = timezone.now()
        upload.report = {**upload.report, "committed": dict(counts)}
        upload.save(update_fields=["status", "committed_by", "committed_at", "report"])
        if counts["added"] or counts["updated"] or counts["people changed"]:
            family_changed(family=family)
        audit_record(user=user, action=AuditEvent.Action.IMPORT_COMMIT, family=family, obj=upload)
    persons_refresh(family=family)
    return dict(counts)
