"""A moderator marks a missing-person appeal found safe in the admin, by keyboard and mouse as
staff do; the photo is then gone from the page, its share image and its address."""

import re
from urllib.parse import urlsplit

import pytest
from django.contrib.auth.models import Group

from news.enums import AppealStatus
from news.factories import AppealPageFactory
from news.models import AppealPage, NewsIndexPage

PASSWORD = "browser-appeals-42"

pytestmark = pytest.mark.urls("tests.news.media_urls")


@pytest.fixture
def appeal(settings, tmp_path, django_user_model):
    from cms.demo import demo_image, load_areas
    from home.demo import load_home

    settings.MEDIA_ROOT = tmp_path
    home, _site = load_home()
    load_areas()
    index = NewsIndexPage(title="News", slug="news")
    home.add_child(instance=index)
    index.save_revision().publish()
    moderator = django_user_model.objects.create_user("moderator", password=PASSWORD)
    moderator.groups.add(Group.objects.get(name="Moderators"))
    photo = demo_image("Photograph of Sam Example", size=(900, 1200), seed=5)
    return AppealPageFactory(parent=index, title="Have you seen Sam, 15?", images=[photo])


def on_live_server(url):
    """The page's absolute addresses name the site's public address (WAGTAILADMIN_BASE_URL,
    http://testserver in tests); keep the path and ask the live server, the browser's base."""
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def test_moderator_marks_a_missing_person_found_safe(page, appeal, sign_in):
    page.goto(appeal.url)
    share_image = page.locator('meta[property="og:image"]').get_attribute("content")
    photo_url = page.locator(".news-article__hero img").get_attribute("src")
    assert "photograph" in share_image and "photograph" in photo_url
    assert page.request.get(on_live_server(photo_url)).status == 200
    assert page.request.get(on_live_server(share_image)).status == 200

    sign_in(page, "moderator")
    page.goto(f"/admin/pages/{appeal.pk}/edit/")
    page.get_by_role("button", name="More actions").click()
    page.get_by_role("link", name="Mark as resolved").click()
    page.get_by_label("Outcome").select_option("found_safe")
    page.get_by_label("Public update (optional)").fill(
        "Sam has been found safe. Thank you for sharing."
    )
    page.get_by_role("button", name="Confirm").click()
    page.wait_for_url(f"**/admin/pages/{appeal.pk}/edit/")
    assert page.get_by_text("is resolved; its images are deleted").count() == 1

    appeal.refresh_from_db()
    assert appeal.status == AppealStatus.RESOLVED
    page.context.clear_cookies()
    page.goto(AppealPage.objects.get(pk=appeal.pk).url)
    assert re.search(
        r"Update \d\d:\d\d \d\d/\d\d/\d{4}: Sam has been found safe",
        page.locator(".appeal-update").inner_text(),
    )
    assert page.locator(".news-article__hero").count() == 0
    new_share = page.locator('meta[property="og:image"]').get_attribute("content")
    assert new_share.endswith("/static/img/og-default.png")
    assert page.request.get(on_live_server(photo_url)).status == 404
    assert page.request.get(on_live_server(share_image)).status == 404
