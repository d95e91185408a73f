"""Redis down under production settings: the public site, both journeys and the queues still
answer 200, more slowly, and the health page says so (issue 23's "the shared cache is an
accelerator"). The cache aliases point at a closed port, where nothing listens. Here, beside
the recruitment fixtures, since the journeys are most of what it walks."""

import logging

import pytest
from django.test import Client

from config.settings.base import cache_alias
from news.factories import NewsArticlePageFactory, NewsIndexPageFactory
from recruitment.models import MiniPoliceRegistration, SpecialConstableApplication
from tests.recruitment.conftest import step_posts

CLOSED_PORT = "redis://127.0.0.1:1/"


@pytest.fixture
def redis_down(settings, site_settings):
    """Production's cache configuration and page cache, with Redis unreachable."""
    settings.CACHES = {
        "default": cache_alias("default", CLOSED_PORT, "bluelamp"),
        "ratelimit": cache_alias("ratelimit", CLOSED_PORT, "bluelamp-rl", FALLBACK="local"),
    }
    settings.PAGE_CACHE_SECONDS = 300
    settings.ALLOWED_HOSTS = ["testserver"]
    return site_settings


def walk_journey(client, page, answers):
    """Every step of a journey, each page fetched as the browser would after its redirect."""
    assert client.get(page.url).status_code == 200
    for url, data, headers in step_posts(page, answers):
        response = client.post(url, data, **headers)
        assert response.status_code == 302, (url, response.status_code)
        shown = client.get(response["Location"])
        assert shown.status_code == 200, (response["Location"], shown.status_code)
    return shown


def test_public_pages_answer_with_redis_down(redis_down, home_page, areas, form_pages):
    from cms.models import Area

    index = NewsIndexPageFactory(parent=home_page)
    index.save_revision().publish()
    article = NewsArticlePageFactory(
        parent=index, title="Appeal after a burglary", area=Area.objects.first(), with_image=True
    )
    programme = form_pages[0].get_parent()
    visitor = Client()
    for url in ["/", "/news/", article.url, programme.url, "/search/?q=burglary", "/cookies/"]:
        assert visitor.get(url).status_code == 200, url
        assert visitor.get(url).status_code == 200, url  # and again: nothing was kept


def test_both_journeys_work_to_the_thank_you_page_with_redis_down(
    redis_down,
    specials_page,
    special_answers,
    mini_page,
    mini_answers,
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        thanks = walk_journey(Client(), specials_page, special_answers)
        assert "SC-" in thanks.content.decode()
        thanks = walk_journey(Client(), mini_page, mini_answers)
        assert "MP-" in thanks.content.decode()
    assert SpecialConstableApplication.objects.count() == 1
    assert MiniPoliceRegistration.objects.count() == 1


def test_the_queues_answer_with_redis_down(redis_down, client, login_as, areas):
    login_as("recruiter")
    for name in ("specialconstableapplication", "minipoliceregistration"):
        assert client.get(f"/admin/recruitment/{name}/").status_code == 200
    assert client.get("/admin/recruitment/").status_code == 200


def test_the_rate_limit_still_counts_per_process_with_redis_down(redis_down, settings):
    settings.RECRUITMENT_LINK_RATE_LIMIT = 2
    from recruitment import ratelimit

    class Request:
        META = {"REMOTE_ADDR": "203.0.113.9"}

    for _ in range(2):
        assert not ratelimit.limited(Request, "links")
        ratelimit.count(Request, "links")
    assert ratelimit.limited(Request, "links")


def test_health_page_says_degraded_and_counts_failures_with_redis_down(redis_down, caplog):
    with caplog.at_level(logging.WARNING, logger="cms.shared_cache"):
        Client().get("/health/")  # the first call finds it down
        response = Client().get("/health/")
    assert response.status_code == 200
    data = response.json()
    assert data["status"] == "degraded"
    assert data["database"] == {"reachable": True}
    assert data["caches"]["default"]["reachable"] is False
    assert data["caches"]["default"]["failures"] >= 1
    assert "no-store" in response["Cache-Control"]
    assert len([r for r in caplog.records if "unreachable" in r.getMessage()]) == 2  # per alias


def test_health_page_says_ok_when_everything_answers(db, client):
    response = client.get("/health/")
    assert response.status_code == 200
    assert response.json()["status"] == "ok"
    assert set(response.json()["caches"]) == {"default", "ratelimit"}
