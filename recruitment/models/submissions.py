"""The typed submissions (one model per queue), what they share, and their reference numbers."""

import datetime

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.db.models.functions import Upper
from django.urls import reverse
from django.utils import timezone

from .. import workflows
from ..dates import uk_date
from ..enums import HeardAbout, MiniPoliceStatus, PreferredRole, RemovalReason, SpecialStatus


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
    """What every recruitment submission has: reference, status, triage and consent.

    The questions each queue asks, and which answers are personal data, are defined once in
    recruitment/queues/; the fields here are what those questions fill.
    """

    reference_prefix = ""
    status_enum = None
    transitions = {}
    # Final statuses that need a reason from the managers' list (status -> ReasonOutcome).
    reason_statuses = {}

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
    # The applicant's private status page link: only the hash of its token is kept.
    status_token_hash = models.CharField(max_length=64, blank=True, editable=False, db_index=True)
    # ... minted when the email carrying it is sent, and working until then
    # (settings.RECRUITMENT_STATUS_LINK_DAYS later).
    status_token_expires_at = models.DateTimeField(null=True, blank=True, editable=False)
    status_changed_at = models.DateTimeField(
        default=timezone.now, editable=False, help_text="When it reached its current status."
    )
    decision_reason = models.ForeignKey(
        "recruitment.DecisionReason",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        editable=False,
    )
    # The reason's words when the decision was made: editing the managers' list later
    # rewrites no past decision (set by triage.move).
    decision_reason_label = models.CharField(
        "decision reason", max_length=120, blank=True, editable=False
    )
    removal_reason = models.CharField(
        "personal data removed because",
        max_length=10,
        choices=RemovalReason.choices,
        blank=True,
        editable=False,
    )
    removed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    # Reached as submission.notes / submission.notifications (and deleted with it).
    notes = GenericRelation("recruitment.Note")
    notifications = GenericRelation("recruitment.Notification")

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

    def days_in_status(self, now=None):
        """Whole days since the submission reached its current status."""
        return ((now or timezone.now()) - self.status_changed_at).days

    def flags(self):
        """Short labels staff scan for in the queue (the waiting rule is explained once, above)."""
        flags = []
        if self.anonymised_at:
            flags.append("Erased" if self.removal_reason == RemovalReason.REQUEST else "Removed")
        if self.possible_duplicate:
            flags.append("Possible duplicate")
        if self.is_waiting_too_long():
            flags.append(f"Waiting {self.days_in_status()} days")
        return flags

    def flags_display(self):
        return ", ".join(self.flags())

    flags_display.short_description = "Flags"

    @property
    def is_erased(self):
        """True once the personal data is gone, whether on request or at retention end."""
        return self.anonymised_at is not None

    def removal_display(self):
        """What happened to the personal data, told truthfully, for staff and exports."""
        if not self.anonymised_at:
            return ""
        when = self.anonymised_at
        if self.removal_reason == RemovalReason.REQUEST:
            by = self.removed_by
            who = (by.get_full_name() or by.get_username()) if by else "a former member of staff"
            return f"Personal data erased at the applicant's request on {uk_date(when)} by {who}"
        return f"Personal data removed on {uk_date(when)} at the end of the retention period"

    removal_display.short_description = "Personal data"

    def decision_reason_display(self):
        """The reason given, in the words it had when the decision was made."""
        return self.decision_reason_label

    decision_reason_display.short_description = "Decision reason"

    def assignee_display(self):
        if self.assignee is None:
            return "Unassigned"
        return self.assignee.get_full_name() or self.assignee.get_username()

    assignee_display.short_description = "Assignee"

    def find_duplicates(self):
        """Other submissions that look like this one, earlier or later."""
        return self.duplicate_candidates([self.duplicate_key()]).exclude(pk=self.pk)

    duplicate_fields = []  # what duplicate_key() reads

    def duplicate_key(self):
        """What two submissions share when they are duplicates of each other."""
        raise NotImplementedError

    @classmethod
    def duplicate_candidates(cls, keys):
        """Every submission whose duplicate_key() is one of keys, in one query."""
        raise NotImplementedError

    def duplicates_display(self):
        """The references of its duplicates (after triage.attach_duplicates), for exports."""
        return ", ".join(o.reference for o in getattr(self, "duplicate_list", []))

    duplicates_display.short_description = "Possible duplicate of"


