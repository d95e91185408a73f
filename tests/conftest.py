"""Fixtures shared by the whole suite: the demo site, users, and a real browser."""

import os

import pytest
from django.core.management import call_command

# Playwright's sync API runs an event loop in the test thread; the ORM calls made by the
# tests themselves are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

DEMO_PASSWORD = "test-demo-password-42"


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache: the database is rolled back between tests, but
    the site chrome and listings kept per page-cache generation (cms/page_cache.py) are not."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup):
    """Keep the snapshot of migrated data reachable from every connection object.

    Django stores it on the connection object of the thread that created the test database.
    Playwright's sync API runs tests in a greenlet with its own context, where Django hands out
    a new connection object, so browser tests would lose the snapshot they roll back to.
    """
    from django.db import connections

    for connection in connections.all():
        contents = getattr(connection, "_test_serialized_contents", None)
        if contents is not None:
            type(connection)._test_serialized_contents = contents


@pytest.fixture
def home_page(db):
    """The site's HomePage, made the default site's root."""
    from home.demo import load_home

    home, _site = load_home()
    return home


@pytest.fixture
def site_settings(home_page):
    from wagtail.models import Site

    from cms.models import SiteSettings

    return SiteSettings.for_site(Site.objects.get(is_default_site=True))


@pytest.fixture
def demo_site(db, settings):
    """The whole demo site, as `make run` builds it, with the demo users."""
    settings.DEMO_PASSWORD = DEMO_PASSWORD
    call_command("load_demo_content", stdout=open(os.devnull, "w"))
    from wagtail.models import Site

    return Site.objects.get(is_default_site=True)


@pytest.fixture
def login_as(client):
    """Log the test client in as one of the demo users: login_as("recruiter")."""
    from django.contrib.auth import get_user_model

    def _login(username):
        user = get_user_model().objects.get(username=username)
        client.force_login(user)
        return user

    return _login


# --- Real browser ---------------------------------------------------------------------------

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def _new_page(browser, live_server, **context_options):
    context = browser.new_context(base_url=live_server.url, **context_options)

    # The machine has no internet and the tests must not need it: answer every off-site
    # request (the neutral quick-exit site, analytics) with a small local page instead.
    def route(route):
        if route.request.url.startswith(live_server.url):
            route.continue_()
        else:
            route.fulfill(status=200, content_type="text/html", body="<title>Elsewhere</title>")

    context.route("**/*", route)
    return context, context.new_page()


@pytest.fixture
def page(browser, live_server):
    """A fresh browser tab (JavaScript on) pointed at the live test server."""
    context, tab = _new_page(browser, live_server)
    yield tab
    context.close()


@pytest.fixture
def page_without_js(browser, live_server):
    """A fresh browser tab with JavaScript turned off."""
    context, tab = _new_page(browser, live_server, java_script_enabled=False)
    yield tab
    context.close()


# Before pytest-django's own hook (also tryfirst, registered earlier), which orders tests by
# these markers: transactional browser tests must run after the rest, whose data they flush.
@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)
            # The live server sees only committed data, so these tests commit; restoring the
            # data migrations made (root page, groups, workflows) keeps every test's start equal.
            item.add_marker(pytest.mark.django_db(transaction=True, serialized_rollback=True))
