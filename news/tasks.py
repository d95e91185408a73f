"""Background tasks (django-tasks): the daily reminder of appeals due for review.

No outbox table: the reminder is worked out afresh from the appeals on every attempt, so a
mail failure loses nothing. A failed send is retried every 30 minutes (up to a day) by a
queued task, and tomorrow's run reminds about the same appeals if they are still due.
"""

import datetime
import logging

from django.db import transaction
from django.utils import timezone
from django_tasks import TaskResultStatus, task
from django_tasks_db import DatabaseBackend
from django_tasks_db.models import DBTaskResult
from wagtail.models import Site

from . import appeals

logger = logging.getLogger(__name__)

REMINDER_INTERVAL = datetime.timedelta(hours=24)
RETRY_AFTER = datetime.timedelta(minutes=30)
MAX_ATTEMPTS = 48


def _can_run_later(task_):
    backend = task_.get_backend()
    return backend.supports_defer and isinstance(backend, DatabaseBackend)


def send_or_retry(attempt=1):
    """Send today's reminder; on a mail failure queue another attempt, then re-raise."""
    try:
        return {"appeals": appeals.send_review_reminder()}
    except Exception:  # SMTP and socket errors have many classes: whichever it is, retry
        logger.exception("Appeals review reminder not sent (attempt %s)", attempt)
        if attempt < MAX_ATTEMPTS and _can_run_later(retry_appeals_reminder):
            retry_appeals_reminder.using(run_after=timezone.now() + RETRY_AFTER).enqueue(
                attempt + 1
            )
        raise


@task()
def remind_appeals_due_daily():
    """The daily reminder, run by `manage.py db_worker`; it queues its own next run first, so
    a failing run does not stop the schedule."""
    schedule_reminders(timezone.now() + REMINDER_INTERVAL)
    return send_or_retry()


@task()
def retry_appeals_reminder(attempt):
    """Another go at a reminder whose email failed."""
    return send_or_retry(attempt)


def schedule_reminders(run_after=None):
    """Queue the daily reminder at run_after (default: now) unless a run is already waiting.

    Returns when the waiting run will start, or None when the task backend cannot run tasks
    later (the immediate backend): then run `send_appeal_reminders` from cron instead.
    """
    daily = remind_appeals_due_daily
    if not _can_run_later(daily):
        return None
    backend = daily.get_backend()
    with transaction.atomic():
        # The default site's row is the lock: two deploys starting the schedule queue one run.
        Site.objects.select_for_update().filter(is_default_site=True).first()
        waiting = (
            DBTaskResult.objects.filter(
                task_path=daily.module_path,
                backend_name=backend.alias,
                status=TaskResultStatus.READY,
            )
            .order_by("run_after")
            .first()
        )
        if waiting is not None:
            return waiting.run_after
        run_after = run_after or timezone.now()
        daily.using(run_after=run_after).enqueue()
        return run_after
