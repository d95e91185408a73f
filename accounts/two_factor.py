"""Two-factor authentication for the Wagtail admin: a TOTP authenticator app (django-otp).

After Wagtail's password sign-in, a staff member must enter a code from their authenticator
app before any other admin page opens (accounts/middleware.py). Without a confirmed app they
set one up first. This is required of everyone when settings.ADMIN_2FA_REQUIRED is on
(production's default); when it is off (development, tests), only those who chose to set up
an app are asked for a code.

Wrong codes are throttled by django-otp: after n wrong codes in a row the device refuses any
code for OTP_TOTP_THROTTLE_FACTOR * 2**(n-1) seconds (1, 2, 4, 8... by default).
"""

import math
import textwrap
from base64 import b32encode

import segno
from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django_otp import DEVICE_ID_SESSION_KEY, user_has_device
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.log_actions import log

DEVICE_NAME = "Authenticator app"
RESET_ACTION = "accounts.reset_two_factor"
WRONG_CODE = "That code is not right. Enter the 6-digit code your authenticator app shows now."


def verification_required(user):
    """True when this signed-in user must enter a code before using the admin."""
    if not user.is_authenticated or user.is_verified():
        return False
    return settings.ADMIN_2FA_REQUIRED or user_has_device(user)


def confirmed_device(user):
    """The user's confirmed authenticator app, or None."""
    return TOTPDevice.objects.devices_for_user(user, confirmed=True).first()


def pending_device(user):
    """The authenticator app being set up: the same secret until it is confirmed."""
    device = TOTPDevice.objects.devices_for_user(user, confirmed=False).first()
    return device or TOTPDevice.objects.create(user=user, name=DEVICE_NAME, confirmed=False)


def qr_code_svg(device):
    """The device's otpauth:// address as an inline SVG QR code, for the app to scan."""
    svg = segno.make(device.config_url, error="m").svg_inline(
        scale=5, title="QR code to scan with your authenticator app"
    )
    # An image named by its <title>, for screen readers.
    return svg.replace("<svg ", '<svg role="img" ', 1)


def manual_key(device):
    """The secret in base 32, in groups of four, for typing into the app instead."""
    return " ".join(textwrap.wrap(b32encode(device.bin_key).decode(), 4))


def throttled_message(locked_until):
    seconds = max(1, math.ceil((locked_until - timezone.now()).total_seconds()))
    if seconds < 120:
        wait = f"{seconds} second{'s' if seconds > 1 else ''}"
    else:
        wait = f"{math.ceil(seconds / 60)} minutes"
    return f"Too many wrong codes. Wait {wait}, then enter the code your app shows."


def check_code(device, code):
    """Check a code against the device; return (True, None) or (False, a message to show).

    Locks the device row, so two requests cannot both use one code or skip the throttle.
    """
    with transaction.atomic():
        device = TOTPDevice.objects.select_for_update().get(pk=device.pk)
        allowed, why = device.verify_is_allowed()
        if not allowed:
            return False, throttled_message(why["locked_until"])
        if device.verify_token(code):
            return True, None
    return False, WRONG_CODE


def mark_verified(request, device):
    """Record in the session that this user has verified with the device."""
    otp_login(request, device)
    # A new session key once the second factor is in, as after the password.
    request.session.cycle_key()


def confirm_device(request, device, code):
    """Confirm a device being set up with its first code; returns None or a message to show."""
    ok, message = check_code(device, code)
    if not ok:
        return message
    with transaction.atomic():
        TOTPDevice.objects.filter(user=device.user).exclude(pk=device.pk).delete()
        device.refresh_from_db()
        device.confirmed = True
        device.save(update_fields=["confirmed"])
    mark_verified(request, device)
    return None


def verify(request, code):
    """Verify the signed-in user with a code from their app; returns None or a message."""
    device = confirmed_device(request.user)
    ok, message = check_code(device, code)
    if not ok:
        return message
    device.refresh_from_db()
    mark_verified(request, device)
    return None


def reset(user, by=None, request=None):
    """Remove the user's authenticator apps: they set up a new one at their next admin visit.

    Recorded in the admin's history of the user. With the user's own request, their session
    also stops counting as verified.
    """
    deleted, _ = TOTPDevice.objects.filter(user=user).delete()
    if deleted:
        log(instance=user, action=RESET_ACTION, user=by)
    if request is not None:
        request.session.pop(DEVICE_ID_SESSION_KEY, None)
    return deleted
