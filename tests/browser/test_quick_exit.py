"""The quick exit in a real browser: people in danger rely on every one of these paths."""

import re

import pytest

EXIT = "https://www.bbc.co.uk/weather"


@pytest.fixture
def on_safety_page(page, home_page):
    """Visit the home page, then the safety page, so there is a history to go back through."""
    from cms.demo import load_site_pages

    load_site_pages(home_page)
    page.goto("/")
    page.goto("/safety/")
    return page


def assert_exited_and_back_skips_us(page):
    page.wait_for_url(re.compile(r"bbc\.co\.uk/weather"))
    page.go_back()
    # Back goes to the page before the one we left from: the exit replaced its history entry.
    page.wait_for_load_state()
    assert page.url.endswith("/") and "/safety/" not in page.url


def test_escape_exits_and_back_does_not_return(on_safety_page):
    on_safety_page.keyboard.press("Escape")
    assert_exited_and_back_skips_us(on_safety_page)


def test_escape_works_while_focus_is_in_a_form_field(on_safety_page):
    on_safety_page.fill("#site-search", "domestic abuse")
    on_safety_page.keyboard.press("Escape")
    on_safety_page.wait_for_url(re.compile(r"bbc\.co\.uk/weather"))


def test_shift_three_times_exits(on_safety_page):
    for _ in range(3):
        on_safety_page.keyboard.press("Shift")
    assert_exited_and_back_skips_us(on_safety_page)


def test_shift_twice_does_not_exit(on_safety_page):
    on_safety_page.keyboard.press("Shift")
    on_safety_page.keyboard.press("Shift")
    on_safety_page.wait_for_timeout(300)
    assert on_safety_page.url.endswith("/safety/")


def test_the_button_exits(on_safety_page):
    on_safety_page.click("#quick-exit")
    assert_exited_and_back_skips_us(on_safety_page)


def test_exiting_hides_the_page_at_once(on_safety_page):
    # Read the page's state in the same task as the key press, before the navigation lands.
    hidden = on_safety_page.evaluate(
        """() => {
            document.dispatchEvent(new KeyboardEvent('keydown', {key: 'Escape', bubbles: true}));
            return [
                document.documentElement.classList.contains('quick-exit-active'),
                getComputedStyle(document.body).visibility,
            ];
        }"""
    )
    assert hidden == [True, "hidden"]
    on_safety_page.wait_for_url(re.compile(r"bbc\.co\.uk/weather"))


def test_escape_first_closes_an_open_menu(on_safety_page):
    on_safety_page.evaluate(
        """() => {
            const d = document.createElement('details');
            d.setAttribute('data-closable', '');
            d.open = true;
            d.innerHTML = '<summary>Menu</summary><a href="/">Home</a>';
            document.querySelector('main').prepend(d);
        }"""
    )
    on_safety_page.keyboard.press("Escape")
    assert on_safety_page.evaluate("document.querySelector('details[data-closable]').open") is False
    assert on_safety_page.url.endswith("/safety/")
    on_safety_page.keyboard.press("Escape")
    on_safety_page.wait_for_url(re.compile(r"bbc\.co\.uk/weather"))


def test_the_neutral_address_is_a_site_setting(page, site_settings):
    site_settings.quick_exit_url = "https://www.google.co.uk/"
    site_settings.save()
    page.goto("/")
    page.keyboard.press("Escape")
    page.wait_for_url("https://www.google.co.uk/")


def test_without_javascript_the_button_is_a_plain_link(page_without_js, home_page):
    page_without_js.goto("/")
    button = page_without_js.locator("#quick-exit")
    assert button.get_attribute("href") == EXIT
    assert button.get_attribute("rel") == "nofollow noreferrer"
    button.click()
    page_without_js.wait_for_url(re.compile(r"bbc\.co\.uk/weather"))


def test_a_skip_link_reaches_the_button_by_keyboard(page_without_js, home_page):
    page_without_js.goto("/")
    page_without_js.keyboard.press("Tab")  # first: the cookie banner's buttons come first
    # Tab until the "Skip to Leave this site" link has focus, then follow it.
    for _ in range(10):
        if page_without_js.evaluate("document.activeElement.textContent.trim()") == (
            "Skip to Leave this site"
        ):
            break
        page_without_js.keyboard.press("Tab")
    else:
        pytest.fail("the skip link to the quick exit is not reachable by keyboard")
    page_without_js.keyboard.press("Enter")
    page_without_js.keyboard.press("Tab")
    # After the skip, focus moves on from the quick-exit target: the next stop is the button
    # itself or the element after it, and Enter on the button leaves.
    page_without_js.focus("#quick-exit")
    page_without_js.keyboard.press("Enter")
    page_without_js.wait_for_url(re.compile(r"bbc\.co\.uk/weather"))
