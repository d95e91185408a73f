"""Real browser, as a recruiter at 1280 px: a queue that reads without broken words, decisions
that need a reason, previous/next within the filter, and a templated message to the applicant."""

import datetime

import pytest
from django.utils import timezone

from accounts.factories import RecruiterFactory
from recruitment.enums import NotificationKind, SpecialStatus
from recruitment.factories import (
    DecisionReasonFactory,
    MessageTemplateFactory,
    SpecialConstableApplicationFactory,
)

DESKTOP = {"width": 1280, "height": 900}
QUEUE = "/admin/recruitment/specialconstableapplication/"

# For every word in the queue table: its line boxes. A word split across lines has two.
SPLIT_WORDS = """
() => {
  const split = [];
  const walker = document.createTreeWalker(
    document.querySelector(".recruitment-queue table"), NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const re = /\\S+/g;
    let match;
    while ((match = re.exec(node.textContent))) {
      const range = document.createRange();
      range.setStart(node, match.index);
      range.setEnd(node, match.index + match[0].length);
      const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
      if (lines.size > 1) split.push(match[0]);
    }
  }
  return split;
}
"""


@pytest.fixture
def recruiter(home_page):
    from cms.demo import load_areas

    load_areas()
    return RecruiterFactory(username="riya", first_name="Riya", last_name="Recruiter")


@pytest.fixture
def log_in(sign_in):
    """The recruiter signed in, on a desktop screen."""

    def _log_in(page, user):
        page.set_viewport_size(DESKTOP)
        sign_in(page, user.username)

    return _log_in


@pytest.mark.parametrize("width", [1024, 1280, 1920])
def test_no_word_in_the_queue_is_split_across_lines(page, recruiter, log_in, width):
    long_ago = timezone.now() - datetime.timedelta(days=16)
    for n in range(6):
        SpecialConstableApplicationFactory(
            first_name="Morgan",
            last_name="Featherstonehaugh-Cholmondeley",
            status=[SpecialStatus.ASSESSMENT, SpecialStatus.NEW][n % 2],
            assignee=recruiter if n % 2 else None,
            status_changed_at=long_ago,
            email="twin@example.com",
            possible_duplicate=True,
        )
    log_in(page, recruiter)
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(QUEUE)
    text = page.inner_text(".recruitment-queue table")
    assert "Possible duplicate" in text and "Waiting 16 days" in text
    assert page.evaluate(SPLIT_WORDS) == []
    first_cell = page.locator(".recruitment-queue tbody tr").first.locator("td").first
    assert first_cell.locator("input[type=checkbox]").count() == 1


def test_reject_without_a_reason_is_refused_and_with_one_recorded(page, recruiter, log_in):
    application = SpecialConstableApplicationFactory(status=SpecialStatus.IN_REVIEW)
    DecisionReasonFactory(label="Does not meet the residency requirement")
    log_in(page, recruiter)
    page.goto(application.admin_url())
    page.select_option("#move-to", label="Rejected")
    page.click("form:has(#move-to) button")
    page.get_by_role("button", name="Yes, move to rejected").click()
    error = page.locator("#reason-error")
    error.wait_for()
    assert error.inner_text() == "Choose the reason it is rejected from the list."
    application.refresh_from_db()
    assert application.status == SpecialStatus.IN_REVIEW

    page.select_option("#reason", label="Does not meet the residency requirement")
    page.fill("#note", "Lived abroad until last year.")
    page.get_by_role("button", name="Yes, move to rejected").click()
    page.wait_for_url(f"**{application.admin_url()}")
    history = page.inner_text("#history-title + ul")
    assert "Moved from In review to Rejected. Reason: Does not meet the residency requirement" in (
        history
    )
    application.refresh_from_db()
    assert application.status == SpecialStatus.REJECTED
    assert application.notes.get().text == "Lived abroad until last year."


def test_previous_and_next_follow_the_filter(page, recruiter, log_in):
    now = timezone.now()
    newest, middle, oldest = (
        SpecialConstableApplicationFactory(
            submitted_at=now - datetime.timedelta(hours=h), last_name=name
        )
        for h, name in ((1, "Newest"), (3, "Middle"), (5, "Oldest"))
    )
    SpecialConstableApplicationFactory(
        submitted_at=now - datetime.timedelta(hours=2), status=SpecialStatus.VETTING
    )
    log_in(page, recruiter)
    page.goto(QUEUE + "?status=new")
    page.get_by_role("link", name=newest.reference).click()
    page.get_by_role("link", name="Next application").click()
    assert middle.reference in page.title() or middle.reference in page.inner_text("main")
    page.get_by_role("link", name="Next application").click()
    assert oldest.reference in page.inner_text("main")
    assert page.get_by_text("No next application").count() == 1
    page.get_by_role("link", name="Previous application").click()
    assert middle.reference in page.inner_text("main")
    page.get_by_role("link", name="Back to the list").click()
    assert page.url.endswith("?status=new")


def test_sending_a_templated_message_puts_one_outbox_row_and_one_history_entry(
    page, recruiter, log_in
):
    from recruitment.models import Notification

    application = SpecialConstableApplicationFactory(first_name="Jordan")
    MessageTemplateFactory()
    log_in(page, recruiter)
    page.goto(application.admin_url())
    page.select_option("#message-template", label="Assessment day invitation")
    page.fill("#message-paragraph", "Come on 3 December at 10:00.")
    page.get_by_role("button", name="Send email").click()
    assert "is on its way to the applicant" in page.inner_text(".messages")
    rows = Notification.objects.filter(kind=NotificationKind.MESSAGE)
    assert rows.count() == 1
    assert "Come on 3 December at 10:00." in rows.get().body
    history = page.inner_text("#history-title + ul")
    assert history.count("Emailed the applicant: “Assessment day invitation”") == 1


@pytest.fixture
def colleague_page(browser, live_server):
    """A second browser (its own cookies): a colleague at another desk."""
    from tests.conftest import _new_page

    context, tab = _new_page(browser, live_server)
    yield tab
    context.close()


def test_two_recruiters_in_two_browsers_cannot_undo_each_other(
    page, colleague_page, recruiter, log_in, tmp_path
):
    sam = RecruiterFactory(username="sam", first_name="Sam", last_name="Second")
    application = SpecialConstableApplicationFactory()
    DecisionReasonFactory(label="Does not meet the residency requirement")
    log_in(page, recruiter)
    log_in(colleague_page, sam)
    for tab in (page, colleague_page):  # both read it while it is New
        tab.goto(application.admin_url())

    page.select_option("#move-to", label="Rejected")
    page.click("form:has(#move-to) button")
    page.select_option("#reason", label="Does not meet the residency requirement")
    page.get_by_role("button", name="Yes, move to rejected").click()
    page.wait_for_url(f"**{application.admin_url()}")

    # Sam's page still shows New; he moves it to In review.
    colleague_page.select_option("#move-to", label="In review")
    colleague_page.click("form:has(#move-to) button")
    colleague_page.wait_for_url(f"**{application.admin_url()}")
    message = colleague_page.get_by_text("your change was not made")
    message.wait_for()
    told = message.inner_text().strip()
    assert told.startswith(f"Riya Recruiter moved {application.reference} to Rejected at ")
    colleague_page.screenshot(path=tmp_path / "refused.png")
    assert "rejected since" in colleague_page.inner_text("#triage-title + dl").lower()
    application.refresh_from_db()
    assert application.status == SpecialStatus.REJECTED
    history = colleague_page.inner_text("#history-title + ul")
    assert history.count("Moved from") == 1
