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


class RenderCounter:
    """Counts full renders of the site layout (base.html) in this thread and others."""

    def __init__(self):
        self.count = 0

    def __call__(self, sender, template, **kwargs):
        if template.name == "base.html":
            self.count += 1


@pytest.fixture
def renders():
    from django.test.signals import template_rendered

    counter = RenderCounter()
    template_rendered.connect(counter)
    yield counter
    template_rendered.disconnect(counter)


def lock_key_for(path):
    from django.test import RequestFactory

    from cms.page_cache import cache_key

    return f"{cache_key(RequestFactory().get(path))}:lock"


def test_after_a_publish_visitors_get_the_stale_copy_while_another_worker_renders(
    cached_site, home_page, renders
):
    visitor = Client()
    assert visitor.get("/safety/")[HEADER] == "miss"
    assert renders.count == 1
    home_page.title = "Renamed home"
    home_page.save_revision().publish()
    # Another worker holds the single-flight lock for /safety/: it is rendering the new copy.
    cache.add(lock_key_for("/safety/"), 1, timeout=30)
    for _ in range(5):
        stale = visitor.get("/safety/")
        assert stale.status_code == 200
        assert stale[HEADER] == "stale"
    assert renders.count == 1
    cache.delete(lock_key_for("/safety/"))
    fresh = visitor.get("/safety/")
    assert fresh[HEADER] == "miss"
    assert visitor.get("/safety/")[HEADER] == "hit"
    assert renders.count == 2


def test_concurrent_requests_for_a_missing_page_cause_one_render(settings, rf, monkeypatch):
    """Two workers (threads) ask for a page nobody has stored: one renders, one waits for it."""
    import threading

    from django.http import HttpResponse

    from cms import page_cache
    from cms.page_cache import PageCacheMiddleware

    # The first render ends only once the second worker is waiting for it (not before it
    # has looked: then it would find the page stored, or the lock free, by timing alone).
    waiting, real_sleep = threading.Event(), page_cache.time.sleep

    def sleep(seconds):
        waiting.set()
        real_sleep(seconds)

    monkeypatch.setattr(page_cache.time, "sleep", sleep)

    settings.PAGE_CACHE_SECONDS = 300
    cache.clear()
    rendering, finish = threading.Event(), threading.Event()
    calls = []

    def slow_render(request):
        calls.append(request)
        rendering.set()
        finish.wait(5)
        return HttpResponse("the page")

    middleware = PageCacheMiddleware(slow_render)
    answers = {}
    first = threading.Thread(target=lambda: answers.setdefault("first", middleware(rf.get("/p/"))))
    first.start()
    assert rendering.wait(5)  # the first worker holds the lock and is rendering
    second = threading.Thread(
        target=lambda: answers.setdefault("second", middleware(rf.get("/p/")))
    )
    second.start()
    assert waiting.wait(5)
    finish.set()
    first.join(5)
    second.join(5)
    assert len(calls) == 1
    assert answers["first"][HEADER] == "miss"
    assert answers["second"][HEADER] == "hit"
    assert answers["second"].content == b"the page"
    cache.clear()


def test_an_unpublished_page_is_never_served_stale(cached_site, home_page):
    visitor = Client()
    visitor.get("/safety/")
    cache.add(lock_key_for("/safety/"), 1, timeout=30)  # even while a worker is rendering
    home_page.get_children().get(slug="safety").specific.unpublish()
    cache.delete(lock_key_for("/safety/"))
    assert visitor.get("/safety/").status_code == 404


def test_stored_pages_tell_a_cdn_how_long_to_keep_them(cached_site, settings):
    settings.PAGE_CACHE_STALE_SECONDS = 600
    response = Client().get("/")
    control = response["Cache-Control"]
    assert "s-maxage=300" in control
    assert "stale-while-revalidate=600" in control
    assert "max-age=0" in control  # browsers ask again, so a consent change shows at once
    assert "Cookie" in response["Vary"]
    assert Client().get("/")["Cache-Control"] == control


def test_http_and_https_are_cached_apart(cached_site):
    visitor = Client()
    visitor.get("/safety/")
    assert visitor.get("/safety/", secure=True)[HEADER] == "miss"
    assert visitor.get("/safety/", secure=True)[HEADER] == "hit"


PURGED = []


class RecordingFrontendCache:
    """A frontend cache backend that records the URLs it is asked to purge."""

    def __init__(self, params):
        self.hostnames = ["*"]

    def invalidates_hostname(self, hostname):
        return True

    def purge(self, url):
        PURGED.append(url)

    def purge_batch(self, urls):
        PURGED.extend(urls)


