"""Two-step sign-in: a TOTP authenticator app, set up by the user and confirmed with a first code."""

from __future__ import annotations

import base64

import qrcode
import qrcode.image.svg
from django_otp.plugins.otp_totp.models import TOTPDevice

from safechron.web.accounts.models import User

__all__ = ["totp_device_confirm", "totp_device_start", "totp_qr_data_uri", "totp_secret"]


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
