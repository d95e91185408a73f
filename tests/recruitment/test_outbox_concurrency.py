"""The outbox against real commits: no transaction is open while the mail server is asked,
and two senders racing on one row send it once (SQLite and PostgreSQL).

These tests commit (transaction=True), so they build their own pages and cannot share a
module with the shared-data tests."""

import threading
import time

import pytest
from django.db import OperationalError, connection
from django.test import Client

from recruitment import notifications, sending
from recruitment.enums import NotificationStatus
from recruitment.factories import SpecialConstableApplicationFactory
from recruitment.models import Notification
from tests.recruitment.conftest import (
    build_areas,
    build_form_pages,
    build_special_answers,
    step_posts,
)
from tests.recruitment.probe_email_backend import EmailBackend as Probe

pytestmark = pytest.mark.django_db(transaction=True)

PROBE = "tests.recruitment.probe_email_backend.EmailBackend"


@pytest.fixture
def form_pages(committed_home_page):
    build_areas()
    return build_form_pages(committed_home_page)


@pytest.fixture
def probe(settings):
    settings.EMAIL_BACKEND = PROBE
    Probe.reset()
    yield Probe
    Probe.reset()


def test_no_transaction_is_open_while_the_mail_server_is_asked(form_pages, probe):
    client = Client()
    for url, data, headers in step_posts(form_pages[0], build_special_answers()):
        response = client.post(url, data, **headers)
        assert response.status_code == 302, url
    # The acknowledgement (its status link minted on the way) and the team's notice.
    assert sorted(m.to[0] for m in probe.sent) == [
        "jordan.testwell@example.com",
        "specials-recruitment@bluelamp.example",
    ]
    # Each send ran in autocommit: no transaction (and so no row lock) held across SMTP.
    assert probe.checks == [(False, True), (False, True)]
    assert set(Notification.objects.values_list("status", flat=True)) == {"sent"}


def test_two_senders_racing_on_one_row_send_it_once(form_pages, probe):
    application = SpecialConstableApplicationFactory(page=form_pages[0])
    row = notifications.queue_status_link(application, form_pages[0])
    Notification.objects.filter(pk=row.pk).update(status=NotificationStatus.PENDING)
    probe.sent.clear()  # the on-commit send above, in autocommit, already ran: start again
    # A slow mail server: the first sender is still sending when the second one looks.
    probe.hooks = [lambda: time.sleep(0.3)]
    start = threading.Barrier(2)
    outcomes = []

    def sender():
        try:
            start.wait()
            for _attempt in range(200):
                try:
                    outcomes.append(sending.send_one(row.pk))
                    return
                except OperationalError as error:
                    # The suite's SQLite database is in memory with a shared cache, which
                    # answers "table is locked" at once where a file database (make run,
                    # WAL and a busy timeout) waits for the other writer: wait here instead.
                    if connection.vendor != "sqlite" or "locked" not in str(error):
                        raise
                    time.sleep(0.01)
        finally:
            connection.close()

    threads = [threading.Thread(target=sender) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes, key=str) == sorted([NotificationStatus.SENT, None], key=str)
    assert len(probe.sent) == 1
    assert Notification.objects.get(pk=row.pk).status == NotificationStatus.SENT
