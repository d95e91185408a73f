"""The outbox: every email is a row written in the submission's transaction, sent after commit."""

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone

from ..enums import NotificationKind, NotificationStatus


class NotificationQuerySet(models.QuerySet):
    def due(self, now=None):
        """Pending messages whose next attempt time has come."""
        now = now or timezone.now()
        return self.filter(status=NotificationStatus.PENDING, next_attempt_at__lte=now)


class Notification(models.Model):
    """One email in the outbox: written with the submission, sent after commit, retried."""

    kind = models.CharField(max_length=20, choices=NotificationKind.choices)
    status = models.CharField(
        max_length=10,
        choices=NotificationStatus.choices,
        default=NotificationStatus.PENDING,
        db_index=True,
    )
    recipient = models.EmailField()
    subject = models.CharField(max_length=200)
    body = models.TextField()
    content_type = models.ForeignKey(
        ContentType, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    object_id = models.PositiveBigIntegerField(null=True)
    reference = models.CharField(max_length=20, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    next_attempt_at = models.DateTimeField(default=timezone.now)
    last_error = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    sent_at = models.DateTimeField(null=True, blank=True)
    # For a message from the recruitment team: the template's name (what history shows).
    template_name = models.CharField(max_length=80, blank=True)

    objects = NotificationQuerySet.as_manager()

    class Meta:
        ordering = ["created_at"]

    def __str__(self):
        return f"{self.get_kind_display()} {self.reference} ({self.get_status_display()})"
