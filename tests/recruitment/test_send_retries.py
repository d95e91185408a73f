"""A Send whose answer is lost after its application was stored, then tried again: the same
browser sees its own new reference, never an older one; a fresh browser is told it was
received, never shown an empty first page (issue 23, "Sending an application is idempotent
and never an error page")."""

import re

import pytest
from django.core import mail
from django.test import Client

from recruitment import intake
from recruitment.models import Draft, SpecialConstableApplication
from tests.recruitment.conftest import step_posts

pytestmark = pytest.mark.django_db

REFERENCE = re.compile(r"SC-\d{4}-\d{6}")


def _check_answers_page(client, page):
    html = client.get(f"{page.url}check-your-answers/").content.decode()
    key = re.search(r'name="submission" value="([0-9a-f-]{36})"', html)[1]
    return html, key


@pytest.fixture
def lost_send(monkeypatch):
    """Press Send; the worker dies just after the application is committed, so the browser
    gets no answer and its session is not saved (Django saves none on a 500). Returns the
    form's idempotency key."""

    def _lost_send(client, page):
        _html, key = _check_answers_page(client, page)
        record = intake.record_submission

        def record_then_die(page, draft):
            record(page, draft)
            raise RuntimeError("worker killed after the commit")

        with monkeypatch.context() as crash:
            crash.setattr(intake, "record_submission", record_then_die)
            client.raise_request_exception = False
            response = client.post(
                f"{page.url}check-your-answers/", {"consent": "on", "submission": key}
            )
            client.raise_request_exception = True
        assert response.status_code == 500  # what the dead worker's proxy would answer
        return key

    return _lost_send


def test_a_retried_send_shows_the_new_reference_not_the_last_application_from_this_browser(
    client, specials_page, special_answers, submit, walk, lost_send
):
    first = submit(specials_page, special_answers, follow=True)
    earlier = REFERENCE.search(first.content.decode())[0]
    walk(specials_page, {**special_answers, "email": "second@example.com"}, stop_before_send=True)
    lost_send(client, specials_page)
    assert not Draft.objects.exists()
    new = SpecialConstableApplication.objects.get(email="second@example.com").reference
    assert new != earlier

    retry = client.post(f"{specials_page.url}check-your-answers/", {"consent": "on"}, follow=True)
    html = retry.content.decode()
    assert retry.status_code == 200
    assert new in html and earlier not in html
    assert "Thank you, we have received it" in html
    assert SpecialConstableApplication.objects.count() == 2


def test_a_retried_send_in_a_fresh_browser_says_it_was_received(
    client, specials_page, special_answers, walk, lost_send
):
    walk(specials_page, special_answers, stop_before_send=True)
    key = lost_send(client, specials_page)
    reference = SpecialConstableApplication.objects.get().reference

    # A new browser: no session and no CSRF cookie, the form's fields sent again as they were.
    fresh = Client(enforce_csrf_checks=True)
    retry = fresh.post(
        f"{specials_page.url}check-your-answers/",
        {"consent": "on", "submission": key, "csrfmiddlewaretoken": "from-the-old-page"},
    )
    html = retry.content.decode()
    assert retry.status_code == 200
    assert "Thank you, we have received it" in html and reference in html
    assert "Check you can apply" not in html
    assert "Jordan" not in html and "jordan.testwell" not in html  # the key opens no answers
    # The same when the browser has a CSRF cookie but has lost the application's session.
    again = Client().post(
        f"{specials_page.url}check-your-answers/", {"consent": "on", "submission": key}
    )
    assert again.status_code == 200 and reference in again.content.decode()
    assert SpecialConstableApplication.objects.count() == 1


def test_a_fresh_browser_with_a_key_that_names_nothing_is_told_nothing_was_sent(
    specials_page, special_answers, walk
):
    walk(specials_page, special_answers, stop_before_send=True)  # a draft, not sent
    key = str(Draft.objects.get().submission_token)
    for sent_key in (key, "not-a-key", ""):
        response = Client(enforce_csrf_checks=True).post(
            f"{specials_page.url}check-your-answers/", {"consent": "on", "submission": sent_key}
        )
        assert response.status_code == 403
        assert "Your form was not sent" in response.content.decode()
    assert not SpecialConstableApplication.objects.exists()


def test_a_key_of_another_forms_application_is_not_shown_on_this_one(
    specials_page, mini_page, special_answers, submit, client
):
    submit(specials_page, special_answers)
    key = str(SpecialConstableApplication.objects.get().idempotency_key)
    response = Client(enforce_csrf_checks=True).post(
        f"{mini_page.url}check-your-answers/", {"consent": "on", "submission": key}
    )
    assert response.status_code == 403
    assert "SC-" not in response.content.decode()


def test_a_new_draft_forgets_the_reference_of_the_last_application(
    client, specials_page, special_answers, submit
):
    first = submit(specials_page, special_answers, follow=True)
    earlier = REFERENCE.search(first.content.decode())[0]
    url, data, headers = step_posts(specials_page, special_answers)[0]
    client.post(url, data, **headers)  # starts again: a new draft
    thanks = client.get(f"{specials_page.url}thank-you/").content.decode()
    assert earlier not in thanks
    assert "We could not find anything you have sent from this browser" in thanks


def test_the_key_is_kept_in_the_session_before_send(client, specials_page, special_answers, walk):
    walk(specials_page, special_answers, stop_before_send=True)
    _html, key = _check_answers_page(client, specials_page)
    assert key == str(Draft.objects.get().submission_token)
    assert client.session["recruitment_submission_specials"] == key


def test_send_pressed_again_after_it_counted_shows_the_same_reference_and_sends_once(
    client, specials_page, special_answers, submit, django_capture_on_commit_callbacks
):
    submit(specials_page, special_answers)
    with django_capture_on_commit_callbacks(execute=True):
        again = client.post(f"{specials_page.url}check-your-answers/", {"consent": "on"})
    reference = SpecialConstableApplication.objects.get().reference
    assert reference in client.get(again["Location"]).content.decode()
    acknowledgements = [m for m in mail.outbox if m.to == [special_answers["email"]]]
    assert len(acknowledgements) == 1
