"""The anonymous page cache: fast for everyone, yet no visitor sees another's state."""

import pytest
from django.core.cache import cache
from django.test import Client

from cms.demo import load_site_pages
from cms.page_cache import HEADER

BANNER = "Accept additional cookies"
ANALYTICS = 'js/analytics.js" data-analytics-id="G-TEST123"'


@pytest.fixture
def cached_site(settings, site_settings, home_page):
    load_site_pages(home_page)
    settings.PAGE_CACHE_SECONDS = 300
    cache.clear()
    site_settings.analytics_id = "G-TEST123"
    site_settings.save()
    yield site_settings
    cache.clear()


def test_a_second_anonymous_visit_is_served_from_the_cache_without_queries(
    cached_site, django_assert_num_queries
):
    first = Client().get("/")
    assert first[HEADER] == "miss"
    with django_assert_num_queries(0):
        second = Client().get("/")
    assert second[HEADER] == "hit"
    assert second.content == first.content


def test_accepting_cookies_does_not_hide_the_banner_from_another_visitor(cached_site):
    undecided, accepter = Client(), Client()
    assert BANNER in undecided.get("/").content.decode()

    confirmation = accepter.post("/cookies/", {"cookies": "accept", "next": "/"}, follow=True)
    assert "You’ve accepted additional cookies." in confirmation.content.decode()
    assert HEADER not in confirmation  # a page with a message is never stored
    accepted = accepter.get("/").content.decode()
    assert BANNER not in accepted
    assert ANALYTICS in accepted

    again = undecided.get("/")
    assert again[HEADER] == "hit"
    html = again.content.decode()
    assert BANNER in html
    assert ANALYTICS not in html
    assert "You’ve accepted additional cookies." not in html


def test_a_visitor_who_rejected_never_gets_analytics_from_one_who_accepted(cached_site):
    accepter, rejecter = Client(), Client()
    accepter.post("/cookies/", {"cookies": "accept", "next": "/"}, follow=True)
    rejecter.post("/cookies/", {"cookies": "reject", "next": "/"}, follow=True)
    assert ANALYTICS in accepter.get("/").content.decode()
    rejected = rejecter.get("/").content.decode()
    assert ANALYTICS not in rejected
    assert BANNER not in rejected


def test_the_cookie_confirmation_never_reaches_another_visitor(cached_site):
    chooser, other = Client(), Client()
    chooser.post("/cookies/", {"cookies": "reject", "next": "/safety/"}, follow=True)
    # The other visitor has the same consent cookie but no message waiting.
    other.cookies["bluelamp_consent"] = chooser.cookies["bluelamp_consent"].value
    response = other.get("/safety/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "You’ve rejected additional cookies." not in html


def test_a_page_with_a_form_is_never_cached_and_each_visitor_gets_their_own_token(
    cached_site, home_page
):
    first, second = Client(), Client()
    one = first.get("/feedback/")
    two = second.get("/feedback/")
    assert one.status_code == two.status_code == 200
    assert HEADER not in one and HEADER not in two
    assert one.cookies["csrftoken"].value != two.cookies["csrftoken"].value
    token = one.cookies["csrftoken"].value
    assert token not in two.content.decode()


def test_a_logged_in_editor_bypasses_the_cache_and_keeps_the_userbar_to_themselves(
    cached_site, admin_client
):
    anonymous = Client()
    anonymous.get("/")
    editor = admin_client.get("/")
    assert HEADER not in editor
    assert "wagtail-userbar" in editor.content.decode()
    assert "wagtail-userbar" not in anonymous.get("/").content.decode()


def test_posts_are_never_answered_from_the_cache(cached_site):
    Client().get("/cookies/")
    response = Client().post("/cookies/", {"cookies": "accept", "next": "/"})
    assert response.status_code == 302


def test_publishing_a_change_purges_the_cached_pages(cached_site, home_page):
    visitor = Client()
    visitor.get("/")
    assert visitor.get("/")[HEADER] == "hit"
    home_page.title = "Renamed home"
    home_page.seo_title = ""
    home_page.save_revision().publish()
    fresh = visitor.get("/")
    assert fresh[HEADER] == "miss"
    assert "Renamed home" in fresh.content.decode()


def test_unpublishing_a_page_removes_it_at_once(cached_site, home_page):
    visitor = Client()
    assert visitor.get("/safety/").status_code == 200
    assert visitor.get("/safety/")[HEADER] == "hit"
    home_page.get_children().get(slug="safety").specific.unpublish()
    assert visitor.get("/safety/").status_code == 404
