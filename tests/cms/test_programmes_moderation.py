"""Done when: an editor adds a fifth programme, a moderator approves it, readers find it."""

import re

import pytest
from django.urls import reverse
from wagtail.models import TaskState

from cms.models import ProgrammePage
from tests.cms.test_programmes_admin import programme_form_data

pytestmark = pytest.mark.django_db


def test_editor_adds_a_programme_that_appears_after_a_moderator_approves(
    client, volunteer_index, programme, login_as
):
    index = volunteer_index
    form_page = programme

    login_as("editor")
    data = programme_form_data("Community Speedwatch", form_page)
    data["slug"] = "community-speedwatch"
    data["show_in_menus"] = "on"  # ticked already on a new programme's Promote tab
    data["action-submit"] = "Submit to Moderators approval"
    add_url = reverse("wagtailadmin_pages:add", args=["cms", "programmepage", index.pk])
    form_html = client.get(add_url).content.decode()
    assert re.search(r'<input[^>]*name="show_in_menus"[^>]*checked', form_html)
    response = client.post(add_url, data)
    assert response.status_code == 302, response.context["form"].errors

    page = ProgrammePage.objects.get(slug="community-speedwatch")
    assert not page.live
    assert (
        'href="/volunteer/community-speedwatch/"' not in client.get("/volunteer/").content.decode()
    )

    client.logout()
    login_as("moderator")
    task_state = TaskState.objects.get(
        workflow_state__object_id=str(page.pk), status=TaskState.STATUS_IN_PROGRESS
    )
    approve_url = reverse(
        "wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk]
    )
    response = client.post(approve_url, {"comment": ""})
    assert response.status_code in (200, 302)
    page.refresh_from_db()
    assert page.live

    client.logout()
    index_html = client.get("/volunteer/").content.decode()
    assert 'href="/volunteer/community-speedwatch/"' in index_html
    programme_html = client.get("/volunteer/community-speedwatch/").content.decode()
    assert "community volunteers" in programme_html  # the key figure's label
    assert "Is it paid?" in programme_html  # the FAQ
    assert 'href="/volunteer/community-speedwatch/"' in client.get("/").content.decode()  # menu
