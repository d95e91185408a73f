"""The outbox's emails: what each one says, written as rows with the submission and handed to
the sender after commit (tasks.enqueue_sending; sending.py sends and retries them).

A submission and its outbox rows commit together, so an email can be late but never lost,
and a failing mail server never blocks or loses a submission. An email that carries a link
is stored with `LINK` where the link goes and the submission or draft it is for: the sender
mints the link when the email goes out (recruitment/links.py), so no token is ever stored.
"""

import html

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.html import strip_tags
from wagtail.log_actions import log
from wagtail.models import Site

from cms.models import SiteSettings

from . import links
from .enums import NotificationKind, NotificationStatus
from .models import Notification
from .models.outbox import LINK
from .queues import queue_for
from .tasks import enqueue_sending


def _site_settings(page):
    """The site settings of the form's site, or of the default site when the submission has
    no form page (it was deleted since); None without any site."""
    site = page.get_site() if page else None
    site = site or Site.objects.filter(is_default_site=True).first()
    return SiteSettings.for_site(site) if site else None


def _force_name(page):
    """The force's name from the site settings (those of the form's site)."""
    site_settings = _site_settings(page)
    return site_settings.force_name if site_settings else SiteSettings().force_name


def next_steps(page, submission):
    """What happens next, in the same words as the thank-you page: its text (as plain text),
    else what the applicant's status page says of a new submission (recruitment/queues)."""
    text = strip_tags(page.thank_you_text).strip() if page is not None else ""
    text = html.unescape(" ".join(text.split()))
    return text or queue_for(submission).stage(submission.status_enum.NEW).next


def _greeting(submission):
    return getattr(submission, "first_name", "") or getattr(submission, "contact_name", "")


def acknowledgement(submission, page):
    """The applicant's email: their reference, what happens next (as the thank-you page) and
    their status link (minted when it is sent)."""
    force = _force_name(page)
    kind = submission._meta.verbose_name
    body = (
        f"Dear {_greeting(submission)},\n\n"
        f"Thank you. {force} has received your {kind}.\n\n"
        f"Your reference number is {submission.reference}\n\n"
        f"What happens next: {next_steps(page, submission)}\n\n"
        "Quote your reference number if you contact us about it.\n\n"
        f"{links.status_paragraph(LINK)}"
        "If you did not send this, you can ignore this email.\n\n"
        f"{force}\n"
    )
    return {
        "kind": NotificationKind.ACKNOWLEDGEMENT,
        "recipient": submission.email,
        "subject": f"Your {kind}: {submission.reference}",
        "body": body,
    }


def team_notice(submission, page):
    """The team's email: the reference and an admin link, and no personal data at all."""
    kind = submission._meta.verbose_name
    link = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + submission.admin_url()
    body = (
        f"A new {kind} is waiting in the recruitment queue.\n\n"
        f"Reference: {submission.reference}\n"
        f"Open it in the admin: {link}\n\n"
        "This email holds no personal details. Sign in to the admin to see them.\n"
    )
    return {
        "kind": NotificationKind.TEAM_NOTICE,
        "recipient": page.notify_email,
        "subject": f"New {kind}: {submission.reference}",
        "body": body,
    }


def queue_for_submission(submission, page):
    """Write the outbox rows for a new submission (inside its transaction) and send on commit."""
    messages = [acknowledgement(submission, page)]
    if page is not None and page.notify_email:
        messages.append(team_notice(submission, page))
    rows = [
        submission.notifications.create(reference=submission.reference, **message)
        for message in messages
    ]
    ids = [row.pk for row in rows]
    transaction.on_commit(lambda: enqueue_sending(ids))
    return rows


def message_values(submission, paragraph=""):
    """What a message template's placeholders stand for, for one submission."""
    return {
        "first_name": _greeting(submission).split(" ")[0] if _greeting(submission) else "",
        "reference": submission.reference,
        "stage": submission.get_status_display(),
        "paragraph": paragraph.strip(),
    }


def reply_to():
    """Where replies to the recruitment team's messages go (RECRUITMENT_REPLY_TO), or None."""
    return settings.RECRUITMENT_REPLY_TO or None


def how_to_answer(page):
    """The end of a message from the team: reply, when replies reach someone; else how to
    reach the team, because the sender's address is not read."""
    if reply_to():
        return "You can reply to this email."
    site_settings = _site_settings(page)
    ways = []
    if site_settings and site_settings.contact_email:
        ways.append(f"email {site_settings.contact_email}")
    if site_settings and site_settings.contact_phone:
        ways.append(f"call {site_settings.contact_phone}")
    if not ways:
        return "Replies to this email are not read. Quote your reference number if you contact us."
    return (
        f"Replies to this email are not read. To contact us, {' or '.join(ways)} and quote "
        "your reference number."
    )


