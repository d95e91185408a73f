"""Drafts cannot be abused: one checked value per input, a size cap, a rate limit on starting
one, and a first page that only this site's pages may post to (issue 22, "Drafts that cannot
be abused")."""

import pytest
from django import forms
from django.test import Client
from django.urls import reverse
from wagtail.models import Page, PageViewRestriction, Site

from recruitment.forms import SectionForm
from recruitment.models import Draft
from recruitment.queues import QUEUES
from tests.recruitment.conftest import step_posts

pytestmark = pytest.mark.django_db


def eligibility_url(page):
    return reverse("recruitment_check_eligibility", args=[page.pk])


def eligibility(page, answers):
    return step_posts(page, answers)[0][1]


def test_a_draft_keeps_one_trimmed_value_per_input(client, specials_page, special_answers, walk):
    walk(
        specials_page,
        {**special_answers, "first_name": "  Jordan  ", "date_of_birth_day": " 17 "},
        stop_before_send=True,
    )
    answers = Draft.objects.get().answers
    assert answers["first_name"] == ["Jordan"]
    assert answers["date_of_birth_day"] == ["17"]
    assert all(len(values) == 1 for values in answers.values())
    page = client.get(f"{specials_page.url}step/about-you/").content.decode()
    assert 'value="Jordan"' in page


def test_each_ticked_choice_is_kept_once(client, mini_page, mini_answers, walk):
    ticked = ["year_5", "year_6", "year_5", "year_6", "year_5"]
    walk(mini_page, {**mini_answers, "year_groups": ticked}, stop_before_send=True)
    assert Draft.objects.get().answers["year_groups"] == ["year_5", "year_6"]


def test_an_answer_sent_twice_is_refused_with_our_400_page(
    client, specials_page, special_answers, walk
):
    walk(specials_page, special_answers, stop_before_send=True)
    kept = Draft.objects.get().answers
    response = client.post(
        f"{specials_page.url}step/about-you/",
        {"first_name": ["Jordan", "x" * 80], "last_name": "Testwell", "action": "continue"},
    )
    assert response.status_code == 400
    assert "Sorry, there is a problem with this request" in response.content.decode()
    assert Draft.objects.get().answers == kept


def test_a_post_repeating_one_field_2000_times_stores_nothing(
    client, specials_page, special_answers
):
    data = {**eligibility(specials_page, special_answers), "hours_per_month": ["20"] * 2000}
    response = client.post(eligibility_url(specials_page), data, HTTP_ORIGIN="http://testserver")
    assert response.status_code == 400
    assert "Sorry, there is a problem with this request" in response.content.decode()
    # Under Django's limit on the number of fields, the repeat itself is refused.
    data["hours_per_month"] = ["20"] * 900
    response = client.post(eligibility_url(specials_page), data, HTTP_ORIGIN="http://testserver")
    assert response.status_code == 400
    assert not Draft.objects.exists()


def test_typed_answers_are_all_shown_again_on_an_error(client, specials_page, special_answers):
    data = {**eligibility(specials_page, special_answers), "hours_per_month": "lots"}
    response = client.post(eligibility_url(specials_page), data, HTTP_ORIGIN="http://testserver")
    html = response.content.decode()
    assert response.status_code == 200
    assert 'value="lots"' in html and 'value="1994"' in html
    assert not Draft.objects.exists()


def _longest(field):
    if isinstance(field, forms.MultipleChoiceField):
        return sum(len(str(value)) for value, _label in field.choices)
    return getattr(field, "max_length", None) or 50  # numbers, dates, choices: a few characters


@pytest.mark.parametrize("queue", QUEUES, ids=lambda q: q.key)
def test_the_longest_answers_every_question_allows_fit_in_a_draft(queue, areas):
    longest = sum(
        len(name) + _longest(field)
        for section in queue.sections
        for name, field in SectionForm(section=section).fields.items()
    )
    assert longest < Draft.MAX_CHARACTERS / 1.5, longest


def test_a_draft_past_its_cap_is_refused(monkeypatch, client, specials_page, special_answers):
    monkeypatch.setattr(Draft, "MAX_CHARACTERS", 100)
    data = eligibility(specials_page, special_answers)
    response = client.post(eligibility_url(specials_page), data, HTTP_ORIGIN="http://testserver")
    assert response.status_code == 400
    assert not Draft.objects.exists()


# --- Starting drafts counts in the per-client rate limit ----------------------------------


def test_fifty_fresh_clients_from_one_address_are_stopped_past_the_limit(
    settings, specials_page, special_answers
):
    assert settings.RECRUITMENT_DRAFT_RATE_LIMIT == 40  # the default (README)
    data = eligibility(specials_page, special_answers)
    statuses = []
    for _ in range(50):
        script = Client(REMOTE_ADDR="203.0.113.9")
        response = script.post(
            eligibility_url(specials_page), data, HTTP_ORIGIN="http://testserver"
        )
        statuses.append(response.status_code)
    assert statuses == [302] * 40 + [429] * 10
    assert Draft.objects.count() == 40
    html = response.content.decode()
    assert "We could not start your application yet" in html
    assert 'value="1994"' in html and 'value="20"' in html  # what was typed, kept on the page
    # Another address is not affected.
    other = Client(REMOTE_ADDR="203.0.113.10")
    assert (
        other.post(
            eligibility_url(specials_page), data, HTTP_ORIGIN="http://testserver"
        ).status_code
        == 302
    )


