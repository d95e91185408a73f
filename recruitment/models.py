"""Recruitment form pages, the typed submissions they store, notes, the outbox and references."""

import datetime

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models.functions import Upper
from django.urls import reverse
from django.utils import timezone
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, PageChooserPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting
from wagtail.fields import RichTextField
from wagtail.models import Page

from . import workflows
from .enums import (
    HeardAbout,
    MiniPoliceStatus,
    NotificationKind,
    NotificationStatus,
    PreferredRole,
    SpecialStatus,
)

RICH_TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul", "h2", "h3"]


# --- Form pages -----------------------------------------------------------------------------


class RecruitmentFormPage(RoutablePageMixin, Page):
    """A page that serves one code-defined recruitment form. Editors own the words around it."""

    intro = RichTextField(blank=True, features=RICH_TEXT_FEATURES)
    eligibility = RichTextField(
        blank=True,
        features=RICH_TEXT_FEATURES,
        help_text="Who can apply, shown before the form.",
    )
    privacy_notice_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The privacy notice applicants agree to.",
    )
    privacy_notice_version = models.CharField(
        max_length=20,
        default="1",
        help_text="Recorded with each submission's consent. Raise it when the notice changes.",
    )
    thank_you_text = RichTextField(
        blank=True,
        features=RICH_TEXT_FEATURES,
        help_text="What happens next, shown with the reference number after sending.",
    )
    is_open = models.BooleanField(
        "Open for submissions",
        default=True,
        help_text="A closed form says so and accepts nothing.",
    )
    closing_date = models.DateField(
        null=True, blank=True, help_text="The last day the form accepts submissions."
    )
    closed_text = RichTextField(
        blank=True,
        features=RICH_TEXT_FEATURES,
        help_text="Shown instead of the form when it is closed.",
    )
    notify_email = models.EmailField(
        "Team notification address",
        blank=True,
        help_text="Told (without personal details) when something new arrives.",
    )

    content_panels = [
        *Page.content_panels,
        "intro",
        "eligibility",
        MultiFieldPanel(
            [PageChooserPanel("privacy_notice_page"), "privacy_notice_version"],
            heading="Privacy notice",
        ),
        "thank_you_text",
        MultiFieldPanel(
            ["is_open", "closing_date", "closed_text", "notify_email"], heading="Availability"
        ),
    ]
    parent_page_types = ["cms.ProgrammePage"]
    subpage_types = []

    class Meta:
        abstract = True

    @property
    def accepting_submissions(self):
        """True while the form is open and its closing date (if any) has not passed."""
        if not self.is_open:
            return False
        if self.closing_date is None:
            return True
        return timezone.localdate() <= self.closing_date

    def get_form_class(self):
        raise NotImplementedError

    def get_submission_model(self):
        return self.get_form_class()._meta.model

    # Serving lives in recruitment.views so the page model stays about content.
    @path("")
    def form_route(self, request):
        from .views import serve_form

        return serve_form(self, request)

    @path("thank-you/")
    def thank_you_route(self, request):
        from .views import serve_thank_you

        return serve_thank_you(self, request)


class SpecialConstableFormPage(RecruitmentFormPage):
    minimum_age = models.PositiveSmallIntegerField(
        default=18, validators=[MinValueValidator(16), MaxValueValidator(99)]
    )

    content_panels = [*RecruitmentFormPage.content_panels, FieldPanel("minimum_age")]
    template = "recruitment/special_constable_form_page.html"
    max_count = 1

    class Meta:
        verbose_name = "Special Constable application form"

    def get_form_class(self):
        from .forms import SpecialConstableForm

        return SpecialConstableForm


class MiniPoliceFormPage(RecruitmentFormPage):
    template = "recruitment/mini_police_form_page.html"
    max_count = 1

    class Meta:
        verbose_name = "Mini Police school registration form"

    def get_form_class(self):
        from .forms import MiniPoliceForm

        return MiniPoliceForm


# --- Submissions ----------------------------------------------------------------------------


class ReferenceSequence(models.Model):
    """The last reference number handed out per prefix and year (SC-2026-000123)."""

    prefix = models.CharField(max_length=4)
    year = models.PositiveSmallIntegerField()
    last_number = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["prefix", "year"], name="unique_reference_sequence")
        ]


