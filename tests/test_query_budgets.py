"""Query budgets for every public page type and the recruitment queues: the number of queries a
page costs does not grow with the number of articles or submissions, and stays under a budget.

The news index, article and search budgets live in tests/news/test_query_budget.py.
"""

import datetime
import itertools

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

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


_numbers = itertools.count(1)


def add_submissions(count, viewer):
    """count more submissions of each queue, in turn: in every status, assigned to the viewer,
    to another recruiter or to nobody, in each area, some waiting too long, some flagged as
    duplicates of each other, some decided and erased; the Specials not erased with a note."""
    from accounts.factories import RecruiterFactory
    from cms.models import Area
    from recruitment import triage
    from recruitment.factories import (
        MiniPoliceRegistrationFactory,
        SpecialConstableApplicationFactory,
    )

    assignees = [viewer, RecruiterFactory(username="other-recruiter"), None]
    areas = list(Area.objects.filter(force_wide=False))
    long_ago = timezone.now() - datetime.timedelta(days=60)
    for factory in (SpecialConstableApplicationFactory, MiniPoliceRegistrationFactory):
        specials = factory is SpecialConstableApplicationFactory
        transitions = factory._meta.model.transitions
        statuses = list(transitions)
        for n in range(count):
            status = statuses[n % len(statuses)]
            twin = next(_numbers) // 2  # pairs of duplicates
            submission = factory(
                status=status,
                assignee=assignees[n % len(assignees)],
                area=areas[n % len(areas)],
                status_changed_at=long_ago if n % 4 == 0 else timezone.now(),
                possible_duplicate=n % 3 == 0,
                erased=n % 3 == 2 and not transitions[status],  # decided, then erased
                **({"email": f"twin{twin}@example.com"} if specials else {"urn": f"{twin:06d}"}),
            )
            if specials and not submission.is_erased:
                triage.add_note(submission, "Called back.", by=viewer)


@pytest.fixture
def public_site(home_page, form_pages):
    """Every public page type: the home page promoting the programmes, the programme index
    and pages, both forms, the feedback form, a content page, and a news section."""
    from cms.factories import ContentPageFactory, FeedbackFormPageFactory
    from cms.models import ProgrammePage
    from home.models import HomePageProgrammePromo
    from news.factories import NewsIndexPageFactory

    ContentPageFactory(
        parent=home_page,
        title="Staying safe online",
        slug="safety",
        body=[
            ("heading", {"text": "What the button does", "level": "h2"}),
            ("paragraph", '<p>It leaves the site. See <a href="/cookies/">cookies</a>.</p>'),
            ("heading", {"text": "What it does not do", "level": "h2"}),
            ("paragraph", "<ul><li>Delete your history.</li><li>Close tabs.</li></ul>"),
        ],
    )
    FeedbackFormPageFactory(
        parent=home_page, intro="<p>Tell us what works.</p>", thank_you_text="<p>Thank you.</p>"
    )
    volunteer = form_pages[0].get_parent().get_parent()
    home_page.programme_promos = [
        HomePageProgrammePromo(programme=programme)
        for programme in ProgrammePage.objects.child_of(volunteer)
    ]
    home_page.hero_link_page = volunteer
    home_page.save_revision().publish()
    return NewsIndexPageFactory(parent=home_page)


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
    client, areas, login_as, django_assert_max_num_queries
):
    recruiter = login_as("recruiter")
    pages = [("get", path) for path in QUEUES]
    add_submissions(5, recruiter)
    few = count_all(client, pages)
    add_submissions(55, recruiter)
    many = count_all(client, pages)
    assert few == many
    for path in QUEUES:
        with django_assert_max_num_queries(QUEUE_BUDGET):
            client.get(path)
