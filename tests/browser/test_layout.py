"""What a phone user sees first, and where focus goes after a mistake, in a real browser."""

import re

import pytest

from cms.demo import load_areas, load_site_pages
from cms.factories import ContentPageFactory
from tests.conftest import _new_page

PHONE = {"width": 360, "height": 740}


@pytest.fixture
def phone(browser, live_server):
    context, tab = _new_page(browser, live_server, viewport=PHONE)
    yield tab
    context.close()


@pytest.fixture
def phone_without_js(browser, live_server):
    context, tab = _new_page(browser, live_server, viewport=PHONE, java_script_enabled=False)
    yield tab
    context.close()


def test_the_heading_is_on_the_first_screen_with_the_cookie_banner(phone, home_page):
    section = ContentPageFactory(parent=home_page, title="Volunteer with us", slug="volunteer")
    ContentPageFactory(
        parent=section, title="Apply to be a Special Constable", slug="special-constables"
    )
    phone.goto("/volunteer/special-constables/")
    assert phone.locator("[data-cookie-banner]").is_visible()
    heading = phone.locator("h1").bounding_box()
    assert heading["y"] > 0 and heading["y"] + heading["height"] <= PHONE["height"]
    exit_button = phone.locator("#quick-exit").bounding_box()
    assert exit_button["y"] + exit_button["height"] <= heading["y"]


def test_news_filters_are_folded_on_a_phone_and_open_on_a_wide_screen(
    phone_without_js, page_without_js, home_page
):
    from news.models import NewsIndexPage

    load_areas()
    home_page.add_child(instance=NewsIndexPage(title="News", slug="news"))
    phone_without_js.goto("/news/")
    assert not phone_without_js.locator("#filter-area").is_visible()
    phone_without_js.get_by_text("Filter news").click()  # a <details>: no JavaScript needed
    assert phone_without_js.locator("#filter-area").is_visible()
    page_without_js.goto("/news/")
    assert page_without_js.locator("#filter-area").is_visible()


def test_after_a_failed_submit_focus_moves_to_the_error_summary(phone, home_page):
    load_site_pages(home_page)
    phone.goto("/feedback/")
    phone.get_by_role("button", name="Send feedback").click()
    phone.wait_for_load_state()
    assert phone.evaluate("document.activeElement.hasAttribute('data-error-summary')")
    summary = phone.locator("[data-error-summary]").bounding_box()
    assert 0 <= summary["y"] < PHONE["height"]
    # Its links move focus to the field they name.
    phone.locator("[data-error-summary] a").first.click()
    assert re.match(r"id_", phone.evaluate("document.activeElement.id"))
