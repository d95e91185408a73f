"""RSS feeds of the latest news, site-wide and per area."""

import xml.etree.ElementTree as ET

from .conftest import bulk_articles


def items(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    channel = ET.fromstring(response.content).find("channel")
    return channel, channel.findall("item")


def test_site_wide_feed_has_the_latest_twenty(client, news_index, areas):
    made = bulk_articles(news_index, areas["northvale"], 23)
    channel, entries = items(client.get(f"{news_index.url}feed/"))
    assert channel.findtext("title") == "News"
    assert [entry.findtext("title") for entry in entries] == [a.title for a in made[:20]]
    first = entries[0]
    assert first.findtext("link") == f"http://testserver{made[0].url}"
    assert first.findtext("description") == made[0].summary
    assert first.findtext("pubDate")
    assert "Northvale" in [category.text for category in first.findall("category")]


def test_area_feed_has_only_that_area(client, news_index, areas):
    bulk_articles(news_index, areas["northvale"], 3)
    riverside = bulk_articles(news_index, areas["riverside"], 2)
    channel, entries = items(client.get(f"{news_index.url}feed/riverside/"))
    assert channel.findtext("title") == "News: Riverside"
    assert [entry.findtext("title") for entry in entries] == [a.title for a in riverside]


def test_unknown_area_feed_is_not_found(client, news_index):
    assert client.get(f"{news_index.url}feed/atlantis/").status_code == 404


def test_drafts_are_not_in_the_feed(client, make_article, news_index):
    make_article(title="Draft story", publish=False)
    make_article(title="Live story")
    _channel, entries = items(client.get(f"{news_index.url}feed/"))
    assert [entry.findtext("title") for entry in entries] == ["Live story"]
