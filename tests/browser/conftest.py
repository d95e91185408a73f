"""The browser tests' data: committed, one build per test, as the live server reads only what
is committed (these tests run with transaction=True; tests/conftest.py)."""

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
