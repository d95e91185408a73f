"""Factories for the cms models, for tests: ProgrammePageFactory(parent=index), AreaFactory()."""

import factory
import wagtail_factories

from .models import Area, ContentPage, ProgrammeIndexPage, ProgrammePage


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
