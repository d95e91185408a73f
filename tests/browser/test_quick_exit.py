"""The quick exit in a real browser: people in danger rely on every one of these paths."""

import re

import pytest

from cms.demo import load_site_pages
from cms.models import DEFAULT_QUICK_EXIT_URL, FeedbackFormField, FeedbackFormPage
from tests.browser.test_recruitment import (
    PHONE,
    SPECIALS,
    specials_eligibility,
    wait_for_the_exit_to_land,
)
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


def test_without_javascript_the_button_is_a_link_through_our_route(
    page_without_js, home_page, neutral_site
):
    page_without_js.goto("/")
    button = page_without_js.locator("#quick-exit")
    assert button.get_attribute("href") == "/quick-exit/"
    assert button.get_attribute("rel") == "nofollow noreferrer"
    with page_without_js.expect_response("**/quick-exit/") as route:
        button.click()
    page_without_js.wait_for_url(neutral_site)
    assert route.value.status == 302
    # The neutral site is told nothing of where the visitor came from.
    assert route.value.request.header_value("referer") is None


def test_with_javascript_the_exit_does_not_wait_for_our_route(page, home_page):
    # The server is not asked first: the beacon goes on its own, and the neutral site opens.
    page.route("**/quick-exit/", lambda route: None)  # our route never answers
    page.goto("/")
    with page.expect_request("**/quick-exit/") as beacon:
        page.click("#quick-exit")
    page.wait_for_url(re.compile(r"bbc\.co\.uk/weather"))
    assert beacon.value.method == "POST"


def test_a_skip_link_reaches_the_button_by_keyboard(page_without_js, home_page, neutral_site):
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
    page_without_js.wait_for_url(neutral_site)


# --- The exit takes the visit with it --------------------------------------------------------
# After leaving by any way, Back and Forward never show what was typed (the name, the date of
# birth), nor offer to continue the application: the server forgot this browser's session
# (cms/quick_exit.py), journey pages are never kept (no-store), and what the browser itself
# would restore into forms is undone (quick-exit.js with JavaScript, autocomplete="off" on the
# first page without). Only the come-back link from the email opens the draft again.

FIRST_NAME, LAST_NAME = "Siân", "O'Brien-Søn"
TYPED = (FIRST_NAME, "O'Brien", "Søn", "1990")
WAYS = {
    "button": lambda tab: (
        tab.locator(".quick-exit").get_by_role("link", name="Leave this site").click()
    ),
    "escape": lambda tab: tab.keyboard.press("Escape"),
    "shift": lambda tab: [tab.keyboard.press("Shift") for _ in range(3)],
}


def type_like_a_person(tab, text):
    """Real keystrokes: Shift held for each capital, other characters as the keyboard sends
    them (accented letters as a phone's keyboard inserts them)."""
    for char in text:
        if char.isascii() and char.isupper():
            tab.keyboard.down("Shift")
            tab.keyboard.press(f"Key{char}")
            tab.keyboard.up("Shift")
        elif char.isascii():
            tab.keyboard.press("Space" if char == " " else char)
        else:
            tab.keyboard.type(char)


def start_an_application(tab):
    """Check you can apply, then About you typed key by key, then Continue."""
    tab.set_viewport_size(PHONE)
    tab.goto(ELSEWHERE)  # the page before ours in this tab's history
    specials_eligibility(tab)
    tab.wait_for_url("**/step/about-you/")
    for label, text in [("First name", FIRST_NAME), ("Last name", LAST_NAME)]:
        tab.get_by_label(label, exact=True).click()
        type_like_a_person(tab, text)
    tab.get_by_label("Nationality").click()
    type_like_a_person(tab, "British")
    assert tab.get_by_label("Last name").input_value() == LAST_NAME
    tab.get_by_role("button", name="Continue").click()
    tab.wait_for_url("**/step/contact-details/")


def what_the_page_shows(tab):
    """Everything a person could read on the page: its text, its markup, and each box's value."""
    values = tab.evaluate(
        "Array.from(document.querySelectorAll('input, textarea, select'))"
        ".map(e => e.value).join(' | ')"
    )
    return tab.inner_text("body") + tab.content() + values


def assert_nothing_comes_back(tab, live_server):
    """Back up to four times, then Forward as far again: none of our pages shows anything
    typed or offers to continue. Returns the addresses of ours that were shown."""
    wait_for_the_exit_to_land()
    ours = []
    for move in [tab.go_back] * 4 + [tab.go_forward] * 4:
        move()
        tab.wait_for_load_state()
        if not tab.url.startswith(live_server.url):
            continue
        ours.append(tab.url)
        shown = what_the_page_shows(tab)
        for typed in TYPED:
            assert typed not in shown, f"{typed!r} shown again at {tab.url}"
        assert "Continue your application" not in shown
    return ours


