"""An outbox that gives up honestly: a maximum of attempts, then Failed for staff to see and
retry; a permanent refusal fails at once; an email nobody needs any more is not sent; unsent
emails are purged like sent ones; one sender per row; staff messages say how to answer."""

import datetime
import logging
import re

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.test import Client
from django.utils import timezone
from wagtail.models import ModelLogEntry

from accounts.factories import EditorFactory, RecruiterFactory
from recruitment import intake, notifications, retention, sending
from recruitment.enums import NotificationKind, NotificationStatus
from recruitment.factories import MessageTemplateFactory, SpecialConstableApplicationFactory
from recruitment.models import Draft, MessageTemplate, Notification, SpecialConstableApplication
from recruitment.models.outbox import LINK
from tests.recruitment.conftest import step_posts
from tests.recruitment.probe_email_backend import EmailBackend as Probe

pytestmark = pytest.mark.django_db

FAILING = "tests.recruitment.failing_email_backend.EmailBackend"
REFUSING = "tests.security.refusing_email_backend.EmailBackend"
LOCMEM = "django.core.mail.backends.locmem.EmailBackend"
PROBE = "tests.recruitment.probe_email_backend.EmailBackend"
HOURS_7 = datetime.timedelta(hours=7)


def _failed_section(html):
    start = html.index("Emails that could not be sent")
    return html[start : html.index("My open applications")]


def test_a_mail_server_that_always_refuses_gives_up_after_the_maximum_then_staff_retry(
    settings, caplog, specials_page, special_answers, submit, django_capture_on_commit_callbacks
):
    settings.RECRUITMENT_EMAIL_MAX_ATTEMPTS = 3
    settings.EMAIL_BACKEND = FAILING
    submit(specials_page, special_answers)  # attempt 1, after commit
    application = SpecialConstableApplication.objects.get()
    later = timezone.now()
    with caplog.at_level(logging.WARNING, logger="recruitment.sending"):
        for attempt in (2, 3):
            later += HOURS_7
            assert sending.send_pending(now=later) == (0, 2)
            statuses = set(Notification.objects.values_list("status", flat=True))
            assert statuses == {"pending" if attempt < 3 else "failed"}
    assert set(Notification.objects.values_list("attempts", flat=True)) == {3}
    assert "failed for good after 3 attempt(s)" in caplog.text
    # Given up: nothing more is tried, however late.
    assert sending.send_pending(now=later + HOURS_7) == (0, 0)
    application.refresh_from_db()
    assert application.status_token_hash == ""  # no link left working that nobody received

    # Staff see both on the Recruitment home, with the reason and no address.
    recruiter = Client()
    recruiter.force_login(RecruiterFactory())
    html = recruiter.get("/admin/recruitment/").content.decode()
    failed = _failed_section(html)
    assert "Emails that could not be sent (2)" in failed
    assert "Acknowledgement to the applicant" in failed
    assert "Notice to the recruitment team" in failed
    assert application.reference in failed
    assert "The mail server could not be reached (ConnectionRefusedError)" in failed
    assert "@" not in re.sub(r"<[^>]+>", "", failed)  # no address, the applicant's or the team's
    assert failed.count(">Retry<") == 2
    assert "Emails that could not be sent" in recruiter.get("/admin/").content.decode()

    ack = Notification.objects.get(kind=NotificationKind.ACKNOWLEDGEMENT)
    retry_url = f"/admin/recruitment/emails/{ack.pk}/retry/"
    editor = Client()
    editor.force_login(EditorFactory())
    assert editor.post(retry_url).status_code == 403
    assert recruiter.get(retry_url).status_code == 405

    # The mail server is back: Retry sends it at once, with a status link that works.
    settings.EMAIL_BACKEND = LOCMEM
    with django_capture_on_commit_callbacks(execute=True):
        response = recruiter.post(retry_url, follow=True)
    assert "is being sent again" in response.content.decode()
    ack.refresh_from_db()
    assert ack.status == NotificationStatus.SENT
    assert [m.to for m in mail.outbox] == [["jordan.testwell@example.com"]]
    link = re.search(r"http://\S+/(status/[\w-]+/)", mail.outbox[0].body)
    assert Client().get(f"{specials_page.url}{link[1]}").status_code == 302
    retried = ModelLogEntry.objects.filter(action="recruitment.email_retry")
    assert retried.get(object_id=str(application.pk)).user is not None
    # A second Retry of the same email (two recruiters at once) changes nothing.
    again = recruiter.post(retry_url, follow=True).content.decode()
    assert "not waiting for a retry any more" in again
    assert len(mail.outbox) == 1
    remaining = _failed_section(recruiter.get("/admin/recruitment/").content.decode())
    assert "Emails that could not be sent (1)" in remaining


def test_an_address_refused_for_good_fails_at_once_and_the_reason_names_no_address(
    settings, specials_page, special_answers, submit
):
    settings.EMAIL_BACKEND = REFUSING  # 550 5.1.1 <address> unknown, as real servers say
    submit(specials_page, special_answers)
    for row in Notification.objects.all():
        assert row.status == NotificationStatus.FAILED
        assert row.attempts == 1
        assert row.last_error == "SMTPRecipientsRefused 550"


def test_emails_not_sent_are_purged_on_schedule_like_sent_ones(home_page):
    application = SpecialConstableApplicationFactory()
    now = timezone.now()

    def email(status, days_ago):
        return application.notifications.create(
            kind=NotificationKind.ACKNOWLEDGEMENT,
            status=status,
            recipient=application.email,
            subject="Your application",
            body="Dear applicant",
            created_at=now - datetime.timedelta(days=days_ago),
        )

    old = [email(status, 31) for status in ("failed", "pending", "cancelled", "sending")]
    fresh = [email(status, 29) for status in ("failed", "pending")]
    assert retention.purge_expired_submissions(now=now, dry_run=True)["Emails not sent"] == 4
    counts = retention.purge_expired_submissions(now=now)
    assert counts["Emails not sent"] == 4
    assert set(Notification.objects.values_list("pk", flat=True)) == {r.pk for r in fresh}
    assert not {r.pk for r in old} & set(Notification.objects.values_list("pk", flat=True))


