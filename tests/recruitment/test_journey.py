"""The applicant's journey: drafts, check your answers, come back later, status and withdrawal,
the rate limit's policy, and the query budget of every step."""

import re

import pytest
from django.core import mail
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import ModelLogEntry

from recruitment import intake, links, retention
from recruitment.models import (
    Draft,
    MiniPoliceRegistration,
    Notification,
    RecruitmentSettings,
    SpecialConstableApplication,
)
from recruitment.queues import QUEUES
from tests.recruitment.conftest import step_posts

pytestmark = pytest.mark.django_db


def _link(body, kind):
    return re.search(rf"(http://\S+/{kind}/[\w-]+/)", body)[1]


def _path(url):
    return url.replace("http://localhost", "").replace("http://testserver", "")


def _sent_link(kind, to="jordan.testwell@example.com"):
    """The link of that kind in the newest email sent to `to` (links exist only in sent mail)."""
    body = next(m.body for m in reversed(mail.outbox) if m.to == [to] and f"/{kind}/" in m.body)
    return _link(body, kind)


def test_each_continue_saves_a_draft_on_the_server_not_a_submission(
    client, specials_page, special_answers, walk
):
    posts = step_posts(specials_page, special_answers)
    for url, data, headers in posts[:2]:
        assert client.post(url, data, **headers).status_code == 302
    draft = Draft.objects.get()
    assert draft.completed_sections == ["check-you-can-apply", "about-you"]
    assert draft.answers["first_name"] == ["Jordan"]
    assert not SpecialConstableApplication.objects.exists()
    assert mail.outbox == [] and not Notification.objects.exists()


def test_back_link_and_getting_a_step_show_the_saved_answers(
    client, specials_page, special_answers, walk
):
    walk(specials_page, special_answers, stop_before_send=True)
    html = client.get(f"{specials_page.url}step/contact-details/").content.decode()
    assert f'href="{specials_page.url}step/about-you/"' in html  # Back
    assert 'value="12 Example Road"' in html
    first = client.get(f"{specials_page.url}step/check-you-can-apply/").content.decode()
    assert 'value="1994"' in first


def test_check_your_answers_lists_every_answer_with_a_change_link(
    client, specials_page, special_answers, walk
):
    walk(specials_page, special_answers, stop_before_send=True)
    html = client.get(f"{specials_page.url}check-your-answers/").content.decode()
    for section in QUEUES[0].sections:
        assert section.title in html
        assert f"{specials_page.url}step/{section.slug}/?change=1" in html
    assert "Jordan" in html and "NV1 2AB" in html and "A small star on the right wrist" in html
    assert "2026-1" not in html  # no internal numbers such as the notice's version
    assert "Send application" in html


def test_change_returns_to_check_your_answers(client, specials_page, special_answers, walk):
    walk(specials_page, special_answers, stop_before_send=True)
    url = f"{specials_page.url}step/about-you/?change=1"
    html = client.get(url).content.decode()
    assert f'href="{specials_page.url}check-your-answers/"' in html  # Back goes to the check
    response = client.post(
        url, {"first_name": "Jordyn", "last_name": "Testwell", "nationality": "Irish"}
    )
    assert response["Location"] == f"{specials_page.url}check-your-answers/"
    assert "Jordyn" in client.get(response["Location"]).content.decode()


def test_a_step_without_a_draft_starts_at_the_beginning(client, specials_page):
    response = client.get(f"{specials_page.url}step/about-you/")
    assert response["Location"] == specials_page.url


def test_eligibility_post_from_another_site_is_refused(client, specials_page, special_answers):
    url = reverse("recruitment_check_eligibility", args=[specials_page.pk])
    data = step_posts(specials_page, special_answers)[0][1]
    assert client.post(url, data, HTTP_ORIGIN="https://evil.example").status_code == 403
    assert client.post(url, data).status_code == 403  # neither Origin nor Referer
    ok = client.post(url, data, HTTP_REFERER=f"http://testserver{specials_page.url}")
    assert ok.status_code == 302
    assert Draft.objects.count() == 1


def test_coming_back_in_the_same_browser_offers_continue_or_delete(
    client, specials_page, special_answers
):
    for url, data, headers in step_posts(specials_page, special_answers)[:2]:
        client.post(url, data, **headers)
    html = client.get(specials_page.url).content.decode()
    assert "Continue your application" in html
    assert f'href="{specials_page.url}step/contact-details/"' in html  # first unanswered
    assert "Delete my answers and start again" in html
    response = client.post(f"{specials_page.url}delete/")
    assert "Your answers have been deleted" in response.content.decode()
    assert not Draft.objects.exists()
    assert "Check you can apply" in client.get(specials_page.url).content.decode()


