"""Security behaviour: headers, login throttling, TOTP, session timeout, the audit viewer and logs."""

from __future__ import annotations

import io
import logging
from collections.abc import Callable

import pytest
from django.conf import settings
from django.test import Client, RequestFactory
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from safechron.web.accounts.models import Role, User
from safechron.web.audit.models import AuditEvent
from safechron.web.errors import server_error
from safechron.web.families.models import Family
from safechron.web.families.selectors import family_chronology
from safechron.web.families.services import family_create
from safechron.web.imports.services import import_commit, import_upload
from safechron.web.security import RedactSensitiveFilter
from tests.web.conftest import PASSWORD, csc_workbook, police_workbook


def test_security_headers_on_every_page(client: Client, family: Family, worker: User) -> None:
    pages = ["/sign-in/"]
    client.force_login(worker)
    pages += ["/families/", f"/families/{family.pk}/", "/no-such-page/"]
    for page in pages:
        response = client.get(page)
        assert response["X-Frame-Options"] == "DENY", page
        assert response["X-Content-Type-Options"] == "nosniff", page
        assert response["Referrer-Policy"] == "same-origin", page
        assert response["Cache-Control"] == "no-store", page
        policy = response["Content-Security-Policy"]
        assert "default-src 'self'" in policy and "frame-ancestors 'none'" in policy, page
        assert "'unsafe-inline'" not in policy, page


def test_the_inline_script_carries_the_csp_nonce(client: Client) -> None:
    response = client.get("/sign-in/")
    nonce = response["Content-Security-Policy"].split("'nonce-")[1].split("'")[0]
    assert f'<script nonce="{nonce}">' in response.content.decode()


def test_sign_in_and_out(client: Client, worker: User) -> None:
    response = client.post("/sign-in/", {"username": "sam", "password": PASSWORD})
    assert response.status_code == 302 and response["Location"] == "/families/"
    assert client.get("/families/").status_code == 200
    client.post("/sign-out/")
    assert client.get("/families/").status_code == 302


def test_a_wrong_password_is_refused_in_plain_words(client: Client, worker: User) -> None:
    response = client.post("/sign-in/", {"username": "sam", "password": "wrong"})
    assert response.status_code == 200
    assert b"Enter a correct user name and password" in response.content


def test_login_is_throttled_after_five_failures(client: Client, worker: User) -> None:
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post("/sign-in/", {"username": "sam", "password": "wrong"})
    locked = client.post("/sign-in/", {"username": "sam", "password": PASSWORD})
    assert locked.status_code == 429
    assert b"Your account is locked" in locked.content
    assert client.get("/families/").status_code == 302  # still not signed in


def _current_code(device: TOTPDevice) -> str:
    """The code the user's app shows now (after clearing the throttle a wrong code set)."""
    device.refresh_from_db()
    device.throttling_failure_count = 0
    device.throttling_failure_timestamp = None
    device.save()
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


def test_a_user_with_a_totp_device_must_give_the_current_code(client: Client, worker: User) -> None:
    device = TOTPDevice.objects.create(user=worker, name="phone", confirmed=True)
    response = client.post("/sign-in/", {"username": "sam", "password": PASSWORD})
    assert response["Location"] == "/sign-in/code/"
    assert client.get("/families/").status_code == 302  # the password alone does not sign in
    wrong = client.post("/sign-in/code/", {"code": "000000"})
    assert b"The code is not right" in wrong.content
    code = _current_code(device)
    signed = client.post("/sign-in/code/", {"code": code})
    assert signed.status_code == 302
    assert client.get("/families/").status_code == 200


def test_a_user_sets_up_two_step_sign_in_with_a_first_code(client: Client, worker: User) -> None:
    client.force_login(worker)
    page = client.get("/two-step-sign-in/")
    assert b"data:image/svg+xml;base64," in page.content
    device = TOTPDevice.objects.get(user=worker, confirmed=False)
    assert b"The code is not right" in client.post("/two-step-sign-in/", {"code": "000000"}).content
    code = _current_code(device)
    done = client.post("/two-step-sign-in/", {"code": code})
    assert b"Two-step sign-in is on" in done.content
    device.refresh_from_db()
    assert device.confirmed
    client.post("/sign-out/")
    assert client.post("/sign-in/", {"username": "sam", "password": PASSWORD})["Location"] == "/sign-in/code/"


def test_an_idle_session_ends(client: Client, worker: User) -> None:
    assert settings.SESSION_COOKIE_AGE <= 30 * 60 and settings.SESSION_SAVE_EVERY_REQUEST
    client.force_login(worker)
    session = client.session
    session.set_expiry(-1)
    session.save()
    assert client.get("/families/").status_code == 302


def test_the_audit_trail_is_for_the_data_protection_officer_only(
    client: Client, family: Family, worker: User, make_user: Callable[..., User]
) -> None:
    client.force_login(worker)
    client.get(f"/families/{family.pk}/")
    assert client.get("/audit/").status_code == 404
    officer = make_user("dee", agency="csc", role=Role.DATA_PROTECTION_OFFICER)
    client.force_login(officer)
    page = client.get("/audit/", {"family": family.pk, "action": "view_family"})
    assert page.status_code == 200
    assert b"Viewed the family" in page.content
    assert b"1 events" in page.content
    assert AuditEvent.objects.filter(user=officer, action="view_audit").exists()
    # The audit trail keeps no address or device.
    assert not {"ip", "ip_address", "user_agent"} & {f.name for f in AuditEvent._meta.get_fields()}


def test_logs_keep_no_names_or_summaries() -> None:
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.addFilter(RedactSensitiveFilter())
    logger = logging.getLogger("safechron.test.redaction")
    logger.addHandler(handler)
    try:
        try:
            raise ValueError("duplicate key: summary 'Jade Smith was hit by Lee'")
        except ValueError:
            logger.exception("Import of %s failed", "Jade Smith")
    finally:
        logger.removeHandler(handler)
    text = stream.getvalue()
    assert "Jade" not in text and "Lee" not in text
    assert "ValueError" in text and "test_security.py" in text


def test_the_server_error_page_needs_no_database(rf: RequestFactory) -> None:
    request = rf.get("/families/1/")
    response = server_error(request)  # no user, no session: nothing that could fail again
    assert response.status_code == 500
    assert b"Sorry, there is a problem with the service" in response.content


def test_error_pages_show_no_detail_and_debug_is_off(client: Client, worker: User) -> None:
    assert settings.DEBUG is False
    client.force_login(worker)
    response = client.get("/families/999999/")
    assert response.status_code == 404
    assert b"Page not found" in response.content and b"Traceback" not in response.content


def test_linking_a_family_writes_no_splink_progress_to_the_console(
    capfd: pytest.CaptureFixture[str], worker: User
) -> None:
    """Splink's own logging set-up would print 'Blocking time' and 'Predict time' lines on every rebuild."""
    family = family_create(name="Console family", created_by=worker)
    for name, content in (("police.xlsx", police_workbook()), ("csc.xlsx", csc_workbook())):
        import_commit(upload=import_upload(family=family, user=worker, file_name=name, content=content), user=worker)
    assert len(family_chronology(family=family).persons) >= 3  # linking ran
    out, err = capfd.readouterr()
    assert "Blocking time" not in out + err
    assert "Predict time" not in out + err
