"""The {% latest_news %} tag other pages use."""

import re

from django.template import Context, Template


def render(request, args=""):
    template = Template("{% load news_tags %}{% latest_news " + args + " %}")
    return template.render(Context({"request": request}))


def test_shows_the_newest_cards_with_time_and_summary(rf, make_article, test_image):
    for number in range(4):
        make_article(title=f"Story {number}", hero_image=test_image, hero_image_alt="x")
    html = render(rf.get("/"))
    assert html.count('class="card news-card"') == 3
    assert "Story 3" in html and "Story 0" not in html
    assert "<time datetime=" in html and "Summary of Story 3." in html
    assert 'href="/news/">More news</a>' in html


def test_cards_are_responsive_webp_pictures_with_a_jpeg_fallback(
    rf, make_article, test_image, django_assert_max_num_queries
):
    for number in range(3):
        make_article(title=f"Story {number}", hero_image=test_image, hero_image_alt="x")
    render(rf.get("/"))  # the first view makes the renditions
    # News index, restrictions, articles, topics, renditions, site: none per card.
    with django_assert_max_num_queries(6):
        html = render(rf.get("/"))
    assert html.count("<picture>") == 3
    webp = [tag for tag in re.findall(r"<source [^>]*>", html) if "image/webp" in tag]
    assert len(webp) == 3
    assert all("fill-480x270" in tag and "fill-960x540" in tag for tag in webp)
    assert html.count('loading="lazy"') == 3 and 'alt=""' in html
    assert ".jpg" in html  # the fallback for browsers without WebP


def test_filters_by_area_topic_and_exclude(rf, make_article, areas):
    keep = make_article(area="eastmoor", topics=["Cadets"], title="Eastmoor cadets")
    make_article(area="eastmoor", topics=["Fraud"], title="Eastmoor fraud")
    make_article(area="riverside", topics=["Cadets"], title="Riverside cadets")
    html = render(rf.get("/"), "count=5 area='eastmoor' topic='cadets'")
    assert "Eastmoor cadets" in html and "fraud" not in html and "Riverside" not in html
    by_name = render(rf.get("/"), "count=5 area='eastmoor' topic='Cadets'")
    assert "Eastmoor cadets" in by_name and "fraud" not in by_name
    template = Template("{% load news_tags %}{% latest_news area=area exclude=page %}")
    html = template.render(
        Context({"request": rf.get("/"), "area": areas["eastmoor"], "page": keep})
    )
    assert "Eastmoor fraud" in html and "Eastmoor cadets" not in html


def test_renders_nothing_without_news(rf, news_index):
    assert render(rf.get("/")).strip() == ""
