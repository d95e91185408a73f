"""Fixtures for the news tests: areas, a news index and quick ways to make articles."""

import itertools
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

LONDON = ZoneInfo("Europe/London")
_numbers = itertools.count(1)


# Built once per module (module_transaction, tests/conftest.py); each test reads them back.
AREA_NAMES = ["Force-wide", "Northvale", "Eastmoor", "Riverside", "Southdown"]


@pytest.fixture(scope="module")
def _shared_areas(module_transaction, django_db_blocker):
    from cms.factories import AreaFactory

    with django_db_blocker.unblock():
        return [AreaFactory(name=name, force_wide=name == "Force-wide").pk for name in AREA_NAMES]


@pytest.fixture(scope="module")
def _shared_news_index(_shared_home_page, _shared_areas, django_db_blocker):
    from home.models import HomePage
    from news.factories import NewsIndexPageFactory

    with django_db_blocker.unblock():
        index = NewsIndexPageFactory(parent=HomePage.objects.get(pk=_shared_home_page))
        index.save_revision().publish()
        return index.pk


@pytest.fixture
def areas(module_data, _shared_areas, db):
    """The force-wide area and four local ones, by slug."""
    from cms.models import Area

    by_pk = Area.objects.in_bulk(_shared_areas)
    return {by_pk[pk].slug: by_pk[pk] for pk in _shared_areas}


@pytest.fixture
def news_index(module_data, _shared_news_index, db):
    from news.models import NewsIndexPage

    return NewsIndexPage.objects.get(pk=_shared_news_index)


@pytest.fixture
def test_image(db):
    from cms.demo import demo_image

    return demo_image("Test news picture", size=(1600, 900), seed=7)


def build_article(index, area, *, title=None, when=None, topics=(), publish=True, **fields):
    """Add an article under the index (published unless told otherwise) and return it."""
    from news.factories import NewsArticlePageFactory

    number = next(_numbers)
    return NewsArticlePageFactory(
        parent=index,
        title=title or f"Article number {number}",
        slug=f"article-{number}",
        area=area,
        published_at=when,
        topics=list(topics),
        draft=not publish,
        **fields,
    )


def bulk_articles(index, area, count, *, start=None, image=None):
    """Many live articles quickly (no revisions), one hour apart, newest first by number.

    They are searchable, but not in Wagtail's reference index (the "usage" of the image):
    keeping it up to date was a fifth of the time, and no test of listings reads it.
    """
    from wagtail.signal_handlers import disable_reference_index_auto_update

    with disable_reference_index_auto_update():
        return _bulk_articles(index, area, count, start=start, image=image)


def _bulk_articles(index, area, count, *, start, image):
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
