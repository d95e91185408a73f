"""The quick exit's server side (cms/quick_exit.py), without a browser: the link's route and
the script's beacon end this browser's visit, keep the draft for the emailed come-back link,
and send the visitor only to the site's own quick-exit address, even with the database down.
The real-browser side (Back after each way of leaving) is tests/browser/test_quick_exit.py."""

from unittest import mock

import pytest
from django.conf import settings
from django.core.cache import cache
from django.db import OperationalError, connection
from django.test import Client

from accounts.factories import RecruiterFactory
from cms.models import DEFAULT_QUICK_EXIT_URL
from recruitment.models import Draft
from tests.recruitment.conftest import step_posts

pytestmark = pytest.mark.django_db

NEUTRAL = "https://neutral.example/weather"
EXIT = "/quick-exit/"


@pytest.fixture
def neutral(site_settings):
    site_settings.quick_exit_url = NEUTRAL
    site_settings.save()
    return site_settings


@pytest.fixture
def half_way(client, specials_page, special_answers, neutral):
    """A browser that checked it can apply and filled in About you: a draft it is linked to."""
    for url, data, headers in step_posts(specials_page, special_answers)[:2]:
        assert client.post(url, data, **headers).status_code == 302
    assert "Continue your application" in client.get(specials_page.url).content.decode()
    return client


def assert_visit_forgotten(client, page, response):
    # The browser is told to drop its session cookie...
    cookie = response.cookies[settings.SESSION_COOKIE_NAME]
    assert cookie.value == "" and cookie["max-age"] == 0
    # ...and its CSRF cookie, which shows a form of ours was opened.
    csrf = response.cookies[settings.CSRF_COOKIE_NAME]
    assert csrf.value == "" and csrf["max-age"] == 0
    # ...and the old one no longer opens anything: the session row is gone too.
    start = client.get(page.url).content.decode()
    assert "Continue your application" not in start and "Check you can apply" in start
    about_you = client.get(f"{page.url}step/about-you/")
    assert about_you.status_code == 302 and about_you["Location"] == page.url
    check = client.get(f"{page.url}check-your-answers/", follow=True)
    assert "Jordan" not in check.content.decode()


def test_the_link_ends_the_visit_keeps_the_draft_and_goes_to_the_neutral_site(
    half_way, specials_page
):
    response = half_way.get(EXIT)
    assert response.status_code == 302
    assert response["Location"] == NEUTRAL
    # Where the visitor was never follows them, and no cache keeps the answer.
    assert response["Referrer-Policy"] == "no-referrer"
    assert "no-store" in response["Cache-Control"]
    assert_visit_forgotten(half_way, specials_page, response)
    # The draft is kept: the emailed come-back link still opens it.
    assert Draft.objects.get().answers["first_name"] == ["Jordan"]


def test_the_beacon_ends_the_visit_and_keeps_the_draft(half_way, specials_page):
    response = half_way.post(EXIT)
    assert response.status_code == 204
    assert "no-store" in response["Cache-Control"]
    assert_visit_forgotten(half_way, specials_page, response)
    assert Draft.objects.count() == 1


def test_the_beacon_needs_no_csrf_token(half_way, specials_page):
    # sendBeacon cannot carry one; the cookie's SameSite=Lax keeps other sites' POSTs out.
    strict = Client(enforce_csrf_checks=True)
    strict.cookies = half_way.cookies
    response = strict.post(EXIT)
    assert response.status_code == 204
    assert_visit_forgotten(strict, specials_page, response)


def test_the_thank_you_reference_is_forgotten_too(client, specials_page, special_answers, neutral):
    for url, data, headers in step_posts(specials_page, special_answers):
        client.post(url, data, **headers)
    thank_you = f"{specials_page.url}thank-you/"
    assert "Your reference number" in client.get(thank_you).content.decode()
    client.get(EXIT)
    html = client.get(thank_you).content.decode()
    assert "Your reference number" not in html
    assert "We could not find anything you have sent from this browser" in html


@pytest.mark.parametrize(
    "query",
    [
        "?next=https://evil.example/",
        "?next=//evil.example/",
        "?url=https://evil.example/&redirect_to=https://evil.example/&to=/admin/",
    ],
)
def test_the_exit_goes_only_to_the_configured_address(half_way, query):
    response = half_way.get(EXIT + query)
    assert response.status_code == 302
    assert response["Location"] == NEUTRAL
    assert half_way.post(EXIT + query, {"next": "https://evil.example/"}).status_code == 204


def test_a_link_from_another_site_only_redirects(half_way, specials_page):
    # A top-level GET from another site carries a SameSite=Lax cookie; the browser says where
    # it came from, and such a request ends nothing.
    response = half_way.get(EXIT, HTTP_SEC_FETCH_SITE="cross-site")
    assert response["Location"] == NEUTRAL
    assert settings.SESSION_COOKIE_NAME not in response.cookies
    assert "Continue your application" in half_way.get(specials_page.url).content.decode()


def test_a_head_request_changes_nothing(half_way, specials_page):
    assert half_way.head(EXIT)["Location"] == NEUTRAL
    assert "Continue your application" in half_way.get(specials_page.url).content.decode()


def test_other_methods_are_refused(half_way):
    response = half_way.put(EXIT)
    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD, POST"


def test_signed_in_staff_stay_signed_in_but_lose_the_draft(
    client, specials_page, special_answers, neutral
):
    client.force_login(RecruiterFactory())
    for url, data, headers in step_posts(specials_page, special_answers)[:2]:
        client.post(url, data, **headers)
    old_key = client.cookies[settings.SESSION_COOKIE_NAME].value
    response = client.get(EXIT)
    assert response["Location"] == NEUTRAL
    # A new session key, still signed in: the admin opens without a sign-in.
    assert client.cookies[settings.SESSION_COOKIE_NAME].value not in ("", old_key)
    assert client.get("/admin/").status_code == 200
    assert settings.CSRF_COOKIE_NAME not in response.cookies  # an admin tab's forms still send
    assert "Continue your application" not in client.get(specials_page.url).content.decode()
    assert Draft.objects.count() == 1


def test_the_forms_cookies_end_with_the_browser(client, specials_page, special_answers):
    """Opening a form sets no cookie that outlives the browser: a year-long CSRF cookie would
    show anyone who looks that the browser visited (the cookies page says the same)."""
    for url, data, headers in step_posts(specials_page, special_answers)[:2]:
        client.post(url, data, **headers)
    client.get(f"{specials_page.url}step/contact-details/")
    assert client.cookies[settings.CSRF_COOKIE_NAME].value
    assert client.cookies[settings.CSRF_COOKIE_NAME]["max-age"] == ""
    assert client.cookies[settings.CSRF_COOKIE_NAME]["expires"] == ""
    assert client.cookies[settings.SESSION_COOKIE_NAME]["max-age"] == ""


def test_with_the_database_down_the_exit_still_redirects_and_drops_the_cookie(half_way):
    cache.clear()  # nothing to fall back on: the site and its settings must come from the db
    down = OperationalError("the database is down")
    with mock.patch.object(connection, "ensure_connection", side_effect=down):
        response = half_way.get(EXIT)
        beacon = half_way.post(EXIT)
    # The editors' address is in the database: the default neutral site is used.
    assert response.status_code == 302
    assert response["Location"] == DEFAULT_QUICK_EXIT_URL
    assert response.cookies[settings.SESSION_COOKIE_NAME]["max-age"] == 0
    assert beacon.status_code == 204