@pytest.mark.parametrize("way", WAYS)
def test_after_the_exit_back_and_forward_show_nothing_typed(page, form_pages, live_server, way):
    from recruitment.models import Draft

    start_an_application(page)
    WAYS[way](page)
    page.wait_for_url(re.compile(r"bbc\.co\.uk/weather"))
    ours = assert_nothing_comes_back(page, live_server)
    # Back did reach our pages (the first page and the step before the exit), and the draft
    # itself is kept for the come-back link.
    assert ours and Draft.objects.count() == 1


def test_without_javascript_back_and_forward_show_nothing_typed(
    page_without_js, form_pages, live_server, neutral_site
):
    start_an_application(page_without_js)
    page_without_js.locator(".quick-exit").get_by_role("link", name="Leave this site").click()
    page_without_js.wait_for_url(neutral_site)
    assert assert_nothing_comes_back(page_without_js, live_server)


def come_back_link(outbox):
    (email,) = [m for m in outbox if "/return/" in m.body]
    return re.search(r"https?://\S+?(/\S+/return/\S+/)", email.body)[1]


@pytest.mark.parametrize("with_js", [True, False], ids=["js", "no-js"])
def test_the_emailed_link_still_brings_the_answers_back_in_a_fresh_browser(
    request, browser, live_server, form_pages, neutral_site, mailoutbox, with_js
):
    tab = request.getfixturevalue("page" if with_js else "page_without_js")
    start_an_application(tab)
    tab.get_by_role("button", name="Save and come back later").click()
    tab.get_by_label("Email address").fill("sian.obrien@example.com")
    tab.get_by_role("button", name="Send me a link").click()
    assert "Check your email" in tab.inner_text("h1")
    link = come_back_link(mailoutbox)  # as the email says it, not as the database holds it
    if with_js:
        WAYS["shift"](tab)
        tab.wait_for_url(neutral_site)
        wait_for_the_exit_to_land()
        tab.go_back()  # the exit replaced "Check your email": Back is the form, emptied
        tab.wait_for_load_state()
        assert "sian.obrien" not in what_the_page_shows(tab)
    else:
        # "Check your email" is a page of its own (the POST redirected to it): Back asks for
        # it again, and after the exit it has nothing to show.
        tab.locator(".quick-exit").get_by_role("link", name="Leave this site").click()
        tab.wait_for_url(neutral_site)
        tab.go_back()
        tab.wait_for_load_state()
        assert "sian.obrien" not in what_the_page_shows(tab)
        assert "Check your email" not in what_the_page_shows(tab)

    context = browser.new_context(base_url=live_server.url, java_script_enabled=with_js)
    try:
        fresh = context.new_page()
        fresh.goto(link)
        fresh.wait_for_url("**/step/contact-details/")
        fresh.goto(f"{SPECIALS}step/about-you/")
        assert fresh.get_by_label("First name").input_value() == FIRST_NAME
        assert fresh.get_by_label("Last name").input_value() == LAST_NAME
    finally:
        context.close()


# The event a back/forward cache restore fires, after this evaluate has returned (the page
# may navigate at once).
RESTORED_FROM_THE_CACHE = """() => setTimeout(
    () => window.dispatchEvent(new PageTransitionEvent('pageshow', {persisted: true})), 0)"""


def test_a_journey_page_brought_back_from_the_back_forward_cache_asks_the_server_again(
    page, form_pages, live_server
):
    # chrome-headless-shell has no back/forward cache (it reports
    # BackForwardCacheDisabledForDelegate), so the event a restore fires is sent by hand.
    start_an_application(page)
    page.evaluate("window.stillTheSameDocument = true")
    with page.expect_request(re.compile(r"/step/contact-details/$")):
        with page.expect_navigation():
            page.evaluate(RESTORED_FROM_THE_CACHE)
    assert page.evaluate("window.stillTheSameDocument") is None
    assert page.url.endswith("/step/contact-details/")


def test_other_pages_are_not_reloaded_when_brought_back(on_safety_page):
    on_safety_page.evaluate("window.stillTheSameDocument = true")
    on_safety_page.evaluate(RESTORED_FROM_THE_CACHE)
    on_safety_page.wait_for_timeout(300)
    assert on_safety_page.evaluate("window.stillTheSameDocument") is True
