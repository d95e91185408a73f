"""Factories for recruitment tests and the demo: submissions in any state, reasons, templates.

SpecialConstableApplicationFactory(status=SpecialStatus.REJECTED, assignee=user) makes a
decided one (decided_at set, a reason from the list); erased=True one whose data is gone.
"""

import datetime
import uuid

import factory
import wagtail_factories
from django.utils import timezone
from factory.django import DjangoModelFactory

from cms.models import Area

from .enums import HeardAbout, PreferredRole, ReasonOutcome, RemovalReason
from .models import (
    DecisionReason,
    MessageTemplate,
    MiniPoliceFormPage,
    MiniPoliceRegistration,
    SpecialConstableApplication,
    SpecialConstableFormPage,
)
from .references import next_reference


class SubmissionFactory(DjangoModelFactory):
    class Meta:
        abstract = True
        skip_postgeneration_save = True

    idempotency_key = factory.LazyFunction(uuid.uuid4)
    reference = factory.LazyAttribute(
        lambda o: next_reference(o.reference_prefix, o.submitted_at.year)
    )
    submitted_at = factory.LazyFunction(timezone.now)
    consent_notice_version = "1"
    consent_given_at = factory.SelfAttribute("submitted_at")
    status_changed_at = factory.SelfAttribute("submitted_at")
    area = factory.LazyFunction(lambda: Area.objects.filter(force_wide=False).first())
    phone = "07700 900123"
    address_line_1 = factory.Sequence(lambda n: f"{n + 1} Example Street")
    town = "Northvale"
    postcode = "NV1 2AB"

    class Params:
        erased = factory.Trait(
            anonymised_at=factory.LazyFunction(timezone.now),
            removal_reason=RemovalReason.REQUEST,
        )

    @factory.post_generation
    def reason(obj, create, extracted, **kwargs):
        """A final status is a decision: when it was made, and (where needed) its reason."""
        if obj.is_open:
            return
        obj.decided_at = obj.decided_at or obj.status_changed_at
        outcome = obj.reason_statuses.get(obj.status)
        if outcome is not None:
            obj.decision_reason = extracted or DecisionReasonFactory(outcome=outcome)
            obj.decision_reason_label = obj.decision_reason.label
        if create:
            obj.save(update_fields=["decided_at", "decision_reason", "decision_reason_label"])


class SpecialConstableApplicationFactory(SubmissionFactory):
    class Meta:
        model = SpecialConstableApplication

    class Params:
        reference_prefix = "SC"

    first_name = factory.Sequence(lambda n: f"Alex{n}")
    last_name = "Example"
    email = factory.LazyAttribute(lambda o: f"{o.first_name.lower()}@example.com")
    date_of_birth = datetime.date(1995, 3, 27)
    lived_in_uk_3_years = True
    nationality = "British"
    right_to_remain = True
    hours_per_month = 16
    preferred_role = PreferredRole.NEIGHBOURHOOD
    has_convictions = False
    has_tattoos = False
    has_business_interests = False
    heard_about = HeardAbout.WEBSITE


class MiniPoliceRegistrationFactory(SubmissionFactory):
    class Meta:
        model = MiniPoliceRegistration

    class Params:
        reference_prefix = "MP"

    school_name = factory.Sequence(lambda n: f"Example Primary School {n}")
    urn = factory.Sequence(lambda n: f"{900000 + n:06d}")
    contact_name = "Sam Teacher"
    contact_role = "Year 6 teacher"
    email = factory.Sequence(lambda n: f"office{n}@school.example.com")
    year_groups = factory.LazyFunction(lambda: ["year_6"])
    number_of_pupils = 30
    preferred_start = "2026/27"


class DecisionReasonFactory(DjangoModelFactory):
    class Meta:
        model = DecisionReason
        django_get_or_create = ("label",)

    label = factory.LazyAttribute(lambda o: f"Test reason ({o.outcome})")
    outcome = ReasonOutcome.REFUSED


class MessageTemplateFactory(DjangoModelFactory):
    class Meta:
        model = MessageTemplate
        django_get_or_create = ("name",)

    name = "Assessment day invitation"
    subject = "Your application {reference}: invitation to an assessment"
    body = "Dear {first_name},\n\nYou are at the {stage} stage.\n\n{paragraph}"


class SpecialConstableFormPageFactory(wagtail_factories.PageFactory):
    """The Specials form page: build it under a ProgrammePageFactory(slug=...) page."""

    title = "Apply to be a Special Constable"
    slug = "apply"
    privacy_notice_version = "2026-1"
    notify_email = "specials-recruitment@bluelamp.example"

    class Meta:
        model = SpecialConstableFormPage


class MiniPoliceFormPageFactory(wagtail_factories.PageFactory):
    title = "Register your school for Mini Police"
    slug = "register"
    privacy_notice_version = "2026-1"
    notify_email = "mini-police@bluelamp.example"

    class Meta:
        model = MiniPoliceFormPage
