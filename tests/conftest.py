"""Fixtures shared by the whole suite: a home page, users, the demo site, a real browser."""

import os
import re

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
    from django.core.cache import caches

    from cms import page_cache

    for alias in caches:  # pages and fragments ("default"), rate-limit counters ("ratelimit")
        caches[alias].clear()
    page_cache.forget_local()


@pytest.fixture(scope="session", autouse=True)
def media_root(tmp_path_factory, worker_id):
    """Where the tests' files go (uploads, drawn pictures, renditions): this run's temporary
    directory, one for all the xdist workers (the demo site's pictures are drawn once, by the
    worker that builds it), never the project's media/ that `make run` serves. pytest keeps
    the last three runs' directories and deletes older ones."""
    from django.test import override_settings

    run = tmp_path_factory.getbasetemp()
    root = (run if worker_id == "master" else run.parent) / "media"
    root.mkdir(exist_ok=True)
    with override_settings(MEDIA_ROOT=root):
        yield root


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """What the migrations made, kept as a row snapshot (tests/snapshots.py): written back
    after each test that commits, in place of Django's flush, so every test starts from it
    (the others roll back to it), and the demo site starts from it."""
    from django.db import connections

    from tests import snapshots

    global MIGRATED
    with django_db_blocker.unblock():
        MIGRATED = snapshots.take(connections["default"])  # the only database
    snapshots.write_back_after_transactional_tests(MIGRATED)


MIGRATED = None  # what the migrations made, set by django_db_setup


# --- Test data: each test builds what it needs ---------------------------------------------
# The site's home page and settings here, users through accounts/factories.py, pages through
# each app's factories.py. The demo content is for tests about the demo site only.
#
# A page tree is most of what a test builds (Wagtail saves each page, its revision and its
# search entry). The tests of one module share one: it is built once, inside a transaction
# around the module's tests (module_transaction: Django's TestCase.setUpTestData, as pytest
# fixtures), each test runs in a savepoint within it (pytest-django's `db`) and gets fresh
# objects read back by primary key, and the transaction is rolled back after the module's last
# test. Tests that commit (the browser tests, a task worker) cannot run inside it: they build
# their own, committed, per test (committed_home_page; tests/browser/conftest.py).


@pytest.fixture(scope="module")
def module_transaction(django_db_setup, django_db_blocker):
    """A transaction around one module's tests, for the data they all start from; rolled back
    when the module is done. Fixtures that build into it are module-scoped and named _shared_*."""
    from django.db import transaction

    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
    try:
        yield
    finally:
        with django_db_blocker.unblock():
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


@pytest.fixture(scope="module")
def module_data(request):
    """Every _shared_* fixture any test of the module uses, built before the first test that
    asks for shared data, so that each test starts from the same data whichever test runs
    first, and on whichever worker. The fixtures that hand shared data to a test ask for it."""
    names = {
        name
        for item in request.session.items
        if item.module is request.module
        for name in item.fixturenames
        if name.startswith("_shared_")
    }
    for name in sorted(names):
        request.getfixturevalue(name)


def build_home_page():
    """A HomePage as the default site's root, in place of Wagtail's welcome page."""
    from wagtail.models import Page, Site

    from cms.site_address import configured_address
    from home.factories import HomePageFactory

    root = Page.get_first_root_node()
    Page.objects.filter(depth=2).delete()  # the welcome page, and the site that points at it
    home = HomePageFactory(parent=root)
    hostname, port = configured_address()  # the public address, as set_site_address sets it
    Site.objects.create(
        hostname=hostname,
        port=port,
        root_page=home,
        is_default_site=True,
        site_name="Blue Lamp Constabulary",
    )
    return home


@pytest.fixture(scope="module")
def _shared_home_page(module_transaction, django_db_blocker):
    with django_db_blocker.unblock():
        return build_home_page().pk


@pytest.fixture
def home_page(module_data, _shared_home_page, db):
    """The default site's HomePage, shared by the module's tests (each test's changes to it
    are rolled back)."""
    from home.models import HomePage

    return HomePage.objects.get(pk=_shared_home_page)


@pytest.fixture
def committed_home_page(transactional_db):
    """A home page of the test's own, for a test that commits (transaction=True)."""
    return build_home_page()


