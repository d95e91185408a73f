"""Pieces of every page kept per page-cache generation: menu, footer, cards, site, search.

Each is rendered once and then served from the cache until something is published; these
tests check a kept piece never shows a reader something that is not true of their page.
"""

import pytest
from django.db import connection
from django.template import Context, Template
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from wagtail.models import Site

from cms.factories import ContentPageFactory, ProgrammeIndexPageFactory, ProgrammePageFactory
from news.factories import NewsArticlePageFactory, NewsIndexPageFactory

pytestmark = pytest.mark.django_db


def main_menu(client, url):
    html = client.get(url).content.decode()
    start = html.index('aria-label="Main"')
    return html[start : html.index("</nav>", start)]


def test_each_page_of_a_section_marks_itself_in_the_kept_menu(client, home_page):
    index = ProgrammeIndexPageFactory(parent=home_page)
    cadets = ProgrammePageFactory(parent=index, title="Cadets", slug="cadets")
    ProgrammePageFactory(parent=index, title="Specials", slug="specials")
    below = ContentPageFactory(parent=cadets, title="Cadet units", slug="units")

    nav = main_menu(client, "/volunteer/specials/")
    assert 'href="/volunteer/specials/" aria-current="page"' in nav
    assert 'href="/volunteer/cadets/">' in nav  # not marked: another page of the section

    nav = main_menu(client, "/volunteer/cadets/")
    assert 'href="/volunteer/cadets/" aria-current="page"' in nav
    assert 'href="/volunteer/specials/">' in nav
    assert 'href="/volunteer/" aria-current="true"' in nav

    # Below the menu's depth the section stays marked, and no item is "the page".
    nav = main_menu(client, below.url)
    assert 'href="/volunteer/cadets/" aria-current="true"' in nav
    assert 'aria-current="page"' not in nav

    nav = main_menu(client, "/")
    assert 'href="/" aria-current="page"' in nav
    assert 'href="/volunteer/" aria-current' not in nav


def test_the_menu_is_rendered_once_then_kept_until_a_publish(client, home_page):
    index = ProgrammeIndexPageFactory(parent=home_page)
    programme = ProgrammePageFactory(parent=index, title="Cadets", slug="cadets")
    client.get("/")
    with CaptureQueriesContext(connection) as captured:
        client.get("/")
    assert not [q for q in captured if "show_in_menus" in q["sql"].partition("WHERE")[2]]

    programme.title = "Volunteer Police Cadets"
    programme.save_revision().publish()
    assert "Volunteer Police Cadets" in main_menu(client, "/")


def test_a_card_shows_the_article_as_last_published(client, home_page):
    index = NewsIndexPageFactory(parent=home_page)
    article = NewsArticlePageFactory(
        parent=index, title="Road closed in Northvale", summary="Diversions are in place."
    )
    assert "Road closed in Northvale" in client.get(index.url).content.decode()

    article.title = "Road reopened in Northvale"
    article.save_revision().publish()
    html = client.get(index.url).content.decode()
    assert "Road reopened in Northvale" in html
    assert "Road closed in Northvale" not in html


def test_the_footer_follows_a_settings_change(client, site_settings):
    site_settings.contact_phone = "101"
    site_settings.save()
    assert 'Non-emergency number: <a href="tel:101">' in client.get("/").content.decode()
    site_settings.contact_phone = "0300 123 4567"
    site_settings.save()
    html = client.get("/").content.decode()
    footer = html[html.index('<footer class="footer">') :]
    assert 'Non-emergency number: <a href="tel:03001234567">0300 123 4567</a>' in footer


def test_a_preview_never_shows_or_keeps_a_kept_piece():
    template = Template('{% load fragment_tags %}{% fragment "t" "key" %}{{ v }}{% endfragment %}')
    request = RequestFactory().get("/")
    assert template.render(Context({"request": request, "v": "live"})) == "live"
    assert template.render(Context({"request": request, "v": "other"})) == "live"  # kept
    request.is_preview = True
    assert template.render(Context({"request": request, "v": "draft"})) == "draft"
    del request.is_preview
    assert template.render(Context({"request": request, "v": "other"})) == "live"


def test_a_site_given_a_new_root_page_serves_it_at_once(client, home_page):
    client.get("/")  # the site and its root page are kept
    landing = ContentPageFactory(parent=home_page, title="Winter campaign", slug="winter")
    site = Site.objects.get(is_default_site=True)
    site.root_page = landing
    site.save()
    html = client.get("/").content.decode()
    assert "<h1" in html and "Winter campaign" in html[html.index("<h1") :]


def test_the_next_page_of_results_runs_no_search_again(client, home_page):
    index = NewsIndexPageFactory(parent=home_page)
    for n in range(12):  # ten results a page: two pages
        NewsArticlePageFactory(parent=index, title=f"Witness appeal {n}")
    first = client.get("/search/", {"q": "witness appeal"})
    assert first.status_code == 200 and "Witness appeal" in first.content.decode()
    with CaptureQueriesContext(connection) as captured:
        second = client.get("/search/", {"q": "witness appeal", "page": 2})
    assert "Witness appeal" in second.content.decode()
    assert not [q for q in captured if "wagtailsearch" in q["sql"]]


def test_a_page_published_after_a_search_is_found_by_it(client, home_page):
    index = NewsIndexPageFactory(parent=home_page)
    NewsArticlePageFactory(parent=index, title="Burglary in Eastmoor")
    assert "Burglary in Eastmoor" in client.get("/search/", {"q": "burglary"}).content.decode()
    NewsArticlePageFactory(parent=index, title="Second burglary in Eastmoor")  # published
    html = client.get("/search/", {"q": "burglary"}).content.decode()
    assert "Second burglary in Eastmoor" in html


def test_a_card_shows_its_image_as_last_cropped(client, home_page):
    index = NewsIndexPageFactory(parent=home_page)
    article = NewsArticlePageFactory(parent=index, with_image=True)

    def card_sources():
        html = client.get(index.url).content.decode()
        card = html[html.index('class="card news-card"') :]
        return card[: card.index("</picture>")]

    before = card_sources()
    assert before == card_sources()  # kept
    image = article.hero_image
    image.set_focal_point(image.get_rect().__class__(0, 0, 10, 10))
    image.save()
    after = card_sources()
    assert after != before  # the renditions for the new crop, not the deleted ones
