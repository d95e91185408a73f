"""News outside the news section: latest news on the home page, related news on programmes."""

from django.utils.html import escape


def test_home_page_shows_the_three_latest_articles(client, demo_site):
    from news.models import NewsArticlePage

    latest = NewsArticlePage.objects.live().order_by("-published_at")[:4]
    html = client.get("/").content.decode()
    assert "Latest news" in html
    html = html[html.index('class="latest-news"') :]  # current appeals above may repeat some
    for article in latest[:3]:
        assert escape(article.title) in html
    assert escape(latest[3].title) not in html


def test_programme_page_shows_news_on_its_topic(client, demo_site):
    from news.models import NewsArticlePage

    on_topic = NewsArticlePage.objects.live().filter(topics__slug="cadets")
    off_topic = NewsArticlePage.objects.live().exclude(topics__slug="cadets")
    assert on_topic.exists()
    html = client.get("/volunteer/cadets/").content.decode()
    assert "Related news" in html
    assert escape(on_topic.order_by("-published_at").first().title) in html
    for article in off_topic:
        assert f">{escape(article.title)}<" not in html
