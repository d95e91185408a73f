"""The suite's own rules: a test that commits is refused at collection beside tests that share
data in a transaction (tests/conftest.py, module_transaction), and the files tests save go to
the run's temporary directory, not the project's media/ (media_root)."""

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


def test_files_a_test_saves_stay_out_of_the_projects_media(media_root, db):
    from django.conf import settings
    from django.core.files.base import ContentFile
    from django.core.files.storage import default_storage

    name = default_storage.save("probe.txt", ContentFile(b"saved by a test"))
    try:
        assert (media_root / name).read_bytes() == b"saved by a test"
        assert not (settings.BASE_DIR / "media" / name).exists()
    finally:
        default_storage.delete(name)