def test_save_and_come_back_later_on_another_browser(
    client, specials_page, special_answers, django_capture_on_commit_callbacks
):
    posts = step_posts(specials_page, special_answers)
    for url, data, headers in posts[:3]:
        client.post(url, data, **headers)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"{specials_page.url}save/", {"email": "jordan.testwell@example.com"}, follow=True
        )
    # Redirected after the POST, so Back never sends the form again.
    assert response.redirect_chain == [(f"{specials_page.url}email-sent/", 302)]
    assert "Check your email" in response.content.decode()
    row = Notification.objects.get(kind="resume_link")
    link = _sent_link("return")
    token = link.rstrip("/").rsplit("/", 1)[1]
    assert token not in row.body  # the outbox keeps the words, not the link
    draft = Draft.objects.get()
    assert token not in draft.resume_token_hash  # only the hash is stored
    assert draft.resume_token_hash == links.hash_token(token)

    other = Client()
    response = other.get(_path(link))
    assert response["Location"] == f"{specials_page.url}step/your-background/"
    assert response["Referrer-Policy"] == "no-referrer"
    html = other.get(f"{specials_page.url}step/contact-details/").content.decode()
    assert 'value="12 Example Road"' in html


def test_a_come_back_link_works_once_then_the_draft_lives_in_the_session(
    client, specials_page, special_answers, django_capture_on_commit_callbacks
):
    for url, data, headers in step_posts(specials_page, special_answers)[:3]:
        client.post(url, data, **headers)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"{specials_page.url}save/", {"email": "jordan.testwell@example.com"})
    path = _path(_sent_link("return"))

    first = Client()
    assert first.get(path).status_code == 302
    # The same link again, here or in any other browser: spent.
    for again in (first, Client()):
        response = again.get(path)
        assert response.status_code == 404
        assert "This link does not work" in response.content.decode()
        assert response["Referrer-Policy"] == "no-referrer"
    # The browser that used it carries on from its session.
    assert "Continue your application" in first.get(specials_page.url).content.decode()
    # A new link can be asked for at any time, from any browser, and works (once).
    with django_capture_on_commit_callbacks(execute=True):
        Client().post(f"{specials_page.url}save/", {"email": "jordan.testwell@example.com"})
    fresh_path = _path(_sent_link("return"))
    assert fresh_path != path
    assert Client().get(fresh_path).status_code == 302


def test_save_and_come_back_later_works_on_a_page_not_yet_finished(
    client, specials_page, special_answers
):
    posts = step_posts(specials_page, special_answers)
    for url, data, headers in posts[:2]:  # eligibility and About you answered
        client.post(url, data, **headers)
    # Contact details half typed: saving must not stop at its errors.
    response = client.post(
        f"{specials_page.url}step/contact-details/", {"phone": "07700", "action": "save"}
    )
    assert response.status_code == 302
    assert response["Location"] == f"{specials_page.url}save/"
    draft = Draft.objects.get()
    assert intake.first_unanswered(QUEUES[0], draft).slug == "contact-details"


def test_a_come_back_link_expires_after_7_days(
    client, specials_page, special_answers, django_capture_on_commit_callbacks
):
    import datetime

    from django.utils import timezone

    for url, data, headers in step_posts(specials_page, special_answers)[:2]:
        client.post(url, data, **headers)
    draft = Draft.objects.get()
    with django_capture_on_commit_callbacks(execute=True):
        intake.send_resume_link(specials_page, "jordan.testwell@example.com", draft)
    token = _sent_link("return").rstrip("/").rsplit("/", 1)[1]
    later = timezone.now() + datetime.timedelta(days=7, minutes=1)
    assert intake.use_resume_link(specials_page, token, now=later) is None
    assert intake.use_resume_link(specials_page, token) == draft


