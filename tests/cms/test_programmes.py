"""Programme pages as a reader sees them: figures, who can join, FAQs and the way to apply."""

import datetime
from types import SimpleNamespace

import pytest
from django.apps import apps

from cms.calls_to_action import ApplicationStatus, application_status
from cms.factories import ContentPageFactory, ProgrammePageFactory

pytestmark = pytest.mark.django_db


def test_volunteer_index_lists_live_programmes_as_cards(client, volunteer_index, programme):
    draft = ProgrammePageFactory(parent=volunteer_index, title="Draft programme", live=False)
    html = client.get("/volunteer/").content.decode()
    assert "Special Constables" in html
    assert "Help keep your community safe." in html
    assert draft.title not in html


def test_volunteer_index_says_so_when_there_are_no_programmes(client, volunteer_index):
    response = client.get("/volunteer/")
    assert "There are no volunteer programmes listed" in response.content.decode()


def test_programme_page_shows_figures_eligibility_time_and_faq(client, volunteer_index):
    page = ProgrammePageFactory(
        parent=volunteer_index,
        title="Cadets",
        what_you_will_do="<p>Learn first aid.</p>",
        body=[
            (
                "accordion",
                {
                    "heading": "Questions people ask",
                    "items": [{"heading": "Does it cost anything?", "content": "<p>No.</p>"}],
                },
            ),
            (
                "key_figures",
                {"heading": "In numbers", "figures": [{"figure": "6", "label": "units"}]},
            ),
        ],
    )
    page.save_revision().publish()
    html = client.get(page.url).content.decode()
    assert "16 hours" in html and "a month, at least" in html
    assert "Who can join" in html and "You are 18 or over." in html
    assert "What you will do" in html and "Learn first aid." in html
    assert "At least 16 hours a month." in html
    assert "<summary" in html and "Does it cost anything?" in html
    assert "In numbers" in html and "units" in html


def test_call_to_action_to_a_plain_page_shows_the_button_without_a_date(
    client, volunteer_index, programme
):
    target = ContentPageFactory(parent=programme, title="How to join", slug="how-to-join")
    programme.call_to_action_page = target
    programme.call_to_action_link_text = "How to join"
    programme.save_revision().publish()
    html = client.get(programme.url).content.decode()
    assert f'href="{target.url}"' in html
    assert "Applications close" not in html
    assert "Applications are closed" not in html


def test_call_to_action_to_an_unpublished_page_shows_no_button(client, volunteer_index, programme):
    target = ContentPageFactory(parent=programme, title="Apply", slug="apply", live=False)
    programme.call_to_action_page = target
    programme.save_revision().publish()
    html = client.get(programme.url).content.decode()
    assert "/apply/" not in html
    assert programme.call_to_action() is None


def test_programme_without_call_to_action_still_invites_interest(client, programme):
    html = client.get(programme.url).content.decode()
    assert "Register your interest" in html


@pytest.mark.parametrize(
    ("form_page", "status", "text"),
    [
        (
            SimpleNamespace(accepting_submissions=True, closing_date=datetime.date(2027, 3, 31)),
            ApplicationStatus.CLOSING,
            "Applications close on 31 March 2027",
        ),
        (
            SimpleNamespace(accepting_submissions=False, closing_date=datetime.date(2026, 1, 31)),
            ApplicationStatus.CLOSED,
            "Applications are closed",
        ),
        (
            SimpleNamespace(accepting_submissions=True, closing_date=None),
            ApplicationStatus.OPEN,
            "",
        ),
        (SimpleNamespace(), ApplicationStatus.OPEN, ""),
    ],
    ids=["closing-date", "closed", "open-no-date", "plain-page"],
)
def test_recruitment_form_protocol_decides_what_the_call_to_action_says(form_page, status, text):
    from cms.calls_to_action import CallToAction

    found_status, closing_date = application_status(form_page)
    assert found_status is status
    assert CallToAction(form_page, found_status, closing_date).status_text == text


def test_closed_form_shows_applications_are_closed_and_no_button(client, programme, monkeypatch):
    target = ContentPageFactory(parent=programme, title="Apply", slug="apply")
    programme.call_to_action_page = target
    programme.save_revision().publish()
    # A plain page acting as a closed recruitment form, through the agreed attributes.
    from cms.models import ContentPage

    monkeypatch.setattr(ContentPage, "accepting_submissions", False, raising=False)
    monkeypatch.setattr(ContentPage, "closing_date", datetime.date(2026, 1, 31), raising=False)
    html = client.get(programme.url).content.decode()
    assert "Applications are closed" in html
    assert f'href="{target.url}"' not in html


def test_open_form_with_closing_date_shows_the_date(client, programme, monkeypatch):
    target = ContentPageFactory(parent=programme, title="Apply", slug="apply")
    programme.call_to_action_page = target
    programme.save_revision().publish()
    from cms.models import ContentPage

    monkeypatch.setattr(ContentPage, "accepting_submissions", True, raising=False)
    monkeypatch.setattr(ContentPage, "closing_date", datetime.date(2027, 3, 31), raising=False)
    html = client.get(programme.url).content.decode()
    assert "Applications close on 31 March 2027" in html
    assert f'href="{target.url}"' in html


@pytest.mark.skipif(
    not apps.is_installed("recruitment")
    or not any(
        hasattr(m, "accepting_submissions") for m in apps.get_app_config("recruitment").get_models()
    ),
    reason="the recruitment form pages are not on this branch yet",
)
def test_recruitment_form_pages_follow_the_agreed_protocol():
    form_models = [
        m
        for m in apps.get_app_config("recruitment").get_models()
        if hasattr(m, "accepting_submissions")
    ]
    for model in form_models:
        assert hasattr(model, "closing_date"), model


def test_programme_page_renders_with_demo_content(client, demo_site):
    for slug in ["special-constables", "police-support-volunteers", "cadets", "mini-police"]:
        response = client.get(f"/volunteer/{slug}/")
        assert response.status_code == 200, slug
    html = client.get("/volunteer/special-constables/").content.decode()
    assert "16 hours" in html
    mini = client.get("/volunteer/mini-police/").content.decode()
    assert "Years 5 and 6" in mini and "9 to 11" in mini
    cadets = client.get("/volunteer/cadets/").content.decode()
    assert "13 to 18" in cadets


def test_demo_loader_is_idempotent(demo_site):
    from django.core.management import call_command
    from wagtail.models import Page

    before = Page.objects.count()
    call_command("load_demo_content", stdout=open("/dev/null", "w"))
    assert Page.objects.count() == before


def test_demo_calls_to_action_point_at_pages_below_the_programmes(demo_site):
    from cms.models import ProgrammePage

    psv = ProgrammePage.objects.get(slug="police-support-volunteers")
    assert psv.call_to_action().page.get_parent().pk == psv.pk


def test_demo_links_programmes_to_form_pages_once_they_exist(demo_site):
    from cms.demo import link_programme_forms
    from cms.models import ProgrammePage

    specials = ProgrammePage.objects.get(slug="special-constables")
    ProgrammePage.objects.filter(pk=specials.pk).update(call_to_action_page=None)
    form_page = specials.get_children().filter(slug="apply").first() or ContentPageFactory(
        parent=specials, title="Apply", slug="apply"
    )
    link_programme_forms(demo_site.root_page)
    specials.refresh_from_db()
    assert specials.call_to_action().page.pk == form_page.pk
