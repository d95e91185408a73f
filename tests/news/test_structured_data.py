"""What search engines and social sites read from an article: the NewsArticle's publisher and
images, and the Open Graph article times."""

import json
import re
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders
from PIL import Image

from .conftest import build_article

LONDON = ZoneInfo("Europe/London")


def json_ld(html):
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert match, "no JSON-LD on the page"
    return json.loads(match.group(1))


@pytest.fixture
def article(news_index, areas, test_image):
    return build_article(
        news_index,
        areas["eastmoor"],
        title="Warrant in Eastmoor",
        when=datetime(2026, 5, 19, 8, 40, tzinfo=LONDON),
        hero_image=test_image,
        hero_image_alt="A street at night.",
    )


def test_news_article_publisher_has_a_url_and_a_square_logo(client, article):
    data = json_ld(client.get(article.url).content.decode())
    publisher = data["publisher"]
    assert publisher["@type"] == "Organization"
    assert publisher["name"] == "Blue Lamp Constabulary"
    assert publisher["url"] == "http://testserver/"
    logo = publisher["logo"]
    assert logo["url"] == "http://testserver/static/img/logo-512.png"
    with Image.open(finders.find("img/logo-512.png")) as image:
        assert image.size == (logo["width"], logo["height"]) == (512, 512)


def test_news_article_image_is_offered_at_16_9_4_3_and_1_1(client, article):
    images = json_ld(client.get(article.url).content.decode())["image"]
    assert len(images) == 3
    ratios = []
    for url in images:
        assert url.startswith("http://testserver/media/")
        with Image.open(_media(url)) as image:
            width, height = image.size
        ratios.append(round(width / height, 2))
    assert ratios == [round(16 / 9, 2), round(4 / 3, 2), 1.0]


def _media(url):
    return settings.MEDIA_ROOT / url.split("/media/", 1)[1]


def test_article_without_an_image_offers_the_site_picture(client, news_index, areas):
    plain = build_article(news_index, areas["eastmoor"], title="No picture")
    data = json_ld(client.get(plain.url).content.decode())
    assert data["image"] == ["http://testserver/static/img/og-default.png"]


def test_open_graph_carries_the_published_and_modified_times(client, article):
    html = client.get(article.url).content.decode()
    published = re.search(r'<meta property="article:published_time" content="([^"]+)">', html)
    modified = re.search(r'<meta property="article:modified_time" content="([^"]+)">', html)
    assert published.group(1) == "2026-05-19T08:40:00+01:00"
    article.refresh_from_db()
    assert datetime.fromisoformat(modified.group(1)) == article.last_published_at
    data = json_ld(html)
    assert datetime.fromisoformat(data["datePublished"]) == datetime.fromisoformat(
        published.group(1)
    )


def test_pages_that_are_not_articles_have_no_article_times(client, news_index):
    html = client.get(news_index.url).content.decode()
    assert "article:published_time" not in html
