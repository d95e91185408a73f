"""axe-core in a real browser over every page type of the demo site: zero WCAG 2.2 AA violations.

axe-core comes from npm (package-lock.json pins it; `make test` runs `npm ci`). It is added to
each page as an init script, which the browser runs outside the page's Content-Security-Policy,
so the site's CSP stays as strict in the tests as in production.
"""

from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser.test_recruitment import (
    go_on,
    mini_police_answers,
    send,
    specials_first_half,
    specials_second_half,
)

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 900}

PUBLIC_PAGES = [
    "/",
    "/news/",
    "/news/?area=northvale&year=2026",
    "/news/?page=2",
    "/news/volunteers-week-thank-you/",
    "/news/missing-northvale-teenager-sam/",
    "/news/missing-riverside-man-jon/",
    "/volunteer/",
    "/volunteer/special-constables/",
    "/volunteer/special-constables/apply/",
    "/volunteer/mini-police/register/",
    "/cookies/",
    "/search/?q=volunteer",
    "/search/?q=zzyzx",
    "/feedback/",
    "/safety/",
    "/accessibility/",
    "/contact/",
    "/no-such-page/",
]


def axe_violations(tab, disable_rules=()):
    """Run axe on the page in the tab; return one line per violation and the nodes it hit."""
    tab.wait_for_load_state()
    results = tab.evaluate(
        """([tags, disabled]) => axe.run(document, {
            runOnly: {type: 'tag', values: tags},
            rules: Object.fromEntries(disabled.map((id) => [id, {enabled: false}])),
            resultTypes: ['violations'],
        })""",
        [TAGS, list(disable_rules)],
    )
    return [
        f"{tab.url} {violation['id']} ({violation['impact']}): {violation['help']} — "
        + "; ".join(" ".join(node["target"]) for node in violation["nodes"][:5])
        for violation in results["violations"]
    ]


@pytest.fixture
def audited(page):
    """The JavaScript-on tab with axe-core ready in every page it loads."""
    if not AXE.exists():
        pytest.fail("axe-core is missing: run `npm ci` (make test does it)")
    page.context.add_init_script(path=str(AXE))
    # The browser asks for /favicon.ico on its own after a page loads; served as a 404 page, that
    # request can reach the live server after the test has flushed the database and write rows
    # there that break the next test's setup.
    page.context.route("**/favicon.ico", lambda route: route.fulfill(status=204))
    return page


@pytest.fixture
def audited_site(demo_site, audited):
    return audited


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone-360", "desktop-1280"])
def test_every_public_page_type_has_no_violations(audited_site, viewport):
    audited_site.set_viewport_size(viewport)
    found = []
    for path in PUBLIC_PAGES:
        audited_site.goto(path)
        found += axe_violations(audited_site)
    assert found == []


def test_forms_with_errors_and_thank_you_pages_have_no_violations(audited_site):
    tab = audited_site
    tab.set_viewport_size(PHONE)
    found = []
    # Each journey's first page, and the feedback form, sent empty: the error states.
    for path, button in [
        ("/volunteer/special-constables/apply/", "Continue"),
        ("/volunteer/mini-police/register/", "Continue"),
        ("/feedback/", "Send feedback"),
    ]:
        tab.goto(path)
        tab.get_by_role("button", name=button).click()
        tab.wait_for_load_state()
        assert tab.title().startswith("Error: ")
        found += axe_violations(tab)

    # A question page with an error, check your answers, and the thank-you page.
    specials_first_half(tab)
    go_on(tab)
    tab.wait_for_load_state()
    assert tab.title().startswith("Error: ")
    found += axe_violations(tab)
    specials_second_half(tab)
    found += axe_violations(tab)
    send(tab, "Send application")
    tab.wait_for_url("**/apply/thank-you/")
    found += axe_violations(tab)

    mini_police_answers(tab)
    found += axe_violations(tab)
    send(tab, "Register the school")
    tab.wait_for_url("**/register/thank-you/")
    found += axe_violations(tab)

    tab.goto("/feedback/")
    tab.get_by_label("Satisfied", exact=True).check()
    tab.get_by_label("How could we improve this website?").fill("Larger print on the news.")
    tab.get_by_role("button", name="Send feedback").click()
    tab.wait_for_load_state()
    assert "Error" not in tab.title()
    found += axe_violations(tab)
    assert found == []


def test_recruitment_queue_and_inspect_view_have_no_violations(audited_site, sign_in):
    audited = audited_site
    from recruitment.models import MiniPoliceRegistration, SpecialConstableApplication

    sign_in(audited, "recruiter")
    audited.set_viewport_size(DESKTOP)
    found = []
    for model in (SpecialConstableApplication, MiniPoliceRegistration):
        meta = model._meta
        audited.goto(f"/admin/{meta.app_label}/{meta.model_name}/")
        assert audited.locator("table").count()
        found += axe_violations(audited)
        audited.goto(model.objects.order_by("pk").first().admin_url())
        found += axe_violations(audited)
    assert found == []


def test_the_audit_reports_a_field_without_a_label(audited, home_page):
    # Evidence that a clean result means a clean page, not a harness that checks nothing.
    audited.goto("/")
    audited.evaluate(
        "document.querySelector('main').append(Object.assign("
        "document.createElement('input'), {type: 'text'}))"
    )
    assert any(" label (critical)" in line for line in axe_violations(audited))


def _tab_to(tab, selector, text=None, limit=80):
    """Press Tab until the element matching selector (and text) has the focus."""
    check = """([s, text]) => document.activeElement.matches(s)
        && (text === null || document.activeElement.textContent.trim() === text)"""
    for _ in range(limit):
        tab.keyboard.press("Tab")
        if tab.evaluate(check, [selector, text]):
            return
    pytest.fail(f"{selector} {text or ''} cannot be reached with the Tab key")


def test_data_request_screen_works_by_keyboard_with_no_violations(audited_site, sign_in):
    from recruitment.models import SpecialConstableApplication

    tab = audited_site
    email = SpecialConstableApplication.objects.order_by("pk").last().email
    sign_in(tab, "manager")
    tab.set_viewport_size(DESKTOP)
    tab.goto("/admin/recruitment/data-requests/")
    found = axe_violations(tab)

    _tab_to(tab, "#id_email")
    tab.keyboard.type("not an address")
    with tab.expect_navigation():
        tab.keyboard.press("Enter")
    expect(tab.get_by_text("Enter an email address in the correct format")).to_be_visible()
    found += axe_violations(tab)

    tab.locator("#id_email").fill(email.upper())
    with tab.expect_navigation():
        tab.keyboard.press("Enter")
    expect(tab.get_by_role("heading", name=f"Held for {email.upper()}")).to_be_visible()
    found += axe_violations(tab)

    _tab_to(tab, "button", "Download as CSV")
    with tab.expect_download() as download:
        tab.keyboard.press("Enter")
    assert download.value.suggested_filename.startswith("data-request-")

    _tab_to(tab, "button", "Erase this personal data…")
    with tab.expect_navigation():
        tab.keyboard.press("Enter")
    expect(tab.get_by_role("heading", name="Erase personal data")).to_be_visible()
    found += axe_violations(tab)
    _tab_to(tab, "button", "Yes, erase it")
    with tab.expect_navigation():
        tab.keyboard.press("Enter")
    expect(tab.get_by_text("Personal data erased from")).to_be_visible()
    assert found == []
