"""An applicant's name, email and date of birth go nowhere but the database and the admin."""

import logging

import pytest
from django.core import mail
from django.test import RequestFactory
from django.utils.html import strip_tags

from cms.errors import server_error
from recruitment.models import SpecialConstableApplication

pytestmark = pytest.mark.django_db

# The year of birth alone stands for the date: the form posts it in its own box.
SECRETS = ("Jordan", "Testwell", "jordan.testwell@example.com", "1994", "17 May 1994")


def leaks(text):
    return [secret for secret in SECRETS if secret.lower() in text.lower()]


def test_team_email_logs_and_redirect_hold_no_personal_data(
    caplog, specials_page, special_answers, submit
):
    with caplog.at_level(logging.DEBUG):
        response = submit(specials_page, special_answers)
    assert response.status_code == 302
    assert SpecialConstableApplication.objects.count() == 1
    assert leaks(response["Location"]) == []
    team = [m for m in mail.outbox if "specials-recruitment@" in m.to[0]]
    assert len(team) == 1
    assert leaks(team[0].subject + team[0].body) == []
    logged = "\n".join(
        f"{r.getMessage()} {r.args!r} {getattr(r, 'exc_text', '')}" for r in caplog.records
    )
    assert leaks(logged) == []


def test_a_refused_recipient_is_not_logged_by_address(
    caplog, settings, specials_page, special_answers, submit
):
    settings.EMAIL_BACKEND = "tests.security.refusing_email_backend.EmailBackend"
    with caplog.at_level(logging.DEBUG):
        assert submit(specials_page, special_answers).status_code == 302
    assert any("failed" in r.getMessage() for r in caplog.records)
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert leaks(logged) == []


def test_invalid_answers_are_not_logged_or_put_in_the_url(
    caplog, specials_page, special_answers, submit
):
    special_answers["date_of_birth_year"] = "2020"  # too young: the form is shown again
    with caplog.at_level(logging.DEBUG):
        response = submit(specials_page, special_answers)
    assert response.status_code == 200
    assert SpecialConstableApplication.objects.count() == 0
    assert leaks("\n".join(r.getMessage() for r in caplog.records)) == []


def test_error_pages_show_no_personal_data(
    client, settings, specials_page, special_answers, submit
):
    # 404 for a path that carries an applicant's email: the page text does not repeat it
    # (only the cookie banner's return link points back at the address the visitor typed).
    response = client.get("/volunteer/jordan.testwell@example.com/")
    assert response.status_code == 404
    assert leaks(strip_tags(response.content.decode())) == []
    # 429 after the rate limit: the applicant's own answers, to their own session only,
    # never stored by a cache.
    settings.RECRUITMENT_RATE_LIMIT = 1
    submit(specials_page, special_answers)
    response = submit(specials_page, special_answers)
    assert response.status_code == 429
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    # 500: our handler renders templates/500.html without the request's data.
    request = RequestFactory().post(specials_page.url, special_answers)
    response = server_error(request)
    assert response.status_code == 500
    assert leaks(response.content.decode()) == []
