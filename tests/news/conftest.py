"""Fixtures for the news tests: areas, a news index and a quick way to make articles."""

import itertools
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

LONDON = ZoneInfo("Europe/London")
_numbers = itertools.count(1)


@pytest.fixture
def areas(db):
    from cms.demo import load_areas
    from cms.models import Area

    load_areas()
    return {area.slug: area for area in Area.objects.all()}


@pytest.fixture
def news_index(home_page, areas):
    from news.models import NewsIndexPage

    index = NewsIndexPage(title="News", slug="news", show_in_menus=True)
    home_page.add_child(instance=index)
    index.save_revision().publish()
    return index


@pytest.fixture
def test_image(db):
    from cms.demo import demo_image

    return demo_image("Test news picture", size=(1600, 900), seed=7)


def build_article(index, area, *, title=None, when=None, topics=(), publish=True, **fields):
    """Add an article under the index (published unless told otherwise) and return it."""
    from news.models import NewsArticlePage

    number = next(_numbers)
    title = title or f"Article number {number}"
    article = NewsArticlePage(
        title=title,
        slug=f"article-{number}",
        area=area,
        summary=fields.pop("summary", f"Summary of {title}."),
        published_at=when,
        live=publish,
        **fields,
    )
    if topics:
        article.topics.add(*topics)
    index.add_child(instance=article)
    revision = article.save_revision()
    if publish:
        revision.publish()
        article.refresh_from_db()
    return article


def bulk_articles(index, area, count, *, start=None, image=None):
    """Many live articles quickly (no revisions), one hour apart, newest first by number."""
    from news.models import NewsArticlePage

    start = start or datetime(2026, 6, 1, 12, 0, tzinfo=LONDON)
    made = []
    for offset in range(count):
        number = next(_numbers)
        article = NewsArticlePage(
            title=f"Bulk article {number}",
            slug=f"bulk-{number}",
            area=area,
            summary=f"Summary {number}.",
            published_at=start - timedelta(hours=offset),
            first_published_at=start - timedelta(hours=offset),
            hero_image=image,
            hero_image_alt="A picture" if image else "",
            live=True,
        )
        index.add_child(instance=article)
        made.append(article)
    return made


@pytest.fixture
def make_article(news_index, areas):
    def _make(area="force-wide", **kwargs):
        return build_article(news_index, areas[area], **kwargs)

    return _make
