"""The quick exit in a real browser: people in danger rely on every one of these paths."""

import re

import pytest

from cms.demo import load_site_pages
from cms.models import DEFAULT_QUICK_EXIT_URL, FeedbackFormField, FeedbackFormPage
from tests.conftest import _new_page

EXIT = DEFAULT_QUICK_EXIT_URL
ELSEWHERE = "https://elsewhere.example/"
# Keys that need Shift on the US layout Playwright types with.
SHIFTED_SYMBOLS = {"@": "Digit2", "?": "Slash", "!": "Digit1"}


@pytest.fixture
def on_safety_page(page, home_page):
    """Visit the home page, then the safety page, so there is a history to go back through."""
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


@pytest.fixture
def long_form_page(home_page):
    """A long page with text boxes of our own: the feedback form with a long introduction."""
    form_page = home_page.add_child(
        instance=FeedbackFormPage(
            title="Tell us about your visit",
            slug="feedback",
            intro="".join(
                f"<p>Paragraph {n}: a long introduction, so the page scrolls far.</p>"
                for n in range(40)
            ),
        )
    )
    for order, (label, field_type) in enumerate(
        [
            ("First name", "singleline"),
            ("Last name", "singleline"),
            ("Postcode", "singleline"),
            ("Email address", "email"),
            ("Message", "multiline"),
        ]
    ):
        FeedbackFormField.objects.create(
            page=form_page, sort_order=order, label=label, field_type=field_type, required=False
        )
    return form_page


def type_with_real_shift(page, text):
    """Type as a person does: Shift held down for each capital and symbol, then released."""
    for char in text:
        if char.isupper() or char in SHIFTED_SYMBOLS:
            page.keyboard.down("Shift")
            page.keyboard.press(SHIFTED_SYMBOLS.get(char) or f"Key{char}")
            page.keyboard.up("Shift")
        else:
            page.keyboard.press("Space" if char == " " else char)


def status_text(page):
    return page.locator("[data-quick-exit-status]").inner_text().strip()


def test_escape_exits_and_back_does_not_return(on_safety_page):
    on_safety_page.keyboard.press("Escape")
    assert_exited_and_back_skips_us(on_safety_page)


def test_escape_works_while_focus_is_in_a_form_field(on_safety_page):
    on_safety_page.fill("#site-search", "domestic abuse")
    on_safety_page.keyboard.press("Escape")
    on_safety_page.wait_for_url(re.compile(r"bbc\.co\.uk/weather"))


def test_three_lone_shifts_exit_and_the_count_is_announced(on_safety_page):
    status = on_safety_page.locator("[data-quick-exit-status]")
    assert status.get_attribute("role") == "status"
    on_safety_page.keyboard.press("Shift")
    assert status_text(on_safety_page) == "Shift, press 2 more times to leave this site"
    assert status.is_visible()
    on_safety_page.keyboard.press("Shift")
    assert status_text(on_safety_page) == "Shift, press 1 more time to leave this site"
    on_safety_page.keyboard.press("Shift")
    assert_exited_and_back_skips_us(on_safety_page)


def test_another_key_starts_the_count_again(on_safety_page):
    on_safety_page.keyboard.press("Shift")
    on_safety_page.keyboard.press("Shift")
    on_safety_page.keyboard.press("ArrowDown")
    assert status_text(on_safety_page) == ""
    on_safety_page.keyboard.press("Shift")
    on_safety_page.wait_for_timeout(300)
    assert on_safety_page.url.endswith("/safety/")
    assert status_text(on_safety_page) == "Shift, press 2 more times to leave this site"


@pytest.mark.parametrize(
    ("label", "text"),
    [
        ("First name", "Amira"),
        ("Last name", "O'Neill-Smith"),
        ("Postcode", "AB1 2CD"),
        ("Email address", "Amira.Smith@example.org"),
        ("Message", "Hello? World!"),
    ],
)
def test_typing_capitals_and_symbols_never_exits(page, long_form_page, label, text):
    page.goto("/feedback/")
    page.get_by_label(label).focus()
    type_with_real_shift(page, text)
    page.wait_for_timeout(300)
    assert page.url.endswith("/feedback/")
    assert page.get_by_label(label).input_value() == text


def test_a_whole_name_typed_across_fields_never_exits(page, long_form_page):
    page.goto("/feedback/")
    page.get_by_label("First name").focus()
    type_with_real_shift(page, "Jo")
    page.keyboard.press("Tab")
    type_with_real_shift(page, "McDonald")
    page.keyboard.press("Tab")
    type_with_real_shift(page, "AB1 2CD")
    page.keyboard.press("Tab")
    type_with_real_shift(page, "Jo@Example.org")
    page.wait_for_timeout(300)
    assert page.url.endswith("/feedback/")
    assert page.get_by_label("Email address").input_value() == "Jo@Example.org"


