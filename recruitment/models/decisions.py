"""Reasons for a decision: the list recruitment managers keep, chosen when an application ends."""

from django.db import models

from ..enums import ReasonOutcome


class DecisionReasonQuerySet(models.QuerySet):
    def for_outcome(self, outcome):
        """The active reasons offered for one outcome, in the managers' order."""
        return self.filter(active=True, outcome=outcome).order_by("sort_order", "label")


class DecisionReason(models.Model):
    """Why an application was rejected, declined or withdrawn: one line of a managed list."""

    label = models.CharField(max_length=120, unique=True)
    outcome = models.CharField(max_length=10, choices=ReasonOutcome.choices)
    sort_order = models.PositiveSmallIntegerField(
        default=0, help_text="Lower numbers come first in the list recruiters choose from."
    )
    active = models.BooleanField(
        default=True,
        help_text="Untick to stop offering this reason; decisions already made keep it.",
    )

    objects = DecisionReasonQuerySet.as_manager()

    class Meta:
        ordering = ["outcome", "sort_order", "label"]
        verbose_name = "decision reason"

    def __str__(self):
        return self.label
