"""News outside the news section: latest news on the home page, related news on programmes."""

from datetime import datetime
from zoneinfo import ZoneInfo

from django.utils.html import escape

from cms.factories import ProgrammeIndexPageFactory, ProgrammePageFactory

LONDON = ZoneInfo("Europe/London")


def test_home_page_shows_the_three_latest_articles(client, make_article):
    titles = [f"Story from day {day}" for day in range(1, 5)]
    for day, title in enumerate(titles, start=1):
        make_article(title=title, when=datetime(2026, 6, day, 9, 0, tzinfo=LONDON))
    html = client.get("/").content.decode()
    assert "Latest news" in html
    html = html[html.index('class="latest-news"') :]  # current appeals above may repeat some
    for title in titles[1:]:
        assert escape(title) in html
    assert escape(titles[0]) not in html


def test_programme_page_shows_news_on_its_topic(client, home_page, make_article):
    on_topic = make_article(title="Cadets march on Remembrance Sunday", topics=["Cadets"])
    off_topic = make_article(title="Drugs seized in Eastmoor", topics=["Drugs"])
    index = ProgrammeIndexPageFactory(parent=home_page)
    cadets = ProgrammePageFactory(parent=index, title="Cadets", news_topic="cadets")
    html = client.get(cadets.url).content.decode()
    assert "Related news" in html
    assert escape(on_topic.title) in html
    assert escape(off_topic.title) not in html


def test_programme_page_without_a_topic_shows_no_related_news(client, home_page, make_article):
    make_article(title="Cadets march on Remembrance Sunday", topics=["Cadets"])
    index = ProgrammeIndexPageFactory(parent=home_page)
    cadets = ProgrammePageFactory(parent=index, title="Cadets")
    assert "Related news" not in client.get(cadets.url).content.decode()
