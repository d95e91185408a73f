"""Comms approval: editors submit news, moderators approve or reject it; scheduled publishing."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page, WorkflowPage, WorkflowState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from news.models import NewsArticlePage
from news.workflows import COMMS_WORKFLOW_NAME, assign_comms_workflow, comms_workflow

from .conftest import build_article


def test_migration_creates_the_workflow_with_a_moderators_task(db):
    workflow = comms_workflow()
    assert workflow is not None and workflow.name == COMMS_WORKFLOW_NAME
    tasks = [task.specific for task in workflow.tasks.all()]
    assert len(tasks) == 1
    assert [group.name for group in tasks[0].groups.all()] == ["Moderators"]


def test_a_new_news_index_gets_the_workflow(news_index):
    assert news_index.get_workflow() == comms_workflow()
    assert WorkflowPage.objects.get(page=news_index).workflow.name == COMMS_WORKFLOW_NAME


def test_assigning_is_idempotent_and_respects_another_choice(news_index):
    assign_comms_workflow(news_index)
    assert WorkflowPage.objects.filter(page=news_index).count() == 1


def test_articles_of_a_news_index_follow_the_comms_workflow(make_article):
    article = make_article()
    assert article.get_parent().specific.get_workflow().name == COMMS_WORKFLOW_NAME
    assert article.get_workflow().name == COMMS_WORKFLOW_NAME


def test_default_groups_editors_cannot_publish_moderators_can(make_article):
    from accounts.factories import EditorFactory, ModeratorFactory

    article = make_article()
    editor = EditorFactory()
    moderator = ModeratorFactory()
    editor_perms = article.permissions_for_user(editor)
    assert editor_perms.can_edit() and editor_perms.can_submit_for_moderation()
    assert not editor_perms.can_publish()
    assert not article.get_parent().permissions_for_user(editor).can_publish_subpage()
    assert article.permissions_for_user(moderator).can_publish()


def _edit_form(article, **changes):
    data = {
        "title": article.title,
        "slug": article.slug,
        "published_at": "",
        "area": article.area_id,
        "topics": "",
        "summary": article.summary,
        "hero_image": "",
        "hero_image_alt": "",
        "body": streamfield([]),
        "review_status": "not_needed",
        "review_note": "",
        "seo_title": "",
        "search_description": "",
        "go_live_at": "",
        "expire_at": "",
        "comments": inline_formset([]),
    }
    data.update(changes)
    return nested_form_data(data)


@pytest.fixture
def draft_article(news_index, areas):
    return build_article(news_index, areas["riverside"], title="Draft for approval", publish=False)


def _edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=(page.pk,))


def test_editor_pressing_publish_does_not_publish(client, login_as, draft_article):
    login_as("editor")
    data = _edit_form(draft_article, summary="Changed by the editor.")
    data["action-publish"] = "action-publish"
    response = client.post(_edit_url(draft_article), data)
    assert response.status_code in (200, 302)
    draft_article.refresh_from_db()
    assert not draft_article.live
    assert draft_article.get_latest_revision_as_object().summary == "Changed by the editor."


def _submit_as_editor(client, login_as, article):
    login_as("editor")
    data = _edit_form(article, summary="Ready to go.")
    data["action-submit"] = "action-submit"
    response = client.post(_edit_url(article), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    state = WorkflowState.objects.get(base_content_type__isnull=False, object_id=str(article.pk))
    assert state.workflow.name == COMMS_WORKFLOW_NAME
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    return state


def test_editor_submits_and_moderator_approves_with_a_comment(client, login_as, draft_article):
    state = _submit_as_editor(client, login_as, draft_article)
    login_as("moderator")
    url = reverse(
        "wagtailadmin_pages:workflow_action",
        args=(draft_article.pk, "approve", state.current_task_state.pk),
    )
    response = client.post(url, {"comment": "Approved for publication."})
    assert response.status_code == 302
    draft_article.refresh_from_db()
    assert draft_article.live
    assert draft_article.summary == "Ready to go."
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_APPROVED
    assert state.current_task_state is None or state.current_task_state.comment in (
        "",
        "Approved for publication.",
    )


def test_moderator_rejects_with_a_comment(client, login_as, draft_article):
    state = _submit_as_editor(client, login_as, draft_article)
    task_state = state.current_task_state
    login_as("moderator")
    url = reverse(
        "wagtailadmin_pages:workflow_action", args=(draft_article.pk, "reject", task_state.pk)
    )
    response = client.post(url, {"comment": "Please check the date."})
    assert response.status_code == 302
    draft_article.refresh_from_db()
    assert not draft_article.live
    task_state.refresh_from_db()
    assert task_state.status == task_state.STATUS_REJECTED
    assert task_state.comment == "Please check the date."
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES


def test_editor_cannot_approve_their_own_submission(client, login_as, draft_article):
    state = _submit_as_editor(client, login_as, draft_article)
    url = reverse(
        "wagtailadmin_pages:workflow_action",
        args=(draft_article.pk, "approve", state.current_task_state.pk),
    )
    response = client.post(url, {"comment": ""})  # still logged in as editor
    # Wagtail's admin turns the permission error into a redirect with a message.
    assert response.status_code in (302, 403)
    draft_article.refresh_from_db()
    assert not draft_article.live
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_IN_PROGRESS


def test_scheduled_article_goes_live_with_publish_scheduled(client, news_index, areas):
    article = build_article(news_index, areas["southdown"], title="Scheduled story", publish=False)
    article.go_live_at = timezone.now() + timedelta(hours=1)
    revision = article.save_revision()
    revision.publish()
    article.refresh_from_db()
    assert not article.live
    assert client.get(news_index.url).content.decode().count("Scheduled story") == 0

    # Let the go-live time pass: move it into the past on the scheduled revision.
    revision.refresh_from_db()
    past = timezone.now() - timedelta(minutes=1)
    revision.approved_go_live_at = past
    revision.content["go_live_at"] = past.isoformat()
    revision.save()
    call_command("publish_scheduled")
    article.refresh_from_db()
    assert article.live
    assert article.published_at is not None
    assert "Scheduled story" in client.get(news_index.url).content.decode()
    assert Page.objects.get(pk=article.pk).live


def test_editor_can_open_the_add_and_edit_forms(client, login_as, draft_article):
    login_as("editor")
    index = draft_article.get_parent()
    add_url = reverse("wagtailadmin_pages:add", args=("news", "newsarticlepage", index.pk))
    response = client.get(add_url)
    assert response.status_code == 200
    html = response.content.decode()
    for field in ("published_at", "area", "topics", "summary", "hero_image_alt"):
        assert f'name="{field}' in html
    assert client.get(_edit_url(draft_article)).status_code == 200


def test_editor_adds_an_article_and_submits_it(client, login_as, draft_article):
    login_as("editor")
    index = draft_article.get_parent()
    add_url = reverse("wagtailadmin_pages:add", args=("news", "newsarticlepage", index.pk))
    data = _edit_form(draft_article, title="Brand new story", slug="brand-new-story")
    data["action-submit"] = "action-submit"
    response = client.post(add_url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    page = NewsArticlePage.objects.get(slug="brand-new-story")
    assert not page.live
    assert page.current_workflow_state.workflow.name == COMMS_WORKFLOW_NAME


def test_moderator_can_view_the_draft(client, login_as, draft_article):
    login_as("moderator")
    response = client.get(reverse("wagtailadmin_pages:view_draft", args=(draft_article.pk,)))
    assert response.status_code == 200
    assert "Draft for approval" in response.content.decode()
