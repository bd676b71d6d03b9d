"""Web tests: Django configured with the test settings (SQLite in memory, or PostgreSQL when
DATABASE_URL is set: then a missing server fails the run, it is never skipped)."""

from __future__ import annotations

import io
import os
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

import django
import pytest
from openpyxl import Workbook

os.environ["DJANGO_SETTINGS_MODULE"] = "safechron.web.config.test"
django.setup()

from django.core.cache import caches  # noqa: E402

from safechron.web.accounts.models import Agency, Role, User  # noqa: E402
from safechron.web.families.models import Family  # noqa: E402
from safechron.web.families.services import family_create  # noqa: E402
from safechron.web.imports.models import Import  # noqa: E402
from safechron.web.imports.services import import_commit, import_upload  # noqa: E402

PASSWORD = "correct horse battery staple"

PEOPLE_HEADER = [
    "agency",
    "person_ref",
    "given_names",
    "family_name",
    "date_of_birth",
    "sex",
    "nhs_number",
    "role",
    "postcode",
    "lives_with_child",
]
ENTRY_HEADER = [
    "agency",
    "agency_type",
    "record_id",
    "date",
    "subjects",
    "event_type",
    "summary",
    "tags",
    "recorded_date",
]


def workbook_bytes(people: list[list[Any]], entries: list[list[Any]]) -> bytes:
    """A real .xlsx submission, as an agency would send it."""
    book = Workbook()
    sheet = book.active
    sheet.title = "people"
    sheet.append(PEOPLE_HEADER)
    for row in people:
        sheet.append(row)
    sheet = book.create_sheet("entries")
    sheet.append(ENTRY_HEADER)
    for row in entries:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def ago(days: int) -> str:
    """A date `days` before today (ISO): the fixture family is recent, so its indicators are open today."""
    return (date.today() - timedelta(days=days)).isoformat()


POLICE = "Northshire Police"
CSC = "Northshire Children's Social Care"
HEALTH = "Northshire Health Visiting"


def police_workbook(*, extra_summary: str = "") -> bytes:
    return workbook_bytes(
        people=[
            [POLICE, "P1", "Jade", "Smith", "1994-03-02", "female", "", "mother", "NR1 1AA", "yes"],
            [POLICE, "P2", "Lee", "Brown", "1990-07-15", "male", "", "partner", "NR1 1AA", "yes"],
            [POLICE, "P3", "Kai", "Smith", "2015-05-01", "male", "", "child", "NR1 1AA", "yes"],
        ],
        entries=[
            [
                POLICE,
                "police",
                "INC-1",
                ago(200),
                "P1;P2;P3",
                "domestic_abuse_incident",
                "Police called to a domestic argument; Lee pushed Jade in front of Kai." + extra_summary,
                "domestic_abuse",
                "",
            ],
            [
                POLICE,
                "police",
                "INC-2",
                ago(150),
                "P1;P2",
                "domestic_abuse_incident",
                "Second domestic incident. Jade had a cut lip.",
                "domestic_abuse;physical_injury",
                "",
            ],
            [
                POLICE,
                "police",
                "INC-3",
                "31/02/2016",
                "P1",
                "police_callout",
                "Call-out with an impossible date.",
                "",
                "",
            ],
            [
                POLICE,
                "police",
                "INC-4",
                ago(60),
                "P2",
                "arrest",
                "Lee arrested for possession of cannabis.",
                "offending;substance_misuse_parent",
                ago(50),
            ],
            [
                POLICE,
                "police",
                "INC-5",
                ago(100),
                "P1;P2;P3",
                "domestic_abuse_incident",
                "Third call to the address: shouting, Jade's arm bruised, Kai present.",
                "domestic_abuse",
                "",
            ],
        ],
    )


def csc_workbook() -> bytes:
    return workbook_bytes(
        people=[
            [CSC, "C1", "Jayde", "Smith", "1994-03-02", "female", "", "mother", "NR1 1AA", "yes"],
            [CSC, "C2", "Kai", "Smith", "2015-05-01", "male", "", "child", "NR1 1AA", "yes"],
        ],
        entries=[
            [
                CSC,
                "childrens_social_care",
                "CSC-1",
                ago(198),
                "C1;C2",
                "referral",
                "Referral from police after domestic abuse; mother says she feels low.",
                "mental_health_parent",
                "",
            ],
            [
                CSC,
                "childrens_social_care",
                "CSC-2",
                ago(120),
                "C2",
                "home_visit",
                "Home visit, Kai seen. Home conditions poor.",
                "neglect",
                "",
            ],
        ],
    )


@pytest.fixture(autouse=True)
def empty_cache() -> None:
    """Each test starts with no cached chronology (rolled-back tests reuse primary keys)."""
    for each in caches.all():
        each.clear()


@pytest.fixture
def agencies(db: None) -> dict[str, Agency]:
    return {
        "police": Agency.objects.create(name=POLICE, agency_type="police"),
        "csc": Agency.objects.create(name=CSC, agency_type="childrens_social_care"),
        "health": Agency.objects.create(name=HEALTH, agency_type="health_visiting"),
        "other": Agency.objects.create(name="Southshire Police", agency_type="police"),
    }


@pytest.fixture
def make_user(agencies: dict[str, Agency]) -> Callable[..., User]:
    def make(username: str, *, agency: str | None, role: str = Role.SOCIAL_WORKER) -> User:
        return User.objects.create_user(
            username=username,
            password=PASSWORD,
            agency=agencies[agency] if agency else None,
            role=role,
            first_name=username.capitalize(),
        )

    return make


@pytest.fixture
def worker(make_user: Callable[..., User]) -> User:
    return make_user("sam", agency="csc")


@pytest.fixture
def outsider(make_user: Callable[..., User]) -> User:
    """A user of an agency not involved with the family, not allocated to it."""
    return make_user("olu", agency="other", role=Role.POLICE_OFFICER)


@pytest.fixture
def family(worker: User) -> Family:
    """A family with the police and children's social care submissions committed."""
    made = family_create(name="Test family", created_by=worker)
    for name, content in (("police.xlsx", police_workbook()), ("csc.xlsx", csc_workbook())):
        upload = import_upload(family=made, user=worker, file_name=name, content=content)
        assert upload.status == Import.Status.VALIDATED, upload.refusal
        import_commit(upload=upload, user=worker)
    made.refresh_from_db()
    return made
