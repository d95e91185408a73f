"""Fixtures for the recruitment tests: the form pages, valid answers, and a broken mail server."""

import datetime

import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    # The rate limit counts in the cache; each test starts with a clean slate.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def form_pages(home_page):
    """Both recruitment form pages under their programme pages, as the demo builds them."""
    from cms.demo import load_areas, load_programmes, load_site_pages
    from recruitment.demo import load_pages

    load_areas()
    load_site_pages(home_page)
    load_programmes(home_page)
    specials, mini = load_pages(home_page)
    return specials, mini


@pytest.fixture
def specials_page(form_pages):
    return form_pages[0]


@pytest.fixture
def mini_page(form_pages):
    return form_pages[1]


def area_id(name="Northvale"):
    from cms.models import Area

    return Area.objects.get(name=name).pk


def date_of_birth(value):
    """The three date boxes as posted: from a date, or from (day, month, year) as typed."""
    if isinstance(value, datetime.date):
        value = (str(value.day), str(value.month), str(value.year))
    return dict(zip(DATE_OF_BIRTH_BOXES, value, strict=True))


DATE_OF_BIRTH_BOXES = ("date_of_birth_day", "date_of_birth_month", "date_of_birth_year")


@pytest.fixture
def special_answers(form_pages):
    """A complete, eligible Special Constable application as the browser would POST it."""
    return {
        "token": "0b7d0c1e-5f3a-4a57-9d4c-2a1f4f6b2f10",
        "first_name": "Jordan",
        "last_name": "Testwell",
        **date_of_birth(("17", "5", "1994")),
        "email": "jordan.testwell@example.com",
        "phone": "07700 900456",
        "address_line_1": "12 Example Road",
        "address_line_2": "",
        "town": "Northvale",
        "postcode": "nv1 2ab",
        "lived_in_uk_3_years": "yes",
        "nationality": "British",
        "right_to_remain": "yes",
        "hours_per_month": "20",
        "area": str(area_id()),
        "preferred_role": "neighbourhood",
        "has_convictions": "no",
        "conviction_details": "",
        "has_tattoos": "yes",
        "tattoo_description": "A small star on the right wrist",
        "has_business_interests": "no",
        "business_interest_details": "",
        "heard_about": "social_media",
        "consent": "on",
        "website": "",
    }


@pytest.fixture
def mini_answers(form_pages):
    """A complete Mini Police school registration as the browser would POST it."""
    from recruitment.academic_years import academic_year_choices

    return {
        "token": "6a1c9f2e-3b4d-4e5f-8a7b-1c2d3e4f5a6b",
        "school_name": "Testwell Primary School",
        "urn": "123456",
        "address_line_1": "1 School Lane",
        "address_line_2": "",
        "town": "Eastmoor",
        "postcode": "EM2 3CD",
        "area": str(area_id("Eastmoor")),
        "contact_name": "Pat Head",
        "contact_role": "Headteacher",
        "email": "office@testwell-primary.example.com",
        "phone": "01632 960001",
        "year_groups": ["year_5", "year_6"],
        "number_of_pupils": "28",
        "preferred_start": academic_year_choices()[0][0],
        "anything_else": "",
        "consent": "on",
        "website": "",
    }


@pytest.fixture
def submit(client, django_capture_on_commit_callbacks):
    """POST answers to a form page, running the after-commit email tasks as production would."""

    def _submit(page, answers, follow=False, **extra):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(page.url, answers, follow=follow, **extra)

    return _submit
