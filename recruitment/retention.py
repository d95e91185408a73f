"""Retention: after a final decision has been kept long enough, the personal data goes.

What remains of an anonymised submission (reference, status, area, dates, yes/no answers)
identifies nobody and keeps the counts the force reports on.
"""

import datetime

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from wagtail.log_actions import log

from .enums import NotificationStatus
from .models import SUBMISSION_MODELS, Note, Notification


def due(model, now=None):
    """Submissions of model whose retention period after the final decision has passed."""
    now = now or timezone.now()
    short = now - datetime.timedelta(days=settings.RECRUITMENT_RETENTION_DAYS)
    long = now - datetime.timedelta(days=settings.RECRUITMENT_RETENTION_LONG_DAYS)
    return model.objects.filter(anonymised_at__isnull=True, decided_at__isnull=False).filter(
        Q(decided_at__lt=long)
        | (Q(decided_at__lt=short) & ~Q(status__in=model.long_retention_statuses))
    )


def anonymise(submission, now=None):
    """Clear the personal fields, notes and emails of one submission, and record that."""
    now = now or timezone.now()
    with transaction.atomic():
        for name in submission.personal_fields:
            field = submission._meta.get_field(name)
            setattr(submission, name, None if field.null else "")
        submission.anonymised_at = now
        submission.save()
        content_type = ContentType.objects.get_for_model(submission)
        Note.objects.filter(content_type=content_type, object_id=submission.pk).delete()
        Notification.objects.filter(content_type=content_type, object_id=submission.pk).delete()
        log(submission, "recruitment.anonymise", user=None)


def purge_sent_notifications(now=None):
    """Delete sent emails after a while: their bodies hold names. Returns how many."""
    now = now or timezone.now()
    cutoff = now - datetime.timedelta(days=settings.RECRUITMENT_SENT_EMAIL_DAYS)
    deleted, _ = Notification.objects.filter(
        status=NotificationStatus.SENT, sent_at__lt=cutoff
    ).delete()
    return deleted


def apply_retention(now=None, dry_run=False):
    """Anonymise everything that is due; returns {model verbose name: count}."""
    now = now or timezone.now()
    counts = {}
    for model in SUBMISSION_MODELS:
        submissions = list(due(model, now))
        counts[str(model._meta.verbose_name_plural)] = len(submissions)
        if not dry_run:
            for submission in submissions:
                anonymise(submission, now)
    if not dry_run:
        counts["sent emails deleted"] = purge_sent_notifications(now)
    return counts
