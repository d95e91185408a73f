"""The Wagtail admin works under the Content-Security-Policy: any violation fails the test.

An editor logs in, opens the page editor, saves a draft and opens the image chooser, while
the page reports every `securitypolicyviolation` event and console error back to the test.
"""

import pytest
from django.core.management import call_command

from tests.conftest import DEMO_PASSWORD

REPORT_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (event) => {
  window.reportViolation(`${event.violatedDirective} blocked ${event.blockedURI}`);
});
"""


@pytest.fixture
def demo(settings):
    settings.DEMO_PASSWORD = DEMO_PASSWORD
    call_command("load_demo_content", stdout=open("/dev/null", "w"))


@pytest.fixture
def watched(page):
    """The browser tab, with the lists of CSP violations and console errors it saw."""
    problems = {"violations": [], "console": []}
    page.expose_function("reportViolation", lambda text: problems["violations"].append(text))
    page.add_init_script(REPORT_VIOLATIONS)
    page.on(
        "console",
        lambda message: message.type == "error" and problems["console"].append(message.text),
    )
    return page, problems


def log_in(tab, username):
    tab.goto("/admin/login/")
    tab.fill("#id_username", username)
    tab.fill("#id_password", DEMO_PASSWORD)
    tab.get_by_role("button", name="Sign in").click()
    tab.wait_for_url("**/admin/")


def test_editor_edits_saves_a_draft_and_chooses_an_image_without_csp_violations(watched, demo):
    from news.models import NewsArticlePage

    tab, problems = watched
    log_in(tab, "editor")
    article = NewsArticlePage.objects.live().order_by("pk").first()

    tab.goto(f"/admin/pages/{article.pk}/edit/")
    tab.fill("#id_title", article.title + " (updated)")
    tab.get_by_role("button", name="Save draft").click()
    tab.wait_for_load_state("networkidle")
    assert tab.locator(".messages").get_by_text("has been updated").count() == 1

    # The hero image is chosen: its actions menu holds "Choose another image".
    chooser = tab.locator("#id_hero_image-chooser")
    chooser.get_by_role("button", name="Actions").click()
    chooser.locator("[data-chooser-action-choose]").first.click()
    dialog = tab.get_by_role("dialog")
    dialog.get_by_role("heading", name="Choose an image").wait_for()
    assert dialog.locator("img").count() > 0  # the chooser lists the image library
    tab.wait_for_load_state("networkidle")

    assert problems["violations"] == []
    assert [m for m in problems["console"] if "Content Security Policy" in m] == []
    assert problems["console"] == []


def test_admin_dashboard_and_recruitment_queue_load_without_csp_violations(watched, demo):
    tab, problems = watched
    log_in(tab, "admin")
    tab.goto("/admin/recruitment/specialconstableapplication/")
    tab.locator("table").first.wait_for()
    tab.goto("/admin/pages/")
    tab.wait_for_load_state("networkidle")
    assert problems["violations"] == []
    assert problems["console"] == []
