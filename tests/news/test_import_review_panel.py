"""Editors see the "Import review" panel only on articles the legacy importer created."""

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse

from news.enums import ReviewStatus
from news.models import NewsArticlePage

from .conftest import build_article

LEGACY_ARTICLE = """```yaml
title: Station front counter hours change | Old Force
url: https://old.police.example/news/forcewide/2020/june/front-counter-hours/
```

09:30 02/06/2020

The front counter at headquarters now opens at 8am.

From Monday the front counter opens an hour earlier.
"""


@pytest.fixture
def editor(client, django_user_model, home_page):
    user = django_user_model.objects.create_user("eddie", password="not-used-in-this-test")
    user.groups.add(Group.objects.get(name="Editors"))
    client.force_login(user)
    return user


def edit_form(client, page):
    response = client.get(reverse("wagtailadmin_pages:edit", args=(page.pk,)))
    assert response.status_code == 200
    return response.content.decode()


def test_a_new_article_has_no_import_review_panel(client, editor, news_index):
    url = reverse("wagtailadmin_pages:add", args=("news", "newsarticlepage", news_index.pk))
    html = client.get(url).content.decode()
    assert 'name="summary"' in html  # the form is there
    assert "Import review" not in html
    assert 'name="review_status"' not in html and 'name="review_note"' not in html


def test_an_article_written_in_the_admin_has_no_import_review_panel(
    client, editor, news_index, areas
):
    article = build_article(news_index, areas["riverside"], title="Written here")
    html = edit_form(client, article)
    assert "Import review" not in html and 'name="review_status"' not in html


def test_an_imported_article_shows_its_import_review(client, editor, news_index, tmp_path):
    source = tmp_path / "front-counter.txt"
    source.write_text(LEGACY_ARTICLE)
    call_command("import_legacy_news", str(source), stdout=open("/dev/null", "w"))
    imported = NewsArticlePage.objects.get()
    html = edit_form(client, imported)
    assert "Import review" in html
    assert 'name="review_status"' in html and 'name="review_note"' in html


def test_saving_a_new_article_without_the_panel_keeps_not_needed(editor, news_index, areas):
    article = build_article(news_index, areas["riverside"], title="Plain story")
    form_class = NewsArticlePage.get_edit_handler().get_form_class()
    form = form_class(instance=article, for_user=editor, parent_page=news_index)
    assert "review_status" not in form.fields
    article.refresh_from_db()
    assert article.review_status == ReviewStatus.NOT_NEEDED
