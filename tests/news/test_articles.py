"""News articles: what a reader sees, and the rules editors meet."""

import json
import re
from datetime import datetime

import pytest
from django.core.exceptions import ValidationError
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed

from .conftest import LONDON

VIDEO_URL = "https://www.youtube.com/watch?v=blue-lamp-test"


def html_of(response):
    assert response.status_code == 200
    return response.content.decode()


def test_article_shows_time_and_date_the_uk_force_way(client, make_article):
    article = make_article(when=datetime(2020, 6, 1, 16, 1, tzinfo=LONDON), area="northvale")
    html = html_of(client.get(article.url))
    assert '<time datetime="2020-06-01T16:01:00+01:00">16:01 01/06/2020</time>' in html
    assert "Northvale" in html
    assert article.summary in html


def test_published_time_defaults_to_first_publication(make_article):
    article = make_article(when=None)
    assert article.published_at is not None
    assert article.published_at == article.first_published_at


def test_an_editor_can_set_the_published_time(make_article):
    when = datetime(2025, 12, 24, 9, 30, tzinfo=LONDON)
    article = make_article(when=when)
    assert article.published_at == when
    assert article.display_date == when


def test_hero_image_needs_alt_text(make_article, test_image):
    article = make_article()
    article.hero_image = test_image
    article.hero_image_alt = "  "
    with pytest.raises(ValidationError) as caught:
        article.full_clean()
    assert "hero_image_alt" in caught.value.message_dict


def test_summary_is_required(make_article):
    article = make_article()
    article.summary = ""
    with pytest.raises(ValidationError) as caught:
        article.full_clean()
    assert "summary" in caught.value.message_dict


def test_hero_image_rendered_with_its_alt_text(client, make_article, test_image):
    article = make_article(hero_image=test_image, hero_image_alt="Cadets on parade")
    html = html_of(client.get(article.url))
    assert re.search(r'<img [^>]*alt="Cadets on parade"', html)


def test_every_body_block_renders_accessibly_without_the_network(
    client, make_article, test_image, home_page
):
    Embed.objects.create(
        url=VIDEO_URL,
        max_width=800,
        hash=get_embed_hash(VIDEO_URL, 800),
        type="video",
        html='<iframe title="Chief officers say thank you" src="https://www.youtube-nocookie.com/embed/x"></iframe>',
        title="Chief officers say thank you",
    )
    body = [
        ("heading", {"text": "What happened", "level": "h2"}),
        ("paragraph", "<p>Officers were called at <b>10pm</b>.</p>"),
        ("image", {"image": test_image.pk, "alt_text": "The scene", "caption": "The High Street"}),
        ("quote", {"text": "We are grateful.", "attribution": "The Chief Constable"}),
        (
            "call_to_action",
            {
                "heading": "Volunteer with us",
                "text": "Join the Specials.",
                "link_page": None,
                "link_url": "https://example.org/specials",
                "link_text": "Find out more",
            },
        ),
        (
            "accordion",
            {
                "heading": "Questions",
                "items": [{"heading": "Who can join?", "content": "<p>Anyone over 18.</p>"}],
            },
        ),
        (
            "video",
            {
                "video": VIDEO_URL,
                "title": "Chief officers say thank you",
                "transcript": "Thank you all.",
            },
        ),
        (
            "related_links",
            {
                "heading": "Related links",
                "links": [
                    {"page": home_page.pk, "url": "", "text": "Our home page"},
                    {"page": None, "url": "https://example.org/", "text": "Another site"},
                ],
            },
        ),
    ]
    article = make_article(body=[{"type": kind, "value": value} for kind, value in body])
    html = html_of(client.get(article.url))
    assert '<h2 class="heading-l">What happened</h2>' in html
    assert "<b>10pm</b>" in html
    assert 'alt="The scene"' in html and "<figcaption>The High Street</figcaption>" in html
    assert "We are grateful." in html and "The Chief Constable" in html
    assert 'href="https://example.org/specials"' in html
    assert "<summary" in html and "Who can join?" in html
    assert 'title="Chief officers say thank you"' in html and "Thank you all." in html
    assert '<nav class="related-links" aria-label="Related links">' in html
    assert f'<a href="{home_page.url}">Our home page</a>' in html
    assert 'href="https://example.org/">Another site</a>' in html


def test_related_news_shares_area_or_topic(client, make_article):
    article = make_article(area="northvale", topics=["Cadets"])
    same_area = make_article(area="northvale", title="Same area story")
    same_topic = make_article(area="eastmoor", topics=["Cadets"], title="Same topic story")
    unrelated = make_article(area="riverside", topics=["Fraud"], title="Unrelated story")
    draft = make_article(area="northvale", title="Draft story", publish=False)
    related = article.related_articles()
    assert {page.pk for page in related} == {same_area.pk, same_topic.pk}
    html = html_of(client.get(article.url))
    assert "Same area story" in html and "Same topic story" in html
    assert unrelated.title not in html and draft.title not in html


def test_article_topics_link_to_the_filtered_index(client, make_article, news_index):
    article = make_article(topics=["Road safety"])
    html = html_of(client.get(article.url))
    assert f'href="{news_index.url}?topic=road-safety">Road safety</a>' in html


def test_article_has_news_article_json_ld(client, make_article, test_image):
    article = make_article(
        when=datetime(2026, 3, 1, 9, 0, tzinfo=LONDON),
        hero_image=test_image,
        hero_image_alt="A picture </script><script>alert(1)</script>",
        topics=["Fraud"],
        title="Scam </script> warning",
    )
    html = html_of(client.get(article.url))
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert match, "no JSON-LD"
    data = json.loads(match.group(1))
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == "Scam </script> warning"
    assert data["datePublished"].startswith("2026-03-01T09:00:00")
    # Wide, classic and square crops (tests/news/test_structured_data.py checks their shapes).
    assert [url.rsplit(".", 2)[1] for url in data["image"]] == [
        "fill-1200x675",
        "fill-1200x900",
        "fill-1200x1200",
    ]
    assert data["keywords"] == ["Fraud"]
    assert "<script>alert" not in html
