"""Sending the outbox: one row at a time under a row lock, and a failure recorded with the
next attempt backed off (1, 2, 4, 8... minutes, at most 6 hours). tasks.send_notifications runs
it after commit; `manage.py send_pending_notifications` sends whatever is due."""

import datetime
import logging

from django.core.mail import EmailMessage
from django.db import transaction
from django.utils import timezone

from .enums import NotificationStatus
from .models import Notification

logger = logging.getLogger(__name__)

MAX_BACKOFF = datetime.timedelta(hours=6)
FIRST_BACKOFF = datetime.timedelta(minutes=1)


def backoff(attempts):
    """How long to wait after the nth failed attempt: 1, 2, 4, 8... minutes, at most 6 hours."""
    return min(FIRST_BACKOFF * (2 ** max(attempts - 1, 0)), MAX_BACKOFF)


def send_one(pk, now=None):
    """Send one pending message. True when sent; on failure record it and schedule a retry."""
    now = now or timezone.now()
    with transaction.atomic():
        # The row lock keeps two workers from sending the same message twice.
        row = (
            Notification.objects.select_for_update()
            .filter(pk=pk, status=NotificationStatus.PENDING)
            .first()
        )
        if row is None:
            return True
        try:
            EmailMessage(row.subject, row.body, to=[row.recipient]).send()
        except Exception as error:
            row.attempts += 1
            row.last_error = f"{type(error).__name__}: {error}"[:1000]
            row.next_attempt_at = now + backoff(row.attempts)
            row.save(update_fields=["attempts", "last_error", "next_attempt_at"])
            # Only the kind of error: a mail server's message can name the recipient's address.
            logger.warning(
                "Email %s failed (attempt %s): %s", pk, row.attempts, type(error).__name__
            )
            return False
        row.status = NotificationStatus.SENT
        row.sent_at = now
        row.attempts += 1
        row.last_error = ""
        row.save(update_fields=["status", "sent_at", "attempts", "last_error"])
        return True


def send_pending(now=None, limit=200):
    """Send every message that is due. Returns (sent, failed) counts."""
    now = now or timezone.now()
    sent = failed = 0
    for pk in Notification.objects.due(now).values_list("pk", flat=True)[:limit]:
        if send_one(pk, now=now):
            sent += 1
        else:
            failed += 1
    return sent, failed
