"""Retention: after a final decision has been kept long enough, the personal data goes.

The periods are a setting staff change in the admin (`RecruitmentSettings`). What remains of an
anonymised submission (reference, status, area, dates, yes/no answers) identifies nobody and
keeps the counts the force reports on (per status, area and month). Erasure on request
(`data_requests.erase`) clears a submission the same way, through `anonymise`.
"""

import calendar
import datetime

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.text import capfirst
from wagtail.log_actions import log

from . import triage
from .enums import NotificationStatus, RemovalReason
from .models import SUBMISSION_MODELS, Draft, Notification, RecruitmentSettings
from .queues import queue_for
from .workflows import ChangedMeanwhile

PURGE_ACTION = "recruitment.purge"
ANONYMISE = "recruitment.anonymise"
ERASE = "recruitment.erase"
SENT_EMAILS = "Sent emails"
UNSENT_EMAILS = "Emails not sent"
DRAFTS = "Unfinished applications"


def count_name(model):
    """How a run's counts name a queue: "Special Constable applications"."""
    return str(capfirst(model._meta.verbose_name_plural))


def months_before(moment, months):
    """The same date and time `months` calendar months earlier (the 31st becomes the 30th...)."""
    year, month = divmod(moment.year * 12 + moment.month - 1 - months, 12)
    day = min(moment.day, calendar.monthrange(year, month + 1)[1])
    return moment.replace(year=year, month=month + 1, day=day)


def due(model, now=None, periods=None):
    """Submissions of model whose retention period after their final status has passed."""
    now = now or timezone.now()
    periods = periods or RecruitmentSettings.load()
    queue = queue_for(model)
    expired = Q(pk__in=[])
    for status, next_moves in queue.transitions.items():
        if not next_moves:  # a final status
            cutoff = months_before(now, queue.retention_months(periods, status))
            expired |= Q(status=status, decided_at__lt=cutoff)
    return model.objects.filter(anonymised_at__isnull=True, decided_at__isnull=False).filter(
        expired
    )


def anonymise(submission, action=ANONYMISE, by=None, now=None):
    """Clear the personal fields, notes and emails of one submission, and record that.

    An open submission (erased on request) is withdrawn first, through the same move as
    staff's (triage.move, with its own history entry): nobody can progress an application
    that no longer says who made it. If a colleague changed its status meanwhile, that change
    stands: a decision is kept as made, a submission still open is withdrawn from where it
    now is. Only the fields erasure clears are written, so nothing changed concurrently is
    overwritten. The submission keeps when, why (retention or the applicant's request) and by
    whom; the history entry names who ("retention" when the period ended) and why, and the
    reference only.
    """
    now = now or timezone.now()
    reason = RemovalReason.REQUEST if action == ERASE else RemovalReason.RETENTION
    with transaction.atomic():
        while submission.is_open:
            try:
                triage.move(submission, submission.status_enum.WITHDRAWN, by=by, on_erasure=True)
            except ChangedMeanwhile:
                continue  # re-read by the refusal: a decision now stands, else withdraw again
        cleared = {}
        for name in queue_for(submission).personal_fields:
            field = submission._meta.get_field(name)
            cleared[name] = None if field.null else ""
        cleared.update(
            anonymised_at=now, removal_reason=reason, removed_by=by, updated_at=timezone.now()
        )
        type(submission).objects.filter(pk=submission.pk).update(**cleared)
        for name, value in cleared.items():
            setattr(submission, name, value)
        submission.notes.all().delete()
        submission.notifications.all().delete()
        log(submission, action, user=by, data={"reason": reason})


def expired_sent_notifications(now=None, periods=None):
    """Sent emails kept past their period: their bodies hold names and addresses."""
    now = now or timezone.now()
    periods = periods or RecruitmentSettings.load()
    cutoff = now - datetime.timedelta(days=periods.sent_email_retention_days)
    return Notification.objects.filter(status=NotificationStatus.SENT, sent_at__lt=cutoff)


def expired_unsent_notifications(now=None, periods=None):
    """Emails never sent (failed, cancelled, or still waiting) kept past their period after
    they were written: their bodies hold names and addresses too."""
    now = now or timezone.now()
    periods = periods or RecruitmentSettings.load()
    cutoff = now - datetime.timedelta(days=periods.unsent_email_retention_days)
    return Notification.objects.exclude(status=NotificationStatus.SENT).filter(
        created_at__lt=cutoff
    )


def expired_drafts(now=None, periods=None):
    """Drafts (answers not sent) untouched for longer than their retention period."""
    now = now or timezone.now()
    periods = periods or RecruitmentSettings.load()
    cutoff = now - datetime.timedelta(days=periods.draft_retention_days)
    return Draft.objects.filter(updated_at__lt=cutoff)


def purge_expired_submissions(now=None, dry_run=False, by=None):
    """Anonymise every expired submission; delete expired emails (sent or not) and drafts.

    Returns {what: count}. Each run (a dry run too) leaves one audit entry with the counts on
    the retention settings, shown in Reports > Site history.
    """
    now = now or timezone.now()
    periods = RecruitmentSettings.load()
    counts = {}
    with transaction.atomic():
        for model in SUBMISSION_MODELS:
            submissions = list(due(model, now, periods))
            counts[count_name(model)] = len(submissions)
            if not dry_run:
                for submission in submissions:
                    anonymise(submission, now=now)
        emails = expired_sent_notifications(now, periods)
        counts[SENT_EMAILS] = emails.count() if dry_run else emails.delete()[0]
        unsent = expired_unsent_notifications(now, periods)
        counts[UNSENT_EMAILS] = unsent.count() if dry_run else unsent.delete()[0]
        drafts = expired_drafts(now, periods)
        counts[DRAFTS] = drafts.count() if dry_run else drafts.delete()[0]
        log(periods, PURGE_ACTION, user=by, data={"dry_run": dry_run, "counts": counts})
    return counts


def describe_run(data):
    """One line for a retention run's audit entry: "Anonymised 2 Special Constable ..."."""
    held = data.get("counts", {})
    # In the order runs count them: PostgreSQL's jsonb does not keep a dict's key order.
    order = [count_name(model) for model in SUBMISSION_MODELS] + [
        SENT_EMAILS,
        UNSENT_EMAILS,
        DRAFTS,
    ]
    names = sorted(held, key=lambda name: order.index(name) if name in order else len(order))
    counts = "; ".join(f"{name}: {held[name]}" for name in names)
    if data.get("dry_run"):
        return f"Dry run, nothing changed. Due: {counts}"
    return f"Personal data removed. {counts}"
