"""Accounts: creating and managing users (administrators), and two-step sign-in with a TOTP app."""

from __future__ import annotations

import base64
import secrets

import qrcode
import qrcode.image.svg
from axes.utils import reset
from django.db import transaction
from django_otp.plugins.otp_totp.models import TOTPDevice

from safechron.web.accounts.models import Agency, User
from safechron.web.families.services import agency_renamed

__all__ = [
    "agency_create",
    "agency_update",
    "totp_device_confirm",
    "totp_device_start",
    "totp_qr_data_uri",
    "totp_secret",
    "user_create",
    "user_password_set",
    "user_set_active",
    "user_two_step_reset",
    "user_unlock",
]


def totp_device_start(*, user: User) -> TOTPDevice:
    """The user's unconfirmed authenticator device, created on first use."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    return device or TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=False)


def totp_device_confirm(*, device: TOTPDevice, code: str) -> bool:
    """Confirm the device when the code is right; from then on sign-in asks for a code."""
    if not device.verify_token(code.strip()):
        return False
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    return True


def totp_secret(*, device: TOTPDevice) -> str:
    """The key in the base32 form authenticator apps accept when typed in."""
    return base64.b32encode(device.bin_key).decode("ascii").rstrip("=")


def totp_qr_data_uri(*, device: TOTPDevice) -> str:
    """The device's otpauth:// address as a QR code, an SVG data URI for an <img>."""
    svg = qrcode.make(device.config_url, image_factory=qrcode.image.svg.SvgPathImage).to_string()
    return "data:image/svg+xml;base64," + base64.b64encode(svg).decode("ascii")


def agency_create(*, name: str, agency_type: str) -> Agency:
    """A new agency, before any submission from it arrives (so its staff can be added)."""
    return Agency.objects.create(name=name, agency_type=agency_type)


def agency_update(*, agency: Agency, name: str, agency_type: str) -> Agency:
    """Rename an agency or correct its kind. Its records in every family take the new name (submissions
    are matched to agencies by name: a later submission under the old name makes a new agency)."""
    old_name = agency.name
    with transaction.atomic():
        agency.name = name
        agency.agency_type = agency_type
        agency.save(update_fields=["name", "agency_type"])
        if name != old_name:
            agency_renamed(agency=agency, old_name=old_name)
    return agency


def user_create(*, username: str, full_name: str, agency: Agency, role: str) -> tuple[User, str]:
    """A new user with a one-time password to hand over in person; they change it after signing in."""
    first, _, last = full_name.strip().partition(" ")
    password = secrets.token_urlsafe(12)
    user = User.objects.create_user(
        username=username.strip(),
        password=password,
        first_name=first,
        last_name=last,
        agency=agency,
        role=role,
        must_change_password=True,
    )
    return user, password


def user_password_set(*, user: User, password: str) -> User:
    """The user's own new password (already validated); a one-time password no longer stands in its way."""
    user.set_password(password)
    user.must_change_password = False
    user.save(update_fields=["password", "must_change_password"])
    return user


def user_set_active(*, user: User, active: bool) -> User:
    """Deactivate a leaver (their records and audit trail stay), or reactivate them."""
    user.is_active = active
    user.save(update_fields=["is_active"])
    return user


def user_two_step_reset(*, user: User) -> int:
    """Remove the user's authenticator devices (a lost phone); they set up a new one after signing in."""
    deleted, _ = TOTPDevice.objects.filter(user=user).delete()
    return int(deleted)


def user_unlock(*, user: User) -> None:
    """Lift a lock-out after too many failed sign-ins."""
    reset(username=user.username)