class Submission(models.Model):
    """What every recruitment submission has: reference, status, triage and consent."""

    reference_prefix = ""
    status_enum = None
    transitions = {}

    reference = models.CharField(max_length=20, unique=True, editable=False)
    idempotency_key = models.UUIDField(unique=True, editable=False)
    page = models.ForeignKey(
        "wagtailcore.Page", null=True, on_delete=models.SET_NULL, related_name="+", editable=False
    )
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    area = models.ForeignKey(
        "cms.Area",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="local policing area",
    )
    email = models.EmailField()
    phone = models.CharField(max_length=30)
    address_line_1 = models.CharField("Address line 1", max_length=120)
    address_line_2 = models.CharField("Address line 2", max_length=120, blank=True)
    town = models.CharField("Town or city", max_length=80)
    postcode = models.CharField(max_length=10)
    consent_notice_version = models.CharField(max_length=20, editable=False)
    consent_given_at = models.DateTimeField(editable=False)
    possible_duplicate = models.BooleanField(default=False)
    submitted_at = models.DateTimeField(default=timezone.now, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)
    decided_at = models.DateTimeField(
        null=True, blank=True, editable=False, help_text="When it reached a final status."
    )
    anonymised_at = models.DateTimeField(null=True, blank=True, editable=False)
    status_changed_at = models.DateTimeField(
        default=timezone.now, editable=False, help_text="When it reached its current status."
    )

    # Cleared by the retention command; what remains (status, area, dates) is only counts.
    personal_fields = ["email", "phone", "address_line_1", "address_line_2", "town", "postcode"]
    long_retention_statuses = []
    # Days an open submission may stay in one status before the queue flags it (others: default).
    waiting_limits = {}
    waiting_limit_default = workflows.WAITING_DAYS_DEFAULT

    class Meta:
        abstract = True
        ordering = ["-submitted_at"]

    def __str__(self):
        # The reference alone: audit log labels must not hold personal data.
        return self.reference

    @property
    def display_name(self):
        raise NotImplementedError

    @property
    def is_open(self):
        """True until the submission reaches a final status."""
        return bool(self.transitions.get(self.status))

    def allowed_moves(self):
        """The statuses this submission may move to next, as (value, label) pairs."""
        return [
            (s, self.status_enum(s).label)
            for s in workflows.allowed_moves(self.transitions, self.status)
        ]

    def admin_url(self):
        """The path of this submission's inspect view in the admin."""
        meta = self._meta
        return reverse(f"{meta.app_label}_{meta.model_name}_modeladmin_inspect", args=[self.pk])

    def waiting_limit(self):
        """Days this submission may stay in its current status before it is waiting too long."""
        return self.waiting_limits.get(self.status, self.waiting_limit_default)

    def is_waiting_too_long(self, now=None):
        """True when an open submission has stayed in its status past its waiting limit."""
        now = now or timezone.now()
        limit = datetime.timedelta(days=self.waiting_limit())
        return self.is_open and self.status_changed_at < now - limit

    @classmethod
    def waiting_too_long_q(cls, now=None):
        """A filter matching the open submissions that are waiting too long (as above)."""
        now = now or timezone.now()
        condition = models.Q(pk__in=[])
        for status, next_moves in cls.transitions.items():
            if next_moves:
                days = cls.waiting_limits.get(status, cls.waiting_limit_default)
                since = now - datetime.timedelta(days=days)
                condition |= models.Q(status=status, status_changed_at__lt=since)
        return condition

    def flags(self):
        """Short labels staff scan for in the queue."""
        flags = ["Possible duplicate"] if self.possible_duplicate else []
        if self.is_waiting_too_long():
            status, days = self.get_status_display(), self.waiting_limit()
            flags.append(f"Waiting too long ({status} over {days} days)")
        return flags

    def flags_display(self):
        return ", ".join(self.flags())

    flags_display.short_description = "Flags"

    def assignee_display(self):
        if self.assignee is None:
            return "Unassigned"
        return self.assignee.get_full_name() or self.assignee.get_username()

    assignee_display.short_description = "Assignee"

    def find_duplicates(self):
        """Earlier submissions that look like this one (none by default)."""
        return type(self).objects.none()


