"""The home page as a reader sees it, and the menu, breadcrumbs and footer on every page."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cms.factories import ContentPageFactory, ProgrammeIndexPageFactory, ProgrammePageFactory
from home.models import HomePageProgrammePromo

pytestmark = pytest.mark.django_db


def test_demo_home_page_has_hero_notice_quick_links_and_promos(client, demo_site):
    html = client.get("/").content.decode()
    assert "Keeping Blue Lamp’s communities safe" in html
    footer = html[html.index('<footer class="footer">') :]
    assert "In an emergency call" in footer
    # 999 and 101 are tap-to-call links in the footer and in the home page's notice.
    for part in (html[: html.index('<footer class="footer">')], footer):
        assert '<a href="tel:999">999</a>' in part and '<a href="tel:101">101</a>' in part
    assert "How can we help?" in html and 'href="/safety/"' in html
    for title in ["Special Constables", "Police Support Volunteers", "Mini Police"]:
        assert title in html
    assert 'href="/volunteer/"' in html  # the hero's button


def test_emergency_notice_comes_from_site_settings(client, site_settings):
    site_settings.emergency_notice = "Call 999 if a life is at risk <now>."
    site_settings.save()
    html = client.get("/").content.decode()
    assert 'Call <a href="tel:999">999</a> if a life is at risk &lt;now&gt;.' in html


def test_home_page_promotes_only_published_programmes_in_editors_order(client, home_page):
    index = ProgrammeIndexPageFactory(parent=home_page)
    first = ProgrammePageFactory(parent=index, title="Mini Police")
    second = ProgrammePageFactory(parent=index, title="Cadets")
    hidden = ProgrammePageFactory(parent=index, title="Unpublished scheme", live=False)
    home_page.programme_promos = [
        HomePageProgrammePromo(programme=first, sort_order=1),
        HomePageProgrammePromo(programme=second, sort_order=0),
        HomePageProgrammePromo(programme=hidden, sort_order=2),
    ]
    home_page.save_revision().publish()
    html = client.get("/").content.decode()
    promos = html[html.index('id="promos-heading"') :]
    assert promos.index("Cadets") < promos.index("Mini Police")
    assert "Unpublished scheme" not in html


def test_main_menu_lists_in_menu_sections_and_marks_the_current_one(client, home_page):
    index = ProgrammeIndexPageFactory(parent=home_page)
    programme = ProgrammePageFactory(parent=index, title="Cadets", slug="cadets")
    ContentPageFactory(parent=home_page, title="Not in menu", slug="quiet", show_in_menus=False)
    html = client.get(programme.url).content.decode()
    nav = html[
        html.index('aria-label="Main"') : html.index("</nav>", html.index('aria-label="Main"'))
    ]
    assert 'href="/volunteer/cadets/" aria-current="page"' in nav
    assert 'href="/volunteer/" aria-current="true"' in nav
    assert "Not in menu" not in nav
    assert "data-closable" in nav  # Escape closes the phone menu before it leaves the site


def test_main_menu_costs_the_same_queries_however_many_sections(client, home_page):
    def queries_for_home():
        cache.clear()  # factories publish no signal: build the menu from the pages there are now
        client.get("/")  # warm caches (site root paths, settings, the menu)
        with CaptureQueriesContext(connection) as captured:
            client.get("/")
        return len(captured)

    index = ProgrammeIndexPageFactory(parent=home_page)
    ProgrammePageFactory(parent=index)
    few = queries_for_home()
    for n in range(4):
        ContentPageFactory(parent=home_page, title=f"Section {n}", show_in_menus=True)
        ProgrammePageFactory(parent=index)
    many = queries_for_home()
    assert many == few
    html = client.get("/").content.decode()
    assert "Section 3" in html


def test_menu_is_queried_once_then_kept_until_the_next_publish(client, home_page):
    ProgrammeIndexPageFactory(parent=home_page)

    def menu_queries():
        with CaptureQueriesContext(connection) as captured:
            client.get("/")
        # The menu's query is the one that filters on show_in_menus (others merely select it).
        return [q for q in captured if "show_in_menus" in q["sql"].partition("WHERE")[2]]

    assert len(menu_queries()) == 1  # shown twice (phone and desktop), queried once
    assert len(menu_queries()) == 0  # kept in the cache for this page-cache generation
    home_page.save_revision().publish()
    assert len(menu_queries()) == 1


def test_private_sections_stay_out_of_the_menu(client, home_page):
    from wagtail.models import PageViewRestriction

    private = ContentPageFactory(parent=home_page, title="Staff only", show_in_menus=True)
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    assert "Staff only" not in client.get("/").content.decode()


def test_breadcrumbs_lead_back_home(client, home_page):
    index = ProgrammeIndexPageFactory(parent=home_page)
    programme = ProgrammePageFactory(parent=index, title="Cadets", slug="cadets")
    html = client.get(programme.url).content.decode()
    crumbs = html[html.index('aria-label="Breadcrumb"') :]
    assert '<a href="/">Home</a>' in crumbs
    assert '<a href="/volunteer/">Volunteer with us</a>' in crumbs
    assert '<li aria-current="page">Cadets</li>' in crumbs


def test_footer_links_come_from_site_settings(client, site_settings):
    html = client.get("/").content.decode()
    assert 'href="/accessibility/">Accessibility statement' in html
    site_settings.footer_links = [
        ("link", {"text": "Freedom of information", "page": None, "url": "/foi/"})
    ]
    site_settings.save()
    html = client.get("/").content.decode()
    assert 'href="/foi/">Freedom of information' in html
    assert "Accessibility statement" not in html


def _queries_for(client, path):
    client.get(path)  # warm caches and renditions
    with CaptureQueriesContext(connection) as captured:
        client.get(path)
    return len(captured)


def test_programme_cards_cost_the_same_queries_however_many(client, home_page):
    from wagtail_factories import ImageFactory

    index = ProgrammeIndexPageFactory(parent=home_page)

    def add_programme(n):
        programme = ProgrammePageFactory(parent=index, image=ImageFactory(title=f"Picture {n}"))
        home_page.programme_promos.add(HomePageProgrammePromo(programme=programme))

    add_programme(0)
    home_page.save_revision().publish()
    few = (_queries_for(client, "/"), _queries_for(client, "/volunteer/"))
    for n in range(1, 4):
        add_programme(n)
    home_page.save_revision().publish()
    many = (_queries_for(client, "/"), _queries_for(client, "/volunteer/"))
    assert many == few
    assert client.get("/").content.decode().count('class="card__image"') == 4


def test_a_link_needs_a_page_or_an_address():
    from django.core.exceptions import ValidationError

    from cms.blocks import LinkBlock

    block = LinkBlock()
    with pytest.raises(ValidationError):
        block.clean(block.to_python({"text": "Nowhere", "page": None, "url": ""}))
    assert block.clean(block.to_python({"text": "News", "page": None, "url": "/news/"}))