def test_each_form_has_its_own_draft_limit(
    settings, specials_page, special_answers, mini_page, mini_answers
):
    """A school office that started many registrations can still start an application."""
    settings.RECRUITMENT_DRAFT_RATE_LIMIT = 2
    specials = eligibility(specials_page, special_answers)
    for expected in (302, 302, 429):
        response = Client(REMOTE_ADDR="203.0.113.9").post(
            eligibility_url(specials_page), specials, HTTP_ORIGIN="http://testserver"
        )
        assert response.status_code == expected
    response = Client(REMOTE_ADDR="203.0.113.9").post(
        eligibility_url(mini_page),
        eligibility(mini_page, mini_answers),
        HTTP_ORIGIN="http://testserver",
    )
    assert response.status_code == 302


def test_twenty_applicants_behind_one_address_each_start_a_draft(specials_page, special_answers):
    data = eligibility(specials_page, special_answers)
    for _ in range(20):
        applicant = Client(REMOTE_ADDR="198.51.100.7")
        # Going back to the first page and on again is the same draft: counted once.
        for _again in range(3):
            response = applicant.post(
                eligibility_url(specials_page), data, HTTP_ORIGIN="http://testserver"
            )
            assert response.status_code == 302
    assert Draft.objects.count() == 20


# --- Only this site's pages may post the first page ----------------------------------------


@pytest.mark.parametrize(
    "origin, secure",
    [
        ("https://testserver", False),  # another scheme: not this site
        ("http://testserver", True),
        ("https://evil.example", False),
        ("http://testserver.evil.example", False),
        ("null", False),
    ],
)
def test_a_post_from_another_origin_is_refused(
    client, specials_page, special_answers, origin, secure
):
    data = eligibility(specials_page, special_answers)
    response = client.post(eligibility_url(specials_page), data, HTTP_ORIGIN=origin, secure=secure)
    assert response.status_code == 403
    assert not Draft.objects.exists()


def test_a_referer_must_have_this_sites_scheme_too(client, specials_page, special_answers):
    data = eligibility(specials_page, special_answers)
    url = eligibility_url(specials_page)
    page = f"//testserver{specials_page.url}"
    assert client.post(url, data, HTTP_REFERER=f"https:{page}").status_code == 403
    assert client.post(url, data, HTTP_REFERER=f"http:{page}", secure=True).status_code == 403
    assert client.post(url, data, HTTP_REFERER=f"https:{page}", secure=True).status_code == 302


def test_this_sites_origin_on_either_scheme_and_trusted_origins_are_accepted(
    settings, specials_page, special_answers
):
    settings.CSRF_TRUSTED_ORIGINS = ["https://forms.police.example", "https://*.police.example"]
    data = eligibility(specials_page, special_answers)
    url = eligibility_url(specials_page)
    for origin, secure in [
        ("http://testserver", False),
        ("https://testserver", True),
        ("https://forms.police.example", False),
        ("https://www.police.example", True),
    ]:
        assert Client().post(url, data, HTTP_ORIGIN=origin, secure=secure).status_code == 302
    refused = Client().post(url, data, HTTP_ORIGIN="http://www.police.example")
    assert refused.status_code == 403  # the trusted pattern is for https only


def test_a_page_that_is_not_live_is_404(client, specials_page, special_answers):
    specials_page.unpublish()
    data = eligibility(specials_page, special_answers)
    response = client.post(eligibility_url(specials_page), data, HTTP_ORIGIN="http://testserver")
    assert response.status_code == 404
    assert not Draft.objects.exists()


def test_a_restricted_page_is_404(client, specials_page, special_answers):
    PageViewRestriction.objects.create(
        page=specials_page.get_parent(), restriction_type="password", password="secret"
    )
    data = eligibility(specials_page, special_answers)
    response = client.post(eligibility_url(specials_page), data, HTTP_ORIGIN="http://testserver")
    assert response.status_code == 404
    assert not Draft.objects.exists()


def test_a_form_page_of_another_site_is_404(client, specials_page, special_answers):
    from home.factories import HomePageFactory

    other_home = HomePageFactory(parent=Page.get_first_root_node(), slug="other-force")
    Site.objects.create(hostname="other.example", port=80, root_page=other_home)
    data = eligibility(specials_page, special_answers)
    response = client.post(
        eligibility_url(specials_page),
        data,
        HTTP_HOST="other.example",
        HTTP_ORIGIN="http://other.example",
    )
    assert response.status_code == 404
    assert not Draft.objects.exists()


def test_a_page_that_is_not_a_form_is_404(client, specials_page, special_answers):
    data = eligibility(specials_page, special_answers)
    url = reverse("recruitment_check_eligibility", args=[specials_page.get_parent().pk])
    assert client.post(url, data, HTTP_ORIGIN="http://testserver").status_code == 404
