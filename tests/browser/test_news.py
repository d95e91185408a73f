"""The news section in a real browser: filters without JavaScript, keyboard use, metadata."""

import re

import pytest


@pytest.fixture
def demo_news(demo_site):
    """The demo's news section (a journey over many articles, months and areas)."""
    return demo_site


def test_filters_work_without_javascript_and_show_in_the_url(page_without_js, demo_news):
    tab = page_without_js
    tab.goto("/news/")
    tab.select_option("#filter-area", "northvale")
    tab.select_option("#filter-year", "2026")
    tab.get_by_role("button", name="Apply filters").click()
    tab.wait_for_load_state()
    assert re.search(r"area=northvale", tab.url) and "year=2026" in tab.url
    cards = tab.locator(".news-list .card__title a")
    # Northvale's two articles of 2026 and its open missing-person appeal, newest first.
    assert cards.all_inner_texts() == [
        "Have you seen Sam, 15, missing from Northvale?",
        "Northvale's first Mini Police graduate",
        "Free bike marking at Northvale railway station",
    ]
    assert "Northvale" in tab.locator("[role=status].news-count").inner_text()
    tab.select_option("#filter-type", "appeals")
    tab.get_by_role("button", name="Apply filters").click()
    tab.wait_for_load_state()
    assert "type=appeals" in tab.url and "area=northvale" in tab.url
    assert cards.all_inner_texts() == ["Have you seen Sam, 15, missing from Northvale?"]
    tab.get_by_role("link", name="Clear filters").click()
    tab.wait_for_load_state()
    assert tab.locator(".news-list .card__title a").count() == 12


def test_keyboard_reaches_filters_articles_and_pagination(page, demo_news):
    page.goto("/news/")
    reached = set()
    for _ in range(60):
        page.keyboard.press("Tab")
        focused = page.evaluate(
            "() => document.activeElement.id || document.activeElement.getAttribute('rel')"
            " || document.activeElement.closest('.card__title') && 'card'"
        )
        reached.add(focused)
    assert {"filter-area", "filter-topic", "filter-year", "filter-month"} <= reached
    assert "card" in reached and "next" in reached


def test_article_page_has_share_metadata_in_the_head(page, demo_news):
    page.goto("/news/volunteers-week-thank-you/")
    assert (
        page.title() == "Volunteers' Week: thank you to our 300 volunteers | Blue Lamp Constabulary"
    )
    og_image = page.locator('meta[property="og:image"]').get_attribute("content")
    assert og_image.endswith(".jpg") and "fill-1200x630" in og_image
    assert page.locator('meta[property="og:type"]').get_attribute("content") == "article"
    assert page.locator('script[type="application/ld+json"]').count() == 1
    assert page.locator("time").first.inner_text() == "16:01 01/06/2026"
