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
