"""Save and come back later on a page not finished: every answer that passed its own checks
is kept, the save page names the ones that were not, and the page is still asked again."""

import html as html_lib
import re

import pytest
from django.core import mail
from django.test import Client

from recruitment.models import Draft
from tests.recruitment.conftest import step_posts

pytestmark = pytest.mark.django_db


def _start(client, page, answers, sections=2):
    for url, data, headers in step_posts(page, answers)[:sections]:
        assert client.post(url, data, **headers).status_code == 302


def _text(response):
    return html_lib.unescape(response.content.decode())


def test_a_half_filled_contact_page_keeps_its_valid_answers_and_says_which_were_not(
    client, specials_page, special_answers
):
    _start(client, specials_page, special_answers)
    step = f"{specials_page.url}step/contact-details/"
    response = client.post(
        step,
        {
            "email": "jordan.testwell@example.com",
            "phone": "07700 900456",
            "address_line_1": "",
            "address_line_2": "",
            "town": "",
            "postcode": " nv1 2ab ",
            "action": "save",
        },
    )
    assert response["Location"] == f"{specials_page.url}save/"

    save_page = _text(client.get(f"{specials_page.url}save/"))
    assert (
        "We have kept your answers to the questions you finished on ‘Contact details’. "
        "These were left empty or not valid, so we have not kept them:</p>"
    ) in save_page
    assert '<ul class="list"><li>Address line 1</li><li>Town or city</li></ul>' in save_page
    # The address typed on the page is offered for the link.
    assert 'value="jordan.testwell@example.com"' in save_page

    # The step shows what was kept, with no errors for what was not answered yet.
    page = _text(client.get(step))
    assert 'value="07700 900456"' in page
    assert 'value="nv1 2ab"' in page
    assert 'value="jordan.testwell@example.com"' in page
    assert "There is a problem" not in page

    # The page is not complete: check your answers sends the applicant back to it.
    check = client.get(f"{specials_page.url}check-your-answers/")
    assert check["Location"] == step
    assert "contact-details" not in Draft.objects.get().completed_sections


def test_a_not_valid_answer_is_named_and_not_kept_and_another_browser_sees_the_rest(
    client, specials_page, special_answers, django_capture_on_commit_callbacks
):
    _start(client, specials_page, special_answers, sections=4)
    step = f"{specials_page.url}step/your-background/"
    client.post(
        step,
        {
            "has_convictions": "yes",
            "conviction_details": "Speeding, 2019, Northvale",
            "has_tattoos": "no",
            "has_business_interests": "yes",
            "business_interest_details": "",
            "action": "save",
        },
    )
    save_page = _text(client.get(f"{specials_page.url}save/"))
    assert "<li>Details of business interests or second jobs</li></ul>" in save_page

    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"{specials_page.url}save/", {"email": "jordan.testwell@example.com"})
    body = next(m.body for m in mail.outbox if "/return/" in m.body)
    link = re.search(r"http://[^/\s]+(/\S+/return/[\w-]+/)", body)[1]
    other = Client()
    assert other.get(link)["Location"] == step
    page = _text(other.get(step))
    assert "Speeding, 2019, Northvale" in page
    assert re.search(r'name="has_convictions" value="yes"[^>]*checked', page)
    assert re.search(r'name="has_tattoos" value="no"[^>]*checked', page)
    assert re.search(r'name="has_business_interests" value="yes"[^>]*checked', page)  # kept


def test_a_page_left_empty_keeps_nothing_and_says_so(client, specials_page, special_answers):
    _start(client, specials_page, special_answers)
    client.post(f"{specials_page.url}step/contact-details/", {"action": "save"})
    save_page = _text(client.get(f"{specials_page.url}save/"))
    assert "None of the answers on ‘Contact details’ could be kept" in save_page
    assert "<li>Email address</li>" in save_page
    assert Draft.objects.get().answers.get("email") is None


def test_saving_a_finished_page_again_with_an_answer_removed_asks_it_again(
    client, specials_page, special_answers
):
    _start(client, specials_page, special_answers, sections=3)
    step = f"{specials_page.url}step/contact-details/"
    data = step_posts(specials_page, special_answers)[2][1]
    client.post(step, {**data, "town": "", "action": "save"})
    draft = Draft.objects.get()
    assert "contact-details" not in draft.completed_sections
    assert "town" not in draft.answers
    assert draft.answers["address_line_1"] == ["12 Example Road"]
    assert client.get(f"{specials_page.url}check-your-answers/")["Location"] == step


def test_a_repeated_input_on_save_is_refused_and_nothing_kept(
    client, specials_page, special_answers
):
    _start(client, specials_page, special_answers)
    response = client.post(
        f"{specials_page.url}step/contact-details/",
        {"phone": ["07700 900456", "07700 900457"], "action": "save"},
    )
    assert response.status_code == 400
    assert "phone" not in Draft.objects.get().answers
