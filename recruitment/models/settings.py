"""Recruitment settings staff change in the admin: how long personal data is kept."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from wagtail.admin.panels import MultiFieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting


def _months_field(verbose_name, default, help_text):
    return models.PositiveSmallIntegerField(
        verbose_name,
        default=default,
        validators=[
            MinValueValidator(1, "Keep personal data for at least 1 month."),
            MaxValueValidator(120, "Keep personal data for at most 120 months (10 years)."),
        ],
        help_text=help_text,
    )


@register_setting(icon="lock")
class RecruitmentSettings(BaseGenericSetting):
    """How long each queue keeps personal data after a final status. Staff set it in the admin;
    `purge_expired_submissions` (daily) applies it."""

    special_retention_months = _months_field(
        "Special Constable applications",
        12,
        "Months after an application is rejected or withdrawn before its personal data is removed.",
    )
    appointed_retention_months = _months_field(
        "Appointed Special Constables",
        24,
        "Months after a Special Constable is appointed before the application's personal data "
        "is removed. At least as long as for other applications.",
    )
    mini_police_retention_months = _months_field(
        "Mini Police registrations",
        12,
        "Months after a registration is active, declined or withdrawn before the school "
        "contact's personal data is removed.",
    )
    sent_email_retention_days = models.PositiveSmallIntegerField(
        "Sent emails",
        default=30,
        validators=[
            MinValueValidator(1, "Keep sent emails for at least 1 day."),
            MaxValueValidator(365, "Keep sent emails for at most 365 days."),
        ],
        help_text="Days a sent email (it holds the applicant's name and address) stays in the "
        "outbox.",
    )
    unsent_email_retention_days = models.PositiveSmallIntegerField(
        "Emails not sent",
        default=30,
        validators=[
            MinValueValidator(1, "Keep emails that were not sent for at least 1 day."),
            MaxValueValidator(365, "Keep emails that were not sent for at most 365 days."),
        ],
        help_text="Days an email that could not be sent (failed, not needed any more, or still "
        "waiting) stays in the outbox after it was written. Failed emails can be retried "
        "from the Recruitment home until then.",
    )
    draft_retention_days = models.PositiveSmallIntegerField(
        "Unfinished applications",
        default=30,
        validators=[
            MinValueValidator(1, "Keep unfinished applications for at least 1 day."),
            MaxValueValidator(365, "Keep unfinished applications for at most 365 days."),
        ],
        help_text="Days an application that was started but not sent is kept after its last "
        "change. Then its answers are deleted.",
    )

    panels = [
        MultiFieldPanel(
            [
                "special_retention_months",
                "appointed_retention_months",
                "mini_police_retention_months",
            ],
            heading="Personal data kept after a final status (months)",
        ),
        "sent_email_retention_days",
        "unsent_email_retention_days",
        "draft_retention_days",
    ]

    class Meta:
        verbose_name = "Recruitment data retention"
        permissions = [
            (
                "manage_personal_data",
                "Can find, export and erase all personal data held for an applicant",
            )
        ]

    def __str__(self):
        # The audit log labels retention runs with this.
        return "Recruitment data retention"

    def clean(self):
        super().clean()
        special, appointed = self.special_retention_months, self.appointed_retention_months
        if special and appointed and appointed < special:
            raise ValidationError(
                {
                    "appointed_retention_months": (
                        f"Keep appointed Special Constables at least as long as other "
                        f"applications ({special} months)."
                    )
                }
            )
