"""The cookie banner in a real browser, with JavaScript and without it."""

import pytest

ANALYTICS = "script[data-analytics-id]"


@pytest.fixture
def with_analytics(site_settings):
    site_settings.analytics_id = "G-BLUELAMP1"
    site_settings.save()
    return site_settings


def test_accept_with_javascript_saves_without_reload_and_loads_analytics(page, with_analytics):
    page.goto("/")
    assert page.locator(ANALYTICS).count() == 0
    page.evaluate("window.__noReload = true")
    page.click("text=Accept additional cookies")
    message = page.locator("[data-cookie-banner-message]")
    message.wait_for()
    assert message.inner_text() == "You’ve accepted additional cookies."
    assert page.evaluate("window.__noReload") is True
    assert page.locator("text=Accept additional cookies").is_hidden()
    assert page.locator(ANALYTICS).get_attribute("data-analytics-id") == "G-BLUELAMP1"
    page.click("text=Hide cookie message")
    assert page.locator("[data-cookie-banner]").is_hidden()
    # The choice sticks: the next page has no banner and keeps analytics.
    page.goto("/cookies/")
    assert page.locator("text=Accept additional cookies").count() == 0
    assert page.locator(ANALYTICS).count() == 1


def test_reject_with_javascript_keeps_analytics_away(page, with_analytics):
    page.goto("/")
    page.context.add_cookies([{"name": "_ga", "value": "GA1.1.1", "url": page.url}])
    page.click("text=Reject additional cookies")
    page.locator("text=You’ve rejected additional cookies.").wait_for()
    assert page.locator(ANALYTICS).count() == 0
    names = {c["name"] for c in page.context.cookies()}
    assert "_ga" not in names
    page.reload()
    assert page.locator(ANALYTICS).count() == 0
    assert page.locator("text=Accept additional cookies").count() == 0


def test_accept_without_javascript_posts_and_confirms(page_without_js, with_analytics):
    page = page_without_js
    page.goto("/feedback/")
    assert page.locator(ANALYTICS).count() == 0
    page.click("text=Accept additional cookies")
    page.wait_for_url("**/feedback/")
    assert page.locator("[data-cookie-banner-message]").inner_text() == (
        "You’ve accepted additional cookies."
    )
    assert page.locator(ANALYTICS).count() == 1
    page.click("text=Hide cookie message")
    assert page.locator("[data-cookie-banner]").count() == 0


def test_reject_without_javascript(page_without_js, with_analytics):
    page = page_without_js
    page.goto("/")
    page.click("text=Reject additional cookies")
    page.locator("text=You’ve rejected additional cookies.").wait_for()
    assert page.locator(ANALYTICS).count() == 0


def test_cookies_page_without_javascript(page_without_js, with_analytics):
    page = page_without_js
    page.goto("/cookies/")
    assert page.is_checked("#analytics-no")
    page.check("#analytics-yes")
    page.click("text=Save cookie settings")
    page.locator("text=You’ve set your cookie preferences.").wait_for()
    assert page.is_checked("#analytics-yes")
    assert page.locator(ANALYTICS).count() == 1
    assert page.locator("text=Accept additional cookies").count() == 0


def test_a_raised_policy_version_shows_the_banner_again(page, with_analytics):
    page.goto("/")
    page.click("text=Accept additional cookies")
    page.locator("[data-cookie-banner-message]").wait_for()
    page.reload()
    assert page.locator("text=Accept additional cookies").count() == 0
    with_analytics.cookie_policy_version = 2
    with_analytics.save()
    page.reload()
    assert page.locator("text=Accept additional cookies").is_visible()
    assert page.locator(ANALYTICS).count() == 0
