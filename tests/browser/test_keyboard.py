"""Keyboard-only journeys: Tab, Shift+Tab, Enter, Space and the arrow keys, never a click.

Every element that takes focus on the way must show it (WCAG 2.4.7): a visible outline or a
box-shadow, not the transparent outline that only Windows high-contrast mode draws.
"""

import re

import pytest

from tests.browser.test_recruitment import REFERENCE

# The tests pick `page` or `page_without_js` at run time; naming the live server here keeps them
# with the other transactional tests, which pytest-django runs after the rest (they empty the
# database when they finish).
pytestmark = pytest.mark.usefixtures("live_server")

FOCUS_STYLE = """() => {
    const el = document.activeElement;
    const style = getComputedStyle(el);
    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0
        && !/rgba\\(.*, 0\\)|transparent/.test(style.outlineColor);
    return {
        id: el.id, name: el.getAttribute('name'), text: el.textContent.trim().slice(0, 60),
        tag: el.tagName, visible: outline || style.boxShadow !== 'none',
    };
}"""


def tab_to(tab, matches, limit=120):
    """Press Tab until `matches(focused)` holds; every stop on the way must show its focus."""
    for _ in range(limit):
        tab.keyboard.press("Tab")
        focused = tab.evaluate(FOCUS_STYLE)
        if focused["tag"] != "BODY":
            assert focused["visible"], f"focus is not visible on {focused}"
        if matches(focused):
            return focused
    pytest.fail("never reached by keyboard")


def by_id(element_id):
    return lambda focused: focused["id"] == element_id


def by_text(text):
    return lambda focused: focused["text"] == text


# --- Quick exit ------------------------------------------------------------------------------


@pytest.mark.parametrize("with_js", [True, False], ids=["js", "no-js"])
def test_quick_exit_by_skip_link_then_enter(request, home_page, neutral_site, with_js):
    tab = request.getfixturevalue("page" if with_js else "page_without_js")
    tab.goto("/")
    tab_to(tab, by_text("Skip to Leave this site"))
    tab.keyboard.press("Enter")
    assert tab.evaluate(FOCUS_STYLE)["id"] == "quick-exit"
    tab.keyboard.press("Enter")
    tab.wait_for_url(neutral_site)


# --- Cookie choice ---------------------------------------------------------------------------


def consent_cookie(tab):
    return {c["name"]: c["value"] for c in tab.context.cookies()}.get("bluelamp_consent")


@pytest.mark.parametrize("with_js", [True, False], ids=["js", "no-js"])
def test_cookie_banner_choice_by_keyboard(request, home_page, with_js):
    tab = request.getfixturevalue("page" if with_js else "page_without_js")
    tab.goto("/")
    tab_to(tab, by_text("Reject additional cookies"))
    tab.keyboard.press("Enter")
    message = tab.locator("[data-cookie-banner-message]")
    message.wait_for()
    assert message.inner_text() == "You’ve rejected additional cookies."
    assert consent_cookie(tab)
    # The confirmation's own button is next in line and hides the banner.
    tab_to(tab, by_text("Hide cookie message"), limit=5)
    tab.keyboard.press("Enter")
    tab.locator("[data-cookie-banner]").wait_for(state="hidden")


@pytest.mark.parametrize("with_js", [True, False], ids=["js", "no-js"])
def test_cookie_settings_radios_by_keyboard(request, home_page, with_js):
    tab = request.getfixturevalue("page" if with_js else "page_without_js")
    tab.goto("/cookies/")
    # Tab enters the group at its chosen radio, or its first; the arrows move the choice.
    if tab_to(tab, lambda focused: focused["name"] == "analytics")["id"] == "analytics-no":
        tab.keyboard.press("ArrowUp")
    tab.keyboard.press("Space")
    assert tab.is_checked("#analytics-yes")
    tab.keyboard.press("ArrowDown")
    assert tab.is_checked("#analytics-no")
    tab_to(tab, by_text("Save cookie settings"), limit=3)
    tab.keyboard.press("Enter")
    tab.wait_for_load_state()
    assert "You’ve set your cookie preferences." in tab.locator(".notification").inner_text()
    tab.goto("/cookies/")
    assert tab.is_checked("#analytics-no")


# --- Recruitment forms -----------------------------------------------------------------------


def complete_by_keyboard(tab, steps):
    """Each step is (field id, keys): text to type, or a list of keys to press."""
    for element_id, keys in steps:
        tab_to(tab, by_id(element_id))
        if isinstance(keys, list):
            for key in keys:
                tab.keyboard.press(key)
        else:
            tab.keyboard.type(keys)


