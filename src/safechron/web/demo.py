"""`safechron demo`: the embedded database, the demonstration family loaded through the same import
service a practitioner uses, one sign-in per role and agency, and the web application on port 8000."""

from __future__ import annotations

import io
import os
import secrets
import zipfile
from dataclasses import dataclass
from pathlib import Path

from safechron.web.imports.reading import ACCEPTED_SUFFIXES

__all__ = ["DemoSignIn", "load", "run", "submission_files"]

EXAMPLES = Path(__file__).resolve().parents[3] / "examples" / "child-by"
ADDRESS = "127.0.0.1:8000"

#: The role that fits a member of staff of each kind of agency (others get no practitioner sign-in).
ROLE_OF_AGENCY_TYPE = {
    "childrens_social_care": "social_worker",
    "police": "police_officer",
    "health_visiting": "health_visitor",
    "health_maternity": "midwife",
    "probation": "probation_officer",
    "education": "school_safeguarding_lead",
}
#: Roles that belong to the local authority (the children's social care agency) in the demonstration.
LOCAL_AUTHORITY_ROLES = ("team_manager", "conference_chair", "reviewer", "administrator", "data_protection_officer")
OUTSIDE_AGENCY = "Another county's police (not involved)"


@dataclass(frozen=True, slots=True)
class DemoSignIn:
    username: str
    role: str
    agency: str


def submission_files(folder: Path) -> list[tuple[str, bytes]]:
    """The submissions of a folder as a browser would upload them: workbooks and zips as they are,
    and each folder of people.csv and entries.csv zipped (a folder cannot be uploaded)."""
    files = []
    for path in sorted(folder.iterdir()):
        if path.suffix.lower() in ACCEPTED_SUFFIXES:
            files.append((path.name, path.read_bytes()))
        elif path.is_dir() and (path / "entries.csv").exists():
            buffer = io.BytesIO()
            with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
                for member in sorted(path.glob("*.csv")):
                    archive.write(member, member.name)
            files.append((f"{path.name}.zip", buffer.getvalue()))
    return files


def load(*, folder: Path, family_name: str, password: str) -> list[DemoSignIn]:
    """Create the demonstration users, import and commit every submission of the folder (idempotently)."""
    from django.db import transaction

    from safechron.web.accounts.models import Agency, User
    from safechron.web.families.models import Family
    from safechron.web.families.services import family_create
    from safechron.web.imports.models import Import
    from safechron.web.imports.services import import_commit, import_upload

    def user(username: str, role: str, agency: Agency) -> User:
        account, _ = User.objects.update_or_create(username=username, defaults={"role": role, "agency": agency})
        account.set_password(password)
        account.save()
        return account

    files = submission_files(folder)
    if not files:
        raise SystemExit(f"{folder}: no submissions found. Put the demonstration family's files there.")
    with transaction.atomic():
        local_authority, _ = Agency.objects.get_or_create(
            name=_local_authority(files), defaults={"agency_type": "childrens_social_care"}
        )
        creator = user("social.worker", "social_worker", local_authority)
        family = Family.objects.filter(name=family_name).first() or family_create(name=family_name, created_by=creator)
    for name, content in files:
        upload = import_upload(family=family, user=creator, file_name=name, content=content)
        if upload.status == Import.Status.VALIDATED:
            import_commit(upload=upload, user=creator)
        else:
            print(f"  not imported: {upload.refusal}")
    users = [creator]
    for agency in Agency.objects.filter(involvements__family=family).exclude(pk=local_authority.pk).order_by("name"):
        role = ROLE_OF_AGENCY_TYPE.get(agency.agency_type)
        if role is not None:
            slug = "".join(ch if ch.isalnum() else "." for ch in agency.name.lower()).strip(".")
            users.append(user(f"{role.replace('_', '.')}.{slug}"[:150], role, agency))
    users += [user(role.replace("_", "."), role, local_authority) for role in LOCAL_AUTHORITY_ROLES]
    outside, _ = Agency.objects.get_or_create(name=OUTSIDE_AGENCY, defaults={"agency_type": "police"})
    users.append(user("outside.officer", "police_officer", outside))
    return [DemoSignIn(u.username, u.get_role_display(), u.agency.name if u.agency else "") for u in users]


def _local_authority(files: list[tuple[str, bytes]]) -> str:
    """The children's social care agency among the submissions: the local authority of the demonstration."""
    from safechron.formats import SubmissionError
    from safechron.web.imports.reading import read_upload

    for name, content in files:
        try:
            submission = read_upload(file_name=name, content=content)
        except SubmissionError:
            continue
        if any(entry.agency_type == "childrens_social_care" for entry in submission.entries):
            return submission.agency
    return "Demonstration children's social care"


def run(*, folder: Path = EXAMPLES, family_name: str = "Child BY family", address: str = ADDRESS) -> None:
    """Migrate the embedded database, load the demonstration and serve it until interrupted."""
    os.environ["DJANGO_SETTINGS_MODULE"] = "safechron.web.config.demo"
    import django
    from django.core.management import call_command

    django.setup()
    from django.conf import settings

    Path(settings.VAR_DIR).mkdir(parents=True, exist_ok=True)
    call_command("migrate", interactive=False, verbosity=0)
    password = os.environ.get("SAFECHRON_DEMO_PASSWORD") or secrets.token_urlsafe(12)
    print(f"Loading the demonstration family from {folder}")
    sign_ins = load(folder=folder, family_name=family_name, password=password)
    print(f"\nsafechron is running on http://{address}/ (press Ctrl+C to stop)")
    print(f"Every demonstration sign-in has the password: {password}\n")
    width = max(len(s.username) for s in sign_ins)
    for sign_in in sign_ins:
        print(f"  {sign_in.username:<{width}}  {sign_in.role}, {sign_in.agency}")
    print()
    call_command("runserver", address, use_reloader=False, use_threading=True)