@pytest.fixture
def site_settings(home_page):
    from wagtail.models import Site

    from cms.models import SiteSettings

    return SiteSettings.for_site(Site.objects.get(is_default_site=True))


@pytest.fixture
def login_as(client):
    """Log the test client in as a new user in a role: login_as("recruiter") (accounts/roles.py).

    The user is named after the role, so with the demo content loaded it is the demo user.
    """
    from accounts.factories import UserFactory

    def _login(role):
        user = UserFactory(role=role, username=role)
        client.force_login(user)
        return user

    return _login


# --- The demo site, for tests about it -----------------------------------------------------
# load_demo_content runs once per test run, inside a transaction that is rolled back; what it
# made is kept as a row snapshot (tests/snapshots.py) that each demo test writes back in place
# of its own data. The first xdist worker to need it builds it and leaves it in the run's
# shared temporary directory for the others (the media files it made are in media_root).


def _build_demo_snapshot():
    from django.db import connection, transaction
    from django.test import override_settings

    from tests import snapshots

    with override_settings(DEMO_PASSWORD=DEMO_PASSWORD), transaction.atomic():
        # A browser test before this one may have emptied the database: start from what the
        # migrations made, as every test does.
        snapshots.restore(connection, MIGRATED)
        call_command("load_demo_content", stdout=open(os.devnull, "w"))
        snapshot = snapshots.take(connection)
        transaction.set_rollback(True)
    return snapshot


@pytest.fixture(scope="session")
def _demo_snapshot(django_db_setup, django_db_blocker, tmp_path_factory, worker_id):
    import fcntl
    import pickle

    with django_db_blocker.unblock():
        if worker_id == "master":  # not under xdist: nobody to share with
            return _build_demo_snapshot()
        shared = tmp_path_factory.getbasetemp().parent / "demo-site.pickle"
        with open(shared.with_suffix(".lock"), "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)  # one worker builds; the others wait, then read
            if shared.exists():
                return pickle.loads(shared.read_bytes())
            snapshot = _build_demo_snapshot()
            shared.write_bytes(pickle.dumps(snapshot))
            return snapshot


@pytest.fixture
def demo_site(_demo_snapshot, db, settings):
    """The whole demo site, as `make run` builds it, with the demo users (DEMO_PASSWORD)."""
    from django.core.cache import cache
    from django.db import connection
    from wagtail.models import Site

    from tests import snapshots

    settings.DEMO_PASSWORD = DEMO_PASSWORD
    snapshots.restore(connection, _demo_snapshot)
    cache.clear()  # Wagtail caches the site's root paths
    return Site.objects.get(is_default_site=True)


# --- Real browser ---------------------------------------------------------------------------

CHROMIUM = "/usr/bin/chromium-headless-shell"  # Debian's, installed by scripts/install-chromium
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
    # request (the neutral quick-exit site, analytics) with a small local page instead. The
    # pattern is matched by Playwright's driver, so the site's own requests never wait for
    # this Python process.
    elsewhere = re.compile(f"^(?!{re.escape(live_server.url)}/)")
    context.route(
        elsewhere,
        lambda route: route.fulfill(
            status=200, content_type="text/html", body="<title>Elsewhere</title>"
        ),
    )
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
            # The live server sees only committed data, so these tests commit; what migrations
            # made (root page, groups, workflows) is written back after each (django_db_setup).
            item.add_marker(pytest.mark.django_db(transaction=True))
    _refuse_commits_beside_a_module_transaction(items)


def _commits(item):
    marker = item.get_closest_marker("django_db")
    return (marker is not None and marker.kwargs.get("transaction", False)) or bool(
        {"transactional_db", "live_server"} & set(item.fixturenames)
    )


def _refuse_commits_beside_a_module_transaction(items):
    """A test that commits cannot run while its module's shared data is in an open transaction
    (module_transaction), which lasts until the module's last test: say so at collection."""
    sharing = {item.module for item in items if "module_transaction" in item.fixturenames}
    wrong = [item.nodeid for item in items if item.module in sharing and _commits(item)]
    if wrong:
        raise pytest.UsageError(
            "These tests commit (transaction=True) in a module whose other tests share data in "
            "one transaction (module_transaction): move them to a module of their own and use "
            "committed_home_page: " + ", ".join(wrong)
        )
