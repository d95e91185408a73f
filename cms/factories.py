"""Factories for the cms page types, for tests: ProgrammePageFactory(parent=index)."""

import factory
import wagtail_factories

from .models import ContentPage, ProgrammeIndexPage, ProgrammePage


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
