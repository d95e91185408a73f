"""Cookie consent without JavaScript: the banner's form and the /cookies/ page."""

import json
from urllib.parse import unquote

import pytest

from cms.consent import CONSENT_COOKIE


def consent_of(response):
    return json.loads(unquote(response.cookies[CONSENT_COOKIE].value))


@pytest.fixture
def client_with_site(client, home_page):
    return client


def test_first_visit_shows_the_banner_and_no_analytics(client_with_site, site_settings):
    site_settings.analytics_id = "G-TEST123"
    site_settings.save()
    html = client_with_site.get("/").content.decode()
    assert "Accept additional cookies" in html
    assert "Reject additional cookies" in html
    assert 'href="/cookies/"' in html
    assert 'js/analytics.js" data-analytics-id' not in html
    assert CONSENT_COOKIE not in client_with_site.cookies


def test_accepting_from_the_banner_sets_a_versioned_cookie_for_a_year(
    client_with_site, site_settings
):
    response = client_with_site.post("/cookies/", {"cookies": "accept", "next": "/safety/"})
    assert response.status_code == 302
    assert response["Location"] == "/safety/"
    assert consent_of(response) == {"v": 1, "analytics": True}
    assert response.cookies[CONSENT_COOKIE]["max-age"] == 365 * 24 * 60 * 60
    assert response.cookies[CONSENT_COOKIE]["samesite"] == "Lax"


def test_after_accepting_the_page_confirms_and_loads_analytics(client_with_site, site_settings):
    site_settings.analytics_id = "G-TEST123"
    site_settings.save()
    response = client_with_site.post("/cookies/", {"cookies": "accept", "next": "/"}, follow=True)
    html = response.content.decode()
    assert "You’ve accepted additional cookies." in html
    assert "Accept additional cookies" not in html
    assert 'data-analytics-id="G-TEST123"' in html
    # The confirmation shows once; the next page is clean.
    html = client_with_site.get("/").content.decode()
    assert "You’ve accepted additional cookies." not in html
    assert 'data-analytics-id="G-TEST123"' in html


def test_rejecting_keeps_analytics_off_and_removes_its_cookies(client_with_site, site_settings):
    site_settings.analytics_id = "G-TEST123"
    site_settings.save()
    client_with_site.cookies["_ga"] = "GA1.1.123"
    response = client_with_site.post("/cookies/", {"cookies": "reject", "next": "/"})
    assert consent_of(response) == {"v": 1, "analytics": False}
    assert response.cookies["_ga"]["max-age"] == 0
    html = client_with_site.get("/").content.decode()
    assert "Accept additional cookies" not in html
    assert "data-analytics-id" not in html


def test_a_raised_policy_version_asks_again(client_with_site, site_settings):
    client_with_site.post("/cookies/", {"cookies": "accept", "next": "/"})
    assert "Accept additional cookies" not in client_with_site.get("/").content.decode()
    site_settings.cookie_policy_version = 2
    site_settings.save()
    assert "Accept additional cookies" in client_with_site.get("/").content.decode()


@pytest.mark.parametrize(
    "value",
    ["not json", "%7B%7D", '{"v":"x","analytics":true}', '{"v":1,"analytics":"yes"}', "[1]"],
)
def test_a_malformed_consent_cookie_counts_as_no_choice(client_with_site, value):
    client_with_site.cookies[CONSENT_COOKIE] = value
    response = client_with_site.get("/")
    assert response.status_code == 200
    assert "Accept additional cookies" in response.content.decode()


@pytest.mark.parametrize(
    "target",
    [
        "https://evil.example/",
        "//evil.example/",
        "/\\evil.example",
        "http://testserver/",
        "javascript:alert(1)",
        "",
        "news",
    ],
)
def test_redirects_after_saving_stay_on_this_site(client_with_site, target):
    response = client_with_site.post("/cookies/", {"cookies": "accept", "next": target})
    assert response.status_code == 302
    assert response["Location"] == "/"


def test_redirect_keeps_the_query_string_of_an_on_site_path(client_with_site):
    response = client_with_site.post(
        "/cookies/", {"cookies": "reject", "next": "/search/?q=cadets"}
    )
    assert response["Location"] == "/search/?q=cadets"


def test_cookies_page_lists_cookies_and_defaults_to_no(client_with_site):
    response = client_with_site.get("/cookies/")
    html = response.content.decode()
    assert response.status_code == 200
    for name in ("bluelamp_consent", "csrftoken", "sessionid", "_ga"):
        assert name in html
    assert 'id="analytics-no" name="analytics" value="no" checked' in html
    assert 'value="yes" checked' not in html


def test_cookies_page_saves_a_choice_and_shows_it(client_with_site):
    response = client_with_site.post(
        "/cookies/", {"analytics": "yes", "next": "/safety/"}, follow=True
    )
    html = response.content.decode()
    assert response.redirect_chain[-1][0] == "/cookies/?next=/safety/"
    assert "You’ve set your cookie preferences." in html
    assert 'href="/safety/">Go back to the page you were looking at' in html
    assert 'value="yes" checked' in html


def test_cookies_page_without_a_choice_explains_the_error(client_with_site):
    response = client_with_site.post("/cookies/", {"next": "/"})
    html = response.content.decode()
    assert response.status_code == 400
    assert "There is a problem" in html
    assert html.count("Select yes if you want to accept analytics cookies") == 2
    assert "<title>Error: Cookies" in html
    assert CONSENT_COOKIE not in response.cookies


def test_javascript_saves_get_json(client_with_site):
    response = client_with_site.post(
        "/cookies/", {"cookies": "accept"}, HTTP_ACCEPT="application/json"
    )
    assert response.status_code == 200
    assert response.json() == {"analytics": True, "message": "You’ve accepted additional cookies."}
    assert consent_of(response)["analytics"] is True


def test_a_cross_site_post_is_refused(client_with_site):
    response = client_with_site.post(
        "/cookies/", {"cookies": "accept"}, HTTP_SEC_FETCH_SITE="cross-site"
    )
    assert response.status_code == 403
    assert CONSENT_COOKIE not in response.cookies


def test_other_methods_are_refused(client_with_site):
    assert client_with_site.put("/cookies/").status_code == 405
    assert client_with_site.delete("/cookies/").status_code == 405


def test_the_cookies_page_does_not_repeat_the_banner(client_with_site):
    html = client_with_site.get("/cookies/").content.decode()
    assert "Accept additional cookies" not in html
    assert "Do you want to accept analytics cookies?" in html
