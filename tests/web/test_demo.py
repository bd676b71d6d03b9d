"""The demonstration loader: the example family through the import service, one sign-in per role."""

from __future__ import annotations

from pathlib import Path

import pytest

from safechron.web.accounts.models import Role, User
from safechron.web.demo import load, submission_files
from safechron.web.families.models import Entry, Family
from safechron.web.permissions import visible_families

CALM_FAMILY = Path(__file__).resolve().parents[2] / "examples" / "calm-family"


def test_folders_are_zipped_as_a_browser_would_upload_them() -> None:
    files = submission_files(CALM_FAMILY)
    assert files and all(name.endswith(".zip") for name, _ in files)
    assert all(content[:2] == b"PK" for _, content in files)


@pytest.mark.django_db
def test_the_demonstration_loads_idempotently_with_a_sign_in_per_role() -> None:
    sign_ins = load(folder=CALM_FAMILY, family_name="Calm family", password="demo password 123")
    family = Family.objects.get(name="Calm family")
    entries = Entry.objects.filter(family=family).count()
    assert entries > 0
    assert {s.role for s in sign_ins} >= {
        Role.SOCIAL_WORKER.label,
        Role.TEAM_MANAGER.label,
        Role.DATA_PROTECTION_OFFICER.label,
        Role.POLICE_OFFICER.label,
    }
    assert User.objects.get(username="social.worker").check_password("demo password 123")
    outsider = User.objects.get(username="outside.officer")
    assert not visible_families(user=outsider).exists()
    load(folder=CALM_FAMILY, family_name="Calm family", password="demo password 123")
    assert Family.objects.filter(name="Calm family").count() == 1
    assert Entry.objects.filter(family=family).count() == entries
    assert not Entry.objects.filter(family=family, version__gt=1).exists()
