"""The news index: newest first, pagination, filters, archives and empty states."""

import re
from datetime import datetime

import pytest

from .conftest import LONDON, bulk_articles


def titles(response):
    assert response.status_code == 200, response.status_code
    return re.findall(r'card__title"><a href="[^"]+">([^<]+)</a>', response.content.decode())


@pytest.fixture
def thirty(news_index, areas):
    return bulk_articles(news_index, areas["northvale"], 30)


def test_newest_first_twelve_a_page(client, news_index, thirty):
    response = client.get(news_index.url)
    assert titles(response) == [article.title for article in thirty[:12]]
    html = response.content.decode()
    assert "30 articles" in html and "Page 1 of 3" in html
    assert 'rel="next" href="?page=2"' in html


# One set of thirty articles for every case (building it was most of the time of each).
BAD_OR_OUT_OF_RANGE_PAGES = [
    ("2", 12),
    ("abc", 0),
    ("", 0),
    ("0", 29 - 5),
    ("-4", 24),
    ("999", 24),
    ("9" * 40, 24),
    ("1.5", 0),
]


def test_bad_or_out_of_range_pages_give_first_or_last_page(client, news_index, thirty):
    for page, expected_first in BAD_OR_OUT_OF_RANGE_PAGES:
        response = client.get(news_index.url, {"page": page})
        assert titles(response)[0] == thirty[expected_first].title, f"page={page[:12]!r}"


def test_filters_combine_and_show_in_the_url(client, news_index, make_article):
    match = make_article(
        area="eastmoor", topics=["Cadets"], when=datetime(2026, 3, 4, 10, 0, tzinfo=LONDON)
    )
    make_article(
        area="eastmoor", topics=["Cadets"], when=datetime(2025, 3, 4, 10, 0, tzinfo=LONDON)
    )
    make_article(area="eastmoor", topics=["Fraud"], when=datetime(2026, 3, 5, 10, 0, tzinfo=LONDON))
    make_article(
        area="riverside", topics=["Cadets"], when=datetime(2026, 3, 6, 10, 0, tzinfo=LONDON)
    )
    make_article(
        area="eastmoor", topics=["Cadets"], when=datetime(2026, 4, 6, 10, 0, tzinfo=LONDON)
    )
    response = client.get(
        news_index.url, {"area": "eastmoor", "topic": "cadets", "year": "2026", "month": "3"}
    )
    assert titles(response) == [match.title]
    html = response.content.decode()
    assert "1 article for Eastmoor, topic ‘Cadets’, March 2026" in html
    assert '<option value="eastmoor" selected>' in html
    assert '<option value="3" selected>March</option>' in html
    assert 'href="/news/feed/eastmoor/"' in html  # the area's feed is offered


def test_filters_survive_pagination(client, news_index, areas):
    bulk_articles(news_index, areas["southdown"], 14)
    bulk_articles(news_index, areas["northvale"], 3)
    html = client.get(news_index.url, {"area": "southdown"}).content.decode()
    assert 'href="?area=southdown&amp;page=2"' in html


def test_unknown_filter_values_are_ignored_and_said(client, news_index, thirty):
    response = client.get(news_index.url, {"area": "atlantis", "year": "abc", "month": "13"})
    assert len(titles(response)) == 12
    assert "not recognised and have been ignored: area, month" in response.content.decode()


def test_archive_route_lists_one_month(client, news_index, make_article):
    june = make_article(when=datetime(2026, 6, 30, 23, 30, tzinfo=LONDON))  # still June in London
    make_article(when=datetime(2026, 7, 1, 0, 30, tzinfo=LONDON))
    response = client.get(f"{news_index.url}2026/06/")
    assert titles(response) == [june.title]
    html = response.content.decode()
    assert '<h1 class="heading-xl">News: June 2026</h1>' in html
    assert f'<link rel="canonical" href="http://testserver{news_index.url}2026/06/">' in html


@pytest.mark.parametrize("path", ["2026/13/", "2026/00/", "1066/01/", "2026/1/"])
def test_impossible_archive_months_are_not_found(client, news_index, path):
    assert client.get(f"{news_index.url}{path}").status_code == 404


def test_empty_archive_month_says_so(client, news_index, thirty):
    html = client.get(f"{news_index.url}2019/02/").content.decode()
    assert "There are no articles that match these filters." in html
    assert "No news for February 2019" in html


def test_empty_index_says_so(client, news_index):
    html = client.get(news_index.url).content.decode()
    assert "There is no news yet." in html


def test_drafts_and_private_articles_are_not_listed(client, news_index, make_article):
    from wagtail.models import PageViewRestriction

    make_article(title="Visible story")
    make_article(title="Draft story", publish=False)
    private = make_article(title="Private story")
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    assert titles(client.get(news_index.url)) == ["Visible story"]


def test_index_links_its_feeds_in_the_head(client, news_index):
    html = client.get(news_index.url).content.decode()
    assert (
        '<link rel="alternate" type="application/rss+xml" title="News" href="/news/feed/">' in html
    )


def test_odd_filter_values_never_fail(client, news_index, thirty):
    for value in ["\u0000", "x" * 5000, "' OR 1=1 --", "ünïcode"]:
        response = client.get(
            news_index.url,
            {"area": value, "topic": value, "year": value, "month": value, "page": value},
        )
        assert len(titles(response)) == 12, repr(value[:12])
