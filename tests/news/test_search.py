"""Site search over news and programme pages."""

import re

import pytest
from wagtail.models import PageViewRestriction

from .conftest import bulk_articles


def result_titles(response):
    assert response.status_code == 200
    return re.findall(
        r'<h2 class="heading-m"><a href="[^"]+">([^<]+)</a>', response.content.decode()
    )


def test_finds_news_and_programme_pages(client, home_page, make_article):
    from cms.factories import ProgrammeIndexPageFactory, ProgrammePageFactory

    index = ProgrammeIndexPageFactory(parent=home_page)
    ProgrammePageFactory(parent=index, title="Volunteer Police Cadets")
    make_article(title="New Volunteer Police Cadet unit opens in Southdown", topics=["Cadets"])
    make_article(title="Drugs seized in Eastmoor")
    titles = result_titles(client.get("/search/", {"q": "cadets"}))
    assert sorted(titles) == [
        "New Volunteer Police Cadet unit opens in Southdown",
        "Volunteer Police Cadets",
    ]


def test_leaves_out_drafts_and_private_pages(client, make_article):
    make_article(title="Visible lighthouse story")
    make_article(title="Draft lighthouse story", publish=False)
    private = make_article(title="Private lighthouse story")
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    assert result_titles(client.get("/search/", {"q": "lighthouse"})) == [
        "Visible lighthouse story"
    ]


def test_results_show_the_summary_and_date(client, make_article):
    make_article(title="Harbour patrol", summary="Officers patrolled the harbour at night.")
    html = client.get("/search/", {"q": "harbour"}).content.decode()
    assert "Officers patrolled the harbour at night." in html
    assert "<time datetime=" in html


def test_bad_page_numbers_never_fail(client, news_index, areas):
    bulk_articles(news_index, areas["northvale"], 12)  # two pages: 10 results, then 2
    for page in ["abc", "0", "-1", "999", "9" * 50, ""]:
        response = client.get("/search/", {"q": "bulk", "page": page})
        assert len(result_titles(response)) in (2, 10), f"page={page[:12]!r}"  # first or last


def test_pages_through_results(client, news_index, areas):
    bulk_articles(news_index, areas["northvale"], 25)
    first = result_titles(client.get("/search/", {"q": "bulk"}))
    third = result_titles(client.get("/search/", {"q": "bulk", "page": "3"}))
    assert len(first) == 10 and len(third) == 5
    assert not set(first) & set(third)
    assert "Page 1 of 3" in client.get("/search/", {"q": "bulk"}).content.decode()


@pytest.mark.parametrize(
    "query", ["x" * 10_000, "   ", "%%%", "' OR 1=1 --", "\u0000null", "a AND"]
)
def test_odd_queries_never_fail(client, home_page, query):
    assert client.get("/search/", {"q": query}).status_code == 200
