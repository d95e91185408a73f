"""Admin accounts: lockout after failed logins, strong passwords, sessions that end."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-enough-passphrase-42"


@pytest.fixture
def staff(home_page):
    return get_user_model().objects.create_user(
        "officer", "officer@police.example", PASSWORD, is_staff=True, is_superuser=True
    )


def attempt(client, username, password, ip="10.0.0.1"):
    return client.post(
        "/admin/login/", {"username": username, "password": password}, REMOTE_ADDR=ip
    )


def test_wagtail_login_locks_a_username_after_repeated_failures(client, settings, staff):
    limit = settings.AXES_FAILURE_LIMIT
    for n in range(limit - 1):
        # Failures from different addresses still count against the username.
        response = attempt(client, "officer", "wrong-password", ip=f"10.0.1.{n}")
        assert response.status_code == 200
        assert "Your username and password didn" in response.content.decode()
    response = attempt(client, "officer", "wrong-password", ip="10.0.2.1")
    assert response.status_code == 429
    html = response.content.decode()
    assert "Sign-in locked for now" in html
    assert "Try again in 15 minutes" in html
    # Even the right password is refused while locked.
    assert attempt(client, "officer", PASSWORD, ip="10.0.3.1").status_code == 429
    assert "_auth_user_id" not in client.session


def test_wagtail_login_locks_a_client_trying_many_usernames(client, settings, staff):
    for n in range(settings.AXES_FAILURE_LIMIT):
        attempt(client, f"guess{n}", "wrong-password", ip="10.9.9.9")
    response = attempt(client, "officer", PASSWORD, ip="10.9.9.9")
    assert response.status_code == 429
    # Another client can still sign in as that user.
    response = attempt(client, "officer", PASSWORD, ip="10.0.0.2")
    assert response.status_code == 302


def test_a_successful_login_resets_the_count(client, settings, staff):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        attempt(client, "officer", "wrong-password")
    assert attempt(client, "officer", PASSWORD).status_code == 302
    client.logout()
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert attempt(client, "officer", "wrong-password").status_code == 200


@pytest.mark.parametrize(
    "new_password, problem",
    [
        ("short-pw1", "at least 12 characters"),
        ("password1234", "too common"),
        ("184729301847", "entirely numeric"),
        ("officer-police", "too similar"),
    ],
)
def test_wagtail_change_password_applies_the_validators(client, staff, new_password, problem):
    client.force_login(staff)
    response = client.post(
        "/admin/account/",
        {
            "password-old_password": PASSWORD,
            "password-new_password1": new_password,
            "password-new_password2": new_password,
        },
    )
    assert response.status_code == 200
    assert problem in response.content.decode()
    staff.refresh_from_db()
    assert staff.check_password(PASSWORD)


def test_wagtail_user_creation_applies_the_validators(client, staff):
    client.force_login(staff)
    response = client.post(
        reverse("wagtailusers_users:add"),
        {
            "username": "newbie",
            "email": "newbie@police.example",
            "first_name": "New",
            "last_name": "Bie",
            "password1": "short",
            "password2": "short",
        },
    )
    assert response.status_code == 200
    assert "at least 12 characters" in response.content.decode()
    assert not get_user_model().objects.filter(username="newbie").exists()


def test_admin_session_ends_with_the_browser_and_after_its_lifetime(client, settings, staff):
    response = attempt(client, "officer", PASSWORD)
    assert response.status_code == 302
    cookie = response.cookies[settings.SESSION_COOKIE_NAME]
    # No Max-Age/Expires: the browser drops the cookie when it closes.
    assert not cookie["max-age"]
    assert not cookie["expires"]
    assert cookie["httponly"]
    assert client.session.get_expire_at_browser_close()
    assert settings.SESSION_COOKIE_AGE == 8 * 60 * 60
    # Server side, the session itself expires after SESSION_COOKIE_AGE.
    assert 0 < client.session.get_expiry_age() <= settings.SESSION_COOKIE_AGE
