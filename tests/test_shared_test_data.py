"""The suite's own rule for data a module's tests share (tests/conftest.py, module_transaction):
a test that commits is refused at collection beside tests that share data in a transaction."""

from types import SimpleNamespace

import pytest

from tests.conftest import _refuse_commits_beside_a_module_transaction


def item(module, *fixtures, transaction=False):
    marker = pytest.mark.django_db(transaction=True).mark if transaction else None
    return SimpleNamespace(
        module=module,
        nodeid=f"{module}::test_{len(fixtures)}_{transaction}",
        fixturenames=list(fixtures),
        get_closest_marker=lambda name: marker,
    )


def test_a_committing_test_beside_shared_data_is_refused_with_what_to_do():
    items = [
        item("news", "module_transaction", "home_page"),
        item("news", "live_server"),
        item("browser", "live_server", "committed_home_page", transaction=True),
    ]
    with pytest.raises(pytest.UsageError, match="module of their own") as refused:
        _refuse_commits_beside_a_module_transaction(items)
    assert "news::" in str(refused.value) and "browser::" not in str(refused.value)


def test_committing_tests_in_their_own_module_are_allowed():
    _refuse_commits_beside_a_module_transaction(
        [
            item("news", "module_transaction", "home_page"),
            item("worker", "committed_home_page", transaction=True),
        ]
    )
