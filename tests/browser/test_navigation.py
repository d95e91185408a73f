"""The main menu in a real browser: a phone-sized disclosure that works by keyboard, with and
without JavaScript, and a row of links on a desktop."""

import os

import pytest
from django.core.management import call_command
from django.db import connection

PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 800}


@pytest.fixture
def demo(django_db_serialized_rollback, transactional_db, settings):
    """The demo site in a live-server test, with the data Wagtail's migrations create.

    A transactional test empties the database afterwards, root page included. Serialized
    rollback puts the migrated data back before each test; when pytest-django did not keep
    a copy of it (seen when other database tests run first), keep one now.
    """
    from wagtail.models import Page

    if not getattr(connection, "_test_serialized_contents", None):
        assert Page.get_first_root_node() is not None, "migrated data already flushed"
        connection._test_serialized_contents = connection.creation.serialize_db_to_string()
    settings.DEMO_PASSWORD = "test-demo-password-42"
    call_command("load_demo_content", stdout=open(os.devnull, "w"))


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
