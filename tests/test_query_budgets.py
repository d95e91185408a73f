"""Query budgets for every public page type and the recruitment queues: the number of queries a
page costs does not grow with the number of articles or submissions, and stays under a budget.

The news index, article and search budgets live in tests/news/test_query_budget.py.
"""

import uuid

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.news.conftest import bulk_articles
from tests.recruitment import conftest as recruitment_fixtures

SPECIALS = "/volunteer/special-constables/apply/"
MINI = "/volunteer/mini-police/register/"

# (method, path, budget), with the site chrome and listings in the cache as they are after the
# first visit of a page-cache generation (cms/page_cache.py). Measured on 30 Nov 2026 with
# the menu, footer and cards kept as HTML and the Site kept: home 1, volunteer index 4,
# programme 2, each form 5, cookies 0, feedback 3 (GET and POST), safety 2; each queue 14.
# The budgets keep one or two queries of headroom. Each step of the application journeys has
# its own budget in tests/recruitment/test_journey.py.
PUBLIC_PAGES = [
    ("get", "/", 3),
    ("get", "/volunteer/", 6),
    ("get", "/volunteer/special-constables/", 4),
    ("get", SPECIALS, 7),
    ("get", MINI, 7),
    ("get", "/cookies/", 2),
    ("get", "/feedback/", 5),
    ("post", "/feedback/", 5),
    ("get", "/safety/", 4),
]
QUEUES = [
    "/admin/recruitment/specialconstableapplication/",
    "/admin/recruitment/minipoliceregistration/",
]
QUEUE_BUDGET = 16

_shared_areas = recruitment_fixtures._shared_areas
_shared_form_pages = recruitment_fixtures._shared_form_pages
areas = recruitment_fixtures.areas
form_pages = recruitment_fixtures.form_pages


@pytest.fixture(autouse=True)
def no_rate_limit(settings):
    """The forms are posted many times here: the per-client limit is not what is measured."""
    settings.RECRUITMENT_RATE_LIMIT = 1_000_000


def count_queries(client, method, path):
    """Queries for one request, after a first one has warmed caches and renditions."""
    cache.clear()  # what is cached is built again from the rows there are now
    getattr(client, method)(path)
    with CaptureQueriesContext(connection) as captured:
        response = getattr(client, method)(path)
    assert response.status_code == 200, path
    if method == "post":
        assert b"There is a problem" in response.content, path  # an empty form: errors
    return len(captured)


def count_all(client, pages):
    return {
        f"{method.upper()} {path}": count_queries(client, method, path) for method, path in pages
    }


def add_submissions(models, count):
    """Copies of the demo's submissions (every status, assigned or not) under new references."""
    from recruitment.references import next_reference

    for _model, prefix, templates in models:
        for number in range(count):
            copy = templates[number % len(templates)]
            copy.pk = None
            copy.reference = next_reference(prefix, 2026)
            copy.idempotency_key = uuid.uuid4()
            copy.save()


@pytest.fixture
def submission_templates(demo_site):
    """The demo's submissions kept in memory, the tables emptied, so a test sets the row count."""
    from recruitment.models import MiniPoliceRegistration, SpecialConstableApplication

    models = []
    for model, prefix in [(SpecialConstableApplication, "SC"), (MiniPoliceRegistration, "MP")]:
        models.append((model, prefix, list(model.objects.order_by("-pk"))))
        model.objects.all().delete()
    return models


@pytest.fixture
def public_site(form_pages):
    """Every public page type: the site pages, the programmes (promoted on the home page, with
    related news), both forms, and a news section with its first articles."""
    from cms.demo import load_site_pages
    from home.demo import load_home_promotions
    from news.factories import NewsIndexPageFactory

    home = form_pages[0].get_site().root_page.specific
    load_site_pages(home)
    load_home_promotions(home)
    return NewsIndexPageFactory(parent=home)


def add_to_public_site(index, recruitment_pages, count):
    """count more articles and submissions of each kind."""
    from cms.models import Area
    from recruitment.factories import (
        MiniPoliceRegistrationFactory,
        SpecialConstableApplicationFactory,
    )

    specials_page, mini_page = recruitment_pages
    bulk_articles(index, Area.objects.filter(force_wide=False).first(), count)
    SpecialConstableApplicationFactory.create_batch(count, page=specials_page)
    MiniPoliceRegistrationFactory.create_batch(count, page=mini_page)


def test_public_pages_cost_the_same_with_2_or_14_articles_and_submissions(
    client, public_site, form_pages, django_assert_max_num_queries
):
    # Two articles show fewer cards than any listing holds, 14 more than any holds (the home
    # page's latest news, related news): a query per card or per row shows as a difference.
    pages = [(method, path) for method, path, _budget in PUBLIC_PAGES]
    add_to_public_site(public_site, form_pages, 2)
    few = count_all(client, pages)
    add_to_public_site(public_site, form_pages, 12)
    many = count_all(client, pages)
    assert few == many
    for method, path, budget in PUBLIC_PAGES:
        getattr(client, method)(path)  # as after the first visit since the last publish
        with django_assert_max_num_queries(budget):
            getattr(client, method)(path)


def test_recruitment_queues_cost_the_same_with_5_or_60_submissions(
    client, submission_templates, login_as, django_assert_max_num_queries
):
    login_as("recruiter")
    pages = [("get", path) for path in QUEUES]
    add_submissions(submission_templates, 5)
    few = count_all(client, pages)
    add_submissions(submission_templates, 55)
    many = count_all(client, pages)
    assert few == many
    for path in QUEUES:
        with django_assert_max_num_queries(QUEUE_BUDGET):
            client.get(path)
