"""The browser tests' data: committed, one build per test, as the live server reads only what
is committed (these tests run with transaction=True; tests/conftest.py)."""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from tests.recruitment.conftest import build_areas, build_form_pages


@pytest.fixture
def home_page(committed_home_page):
    return committed_home_page


@pytest.fixture
def areas(transactional_db):
    build_areas()


@pytest.fixture
def form_pages(home_page, areas):
    """Both recruitment form pages under their programmes: factories, not the demo site."""
    return build_form_pages(home_page)


class _NeutralPage(BaseHTTPRequestHandler):
    def do_GET(self):
        body = b"<!DOCTYPE html><title>Elsewhere</title><p>Weather"
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def neutral_site(home_page):
    """A stand-in for the neutral site, served on this machine and made the site's quick-exit
    address; returns its address. Without JavaScript the exit goes through our route and the
    browser follows its redirect, which Playwright's routing of off-site requests
    (tests/conftest.py) does not catch: the stand-in answers instead of the network."""
    from wagtail.models import Site

    from cms.models import SiteSettings

    server = ThreadingHTTPServer(("127.0.0.1", 0), _NeutralPage)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    address = f"http://127.0.0.1:{server.server_port}/weather"
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings.quick_exit_url = address
    settings.save()
    yield address
    server.shutdown()
    server.server_close()


@pytest.fixture
def sign_in(live_server):
    """Sign a tab in as a staff user by giving it a session cookie, as the sign-in form would.
    For tests about what staff do after signing in; the form itself is driven in
    test_recruitment.py (the recruiter's journey), test_admin_csp.py and test_two_factor.py."""
    from django.contrib.auth import get_user_model
    from django.test import Client

    def _sign_in(tab, username):
        client = Client()
        client.force_login(get_user_model().objects.get(username=username))
        cookie = client.cookies["sessionid"]
        tab.context.add_cookies(
            [{"name": "sessionid", "value": cookie.value, "url": live_server.url}]
        )

    return _sign_in
