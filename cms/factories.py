"""Factories for the cms models, for tests: ProgrammePageFactory(parent=index), AreaFactory()."""

import factory
import wagtail_factories

from .models import (
    Area,
    ContentPage,
    FeedbackFormField,
    FeedbackFormPage,
    ProgrammeIndexPage,
    ProgrammePage,
)


class AreaFactory(factory.django.DjangoModelFactory):
    """A local policing area (AreaFactory(name="Eastmoor")); force_wide=True: the whole force."""

    name = factory.Sequence(lambda n: f"Area {n}")
    slug = factory.LazyAttribute(lambda area: area.name.lower().replace(" ", "-"))

    class Meta:
        model = Area
        django_get_or_create = ("slug",)


class ContentPageFactory(wagtail_factories.PageFactory):
    title = "About this site"
    intro = "A page of plain text."

    class Meta:
        model = ContentPage


class ProgrammeIndexPageFactory(wagtail_factories.PageFactory):
    title = "Volunteer with us"
    slug = "volunteer"
    intro = "Programmes for every age."
    show_in_menus = True

    class Meta:
        model = ProgrammeIndexPage


class ProgrammePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Programme {n}")
    summary = "Help keep your community safe."
    intro = "An introduction to the programme."
    show_in_menus = True
    key_figures = factory.LazyFunction(
        lambda: [("figure", {"figure": "16 hours", "label": "a month, at least"})]
    )
    eligibility = factory.LazyFunction(lambda: [("requirement", "You are 18 or over.")])
    time_commitment = "At least 16 hours a month."

    class Meta:
        model = ProgrammePage


# The feedback form's questions, as the demo asks them (fewer choices): (label, type, choices).
FEEDBACK_QUESTIONS = [
    ("How satisfied are you with this website?", "radio", "Satisfied\nDissatisfied"),
    ("How could we improve this website?", "multiline", ""),
]


class FeedbackFormPageFactory(wagtail_factories.PageFactory):
    """The feedback form at /feedback/, its questions (FEEDBACK_QUESTIONS) all required."""

    title = "Give feedback on this website"
    slug = "feedback"

    class Meta:
        model = FeedbackFormPage
        skip_postgeneration_save = True  # the questions are rows of their own

    @factory.post_generation
    def questions(page, create, extracted, **kwargs):
        if not create:
            return
        for order, (label, field_type, choices) in enumerate(extracted or FEEDBACK_QUESTIONS):
            FeedbackFormField.objects.create(
                page=page,
                sort_order=order,
                label=label,
                field_type=field_type,
                choices=choices,
                required=True,
            )
