"""Factories for the home page, for tests: HomePageFactory(parent=root)."""

import wagtail_factories

from .models import HomePage


class HomePageFactory(wagtail_factories.PageFactory):
    title = "Home"
    slug = "home"
    hero_heading = "Keeping our communities safe"

    class Meta:
        model = HomePage