class SpecialConstableApplication(Submission):
    reference_prefix = "SC"
    status_enum = SpecialStatus
    transitions = workflows.SPECIAL_TRANSITIONS

    status = models.CharField(
        max_length=20, choices=SpecialStatus.choices, default=SpecialStatus.NEW, db_index=True
    )
    first_name = models.CharField(max_length=80)
    last_name = models.CharField(max_length=80)
    date_of_birth = models.DateField(null=True)
    lived_in_uk_3_years = models.BooleanField("Lived in the UK for the last 3 years")
    nationality = models.CharField(max_length=80)
    right_to_remain = models.BooleanField("Right to live in the UK without restriction")
    hours_per_month = models.PositiveSmallIntegerField("Hours a month")
    preferred_role = models.CharField(max_length=20, choices=PreferredRole.choices)
    has_convictions = models.BooleanField("Convictions or cautions")
    conviction_details = models.TextField(blank=True)
    has_tattoos = models.BooleanField("Visible tattoos")
    tattoo_description = models.TextField(blank=True)
    has_business_interests = models.BooleanField("Business interests or second jobs")
    business_interest_details = models.TextField(blank=True)
    heard_about = models.CharField("How you heard", max_length=20, choices=HeardAbout.choices)

    # Appointed officers' records are kept longer (see the privacy notice).
    long_retention_statuses = [SpecialStatus.APPOINTED]
    waiting_limits = workflows.SPECIAL_WAITING_DAYS
    personal_fields = [
        *Submission.personal_fields,
        "first_name",
        "last_name",
        "date_of_birth",
        "nationality",
        "conviction_details",
        "tattoo_description",
        "business_interest_details",
    ]

    class Meta(Submission.Meta):
        verbose_name = "Special Constable application"
        # find_duplicates() runs inside every application's transaction.
        indexes = [models.Index(Upper("email"), name="recruitment_sc_email_upper")]

    @property
    def display_name(self):
        return f"{self.first_name} {self.last_name}"

    def find_duplicates(self):
        """Other applications with the same email address."""
        return type(self).objects.filter(email__iexact=self.email).exclude(pk=self.pk)


class MiniPoliceRegistration(Submission):
    reference_prefix = "MP"
    status_enum = MiniPoliceStatus
    transitions = workflows.MINI_POLICE_TRANSITIONS

    status = models.CharField(
        max_length=20,
        choices=MiniPoliceStatus.choices,
        default=MiniPoliceStatus.NEW,
        db_index=True,
    )
    school_name = models.CharField(max_length=150)
    urn = models.CharField("School URN", max_length=6, db_index=True)
    contact_name = models.CharField(max_length=120)
    contact_role = models.CharField(max_length=80)
    year_groups = models.JSONField(default=list)
    number_of_pupils = models.PositiveSmallIntegerField()
    preferred_start = models.CharField("Preferred start (academic year)", max_length=7)
    anything_else = models.TextField(blank=True)

    # The school itself is not personal data; the people at it are.
    personal_fields = ["contact_name", "contact_role", "email", "phone", "anything_else"]
    waiting_limits = workflows.MINI_POLICE_WAITING_DAYS

    class Meta(Submission.Meta):
        verbose_name = "Mini Police registration"

    @property
    def display_name(self):
        return self.school_name

    def find_duplicates(self):
        """Other registrations for the same school (URN) and the same academic year."""
        return (
            type(self)
            .objects.filter(urn=self.urn, preferred_start=self.preferred_start)
            .exclude(pk=self.pk)
        )

    def year_groups_display(self):
        """The year groups as staff read them: "Year 5, Year 6"."""
        labels = {"year_5": "Year 5", "year_6": "Year 6"}
        return ", ".join(labels.get(y, y) for y in self.year_groups)

    year_groups_display.short_description = "Year groups"


SUBMISSION_MODELS = [SpecialConstableApplication, MiniPoliceRegistration]


# --- Notes and the outbox -------------------------------------------------------------------


class Note(models.Model):
    """An internal note staff leave on a submission. Never shown to the applicant."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    submission = GenericForeignKey("content_type", "object_id")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    text = models.TextField()
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at"]
        indexes = [models.Index(fields=["content_type", "object_id"])]

    @classmethod
    def for_submission(cls, submission):
        return cls.objects.filter(
            content_type=ContentType.objects.get_for_model(submission), object_id=submission.pk
        ).select_related("author")


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

    objects = NotificationQuerySet.as_manager()

    class Meta:
        ordering = ["created_at"]

    def __str__(self):
        return f"{self.get_kind_display()} {self.reference} ({self.get_status_display()})"


# --- Retention settings ---------------------------------------------------------------------


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

    def retention_months(self, model, status):
        """Months personal data of a model's submission in a final status is kept."""
        if model is MiniPoliceRegistration:
            return self.mini_police_retention_months
        if status in model.long_retention_statuses:
            return self.appointed_retention_months
        return self.special_retention_months


def academic_year_choices(today=None):
    """This academic year and the next two: ("2026/27", "This academic year (2026/27)")..."""
    today = today or datetime.date.today()
    start = today.year if today.month >= 9 else today.year - 1
    choices = []
    for year in range(start, start + 3):
        value = f"{year}/{str(year + 1)[-2:]}"
        label = "This academic year" if year == start else f"From September {year}"
        choices.append((value, f"{label} ({value})"))
    return choices
