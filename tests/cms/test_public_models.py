"""One list decides what starts a page-cache generation (cms/public_models.py): every model of
ours, Wagtail's and taggit's is in it, or is a page, or is part of a page, or says why never."""

import pytest
from django.apps import apps
from django.core.cache import cache
from modelcluster.fields import ParentalKey
from wagtail.models import Page

from cms import public_models
from cms.factories import AreaFactory
from cms.page_cache import GENERATION_KEY, WITHDRAWN_KEY, purge_all, withdraw_all

OUR_APPS = {"accounts", "cms", "home", "news", "recruitment"}


def watched(model):
    label = model._meta.app_label
    return label in OUR_APPS or label.startswith("wagtail") or label == "taggit"


def is_page_part(model):
    """A row a page owns through a ParentalKey: written when the page is published."""
    return any(
        isinstance(field, ParentalKey) and issubclass(field.related_model, Page)
        for field in model._meta.concrete_fields
    )


def test_every_model_is_registered_as_public_or_says_why_it_never_is():
    unregistered = sorted(
        model._meta.label
        for model in apps.get_models()
        if watched(model)
        and not issubclass(model, Page)
        and not is_page_part(model)
        and model._meta.label not in public_models.registered_labels()
    )
    assert unregistered == [], (
        "Add each to cms/public_models.py: SHOWN if public pages show its data, "
        "DECIDES_WHAT_IS_SHOWN if it decides what they may show, else NEVER_PUBLIC with why."
    )


# Models Wagtail defines for one database only (its SQLite full-text index).
ONE_DATABASE_ONLY = {"wagtailsearch.SQLiteFTSIndexEntry"}


def test_the_lists_name_real_models_once_each():
    lists = [public_models.SHOWN, public_models.DECIDES_WHAT_IS_SHOWN, public_models.NEVER_PUBLIC]
    for labels in lists:
        for label in set(labels) - ONE_DATABASE_ONLY:
            apps.get_model(label)  # raises LookupError for a model that is gone
    assert sum(len(labels) for labels in lists) == len(public_models.registered_labels())


def generations():
    return cache.get(GENERATION_KEY), cache.get(WITHDRAWN_KEY)


@pytest.fixture
def started():
    purge_all()
    withdraw_all()


def test_saving_a_shown_model_makes_pages_stale_and_deleting_it_withdraws_them(db, started):
    current, withdrawn = generations()
    area = AreaFactory(name="Westfield")
    assert generations() == (current + 1, withdrawn)
    area.delete()
    assert generations() == (current + 1, withdrawn + 1)


def test_settings_created_with_their_defaults_on_a_first_view_change_nothing(home_page, started):
    from cms.models import SiteSettings

    assert not SiteSettings.objects.exists()
    before = generations()
    settings = SiteSettings.for_site(home_page.get_site())  # created
    assert generations() == before
    settings.force_name = "Northvale Police"
    settings.save()
    assert generations()[0] == before[0] + 1
