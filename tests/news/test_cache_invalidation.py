"""What the news pages show changes as soon as the change commits, with the page cache on: a
workflow approval inside a transaction, a deleted area, a renamed tag."""

import pytest
from django.db import transaction
from django.http import HttpResponse
from django.test import Client, RequestFactory
from taggit.models import Tag

from accounts.factories import EditorFactory, ModeratorFactory
from cms.page_cache import HEADER, PageCacheMiddleware

from .conftest import build_article


@pytest.fixture
def page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 300


def test_a_listing_stored_while_an_approval_is_uncommitted_is_not_served_after_commit(
    page_cache_on, news_index, areas, django_capture_on_commit_callbacks
):
    article = build_article(
        news_index, areas["riverside"], title="Approved by comms", publish=False
    )
    editor, moderator = EditorFactory(), ModeratorFactory()
    article.save_revision(user=editor)
    workflow_state = article.get_workflow().start(article, editor)
    visitor = Client()
    before = visitor.get("/news/")
    assert "Approved by comms" not in before.content.decode()

    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        task_state = workflow_state.current_task_state
        task_state.task.specific.on_action(task_state, moderator, "approve")
        # A visitor's request on another connection meanwhile: it cannot see the uncommitted
        # publish, renders the listing as it was, and stores it under the new generation.
        in_between = PageCacheMiddleware(lambda request: HttpResponse(before.content))(
            RequestFactory().get("/news/")
        )
        assert in_between[HEADER] == "miss"  # stored

    after = visitor.get("/news/")
    assert "Approved by comms" in after.content.decode()
    assert after[HEADER] == "miss"


def test_deleting_an_area_takes_it_out_of_the_news_filters_at_once(
    page_cache_on, news_index, areas
):
    build_article(news_index, areas["riverside"], title="Riverside news")
    visitor = Client()
    option = '<option value="southdown">Southdown</option>'
    assert option in visitor.get("/news/").content.decode()
    assert visitor.get("/news/")[HEADER] == "hit"

    areas["southdown"].delete()

    assert option not in visitor.get("/news/").content.decode()


def test_renaming_a_tag_changes_the_news_filters_and_articles_at_once(
    page_cache_on, news_index, areas
):
    article = build_article(news_index, areas["riverside"], topics=["Cadets"])
    visitor = Client()
    assert ">Cadets</option>" in visitor.get("/news/").content.decode()
    assert visitor.get("/news/")[HEADER] == "hit"
    visitor.get(article.url)

    tag = Tag.objects.get(name="Cadets")
    tag.name = "Volunteer Police Cadets"
    tag.save()

    listing = visitor.get("/news/").content.decode()
    assert ">Volunteer Police Cadets</option>" in listing
    assert ">Cadets</option>" not in listing
    assert "Volunteer Police Cadets" in visitor.get(article.url).content.decode()


def test_deleting_a_tag_takes_it_out_of_the_filters_at_once(page_cache_on, news_index, areas):
    build_article(news_index, areas["riverside"], topics=["Road safety"])
    visitor = Client()
    assert ">Road safety</option>" in visitor.get("/news/").content.decode()
    Tag.objects.get(name="Road safety").delete()
    assert ">Road safety</option>" not in visitor.get("/news/").content.decode()
