"""Background tasks (django-tasks): sending the outbox."""

from django.utils import timezone
from django_tasks import task

from . import notifications
from .models import Notification


@task()
def send_notifications(notification_ids):
    """Send these outbox rows; schedule a retry for any that failed (when the backend can)."""
    failed = [pk for pk in notification_ids if not notifications.send_one(pk)]
    if failed:
        due = (
            Notification.objects.filter(pk__in=failed)
            .order_by("next_attempt_at")
            .values_list("next_attempt_at", flat=True)
            .first()
        )
        notifications.enqueue_sending(failed, run_after=due or timezone.now())
    return {"sent": len(notification_ids) - len(failed), "failed": len(failed)}