def send_message(submission, template, paragraph, by):
    """Email the applicant from a manager's template, through the outbox, and record it.

    The history names the template, never the words or the address. Raises ValueError when
    the submission's personal data (and so its address) is gone.
    """
    if submission.is_erased or not submission.email:
        raise ValueError("Its personal data has been removed, so there is nobody to email.")
    subject, body = template.render(message_values(submission, paragraph))
    body = body.rstrip() + f"\n\nYour reference number is {submission.reference}\n\n"
    body += f"{how_to_answer(submission.page)}\n\n{_force_name(submission.page)}\n"
    message = {
        "kind": NotificationKind.MESSAGE,
        "recipient": submission.email,
        "subject": subject,
        "body": body,
        "template_name": template.name,
    }
    with transaction.atomic():
        row = _queue(message, submission)
        log(submission, "recruitment.message", user=by, data={"template": template.name})
    return row


def last_message_sent(submission):
    """When the recruitment team last emailed the applicant (None if never, or not yet sent).

    For the applicant's status page: "We emailed you on 30 Nov 2026".
    """
    return (
        submission.notifications.filter(
            kind=NotificationKind.MESSAGE, status=NotificationStatus.SENT
        )
        .order_by("-sent_at")
        .values_list("sent_at", flat=True)
        .first()
    )


def emailed_about_status(submission):
    """What the applicant's status page may say of the team's emails: (when the last one was
    sent, whether it was sent since the submission reached its current status), or (None,
    False) when none was. Only a message really sent counts: a queued or failed one says
    nothing, so the page never claims "we have written to you" when nobody did.
    """
    sent = last_message_sent(submission)
    return sent, sent is not None and sent >= submission.status_changed_at


def _queue(message, submission=None, draft=None):
    """Write one outbox row now and hand it to the sender once the transaction commits."""
    if submission is None:
        row = Notification.objects.create(draft=draft, **message)
    else:
        row = submission.notifications.create(reference=submission.reference, **message)
    transaction.on_commit(lambda: enqueue_sending([row.pk]))
    return row


def queue_resume_link(draft, email, page, queue):
    """The "come back later" email for draft: its link is minted when it is sent."""
    force = _force_name(page)
    body = (
        f"You asked for a link to come back to your {queue.noun} to {force}.\n\n"
        f"Continue your {queue.noun}:\n{LINK}\n\n"
        f"The link works once, for {links.RESUME_LINK_DAYS} days. Keep it private: anyone "
        "with it can see your answers. You can ask for a new link from the form at any "
        "time.\n\n"
        "If you did not ask for this, you can ignore this email.\n\n"
        f"{force}\n"
    )
    return _queue(
        {
            "kind": NotificationKind.RESUME_LINK,
            "recipient": email,
            "subject": f"Continue your {queue.noun}",
            "body": body,
        },
        draft=draft,
    )


def queue_status_link(submission, page):
    """A fresh link to a submission's status page, asked for by its applicant (minted when
    it is sent)."""
    force = _force_name(page)
    body = (
        f"You asked for the link to see where your {submission._meta.verbose_name} "
        f"{submission.reference} is.\n\n{links.status_paragraph(LINK)}"
        "Any link we sent before no longer works.\n\n"
        "If you did not ask for this, you can ignore this email.\n\n"
        f"{force}\n"
    )
    return _queue(
        {
            "kind": NotificationKind.STATUS_LINK,
            "recipient": submission.email,
            "subject": f"Your {submission._meta.verbose_name}: {submission.reference}",
            "body": body,
        },
        submission,
    )


def retry(row, by):
    """Send a Failed email again (a recruiter's Retry): a fresh set of attempts, at once.

    Returns False when it is no longer Failed (someone retried it already, or it was purged).
    Recorded in the submission's history when it has one (the kind, never the words)."""
    with transaction.atomic():
        retried = Notification.objects.filter(pk=row.pk, status=NotificationStatus.FAILED).update(
            status=NotificationStatus.PENDING,
            attempts=0,
            next_attempt_at=timezone.now(),
            claimed_at=None,
        )
        if not retried:
            return False
        target = row.submission if row.content_type_id else None
        if target is not None:
            log(target, "recruitment.email_retry", user=by, data={"kind": row.get_kind_display()})
        transaction.on_commit(lambda: enqueue_sending([row.pk]))
    return True
