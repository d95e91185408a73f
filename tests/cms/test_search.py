"""Site search: finds the programme and form pages people look for, and never fails."""

from datetime import timedelta

import pytest
from django.utils import timezone
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from cms.demo import load_areas, load_programmes, load_site_pages
from cms.models import Area, ProgrammePage
from news.models import NewsArticlePage, NewsIndexPage
from recruitment.demo import load_pages as load_recruitment_pages

NEWS = [
    ("Special Constables open evening in Northvale", "Come and meet our special constables."),
    ("Cadets lead the Remembrance parade", "Volunteer police cadets marched with veterans."),
    ("Mini Police visit the fire station", "Our mini police learned about fire safety."),
    ("Volunteers thanked at the awards evening", "Every volunteer was thanked."),
    ("Apply for a firearms licence online", "You can now apply online."),
]


@pytest.fixture
def site_with_news(home_page):
    """The programme and application form pages, and news that uses the same words."""
    load_areas()
    load_site_pages(home_page)
    load_programmes(home_page)
    load_recruitment_pages(home_page)
    index = home_page.add_child(instance=NewsIndexPage(title="News", slug="news"))
    area = Area.objects.first()
    for n, (title, text) in enumerate(NEWS):
        article = index.add_child(
            instance=NewsArticlePage(
                title=title,
                slug=f"news-{n}",
                area=area,
                summary=text,
                body=[("paragraph", f"<p>{text}</p>")],
                published_at=timezone.now() - timedelta(days=n),
            )
        )
        article.save_revision().publish()
    return home_page


def result_titles(client, query):
    response = client.get("/search/", {"q": query})
    assert response.status_code == 200
    return [page.title for page in response.context["result_pages"]], [
        type(page) for page in response.context["result_pages"]
    ]


# One site for every query: building it was most of each case's time.
PROGRAMME_QUERIES = [
    ("special constable", ["Special Constables", "Apply to be a Special Constable"]),
    ("special constables", ["Special Constables", "Apply to be a Special Constable"]),
    ("Special Constable", ["Special Constables", "Apply to be a Special Constable"]),
    ("apply", ["Apply to be a Special Constable"]),
    ("mini police", ["Mini Police", "Register your school for Mini Police"]),
    ("cadet", ["Volunteer Police Cadets"]),
    ("cadets", ["Volunteer Police Cadets"]),
]


def test_search_finds_the_programme_and_its_form_before_news(client, site_with_news):
    for query, first in PROGRAMME_QUERIES:
        titles, types = result_titles(client, query)
        assert titles[: len(first)] == first, query
        assert NewsArticlePage in types, f"{query}: the matching news is found too, after them"


def test_volunteer_finds_the_programmes_before_news(client, site_with_news):
    titles, types = result_titles(client, "volunteer")
    first_news = types.index(NewsArticlePage)
    programmes = {page.title for page in ProgrammePage.objects.all()} | {"Volunteer with us"}
    assert "Volunteer with us" in titles[:first_news]
    assert "Volunteer Police Cadets" in titles[:first_news]
    assert set(titles[:first_news]) - programmes <= {
        "How to join the Volunteer Police Cadets",
        "Register your interest in volunteering",
    }


HOSTILE_QUERIES = [
    '"cadets',
    'cadets"',
    '"',
    "cadets OR",
    "NOT cadets",
    "AND",
    "NEAR(cadets police)",
    "cadet*",
    "^cadets",
    "title:cadets",
    "-cadets",
    "(cadets",
    "{cadets}",
    "cadets\x00police",
    "\x00",
    "it's",
    "x" * 100_000,
    "cadets " * 500,
    "&|!:*<->",
]
HOSTILE = st.sampled_from(HOSTILE_QUERIES)


@settings(
    max_examples=25,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    q=st.one_of(
        HOSTILE,
        st.text(st.characters(exclude_categories=("Cs",)), max_size=80),
        st.lists(st.one_of(HOSTILE, st.text(max_size=10)), max_size=5).map(" ".join),
    )
)
def test_search_never_fails_whatever_is_typed(client, site_with_news, q):
    response = client.get("/search/", {"q": q})
    assert response.status_code == 200


# Each hostile query once, for certain (explicit examples run before the drawn ones), rather
# than as many draws as it takes to meet them all.
for _query in HOSTILE_QUERIES:
    test_search_never_fails_whatever_is_typed = example(q=_query)(
        test_search_never_fails_whatever_is_typed
    )