def journey_by_keyboard(tab, pages):
    """Each page of the journey is (steps, the button that ends it, where it leads). A page
    loads with the focus at its top, so each one is walked from the skip links down."""
    for steps, button, leads_to in pages:
        complete_by_keyboard(tab, steps)
        tab_to(tab, by_text(button))
        tab.keyboard.press("Enter")
        tab.wait_for_url(re.compile(leads_to))


SPECIAL_CONSTABLE = [
    (  # Check you can apply
        [
            ("id_date_of_birth_0", "12"),  # Day, Month and Year: three boxes, in that order
            ("id_date_of_birth_1", "4"),
            ("id_date_of_birth_2", "1990"),
            ("id_lived_in_uk_3_years_0", ["Space"]),  # Yes, the first
            ("id_right_to_remain_0", ["Space"]),
            ("id_hours_per_month", "24"),
            ("id_in_barred_occupation_0", ["ArrowDown"]),  # No: the arrow moves and picks
        ],
        "Continue",
        r"/step/about-you/$",
    ),
    (
        [
            ("id_first_name", "Robin"),
            ("id_last_name", "O'Keyboard-Smith"),
            ("id_nationality", "British"),
        ],
        "Continue",
        r"/step/contact-details/$",
    ),
    (
        [
            ("id_email", "robin.keyboard@example.com"),
            ("id_phone", "07700 900789"),
            ("id_address_line_1", "4 St. Mary's Road"),
            ("id_town", "Riverside"),
            ("id_postcode", "RV2 4XY"),
        ],
        "Continue",
        r"/step/your-background/$",
    ),
    (
        [
            ("id_has_convictions_0", ["ArrowDown"]),  # No
            ("id_has_tattoos_0", ["ArrowDown"]),
            ("id_has_business_interests_0", ["ArrowDown"]),
        ],
        "Continue",
        r"/step/your-availability/$",
    ),
    (
        [
            ("id_area", "Riverside"),  # a closed select picks the option whose name is typed
            ("id_preferred_role_0", ["ArrowDown", "ArrowDown"]),  # Roads policing, the third
            ("id_heard_about", "Social"),
        ],
        "Continue",
        r"/check-your-answers/$",
    ),
    ([("id_consent", ["Space"])], "Send application", r"/thank-you/$"),
]

MINI_POLICE = [
    ([("id_primary_school_in_area_0", ["Space"])], "Continue", r"/step/about-the-school/$"),
    (
        [
            ("id_school_name", "St. Mary's Keyboard Primary"),
            ("id_urn", "246810"),
            ("id_address_line_1", "8 School Road"),
            ("id_town", "Southdown"),
            ("id_postcode", "SD1 1AA"),
            ("id_area", "Southdown"),
        ],
        "Continue",
        r"/step/contact/$",
    ),
    (
        [
            ("id_contact_name", "Kim Head"),
            ("id_contact_role", "Headteacher"),
            ("id_email", "office@keyboard.example.com"),
            ("id_phone", "01632 960123"),
        ],
        "Continue",
        r"/step/taking-part/$",
    ),
    (
        [
            ("id_year_groups_1", ["Space"]),  # Year 6
            ("id_number_of_pupils", "30"),
            ("id_preferred_start_0", ["Space"]),
        ],
        "Continue",
        r"/check-your-answers/$",
    ),
    ([("id_consent", ["Space"])], "Register the school", r"/thank-you/$"),
]


@pytest.mark.parametrize("with_js", [True, False], ids=["js", "no-js"])
@pytest.mark.parametrize(
    "path, pages, model_name",
    [
        ("/volunteer/special-constables/apply/", SPECIAL_CONSTABLE, "SpecialConstableApplication"),
        ("/volunteer/mini-police/register/", MINI_POLICE, "MiniPoliceRegistration"),
    ],
    ids=["special-constable", "mini-police"],
)
def test_recruitment_form_completed_by_keyboard(
    request, demo_site, with_js, path, pages, model_name
):
    from recruitment import models

    tab = request.getfixturevalue("page" if with_js else "page_without_js")
    tab.goto(path)
    journey_by_keyboard(tab, pages)
    reference = REFERENCE.search(tab.locator(".recruitment-reference").inner_text())[0]
    submission = getattr(models, model_name).objects.get(reference=reference)
    if model_name == "SpecialConstableApplication":
        assert (submission.first_name, submission.last_name) == ("Robin", "O'Keyboard-Smith")
        assert str(submission.date_of_birth) == "1990-04-12"
        assert submission.preferred_role == "roads_policing"
        assert submission.area.name == "Riverside"
        assert submission.heard_about == "social_media"
    else:
        assert submission.school_name == "St. Mary's Keyboard Primary"
        assert submission.year_groups == ["year_6"]
        assert submission.area.name == "Southdown"