class SpecialConstableApplication(Submission):
    reference_prefix = "SC"
    status_enum = SpecialStatus
    transitions = workflows.SPECIAL_TRANSITIONS
    reason_statuses = workflows.SPECIAL_REASONS

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
    in_barred_occupation = models.BooleanField("Works in a barred occupation", default=False)
    preferred_role = models.CharField(max_length=20, choices=PreferredRole.choices)
    has_convictions = models.BooleanField("Convictions or cautions")
    conviction_details = models.TextField(blank=True)
    has_tattoos = models.BooleanField("Visible tattoos")
    tattoo_description = models.TextField(blank=True)
    has_business_interests = models.BooleanField("Business interests or second jobs")
    business_interest_details = models.TextField(blank=True)
    heard_about = models.CharField("How you heard", max_length=20, choices=HeardAbout.choices)

    waiting_limits = workflows.SPECIAL_WAITING_DAYS

    class Meta(Submission.Meta):
        verbose_name = "Special Constable application"
        # find_duplicates() runs inside every application's transaction.
        indexes = [
            models.Index(Upper("email"), name="recruitment_sc_email_upper"),
            # The "waiting too long" filter and the duplicate filter of the queue.
            models.Index(fields=["status", "status_changed_at"], name="recruitment_sc_waiting"),
            models.Index(fields=["possible_duplicate", "submitted_at"], name="recruitment_sc_dup"),
            # The queue's order (newest first, then pk) and its previous/next links.
            models.Index(fields=["submitted_at", "id"], name="recruitment_sc_order"),
        ]

    @property
    def display_name(self):
        return f"{self.first_name} {self.last_name}"

    def age(self, today=None):
        """The applicant's age in whole years today (None once the date of birth is erased)."""
        if not self.date_of_birth:
            return None
        today = today or timezone.localdate()
        born = self.date_of_birth
        return today.year - born.year - ((today.month, today.day) < (born.month, born.day))

    age.short_description = "Age"

    duplicate_fields = ["email"]

    def duplicate_key(self):
        """The same email address, in any letter case."""
        return self.email.upper()

    @classmethod
    def duplicate_candidates(cls, keys):
        keys = [k for k in keys if k]
        return cls.objects.annotate(email_upper=Upper("email")).filter(email_upper__in=keys)


class MiniPoliceRegistration(Submission):
    reference_prefix = "MP"
    status_enum = MiniPoliceStatus
    transitions = workflows.MINI_POLICE_TRANSITIONS
    reason_statuses = workflows.MINI_POLICE_REASONS

    status = models.CharField(
        max_length=20,
        choices=MiniPoliceStatus.choices,
        default=MiniPoliceStatus.NEW,
        db_index=True,
    )
    primary_school_in_area = models.BooleanField("Primary school in our area", default=True)
    school_name = models.CharField(max_length=150)
    urn = models.CharField("School URN", max_length=6, db_index=True)
    contact_name = models.CharField(max_length=120)
    contact_role = models.CharField(max_length=80)
    year_groups = models.JSONField(default=list)
    number_of_pupils = models.PositiveSmallIntegerField()
    preferred_start = models.CharField("Preferred start (academic year)", max_length=7)
    anything_else = models.TextField(blank=True)

    waiting_limits = workflows.MINI_POLICE_WAITING_DAYS

    class Meta(Submission.Meta):
        verbose_name = "Mini Police registration"
        indexes = [
            models.Index(fields=["status", "status_changed_at"], name="recruitment_mp_waiting"),
            models.Index(fields=["possible_duplicate", "submitted_at"], name="recruitment_mp_dup"),
            models.Index(fields=["submitted_at", "id"], name="recruitment_mp_order"),
        ]

    @property
    def display_name(self):
        return self.school_name

    duplicate_fields = ["urn", "preferred_start"]

    def duplicate_key(self):
        """The same school (URN) in the same academic year."""
        return (self.urn, self.preferred_start)

    @classmethod
    def duplicate_candidates(cls, keys):
        condition = models.Q(pk__in=[])
        for urn, start in keys:
            condition |= models.Q(urn=urn, preferred_start=start)
        return cls.objects.filter(condition)

    def year_groups_display(self):
        """The year groups as staff read them: "Year 5, Year 6"."""
        labels = {"year_5": "Year 5", "year_6": "Year 6"}
        return ", ".join(labels.get(y, y) for y in self.year_groups)

    year_groups_display.short_description = "Year groups"


SUBMISSION_MODELS = [SpecialConstableApplication, MiniPoliceRegistration]
