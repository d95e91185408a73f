"""Sending the outbox: claim a row, commit, send outside any transaction, then mark it.

Claiming is one conditional UPDATE (PENDING -> SENDING, or a stale SENDING claim taken
over), committed before anything is sent: of two senders racing on a row, on SQLite or
PostgreSQL, one claims it and the other moves on, and no transaction (or row lock) is held
while the mail server answers. An email carrying a link gets its token minted here, just
before it goes (recruitment/links.py); a failed send puts the previous link back.

A failure is recorded by its kind only (never the server's words, which can name the
address) and retried after 1, 2, 4, 8... minutes (at most 6 hours), up to
settings.RECRUITMENT_EMAIL_MAX_ATTEMPTS; then, or at once when the server refuses the
address for good, the row is FAILED and staff see it on the recruitment dashboard with a
Retry (notifications.retry). An email whose draft or submission has gone is CANCELLED, not
sent. tasks.send_notifications runs this after commit; `manage.py send_pending_notifications`
sends whatever is due.
"""

import datetime
import logging
import smtplib

from django.conf import settings
from django.core.mail import EmailMessage
from django.db.models import Q
from django.utils import timezone

from . import links
from .enums import NotificationKind, NotificationStatus
from .models import Notification
from .models.outbox import LINK

logger = logging.getLogger(__name__)

MAX_BACKOFF = datetime.timedelta(hours=6)
FIRST_BACKOFF = datetime.timedelta(minutes=1)
# A claim older than this belongs to a sender that died between claiming and marking: the
# row is due again. Far longer than any send (EMAIL_TIMEOUT is 10 s), so a slow sender is
# never overtaken and the email is not sent twice.
STALE_CLAIM = datetime.timedelta(minutes=15)

# What staff read for the kinds of error seen most (the kind itself follows in brackets).
ERROR_WORDS = {
    "ConnectionRefusedError": "The mail server could not be reached",
    "TimeoutError": "The mail server did not answer in time",
    "SMTPServerDisconnected": "The mail server closed the connection",
    "SMTPConnectError": "The mail server could not be reached",
    "SMTPAuthenticationError": "The mail server did not accept our sign-in",
    "SMTPRecipientsRefused": "The mail server refused the address",
    "SMTPSenderRefused": "The mail server refused our sending address",
    "SMTPDataError": "The mail server refused the email",
}

# Emails to the applicant: not sent once their personal data (their address) is erased.
TO_APPLICANT = {
    NotificationKind.ACKNOWLEDGEMENT,
    NotificationKind.STATUS_LINK,
    NotificationKind.MESSAGE,
}


class NothingToSend(Exception):
    """The email is not needed any more: the message says why (for staff, no personal data)."""


def backoff(attempts):
    """How long to wait after the nth failed attempt: 1, 2, 4, 8... minutes, at most 6 hours."""
    return min(FIRST_BACKOFF * (2 ** max(attempts - 1, 0)), MAX_BACKOFF)


def max_attempts():
    """Attempts before an email is marked Failed (RECRUITMENT_EMAIL_MAX_ATTEMPTS)."""
    return max(settings.RECRUITMENT_EMAIL_MAX_ATTEMPTS, 1)


def error_kind(error):
    """What is recorded of a failure: the exception's class and any SMTP codes, no words."""
    codes = []
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        codes = sorted({code for code, _words in error.recipients.values()})
    elif getattr(error, "smtp_code", None):
        codes = [error.smtp_code]
    return " ".join([type(error).__name__, *(str(code) for code in codes)])


def is_permanent(error):
    """True when retrying cannot help: every recipient refused with a 5xx code."""
    if isinstance(error, smtplib.SMTPRecipientsRefused) and error.recipients:
        return all(500 <= code < 600 for code, _words in error.recipients.values())
    return False


def describe_error(last_error):
    """A failure in staff's words, with its recorded kind: "The mail server ... (Kind 550)"."""
    if not last_error:
        return ""
    words = ERROR_WORDS.get(last_error.split(" ")[0])
    return f"{words} ({last_error})" if words else last_error


def claim(pk, now):
    """Take one row to send, or return False when it is not there to take (sent, claimed by
    another sender, failed, gone). One UPDATE, committed on its own before anything is sent."""
    claimable = Q(status=NotificationStatus.PENDING) | Q(
        status=NotificationStatus.SENDING, claimed_at__lt=now - STALE_CLAIM
    )
    taken = (
        Notification.objects.filter(pk=pk)
        .filter(claimable)
        .update(status=NotificationStatus.SENDING, claimed_at=now)
    )
    return taken == 1


