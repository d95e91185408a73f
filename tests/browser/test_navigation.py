"""The main menu in a real browser: a phone-sized disclosure that works by keyboard, with and
without JavaScript, and a row of links on a desktop."""

import pytest

PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 800}


@pytest.fixture
def demo(demo_site):
    """The whole demo site, served by the live server."""
    return demo_site


def test_phone_menu_opens_by_keyboard_and_escape_closes_it_before_leaving(page, demo):
    page.set_viewport_size(PHONE)
    page.goto("/volunteer/")
    toggle = page.locator(".nav__toggle")
    link = page.locator(".nav__list--stacked a", has_text="Mini Police")
    assert toggle.is_visible()
    assert not link.is_visible()
    assert not page.locator(".nav__list--wide").is_visible()

    toggle.focus()
    page.keyboard.press("Enter")
    assert link.is_visible()
    current = page.locator('.nav__list--stacked a[aria-current="page"]')
    assert current.inner_text() == "Volunteer with us"

    page.keyboard.press("Escape")  # closes the menu, does not leave the site
    assert not link.is_visible()
    assert page.url.endswith("/volunteer/")
    assert page.evaluate("document.activeElement.classList.contains('nav__toggle')")

    page.keyboard.press("Escape")  # nothing open now: quick exit
    page.wait_for_url(lambda url: "bbc.co.uk" in url)


def test_phone_menu_works_without_javascript(page_without_js, demo):
    page = page_without_js
    page.set_viewport_size(PHONE)
    page.goto("/")
    page.locator(".nav__toggle").focus()
    page.keyboard.press("Enter")
    link = page.locator(".nav__list--stacked a", has_text="Special Constables")
    assert link.is_visible()
    link.focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/volunteer/special-constables/")
    assert page.locator("h1").inner_text() == "Special Constables"


def test_desktop_menu_is_a_row_with_a_volunteer_section(page, demo):
    page.set_viewport_size(DESKTOP)
    page.goto("/volunteer/cadets/")
    assert not page.locator(".nav__toggle").is_visible()
    wide = page.locator(".nav__list--wide")
    assert wide.locator("a", has_text="Home").is_visible()
    section = wide.locator(".nav__section-toggle")
    assert section.inner_text().strip() == "Volunteer with us"
    section.focus()
    page.keyboard.press("Enter")
    cadets = wide.locator('a[aria-current="page"]')
    assert cadets.is_visible() and cadets.inner_text() == "Volunteer Police Cadets"
    page.keyboard.press("Escape")
    assert not cadets.is_visible()
    assert page.url.endswith("/volunteer/cadets/")
