"""Background tasks (django-tasks): sending the outbox, and the daily retention purge.

Their paths (recruitment.tasks.<name>) are stored with each queued run: moving a task strands
the runs already queued.
"""

import datetime
import logging

from django.db import transaction
from django.utils import timezone
from django_tasks import TaskResultStatus, task
from django_tasks_db import DatabaseBackend
from django_tasks_db.models import DBTaskResult

from . import retention, sending
from .enums import NotificationStatus
from .models import Notification, RecruitmentSettings

logger = logging.getLogger(__name__)

PURGE_INTERVAL = datetime.timedelta(hours=24)


@task()
def send_notifications(notification_ids):
    """Send these outbox rows; schedule a retry for any that failed and will be tried again
    (when the backend can run tasks later). Only row ids travel: never an address or a link."""
    outcomes = {pk: sending.send_one(pk) for pk in notification_ids}
    retry = [pk for pk, status in outcomes.items() if status == NotificationStatus.PENDING]
    if retry:
        due = (
            Notification.objects.filter(pk__in=retry)
            .order_by("next_attempt_at")
            .values_list("next_attempt_at", flat=True)
            .first()
        )
        enqueue_sending(retry, run_after=due or timezone.now())
    statuses = list(outcomes.values())
    return {
        "sent": statuses.count(NotificationStatus.SENT),
        "retrying": len(retry),
        "failed": statuses.count(NotificationStatus.FAILED),
    }


def enqueue_sending(ids, run_after=None):
    """Hand the sending to a background task; if the queue itself fails, the rows stay pending."""
    sender = send_notifications
    if run_after is not None:
        if not sender.get_backend().supports_defer:
            return  # `manage.py send_pending_notifications` picks them up when due
        sender = sender.using(run_after=run_after)
    try:
        sender.enqueue(ids)
    except Exception:
        logger.exception("Could not queue notifications %s; they stay pending", ids)


@task()
def purge_expired_submissions_daily():
    """The retention purge, run by `manage.py db_worker`; it queues its own next run first,
    so a failing run does not stop the schedule."""
    schedule_purge(timezone.now() + PURGE_INTERVAL)
    return retention.purge_expired_submissions()


def schedule_purge(run_after=None):
    """Queue the daily purge at run_after (default: now) unless a run is already waiting.

    Returns when the waiting run will start, or None when the task backend cannot run tasks
    later (the immediate backend): then run `purge_expired_submissions` from cron instead.
    """
    daily = purge_expired_submissions_daily
    backend = daily.get_backend()
    if not (backend.supports_defer and isinstance(backend, DatabaseBackend)):
        return None
    with transaction.atomic():
        # The settings row is the lock: two deploys starting the schedule at once queue one run.
        RecruitmentSettings.load()
        RecruitmentSettings.objects.select_for_update().first()
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