def test_asking_for_a_link_says_the_same_whether_or_not_there_is_a_draft(
    client, specials_page, special_answers
):
    for url, data, headers in step_posts(specials_page, special_answers)[:3]:
        client.post(url, data, **headers)
    fresh = Client()
    known = fresh.post(
        f"{specials_page.url}save/", {"email": "jordan.testwell@example.com"}, follow=True
    )
    unknown = fresh.post(f"{specials_page.url}save/", {"email": "nobody@example.com"}, follow=True)

    def words(response):
        html = response.content.decode()
        return re.sub(r"\S+@example\.com", "ADDRESS", html)

    assert words(known) == words(unknown)
    assert Notification.objects.filter(recipient="jordan.testwell@example.com").count() == 1
    assert not Notification.objects.filter(recipient="nobody@example.com").exists()


def test_link_requests_are_rate_limited(settings, client, specials_page):
    settings.RECRUITMENT_LINK_RATE_LIMIT = 2
    for _ in range(2):
        assert (
            client.post(f"{specials_page.url}save/", {"email": "a@example.com"}).status_code == 302
        )
    assert client.post(f"{specials_page.url}save/", {"email": "a@example.com"}).status_code == 429


def test_status_page_shows_the_stage_and_withdrawal_goes_through_the_workflow(
    client, specials_page, special_answers, submit
):
    submit(specials_page, special_answers)
    application = SpecialConstableApplication.objects.get()
    acknowledgement = next(m for m in mail.outbox if m.to == ["jordan.testwell@example.com"])
    link = _link(acknowledgement.body, "status")
    opened = client.get(_path(link))
    # Exchanged for this browser's session: the page is at an address without the token.
    assert opened.status_code == 302
    assert opened["Location"] == f"{specials_page.url}status/"
    assert opened["Referrer-Policy"] == "no-referrer"
    path = opened["Location"]
    response = client.get(path)
    html = response.content.decode()
    assert "Your application: received" in html
    assert "within 10 working days" in html
    assert "Withdraw my application" in html
    assert response["Referrer-Policy"] == "same-origin"  # nothing to hide in its address
    # Another browser at the same address has no status to see: it is asked for an email.
    assert "Send me the link" in Client().get(path).content.decode()

    confirm = client.get(f"{path}withdraw/").content.decode()
    assert "Are you sure you want to withdraw your application?" in confirm
    application.refresh_from_db()
    assert application.status == "new"  # a GET changes nothing
    assert Client().post(f"{path}withdraw/").status_code == 404  # without the session
    client.post(f"{path}withdraw/")
    application.refresh_from_db()
    assert application.status == "withdrawn"
    assert application.decided_at is not None
    entry = ModelLogEntry.objects.get(object_id=str(application.pk), action="recruitment.move")
    assert entry.data["to"] == "Withdrawn"
    html = client.get(path).content.decode()
    assert "Your application: withdrawn" in html
    assert "Withdraw my application" not in html


def test_status_link_can_be_sent_again_and_the_old_one_stops(
    client, specials_page, special_answers, submit, django_capture_on_commit_callbacks
):
    submit(specials_page, special_answers)
    old = _sent_link("status")
    opened_with_old = Client()
    opened_with_old.get(_path(old))
    with django_capture_on_commit_callbacks(execute=True):
        known = client.post(
            f"{specials_page.url}status/", {"email": "Jordan.Testwell@example.com"}, follow=True
        )
        unknown = client.post(
            f"{specials_page.url}status/", {"email": "nobody@example.com"}, follow=True
        )
    assert known.status_code == unknown.status_code == 200
    new = _sent_link("status")
    assert new != old
    assert client.get(_path(old)).status_code == 404
    assert client.get(_path(new)).status_code == 302
    # A page opened with the old link no longer shows the application either.
    status_page = opened_with_old.get(f"{specials_page.url}status/").content.decode()
    assert "Your application" not in status_page and "Send me the link" in status_page
    assert not Notification.objects.filter(recipient="nobody@example.com").exists()


def test_status_link_expires_after_the_configured_days_and_a_new_one_can_be_asked_for(
    client, settings, specials_page, special_answers, submit, django_capture_on_commit_callbacks
):
    import datetime

    from django.utils import timezone

    settings.RECRUITMENT_STATUS_LINK_DAYS = 30
    submit(specials_page, special_answers)
    token = _sent_link("status").rstrip("/").rsplit("/", 1)[1]
    application = SpecialConstableApplication.objects.get()
    in_time = timezone.now() + datetime.timedelta(days=29, hours=23)
    too_late = timezone.now() + datetime.timedelta(days=30, minutes=1)
    assert intake.submission_for_status_token(specials_page, token, now=in_time) == application
    assert intake.submission_for_status_token(specials_page, token, now=too_late) is None
    assert "it works for 30 days" in mail.outbox[0].body

    SpecialConstableApplication.objects.update(
        status_token_expires_at=timezone.now() - datetime.timedelta(seconds=1)
    )
    expired = client.get(_path(_sent_link("status")))
    assert expired.status_code == 404
    assert "work for 30 days" in expired.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"{specials_page.url}status/", {"email": "jordan.testwell@example.com"})
    assert client.get(_path(_sent_link("status"))).status_code == 302


