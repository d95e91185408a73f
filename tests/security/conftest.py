"""Security tests: a modest hypothesis profile so CI stays fast, and a fresh cache per test."""

import pytest
from django.core.cache import caches
from hypothesis import HealthCheck, settings

settings.register_profile(
    "blue-lamp",
    max_examples=40,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
settings.load_profile("blue-lamp")

# The recruitment form pages and answers, shared with tests/recruitment.
from tests.recruitment.conftest import (  # noqa: E402, F401
    _shared_areas,
    _shared_form_pages,
    areas,
    form_pages,
    mini_answers,
    mini_page,
    special_answers,
    specials_page,
    submit,
    walk,
)


@pytest.fixture(autouse=True)
def _fresh_cache():
    # Rate limits (their own alias) and lockouts count in the caches: each test starts with a
    # clean slate.
    for alias in caches:
        caches[alias].clear()
    yield
    for alias in caches:
        caches[alias].clear()