def test_a_come_back_email_whose_draft_was_deleted_is_not_sent(
    client, specials_page, special_answers, django_capture_on_commit_callbacks
):
    for url, data, headers in step_posts(specials_page, special_answers)[:2]:
        client.post(url, data, **headers)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        client.post(f"{specials_page.url}save/", {"email": "jordan.testwell@example.com"})
        client.post(f"{specials_page.url}delete/")  # before the sender got to it
    assert not Draft.objects.exists()
    for callback in callbacks:
        callback()
    row = Notification.objects.get(kind=NotificationKind.RESUME_LINK)
    assert row.status == NotificationStatus.CANCELLED
    assert "sent or deleted" in row.last_error
    assert mail.outbox == []


def test_an_email_to_an_applicant_whose_data_was_erased_is_not_sent(specials_page):
    application = SpecialConstableApplicationFactory(page=specials_page)
    row = notifications.queue_status_link(application, specials_page)
    application.anonymised_at = timezone.now()
    application.save()
    assert sending.send_one(row.pk) == NotificationStatus.CANCELLED
    assert mail.outbox == []
    row.refresh_from_db()
    assert row.last_error == "Not sent: the application's personal data has been removed"


def test_a_sender_arriving_while_another_sends_finds_nothing_to_claim(settings, specials_page):
    settings.EMAIL_BACKEND = PROBE
    application = SpecialConstableApplicationFactory(page=specials_page)
    row = notifications.queue_status_link(application, specials_page)
    second = []
    Probe.reset(during_send=lambda: second.append(sending.send_one(row.pk)))
    assert sending.send_one(row.pk) == NotificationStatus.SENT
    assert second == [None]  # claimed already: it sends nothing
    assert len(Probe.sent) == 1
    assert sending.send_one(row.pk) is None  # and nothing is sent twice afterwards


def test_a_claim_left_by_a_sender_that_died_is_taken_over_later(settings, specials_page):
    application = SpecialConstableApplicationFactory(page=specials_page)
    now = timezone.now()
    row = notifications.queue_status_link(application, specials_page)
    Notification.objects.filter(pk=row.pk).update(status="sending", claimed_at=now)
    # A sender still within its time is left alone.
    assert sending.send_pending(now=now + datetime.timedelta(minutes=5)) == (0, 0)
    assert mail.outbox == []
    assert sending.send_pending(now=now + sending.STALE_CLAIM + datetime.timedelta(seconds=1)) == (
        1,
        0,
    )
    assert len(mail.outbox) == 1
    assert Notification.objects.get(pk=row.pk).status == NotificationStatus.SENT


def test_staff_messages_have_a_reply_to_when_one_is_set(settings, home_page, specials_page):
    settings.RECRUITMENT_REPLY_TO = "specials-team@bluelamp.example"
    application = SpecialConstableApplicationFactory(page=specials_page)
    notifications.send_message(application, MessageTemplateFactory(), "See you soon.", by=None)
    sending.send_pending()
    (message,) = mail.outbox
    assert message.reply_to == ["specials-team@bluelamp.example"]
    assert "You can reply to this email." in message.body


def test_without_a_reply_address_staff_messages_do_not_ask_for_a_reply(
    settings, site_settings, specials_page
):
    settings.RECRUITMENT_REPLY_TO = ""
    site_settings.contact_email = "recruitment@bluelamp.example"
    site_settings.contact_phone = "101"
    site_settings.save()
    application = SpecialConstableApplicationFactory(page=specials_page)
    for template in MessageTemplate.objects.all():  # the seeded ones (migrations 0008, 0011)
        template.full_clean()  # none asks for a reply
        notifications.send_message(application, template, "Come on Tuesday.", by=None)
    sending.send_pending()
    assert len(mail.outbox) == MessageTemplate.objects.count() >= 3
    for message in mail.outbox:
        assert message.reply_to == []
        assert "reply to this email" not in message.body.lower()
        assert "Replies to this email are not read." in message.body
        assert "email recruitment@bluelamp.example or call 101" in message.body

    asking = MessageTemplate(name="Ask", subject="Hello", body="Please reply to confirm.")
    with pytest.raises(ValidationError, match="do not ask for a reply"):
        asking.full_clean()
    settings.RECRUITMENT_REPLY_TO = "specials-team@bluelamp.example"
    asking.full_clean()


def test_links_are_minted_only_when_sent_and_a_failed_send_keeps_the_link_before(
    settings, specials_page
):
    application = SpecialConstableApplicationFactory(page=specials_page)
    row = notifications.queue_status_link(application, specials_page)
    assert LINK in row.body and "/status/" not in row.body
    application.refresh_from_db()
    assert application.status_token_hash == ""  # nothing minted while it waits

    settings.EMAIL_BACKEND = LOCMEM
    sending.send_one(row.pk)
    working = re.search(r"/status/([\w-]+)/", mail.outbox[0].body)[1]
    assert intake.submission_for_status_token(specials_page, working) == application

    # A new link is asked for while the mail server is down: the one that arrived still works.
    settings.EMAIL_BACKEND = FAILING
    again = notifications.queue_status_link(application, specials_page)
    assert sending.send_one(again.pk) == NotificationStatus.PENDING
    assert intake.submission_for_status_token(specials_page, working) == application
