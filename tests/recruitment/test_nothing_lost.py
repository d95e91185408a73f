"""Nothing lost, in small: concurrent applicants against a threaded server while mail is down.

The full run (2,000 applications, 50 clients, two gunicorn instances) is bench/nothing_lost.sh;
this keeps the same guarantee in the suite. PostgreSQL only: SQLite serialises every write, so
concurrency there proves nothing.
"""

import pytest
from django.core import mail
from django.db import connection

from bench.submit import run
from recruitment.enums import NotificationKind, NotificationStatus
from recruitment.models import MiniPoliceRegistration, Notification, SpecialConstableApplication
from recruitment.sending import send_pending
from tests.recruitment.conftest import build_areas, build_form_pages

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="concurrency needs PostgreSQL"
)


@pytest.fixture
def form_pages(committed_home_page):
    """Committed, for the live server: this test's own (tests/conftest.py, module_transaction)."""
    build_areas()
    return build_form_pages(committed_home_page)


@pytest.fixture
def mail_down(settings):
    settings.EMAIL_BACKEND = "tests.recruitment.failing_email_backend.EmailBackend"
    settings.RECRUITMENT_RATE_LIMIT = 10_000
    return settings


@pytest.mark.django_db(transaction=True)
def test_concurrent_applications_are_each_stored_once_and_acknowledged_once_mail_returns(
    form_pages, live_server, mail_down
):
    outcomes = []
    for form in ("sc", "mp"):
        done, _seconds = run([live_server.url], form, count=8, clients=4, run_id="t")
        outcomes.extend(done)

    accepted = [o for o in outcomes if o["status"] == 302]
    assert len(accepted) == len(outcomes) == 16
    rows = [
        *SpecialConstableApplication.objects.filter(email__startswith="bench+t-"),
        *MiniPoliceRegistration.objects.filter(email__startswith="bench+t-"),
    ]
    assert sorted(r.email for r in rows) == sorted(o["email"] for o in accepted)
    assert {r.reference for r in rows} == {o["reference"] for o in accepted}
    assert not Notification.objects.filter(status=NotificationStatus.SENT).exists()

    # The mail server is back: the scheduled sender delivers everything that waited.
    mail_down.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    mail.outbox = []
    from django.utils import timezone

    send_pending(now=timezone.now() + timezone.timedelta(hours=7))
    acknowledged = [m.to[0] for m in mail.outbox if m.to[0].startswith("bench+t-")]
    assert sorted(acknowledged) == sorted(o["email"] for o in accepted)
    acks = Notification.objects.filter(kind=NotificationKind.ACKNOWLEDGEMENT)
    assert acks.count() == len(rows)
    assert not Notification.objects.filter(status=NotificationStatus.PENDING).exists()
