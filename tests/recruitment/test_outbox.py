"""Mail server down: the submission is never lost or blocked, and the email goes out later."""

import datetime

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from recruitment import sending
from recruitment.enums import NotificationStatus
from recruitment.models import Notification, SpecialConstableApplication

pytestmark = pytest.mark.django_db

FAILING = "tests.recruitment.failing_email_backend.EmailBackend"
LOCMEM = "django.core.mail.backends.locmem.EmailBackend"


def test_mail_server_down_keeps_the_application_and_its_emails(
    client, settings, specials_page, special_answers, submit
):
    settings.EMAIL_BACKEND = FAILING
    response = submit(specials_page, special_answers)
    assert response.status_code == 302  # the applicant is not shown an error
    application = SpecialConstableApplication.objects.get()
    assert application.reference in client.get(response["Location"]).content.decode()

    pending = Notification.objects.filter(status=NotificationStatus.PENDING)
    assert pending.count() == 2
    for row in pending:
        assert row.attempts == 1
        assert row.last_error == "ConnectionRefusedError"  # the kind: never the server's words
        assert row.next_attempt_at > timezone.now()
    # The status link minted for the failed acknowledgement was taken back: no link that
    # nobody received is left working.
    application.refresh_from_db()
    assert application.status_token_hash == ""


def test_pending_emails_are_sent_by_the_command_when_due(
    settings, specials_page, special_answers, submit
):
    settings.EMAIL_BACKEND = FAILING
    submit(specials_page, special_answers)
    settings.EMAIL_BACKEND = LOCMEM

    call_command("send_pending_notifications", stdout=open("/dev/null", "w"))
    assert mail.outbox == []  # not due yet: backing off

    Notification.objects.update(next_attempt_at=timezone.now() - datetime.timedelta(seconds=1))
    call_command("send_pending_notifications", stdout=open("/dev/null", "w"))
    assert len(mail.outbox) == 2
    assert set(Notification.objects.values_list("status", flat=True)) == {NotificationStatus.SENT}

    call_command("send_pending_notifications", stdout=open("/dev/null", "w"))
    assert len(mail.outbox) == 2  # sent once only


def test_retries_back_off_and_keep_trying(settings, specials_page, special_answers, submit):
    settings.EMAIL_BACKEND = FAILING
    submit(specials_page, special_answers)
    row = Notification.objects.first()
    later = timezone.now() + datetime.timedelta(days=1)
    sending.send_pending(now=later)
    row.refresh_from_db()
    assert row.attempts == 2
    assert row.status == NotificationStatus.PENDING
    assert row.next_attempt_at == later + sending.backoff(2)


def test_backoff_grows_and_is_capped():
    waits = [sending.backoff(n) for n in range(1, 12)]
    assert waits[0] == datetime.timedelta(minutes=1)
    assert waits[1] == datetime.timedelta(minutes=2)
    assert waits == sorted(waits)
    assert waits[-1] == datetime.timedelta(hours=6)


def test_outbox_rows_are_written_with_the_submission(specials_page, special_answers, walk):
    # Without running the after-commit callbacks, the rows are already there and pending.
    walk(specials_page, special_answers)
    assert Notification.objects.filter(status=NotificationStatus.PENDING).count() == 2
    assert mail.outbox == []


def test_with_the_database_queue_emails_wait_for_the_worker_and_failures_are_rescheduled(
    settings, specials_page, special_answers, submit
):
    from django_tasks_db.models import DBTaskResult

    from recruitment.tasks import send_notifications

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    submit(specials_page, special_answers)
    ours = DBTaskResult.objects.filter(task_path="recruitment.tasks.send_notifications")
    queued = ours.get()
    assert mail.outbox == []  # nothing sent in the request: the worker does it

    settings.EMAIL_BACKEND = FAILING
    ids = queued.args_kwargs["args"][0]
    send_notifications.call(ids)  # what `manage.py db_worker` runs
    retry = ours.exclude(pk=queued.pk).get()
    assert retry.args_kwargs["args"][0] == ids
    assert retry.run_after == min(
        Notification.objects.filter(pk__in=ids).values_list("next_attempt_at", flat=True)
    )
    assert Notification.objects.get(pk=ids[0]).attempts == 1