def test_shift_released_before_the_letter_does_not_count(page, long_form_page):
    """Fast typists let go of Shift before the letter key: that Shift modified it all the same."""
    page.goto("/feedback/")
    page.get_by_label("Message").focus()
    for letter in "ABC":
        page.keyboard.down("Shift")
        page.keyboard.down(f"Key{letter}")
        page.keyboard.up("Shift")
        page.keyboard.up(f"Key{letter}")
    page.wait_for_timeout(300)
    assert page.url.endswith("/feedback/")
    assert page.get_by_label("Message").input_value() == "ABC"


def test_shift_tab_three_times_does_not_exit(page, long_form_page):
    page.goto("/feedback/")
    page.get_by_label("Message").focus()
    for _ in range(3):
        page.keyboard.press("Shift+Tab")
    page.wait_for_timeout(300)
    assert page.url.endswith("/feedback/")
    assert page.evaluate("document.activeElement.name") != "message"


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


@pytest.mark.parametrize("width", [320, 360])
def test_mid_form_on_a_phone_the_button_is_on_screen_and_exits(
    browser, live_server, long_form_page, width
):
    context, tab = _new_page(browser, live_server, viewport={"width": width, "height": 640})
    try:
        tab.goto("/feedback/")
        tab.evaluate("window.scrollTo(0, (document.body.scrollHeight - innerHeight) / 2)")
        assert tab.evaluate("window.scrollY") > 1000
        box = tab.locator("#quick-exit").bounding_box()
        assert box["y"] >= 0 and box["y"] + box["height"] <= 640
        assert box["x"] >= 0 and box["x"] + box["width"] <= width
        # Nothing lies over it: the element at its centre is the button itself.
        on_top = tab.evaluate(
            f"document.elementFromPoint({box['x'] + box['width'] / 2}, "
            f"{box['y'] + box['height'] / 2}).id"
        )
        assert on_top == "quick-exit"
        tab.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        tab.wait_for_url(re.compile(r"bbc\.co\.uk/weather"))
    finally:
        context.close()


def test_the_sticky_button_never_hides_the_field_being_typed_in(
    browser, live_server, long_form_page
):
    context, tab = _new_page(browser, live_server, viewport={"width": 360, "height": 640})
    try:
        tab.goto("/feedback/")
        tab.get_by_label("First name").focus()
        for _ in range(4):
            tab.keyboard.press("Tab")
            bar_bottom = tab.locator("[data-quick-exit]").bounding_box()
            field = tab.evaluate("document.activeElement.getBoundingClientRect().top")
            assert field >= bar_bottom["y"] + bar_bottom["height"]
    finally:
        context.close()


def visit_three_pages_then_exit(page):
    page.goto(ELSEWHERE)
    page.goto("/")
    page.locator("footer a[href='/safety/']").click()
    page.wait_for_url(re.compile(r"/safety/$"))
    page.fill("#site-search", "safety")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/search/\?q=safety"))
    page.locator("footer a[href='/privacy/']").click()
    page.wait_for_url(re.compile(r"/privacy/$"))
    page.click("#quick-exit")
    page.wait_for_url(re.compile(r"bbc\.co\.uk/weather"))
    page.go_back()
    page.wait_for_load_state()


def test_keep_visit_out_of_history_back_leaves_the_site(page, home_page, site_settings):
    load_site_pages(home_page)
    site_settings.keep_visit_out_of_history = True
    site_settings.save()
    visit_three_pages_then_exit(page)
    assert page.url == ELSEWHERE


def test_without_the_setting_back_returns_to_the_page_before(page, home_page, site_settings):
    load_site_pages(home_page)
    visit_three_pages_then_exit(page)
    assert page.url.endswith("/search/?q=safety")


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
    stops = []
    for _ in range(3):
        page_without_js.keyboard.press("Tab")
        stops.append(page_without_js.evaluate("document.activeElement.textContent.trim()"))
    # The two skip links, then the button itself: before the cookie banner and the header.
    assert stops == ["Skip to main content", "Skip to Leave this site", "Leave this site"]
    page_without_js.keyboard.press("Shift+Tab")
    page_without_js.keyboard.press("Enter")
    assert page_without_js.evaluate("document.activeElement.id") == "quick-exit"
    page_without_js.keyboard.press("Enter")
    page_without_js.wait_for_url(re.compile(r"bbc\.co\.uk/weather"))
