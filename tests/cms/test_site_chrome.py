"""What every page carries: the quick exit, the phase banner, the site's identity."""

import pytest


@pytest.fixture
def html(client, home_page):
    def _get(path="/"):
        response = client.get(path)
        assert response.status_code == 200
        return response.content.decode()

    return _get


def test_every_page_has_the_quick_exit_link_and_the_escape_hint(html):
    page = html()
    assert "Quickly exit this site by pressing the Escape key (or Shift 3 times)" in page
    # The link goes through our route, which ends the visit (cms/quick_exit.py); the script
    # goes straight to the neutral address.
    assert (
        '<a id="quick-exit" href="/quick-exit/" class="quick-exit__button" '
        'rel="nofollow noreferrer" data-quick-exit-button '
        'data-exit-address="https://www.bbc.co.uk/weather">Leave this site</a>'
    ) in page
    assert '<a href="#quick-exit" class="skip-link">Skip to Leave this site</a>' in page
    assert '<a href="#main-content" class="skip-link">Skip to main content</a>' in page


def test_the_skip_links_then_the_quick_exit_come_first_in_the_body(html):
    page = html()
    body = page[page.index("<body") :]
    # Skip links, then the quick exit, then the cookie banner: the way out is never behind it.
    exit_button = body.index('id="quick-exit"')
    assert body.index("skip-link") < exit_button < body.index("data-cookie-banner")
    assert body.index('href="#quick-exit"') < body.index('id="quick-exit"')


def test_site_settings_reach_the_templates(html, site_settings):
    site_settings.force_name = "Wessex Police"
    site_settings.title_suffix = "Wessex Police online"
    site_settings.quick_exit_url = "https://www.google.co.uk/"
    site_settings.phase_banner_text = "We are trying out a new website."
    site_settings.emergency_notice = "Call 999 if a life is at risk."
    site_settings.social_x = "https://x.com/wessexpolice"
    site_settings.save()
    page = html()
    assert "<title>Home | Wessex Police online</title>" in page
    assert "Cookies on Wessex Police" in page
    assert 'data-exit-address="https://www.google.co.uk/">Leave this site' in page
    # The script reads the address from the button itself: it is written once on the page.
    assert page.count("https://www.google.co.uk/") == 1
    assert "We are trying out a new website." in page
    assert 'Call <a href="tel:999">999</a> if a life is at risk.' in page
    assert 'href="https://x.com/wessexpolice"' in page


def test_the_phase_banner_links_to_feedback_and_can_be_turned_off(html, site_settings):
    page = html()
    assert "your feedback helps us make things better" in page
    assert '<a href="/feedback/">Give feedback</a>' in page
    site_settings.phase_banner_enabled = False
    site_settings.save()
    assert "your feedback helps us make things better" not in html()


def test_footer_links_to_cookies_privacy_accessibility_and_safety(html):
    page = html()
    for href in (
        'href="/cookies/"',
        'href="/privacy/"',
        'href="/accessibility/"',
        'href="/safety/"',
    ):
        assert href in page


def test_unknown_address_gets_a_friendly_404_with_the_banners(client, home_page):
    response = client.get("/no-such-page/")
    html = response.content.decode()
    assert response.status_code == 404
    assert "Page not found" in html
    assert "Leave this site" in html
    assert "Accept additional cookies" in html


def test_the_500_page_renders_without_a_database(settings):
    from django.template.loader import render_to_string

    html = render_to_string("500.html")
    assert "Sorry, there is a problem with the service" in html
    assert "Leave this site" in html
    assert "quick-exit.js" in html
