"""Every response carries the security headers; the CSP widens only where a page needs it."""

import pytest

pytestmark = pytest.mark.django_db


def directives(response):
    """The Content-Security-Policy as {directive: [sources]}."""
    policy = response["Content-Security-Policy"]
    parsed = {}
    for part in policy.split(";"):
        words = part.split()
        if words:
            parsed[words[0]] = words[1:]
    return parsed


def test_public_pages_get_a_strict_policy_and_the_other_headers(client, home_page):
    response = client.get("/")
    assert response.status_code == 200
    csp = directives(response)
    assert csp["default-src"] == ["'self'"]
    assert csp["script-src"] == ["'self'"]
    assert csp["style-src"] == ["'self'"]
    assert csp["frame-ancestors"] == ["'none'"]
    assert csp["object-src"] == ["'none'"]
    assert "https://www.youtube-nocookie.com" in csp["frame-src"]
    assert "https://player.vimeo.com" in csp["frame-src"]
    assert "'unsafe-inline'" not in response["Content-Security-Policy"]
    assert "google" not in response["Content-Security-Policy"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert "camera=()" in response["Permissions-Policy"]
    assert "geolocation=()" in response["Permissions-Policy"]


def test_error_pages_carry_the_policy_too(client, home_page):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert directives(response)["script-src"] == ["'self'"]


def test_admin_allows_inline_styles_but_no_inline_scripts(client, home_page):
    # Wagtail 8.0.1's inline set-up scripts are written as data (cms/admin_init.py); its
    # components still set style attributes.
    response = client.get("/admin/login/")
    csp = directives(response)
    assert "'unsafe-inline'" in csp["style-src"]
    assert csp["script-src"] == ["'self'"]
    assert "'unsafe-eval'" not in response["Content-Security-Policy"]
    # The page editor's live preview frames the site inside the admin, nothing else may.
    assert csp["frame-ancestors"] == ["'self'"]


def test_recaptcha_hosts_only_where_the_applicant_sends_and_only_with_keys(
    client, settings, specials_page, mini_page, special_answers, mini_answers, walk
):
    """reCAPTCHA guards Send, on check your answers: only that page widens the policy."""
    settings.RECAPTCHA_PUBLIC_KEY = "public-key"
    settings.RECAPTCHA_PRIVATE_KEY = "private-key"
    settings.RECAPTCHA_ENABLED = True
    for page, answers in ((specials_page, special_answers), (mini_page, mini_answers)):
        assert "google" not in client.get(page.url)["Content-Security-Policy"], page.url
        walk(page, answers, stop_before_send=True)
        csp = directives(client.get(f"{page.url}check-your-answers/"))
        assert "https://www.google.com/recaptcha/" in csp["script-src"], page.url
        assert "https://www.gstatic.com/recaptcha/" in csp["script-src"]
        assert "https://www.recaptcha.net/recaptcha/" in csp["frame-src"]
        assert "'unsafe-inline'" not in csp["script-src"]
    assert "google" not in client.get("/").get("Content-Security-Policy")

    settings.RECAPTCHA_ENABLED = False
    csp = client.get(f"{mini_page.url}check-your-answers/")["Content-Security-Policy"]
    assert "google" not in csp


def test_analytics_hosts_only_when_an_analytics_id_is_set(client, site_settings):
    assert "googletagmanager" not in client.get("/")["Content-Security-Policy"]
    site_settings.analytics_id = "G-TEST123"
    site_settings.save()
    csp = directives(client.get("/"))
    assert "https://www.googletagmanager.com" in csp["script-src"]
    assert "https://*.google-analytics.com" in csp["connect-src"]
    assert "'unsafe-inline'" not in csp["script-src"]
