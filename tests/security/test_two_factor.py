"""Two-factor authentication for the admin: an authenticator app code after the password."""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-enough-passphrase-42"
SETUP = "/admin/two-factor/setup/"
VERIFY = "/admin/two-factor/verify/"


@pytest.fixture
def required(settings):
    settings.ADMIN_2FA_REQUIRED = True
    settings.OTP_TOTP_THROTTLE_FACTOR = 0  # throttling has its own test


@pytest.fixture
def staff(home_page):
    return get_user_model().objects.create_user(
        "officer", "officer@police.example", PASSWORD, is_staff=True, is_superuser=True
    )


@pytest.fixture
def app(staff):
    """An authenticator app the officer has already set up."""
    return TOTPDevice.objects.create(user=staff, name="Authenticator app", confirmed=True)


def sign_in(client):
    response = client.post("/admin/login/", {"username": "officer", "password": PASSWORD})
    assert response.status_code == 302
    return client.get(response["Location"])


def code_for(device, steps_ahead=0):
    """The code the officer's authenticator app shows now (or a later one)."""
    device.refresh_from_db()
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time += steps_ahead * device.step
    return f"{totp.token():06d}"


def wrong_code_for(device):
    right = {code_for(device, step) for step in (-1, 0, 1)}
    return next(c for c in ("000000", "111111", "222222", "333333") if c not in right)


def test_after_the_password_staff_without_an_app_are_sent_to_set_one_up(client, required, staff):
    response = sign_in(client)
    assert response.status_code == 302
    assert response["Location"] == SETUP + "?next=%2Fadmin%2F"
    response = client.get(response["Location"])
    html = response.content.decode()
    assert response.status_code == 200
    assert "Set up two-factor authentication" in html
    assert "<svg" in html and "QR code to scan with your authenticator app" in html
    device = TOTPDevice.objects.get(user=staff, confirmed=False)
    secret = response.context["manual_key"]
    assert secret.replace(" ", "") in device.config_url
    assert secret in html
    assert '<label class="w-field__label" for="id_code"' in html
    assert 'autocomplete="one-time-code"' in html
    assert 'inputmode="numeric"' in html
    # A second visit shows the same secret, so a half-finished scan still works.
    assert client.get(SETUP).context["manual_key"] == secret


def test_a_wrong_code_is_refused_clearly_and_keeps_the_admin_closed(client, required, staff):
    sign_in(client)
    client.get(SETUP)
    device = TOTPDevice.objects.get(user=staff)
    response = client.post(SETUP, {"code": wrong_code_for(device), "next": "/admin/"})
    assert response.status_code == 200
    assert "That code is not right" in response.content.decode()
    response = client.post(SETUP, {"code": "12 34x"})
    assert "Enter the 6 digits your authenticator app shows" in response.content.decode()
    assert client.get("/admin/pages/")["Location"].startswith(SETUP)
    assert not TOTPDevice.objects.filter(confirmed=True).exists()


def test_the_right_code_confirms_the_app_and_opens_the_admin(client, required, staff):
    sign_in(client)
    client.get(SETUP)
    device = TOTPDevice.objects.get(user=staff)
    session_key = client.session.session_key
    response = client.post(SETUP, {"code": code_for(device), "next": "/admin/pages/"})
    assert response.status_code == 302
    assert response["Location"] == "/admin/pages/"
    assert client.get("/admin/pages/").status_code == 200
    device.refresh_from_db()
    assert device.confirmed
    assert client.session.session_key != session_key  # a new session once verified
    # With an app confirmed, set-up is closed: nobody adds a second app without a reset.
    assert client.get(SETUP)["Location"] == "/admin/two-factor/"


def test_staff_with_an_app_enter_its_code_after_the_password(client, required, app):
    response = sign_in(client)
    assert response["Location"] == VERIFY + "?next=%2Fadmin%2F"
    assert client.get(SETUP)["Location"] == VERIFY
    page = client.get(VERIFY).content.decode()
    assert "Enter the code from your authenticator app" in page
    response = client.post(VERIFY, {"code": wrong_code_for(app), "next": "/admin/"})
    assert "That code is not right" in response.content.decode()
    response = client.post(VERIFY, {"code": code_for(app), "next": "https://evil.example/"})
    assert response["Location"] == "/admin/"  # only admin pages of this site
    assert client.get("/admin/").status_code == 200