def test_publishing_an_article_purges_its_listings_from_the_frontend_cache(
    cached_site, settings, home_page
):
    from cms.models import Area
    from news.models import NewsIndexPage
    from tests.news.conftest import build_article

    settings.WAGTAILFRONTENDCACHE = {"default": {"BACKEND": f"{__name__}.RecordingFrontendCache"}}
    index = NewsIndexPage(title="News", slug="news")
    home_page.add_child(instance=index)
    area = Area.objects.create(name="Northvale", slug="northvale")
    PURGED.clear()
    build_article(index, area, title="Witness appeal")
    root = home_page.get_site().root_url
    purged = {url.removeprefix(root) for url in PURGED}
    assert {"/", "/news/", "/news/feed/", "/sitemap.xml"} <= purged


def test_a_form_page_that_issues_no_token_on_get_is_served_from_the_cache(cached_site):
    """Like an application's first (eligibility) page: a form whose GET carries no CSRF token
    and starts no session is the same for everyone, so it is stored; the per-visitor tokens
    come with the answer to its POST (docs/performance.md)."""
    first = Client().get("/search/", {"q": "appeal"})
    assert first[HEADER] == "miss"
    assert "csrfmiddlewaretoken" not in first.content.decode()
    assert not first.cookies
    second = Client().get("/search/", {"q": "appeal"})
    assert second[HEADER] == "hit"


def test_the_local_copy_is_bounded_and_drops_the_least_recently_used(monkeypatch):
    """Search rankings keyed on visitors' words can make many values: the copy keeps the
    newest and the ones in use, never emptying itself whole."""
    from cms import page_cache

    monkeypatch.setattr(page_cache, "LOCAL_LIMIT", 50)
    token = page_cache._request_generations.set(page_cache.UNREAD)
    try:
        page_cache.remember("menu", lambda: "the menu")
        for number in range(200):
            page_cache.remember(f"search:{number}", lambda number=number: number)
            page_cache.remember("menu", lambda: "rebuilt")  # used on every request
        assert len(page_cache._local) == 50
        assert "menu" in page_cache._local
        assert "search:199" in page_cache._local
        assert "search:0" not in page_cache._local
        assert page_cache.remember("menu", lambda: "rebuilt") == "the menu"
    finally:
        page_cache._request_generations.reset(token)


def test_a_local_copy_is_not_served_after_its_time_limit(monkeypatch):
    from cms import page_cache

    now = [1000.0]
    monkeypatch.setattr(page_cache.time, "monotonic", lambda: now[0])
    copies = page_cache.LocalCopies()
    copies.keep("menu", (1, 1), "old menu")
    now[0] += page_cache.LOCAL_SECONDS - 1
    assert copies.get("menu", (1, 1)) == "old menu"
    assert copies.get("menu", (2, 1)) is page_cache.MISSING  # another generation
    now[0] += 1
    assert copies.get("menu", (1, 1)) is page_cache.MISSING
    assert "menu" not in copies


def test_the_render_lock_is_released_only_by_its_owner(settings, rf):
    """A render slower than PAGE_CACHE_LOCK_SECONDS loses its lock; another worker takes a new
    one. When the slow render ends it must not delete the other worker's lock."""
    from django.http import HttpResponse

    from cms.page_cache import PageCacheMiddleware

    settings.PAGE_CACHE_SECONDS = 300
    lock = lock_key_for("/slow/")

    def slow_render(request):
        owner = cache.get(lock)
        assert owner is not None  # this request holds the lock while it renders
        cache.delete(lock)  # ...until it expires,
        cache.add(lock, owner + 1, timeout=30)  # and another worker takes its own
        return HttpResponse("the page")

    assert PageCacheMiddleware(slow_render)(rf.get("/slow/"))[HEADER] == "miss"
    assert cache.get(lock) is not None  # the other worker's lock is still there

    def quick_render(request):
        return HttpResponse("the page")

    cache.clear()
    PageCacheMiddleware(quick_render)(rf.get("/slow/"))
    assert cache.get(lock) is None  # its own lock, released


def test_a_publish_while_redis_is_away_is_written_when_it_returns(settings):
    """Redis unreachable from this instance (a network split) while an editor publishes: when
    it answers again, with its old generations, the move is written then, so no instance
    keeps serving what was there before the publish."""
    from django.core.cache import caches

    from cms import page_cache
    from tests.cms.test_shared_cache import FlakyClient

    settings.CACHES = {
        "default": {
            "BACKEND": "cms.shared_cache.ResilientRedisCache",
            "LOCATION": "redis://cache.invalid:6379/",
            "OPTIONS": {"BREAKER_SECONDS": 0},
        },
        "ratelimit": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    }
    shared = caches["default"]
    shared.__dict__["_cache"] = FlakyClient()
    key = "page-cache:page:home"
    before, _withdrawn, _stored = page_cache.read(key)
    shared._cache.down = True
    page_cache.purge_all()  # the publish: Redis unreachable
    assert page_cache.read(key)[0] is None  # served without the cache meanwhile
    shared._cache.down = False
    assert page_cache.read(key)[0] != before
    assert not page_cache._missed