def _mark(row, now, **fields):
    # Only our own claim: a row purged (or retried) meanwhile is left as it is.
    return Notification.objects.filter(
        pk=row.pk, status=NotificationStatus.SENDING, claimed_at=now
    ).update(claimed_at=None, **fields)


def _submission_of(row):
    if not row.content_type_id:
        return None
    model = row.content_type.model_class()
    return model.objects.select_related("page").filter(pk=row.object_id).first()


def compose(row, now):
    """The email to send for row, with any link minted now: (EmailMessage, undo or None).

    Raises NothingToSend when the draft or submission it is for has gone."""
    body, undo = row.body, None
    submission = _submission_of(row)
    if row.kind in TO_APPLICANT and (submission is None or submission.is_erased):
        raise NothingToSend("Not sent: the application's personal data has been removed")
    if row.kind == NotificationKind.RESUME_LINK:
        if row.draft is None:
            raise NothingToSend("Not sent: the unfinished application was sent or deleted")
        url, undo = links.mint_resume_link(row.draft, now)
        body = fill_link(body, url)
    elif row.kind in (NotificationKind.ACKNOWLEDGEMENT, NotificationKind.STATUS_LINK):
        minted = links.mint_status_link(submission, now)
        if minted is None and row.kind == NotificationKind.STATUS_LINK:
            raise NothingToSend("Not sent: its form page has been deleted")
        if minted is None:
            # The acknowledgement still carries the reference; without the form page there
            # is no status page to link to.
            body = body.replace(links.status_paragraph(LINK), "")
        else:
            url, undo = minted
            body = fill_link(body, url)
    reply_to = notification_reply_to(row)
    message = EmailMessage(row.subject, body, to=[row.recipient], reply_to=reply_to)
    return message, undo


def fill_link(body, url):
    """The stored body with the link where `LINK` stands (its last occurrence: anything an
    applicant typed comes before it)."""
    head, found, tail = body.rpartition(LINK)
    return f"{head}{url}{tail}" if found else body


def notification_reply_to(row):
    """Reply-To of an email: the team's address for their messages, when one is set."""
    if row.kind == NotificationKind.MESSAGE and settings.RECRUITMENT_REPLY_TO:
        return [settings.RECRUITMENT_REPLY_TO]
    return None


def send_one(pk, now=None):
    """Send one outbox row if it is there to claim. Returns its status afterwards (SENT,
    PENDING for a retry later, FAILED, CANCELLED), or None when there was nothing to claim.

    Call it outside any transaction (tasks run after commit): the claim must commit before
    the mail server is asked, or another sender could send the same email."""
    now = now or timezone.now()
    if not claim(pk, now):
        return None
    row = Notification.objects.select_related("content_type", "draft").get(pk=pk)
    try:
        message, undo = compose(row, now)
    except NothingToSend as why:
        _mark(row, now, status=NotificationStatus.CANCELLED, last_error=str(why))
        return NotificationStatus.CANCELLED
    try:
        message.send()
    except Exception as error:
        if undo is not None:
            undo()  # nobody received the new link: the one before keeps working
        return _failed(row, error, now)
    _mark(
        row,
        now,
        status=NotificationStatus.SENT,
        sent_at=now,
        last_attempt_at=now,
        attempts=row.attempts + 1,
        last_error="",
    )
    return NotificationStatus.SENT


def _failed(row, error, now):
    attempts = row.attempts + 1
    kind = error_kind(error)
    give_up = attempts >= max_attempts() or is_permanent(error)
    status = NotificationStatus.FAILED if give_up else NotificationStatus.PENDING
    _mark(
        row,
        now,
        status=status,
        attempts=attempts,
        last_attempt_at=now,
        last_error=kind,
        next_attempt_at=now + backoff(attempts),
    )
    # Only the kind of error: a mail server's message can name the recipient's address.
    if give_up:
        logger.error("Email %s failed for good after %s attempt(s): %s", row.pk, attempts, kind)
    else:
        logger.warning("Email %s failed (attempt %s): %s", row.pk, attempts, kind)
    return status


def send_pending(now=None, limit=200):
    """Send every message that is due (stale claims included). Returns (sent, failed)
    counts: failed counts attempts that failed, whether retried later or given up."""
    now = now or timezone.now()
    sent = failed = 0
    due = Notification.objects.due(now, stale_before=now - STALE_CLAIM)
    for pk in due.order_by("next_attempt_at", "pk").values_list("pk", flat=True)[:limit]:
        status = send_one(pk, now=now)
        if status == NotificationStatus.SENT:
            sent += 1
        elif status in (NotificationStatus.PENDING, NotificationStatus.FAILED):
            failed += 1
    return sent, failed
