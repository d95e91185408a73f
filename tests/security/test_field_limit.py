"""Django's default limit on fields for the public site, Wagtail's higher one for the admin
(cms/field_limit.py): a public request with more than 1,000 fields is refused before it is
parsed; a big page still saves in the editor, and a bulk action on 500 rows still works."""

import pytest
from django.urls import reverse
from wagtail.models import Page
from wagtail.test.utils.form_data import (
    nested_form_data,
    querydict_from_html,
    rich_text,
    streamfield,
)

from cms.factories import ContentPageFactory
from recruitment.factories import SpecialConstableApplicationFactory
from recruitment.models import Draft, SpecialConstableApplication

pytestmark = pytest.mark.django_db


def test_a_public_post_with_more_fields_than_djangos_default_is_refused(
    client, specials_page, settings
):
    assert settings.PUBLIC_MAX_NUMBER_FIELDS == 1_000
    url = reverse("recruitment_check_eligibility", args=[specials_page.pk])
    too_many = {f"field{n}": "x" for n in range(1_001)}
    response = client.post(url, too_many, HTTP_ORIGIN="http://testserver")
    assert response.status_code == 400
    assert "Sorry, there is a problem with this request" in response.content.decode()
    form = "&".join(f"f{n}=x" for n in range(1_001))
    response = client.post(
        url, form, content_type="application/x-www-form-urlencoded", HTTP_ORIGIN="http://testserver"
    )
    assert response.status_code == 400
    assert not Draft.objects.exists()


def test_a_public_query_string_with_too_many_fields_is_refused(client, home_page):
    query = "&".join(f"q{n}=x" for n in range(1_001))
    assert client.get(f"/search/?{query}").status_code == 400
    assert client.get("/search/?" + "&".join(f"q{n}=x" for n in range(50))).status_code == 200


def test_a_public_post_within_the_limit_is_not_refused_for_its_fields(client, specials_page):
    url = reverse("recruitment_check_eligibility", args=[specials_page.pk])
    within = {f"field{n}": "x" for n in range(990)}
    response = client.post(url, within, HTTP_ORIGIN="http://testserver")
    assert response.status_code == 200  # the form's own errors: nothing was answered


def test_a_page_of_250_blocks_saves_in_the_editor(client, home_page, login_as):
    login_as("admin")
    page = ContentPageFactory(parent=home_page, title="Publication scheme")
    edit = reverse("wagtailadmin_pages:edit", args=[page.pk])
    form = querydict_from_html(client.get(edit).content.decode(), form_id="page-edit-form")
    blocks = []
    for n in range(125):
        blocks.append(("heading", {"text": f"Class {n}", "level": "h2"}))
        blocks.append(("paragraph", rich_text(f"<p>What we publish under class {n}.</p>")))
    data = {
        key: values[-1]
        for key, values in form.lists()
        if key != "body" and not key.startswith("body-") and not key.startswith("action-")
    }
    data.update(nested_form_data({"body": streamfield(blocks)}))
    assert len(data) > 1_000
    response = client.post(edit, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    latest = Page.objects.get(pk=page.pk).get_latest_revision_as_object()
    assert len(latest.body) == 250


def test_a_bulk_action_on_500_selected_rows_works(client, login_as, areas):
    recruiter = login_as("recruiter")
    real = SpecialConstableApplicationFactory.create_batch(3)
    selected = [s.pk for s in real] + list(range(10_000, 10_497))
    response = client.post(
        reverse("recruitment_bulk", args=["specialconstableapplication"]),
        {"selected": selected, "action": "assign", "assignee": "me"},
        follow=True,
    )
    assert response.status_code == 200
    assert "Assigned 3 of 3 selected." in response.content.decode()
    assert SpecialConstableApplication.objects.filter(assignee=recruiter).count() == 3
