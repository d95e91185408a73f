"""The demo site `make run` builds: every page answers, and loading twice changes nothing."""

import os

import pytest
from django.contrib.auth import authenticate
from django.core.management import call_command
from wagtail.models import Page

from tests.conftest import DEMO_PASSWORD


def tree():
    return sorted(
        (page.url_path, page.specific_class.__name__, page.live) for page in Page.objects.all()
    )


def test_every_live_page_of_the_demo_tree_returns_200(client, demo_site):
    pages = Page.objects.live().public().filter(depth__gte=2)
    assert pages.count() >= 10
    for page in pages:
        url = page.get_url()
        response = client.get(url)
        assert response.status_code == 200, url


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/volunteer/",
        "/volunteer/special-constables/",
        "/volunteer/mini-police/",
        "/cookies/",
        "/feedback/",
        "/search/",
        "/safety/",
        "/privacy/",
        "/accessibility/",
    ],
)
def test_the_contract_paths_answer(client, demo_site, path):
    assert client.get(path).status_code == 200


def test_loading_twice_leaves_the_same_tree(demo_site, settings):
    before = tree()
    call_command("load_demo_content", stdout=open(os.devnull, "w"))
    assert tree() == before


def test_loading_keeps_an_editors_changes(demo_site):
    safety = Page.objects.get(slug="safety").specific
    safety.intro = "Changed by an editor."
    safety.save_revision().publish()
    call_command("load_demo_content", stdout=open(os.devnull, "w"))
    assert Page.objects.get(slug="safety").specific.intro == "Changed by an editor."


def test_demo_users_log_in_with_the_demo_password(demo_site, rf):
    # django-axes checks every attempt against its lockouts, so it needs the request.
    request = rf.post("/admin/login/")
    for username in ("editor", "moderator", "recruiter", "manager", "admin"):
        assert authenticate(request, username=username, password=DEMO_PASSWORD), username
    assert authenticate(request, username="editor", password="wrong") is None


def test_demo_users_are_not_created_without_a_password(db, settings, capsys):
    settings.DEMO_PASSWORD = ""
    call_command("load_demo_content")
    from django.contrib.auth import get_user_model

    assert not get_user_model().objects.filter(username="editor").exists()
    assert "DEMO_PASSWORD is not set" in capsys.readouterr().out


def test_the_loader_says_where_to_log_in(db, settings, capsys):
    settings.DEMO_PASSWORD = DEMO_PASSWORD
    call_command("load_demo_content")
    assert "/admin/ as editor, moderator, recruiter, manager or admin" in capsys.readouterr().out


def test_editor_can_log_in_to_the_admin(client, demo_site, rf):
    request = rf.post("/admin/login/")  # django-axes needs the request it checks
    assert client.login(request=request, username="editor", password=DEMO_PASSWORD)
    assert client.get("/admin/").status_code == 200
