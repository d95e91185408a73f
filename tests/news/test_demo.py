"""The demo news: enough articles over months and areas, and safe to load twice."""

from django.core.management import call_command

from news.demo import APPEALS, ARTICLES
from news.models import NewsArticlePage, NewsIndexPage


def test_demo_news_covers_months_and_areas(client, demo_site):
    index = NewsIndexPage.objects.get()
    assert index.url == "/news/" and index.show_in_menus
    # Appeals are news too, but only an open one with a person's photo has an image.
    articles = NewsArticlePage.objects.live().child_of(index).filter(appealpage__isnull=True)
    assert articles.count() >= 12
    assert len({(a.published_at.year, a.published_at.month) for a in articles}) >= 6
    assert len({a.area_id for a in articles}) >= 4
    assert all(a.hero_image_id and a.hero_image_alt for a in articles)
    html = client.get("/news/").content.decode()
    assert "Page 1 of 2" in html


def test_loading_twice_changes_nothing(demo_site, settings):
    before = NewsArticlePage.objects.count()
    call_command("load_demo_content", stdout=open("/dev/null", "w"))
    assert NewsArticlePage.objects.count() == before == len(ARTICLES) + len(APPEALS)