@pytest.mark.parametrize(
    "url",
    [
        "/admin/",
        "/admin/pages/",
        "/admin/account/",
        "/admin/users/",
        "/admin/two-factor/",
        "/admin/recruitment/specialconstableapplication/",
        "/admin/snippets/cms/area/",
    ],
)
def test_every_admin_page_waits_for_the_code(client, required, app, url):
    sign_in(client)
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith(VERIFY + "?next=")
    # A form posted without the code does nothing and is sent to the same place.
    assert client.post(url, {})["Location"] == VERIFY


def test_requests_from_the_admins_scripts_get_403_until_verified(client, required, app):
    sign_in(client)
    for headers in (
        {"X-Requested-With": "XMLHttpRequest"},
        {"Accept": "application/json"},
    ):
        response = client.get("/admin/pages/search/?q=news", headers=headers)
        assert response.status_code == 403
        assert response.json() == {"error": "Enter a code from your authenticator app first."}


def test_repeated_wrong_codes_are_throttled(client, required, settings, app):
    settings.OTP_TOTP_THROTTLE_FACTOR = 60
    sign_in(client)
    client.post(VERIFY, {"code": wrong_code_for(app)})
    # Even the right code is refused while the app is throttled.
    response = client.post(VERIFY, {"code": code_for(app)})
    assert response.status_code == 200
    assert "Too many wrong codes. Wait" in response.content.decode()
    assert client.get("/admin/")["Location"].startswith(VERIFY)
    app.refresh_from_db()
    assert app.throttling_failure_count == 1


def test_signing_out_works_before_the_code(client, required, app):
    sign_in(client)
    response = client.post("/admin/logout/")
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session
    assert client.get(VERIFY)["Location"].startswith("/admin/login/")


def test_staff_reset_their_own_app_only_after_entering_its_code(client, required, app):
    sign_in(client)
    assert client.post("/admin/two-factor/")["Location"] == VERIFY
    assert TOTPDevice.objects.filter(pk=app.pk).exists()
    client.post(VERIFY, {"code": code_for(app)})
    page = client.get("/admin/two-factor/").content.decode()
    assert "Remove my app and set up a new one" in page
    response = client.post("/admin/two-factor/")
    assert response["Location"] == SETUP
    assert not TOTPDevice.objects.filter(pk=app.pk).exists()
    assert client.get("/admin/")["Location"].startswith(SETUP)


def test_an_administrator_resets_someone_elses_app_with_a_command(app, capsys):
    call_command("reset_two_factor", "officer")
    assert "Removed the authenticator app of officer" in capsys.readouterr().out
    assert not TOTPDevice.objects.exists()


def test_without_the_setting_the_password_alone_opens_the_admin(client, settings, staff):
    settings.ADMIN_2FA_REQUIRED = False
    response = sign_in(client)
    assert response.status_code == 200
    # An officer who chose to set up an app is still asked for its code.
    TOTPDevice.objects.create(user=staff, name="Authenticator app", confirmed=True)
    client.logout()
    assert sign_in(client)["Location"].startswith(VERIFY)


def test_a_superuser_resets_someone_elses_app_from_the_users_list(client, app):
    from django.contrib.auth.models import Group
    from wagtail.models import ModelLogEntry

    admin = get_user_model().objects.create_superuser("chief", "chief@police.example", PASSWORD)
    client.force_login(admin)
    assert "Reset two-factor authentication" in client.get("/admin/users/").content.decode()
    url = f"/admin/two-factor/users/{app.user.pk}/reset/"
    assert "set up an authenticator app on" in client.get(url).content.decode()
    response = client.post(url)
    assert response["Location"] == "/admin/users/"
    assert not TOTPDevice.objects.exists()
    entry = ModelLogEntry.objects.get(action="accounts.reset_two_factor")
    assert (entry.object_id, entry.user) == (str(app.user.pk), admin)

    # Staff who are not superusers cannot.
    editor = get_user_model().objects.create_user("ed", "ed@police.example", PASSWORD)
    editor.groups.add(Group.objects.get(name="Editors"))
    again = TOTPDevice.objects.create(user=app.user, name="Authenticator app", confirmed=True)
    client.force_login(editor)
    assert client.post(url).status_code in (302, 403)
    assert TOTPDevice.objects.filter(pk=again.pk).exists()
