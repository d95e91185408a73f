"""Fixtures for the recruitment tests: the form pages, valid answers, and a broken mail server."""

import datetime

import pytest
from django.core.cache import caches


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    # The rate limit counts in its own cache alias; each test starts with a clean slate.
    caches["ratelimit"].clear()
    yield
    caches["ratelimit"].clear()


def build_areas():
    """The force-wide area and two local policing areas (the demo has the same names)."""
    from cms.models import Area

    Area.objects.get_or_create(
        name="Force-wide", defaults={"slug": "force-wide", "force_wide": True}
    )
    for name in ("Northvale", "Eastmoor"):
        Area.objects.get_or_create(name=name, defaults={"slug": name.lower()})


def build_form_pages(home_page):
    """Both recruitment form pages under their programme pages, with the programmes an
    ineligible applicant is pointed to. Built by factories."""
    from cms.factories import ProgrammeIndexPageFactory, ProgrammePageFactory
    from recruitment.factories import MiniPoliceFormPageFactory, SpecialConstableFormPageFactory

    index = ProgrammeIndexPageFactory(parent=home_page)
    specials = ProgrammePageFactory(
        parent=index, title="Special Constables", slug="special-constables"
    )
    ProgrammePageFactory(
        parent=index, title="Police Support Volunteers", slug="police-support-volunteers"
    )
    ProgrammePageFactory(parent=index, title="Volunteer Police Cadets", slug="cadets")
    mini = ProgrammePageFactory(parent=index, title="Mini Police", slug="mini-police")
    return SpecialConstableFormPageFactory(parent=specials), MiniPoliceFormPageFactory(parent=mini)


# Built once per module (module_transaction, tests/conftest.py); each test reads them back.


@pytest.fixture(scope="module")
def _shared_areas(module_transaction, django_db_blocker):
    with django_db_blocker.unblock():
        build_areas()


@pytest.fixture(scope="module")
def _shared_form_pages(_shared_home_page, _shared_areas, django_db_blocker):
    from home.models import HomePage

    with django_db_blocker.unblock():
        return [page.pk for page in build_form_pages(HomePage.objects.get(pk=_shared_home_page))]


@pytest.fixture
def areas(module_data, _shared_areas, db):
    """The areas build_areas makes, in the database for the test."""


@pytest.fixture
def form_pages(module_data, _shared_form_pages, db):
    """The Special Constable and Mini Police form pages (build_form_pages)."""
    from wagtail.models import Page

    return tuple(Page.objects.get(pk=pk).specific for pk in _shared_form_pages)


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
def special_answers(areas):
    """A complete, eligible Special Constable application as the browser would POST it."""
    return build_special_answers()


def build_special_answers():
    """special_answers, for tests that build their own areas (build_areas) and commit."""
    return {
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
        "in_barred_occupation": "no",
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
def mini_answers(areas):
    """A complete Mini Police school registration as the browser would POST it."""
    from recruitment.academic_years import academic_year_choices

    return {
        "primary_school_in_area": "yes",
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


def step_posts(page, answers):
    """The journey's POSTs for a flat dict of answers: (url, data, extra) per section, then
    the declaration on check your answers."""
    from django.urls import reverse

    from recruitment.queues import queue_for

    queue = queue_for(page)
    posts = []
    for section in queue.sections:
        names = [
            key
            for key in answers
            if any(key == q.name or key.startswith(f"{q.name}_") for q in section.questions)
        ]
        data = {key: answers[key] for key in names}
        if section is queue.eligibility:
            url = reverse("recruitment_check_eligibility", args=[page.pk])
            posts.append((url, data, {"HTTP_ORIGIN": "http://testserver"}))
        else:
            posts.append((f"{page.url}step/{section.slug}/", {**data, "action": "continue"}, {}))
    declaration = {
        key: answers[key]
        for key in ("consent", "website", "g-recaptcha-response")
        if key in answers
    }
    posts.append((f"{page.url}check-your-answers/", declaration, {}))
    return posts


@pytest.fixture
def walk(client):
    """Answer every section of a form page in turn; returns the first response that is not a
    redirect to go on (a page with errors, or the ineligible page), else the last one."""

    def _walk(page, answers, c=None, stop_before_send=False, **extra):
        c = c or client
        posts = step_posts(page, answers)
        if stop_before_send:
            posts = posts[:-1]
        response = None
        for url, data, headers in posts:
            response = c.post(url, data, **headers, **extra)
            if response.status_code != 302:
                return response
        return response

    return _walk


@pytest.fixture
def submit(client, walk, django_capture_on_commit_callbacks):
    """Go through the whole journey and Send, running the after-commit email tasks as
    production would. follow=True follows the last redirect (to the thank-you page)."""

    def _submit(page, answers, follow=False, **extra):
        with django_capture_on_commit_callbacks(execute=True):
            response = walk(page, answers, **extra)
        if follow and response.status_code == 302:
            response = client.get(response["Location"])
        return response

    return _submit
