"""The outbox: every email is a row written in the submission's transaction, sent after commit.

A row says what to send and for whom (its kind, and the submission or draft it is for); an
email that carries a link keeps the words with `LINK` where the link goes, and the sender
mints the link's token when the email actually goes out (recruitment/sending.py), so no
bearer token is ever stored in clear.
"""

from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.utils import timezone

from ..enums import NotificationKind, NotificationStatus

# Where a link minted at sending goes in a stored body (the last occurrence: it is written
# after anything an applicant typed).
LINK = "{link}"


class NotificationQuerySet(models.QuerySet):
    def due(self, now=None, stale_before=None):
        """Pending messages whose next attempt time has come, and claims left by a sender
        that stopped before marking its row (claimed before `stale_before`)."""
        now = now or timezone.now()
        due = Q(status=NotificationStatus.PENDING, next_attempt_at__lte=now)
        if stale_before is not None:
            due |= Q(status=NotificationStatus.SENDING, claimed_at__lt=stale_before)
        return self.filter(due)


class Notification(models.Model):
    """One email in the outbox: written with the submission, sent after commit, retried up
    to a maximum number of attempts, then Failed for staff to see."""

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
    # The submission it is for (None for a come-back link, or once the submission is gone).
    submission = GenericForeignKey("content_type", "object_id")
    # A come-back link's draft: when it is deleted (sent, or "delete my answers") the email
    # is not sent.
    draft = models.ForeignKey(
        "recruitment.Draft",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="notifications",
    )
    reference = models.CharField(max_length=20, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    next_attempt_at = models.DateTimeField(default=timezone.now)
    # When a sender took the row to send it (status SENDING): a claim older than
    # sending.STALE_CLAIM is a sender that died, and the row is due again.
    claimed_at = models.DateTimeField(null=True, blank=True)
    last_attempt_at = models.DateTimeField(null=True, blank=True)
    # The kind of the last error (and an SMTP code), never the server's words: they can name
    # the recipient's address.
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