def test_twenty_applicants_behind_one_address_all_succeed_with_the_defaults(
    specials_page, special_answers, walk, django_capture_on_commit_callbacks
):
    for n in range(20):
        applicant = Client(REMOTE_ADDR="198.51.100.7")
        answers = {**special_answers, "email": f"applicant{n}@example.com"}
        # A careful applicant corrects a mistake on a page first: not counted.
        walk(specials_page, {**answers, "postcode": "wrong"}, c=applicant)
        with django_capture_on_commit_callbacks(execute=True):
            response = walk(specials_page, answers, c=applicant)
        assert response.status_code == 302, n
        assert response["Location"].endswith("/thank-you/")
    assert SpecialConstableApplication.objects.count() == 20


def test_spam_signals_count_towards_the_limit(settings, specials_page, special_answers, submit):
    settings.RECRUITMENT_RATE_LIMIT = 2
    for _ in range(2):
        submit(specials_page, {**special_answers, "website": "http://spam.example"})
    response = submit(specials_page, special_answers)
    assert response.status_code == 429
    assert not SpecialConstableApplication.objects.exists()


def test_drafts_are_purged_after_their_retention_period(client, specials_page, special_answers):
    import datetime

    from django.utils import timezone

    for url, data, headers in step_posts(specials_page, special_answers)[:2]:
        client.post(url, data, **headers)
    periods = RecruitmentSettings.load()
    assert periods.draft_retention_days == 30
    now = timezone.now()
    assert (
        retention.purge_expired_submissions(now=now + datetime.timedelta(days=29))[
            "Unfinished applications"
        ]
        == 0
    )
    assert Draft.objects.exists()
    counts = retention.purge_expired_submissions(now=now + datetime.timedelta(days=31))
    assert counts["Unfinished applications"] == 1
    assert not Draft.objects.exists()


@pytest.mark.parametrize("which", ["specials", "mini"])
def test_every_step_has_a_query_budget(
    client, specials_page, mini_page, special_answers, mini_answers, which
):
    page, answers = (
        (specials_page, special_answers) if which == "specials" else (mini_page, mini_answers)
    )
    client.get(page.url)  # warm: site, settings and page-tree lookups cached per process
    with CaptureQueriesContext(connection) as first_get:
        client.get(page.url)
    assert len(first_get) <= 12, len(first_get)
    for url, data, headers in step_posts(page, answers):
        with CaptureQueriesContext(connection) as posted:
            response = client.post(url, data, **headers)
        assert response.status_code == 302, url
        # Sending writes the submission, reference, audit entry, outbox and deletes the draft.
        budget = 45 if url.endswith("check-your-answers/") else 20
        assert len(posted) <= budget, (url, len(posted))
        if not url.endswith("check-your-answers/"):
            with CaptureQueriesContext(connection) as shown:
                client.get(response["Location"])
            assert len(shown) <= 20, (response["Location"], len(shown))
    assert MiniPoliceRegistration.objects.count() + SpecialConstableApplication.objects.count() == 1


def test_check_your_email_is_a_page_of_its_own_that_forgets_with_the_visit(
    client, specials_page, special_answers
):
    """The answer to "Send me a link" is a redirect to a GET, so Back never sends the form
    again; another browser, or this one after a quick exit, finds no address there."""
    for url, data, headers in step_posts(specials_page, special_answers)[:3]:
        client.post(url, data, **headers)
    response = client.post(f"{specials_page.url}save/", {"email": "jordan.testwell@example.com"})
    assert response.status_code == 302
    page = client.get(f"{specials_page.url}email-sent/").content.decode()
    assert "jordan.testwell@example.com" in page
    assert Client().get(f"{specials_page.url}email-sent/").url == specials_page.url
    client.post("/quick-exit/", HTTP_SEC_FETCH_SITE="same-origin")
    after_exit = client.get(f"{specials_page.url}email-sent/")
    assert after_exit.status_code == 302 and after_exit.url == specials_page.url
