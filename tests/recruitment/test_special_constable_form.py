"""An applicant applies to be a Special Constable, end to end: real database and templates."""

import datetime
import re

import pytest
from django.core import mail
from django.utils import timezone

from recruitment.models import SpecialConstableApplication
from tests.recruitment.conftest import date_of_birth

pytestmark = pytest.mark.django_db

REFERENCE = re.compile(r"SC-\d{4}-\d{6}")


def test_form_page_shows_labels_hints_and_autocomplete(client, specials_page):
    response = client.get("/volunteer/special-constables/apply/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Apply to be a Special Constable" in html
    assert "You must be 18 or over on the day you apply." in html  # eligibility text
    assert 'autocomplete="given-name"' in html
    assert 'autocomplete="postal-code"' in html
    assert "<legend" in html and "Date of birth</legend>" in html
    assert "For example, 27 3 2007" in html
    for box, label in [("day", "Day"), ("month", "Month"), ("year", "Year")]:
        assert f'name="date_of_birth_{box}"' in html
        assert f'autocomplete="bday-{box}"' in html
        assert f">{label}</label>" in html
    assert html.count('inputmode="numeric"') >= 3
    assert "How many hours a month can you give?" in html
    assert 'name="token"' in html
    assert "no-cache" in response["Cache-Control"]
    assert "recaptcha" not in html.lower()  # no keys configured, no Google script


def test_valid_application_is_stored_and_shows_the_reference(
    client, specials_page, special_answers, submit
):
    response = submit(specials_page, special_answers)
    assert response.status_code == 302
    assert response["Location"] == "/volunteer/special-constables/apply/thank-you/"

    application = SpecialConstableApplication.objects.get()
    assert REFERENCE.fullmatch(application.reference)
    assert application.reference.startswith(f"SC-{timezone.localdate().year}-")
    assert application.status == "new"
    assert application.postcode == "NV1 2AB"
    assert application.has_tattoos is True
    assert application.consent_notice_version == "2026-1"
    assert application.consent_given_at is not None
    assert application.page.pk == specials_page.pk

    thanks = client.get(response["Location"])
    assert application.reference in thanks.content.decode()
    assert "What happens next" in thanks.content.decode()


def test_refreshing_the_thank_you_page_sends_nothing_again(
    client, specials_page, special_answers, submit
):
    response = submit(specials_page, special_answers)
    for _ in range(2):
        client.get(response["Location"])
    assert SpecialConstableApplication.objects.count() == 1
    assert len(mail.outbox) == 2


def test_double_post_creates_one_application(client, specials_page, special_answers, submit):
    first = submit(specials_page, special_answers)
    second = submit(specials_page, special_answers)
    assert first.status_code == second.status_code == 302
    assert SpecialConstableApplication.objects.count() == 1
    assert len(mail.outbox) == 2  # one acknowledgement, one team notice
    reference = SpecialConstableApplication.objects.get().reference
    assert reference in client.get(second["Location"]).content.decode()


def test_a_new_form_gets_a_new_token(client, specials_page):
    tokens = [
        re.search(r'name="token" value="([^"]+)"', client.get(specials_page.url).content.decode())[
            1
        ]
        for _ in range(2)
    ]
    assert tokens[0] != tokens[1]


def test_submission_is_audited(specials_page, special_answers, submit):
    from wagtail.models import ModelLogEntry

    submit(specials_page, special_answers)
    application = SpecialConstableApplication.objects.get()
    entry = ModelLogEntry.objects.get(object_id=str(application.pk), action="recruitment.submit")
    assert entry.label == application.reference  # no name in the audit label


def test_acknowledgement_email_holds_the_reference(specials_page, special_answers, submit):
    submit(specials_page, special_answers)
    application = SpecialConstableApplication.objects.get()
    acknowledgement = next(m for m in mail.outbox if m.to == ["jordan.testwell@example.com"])
    assert application.reference in acknowledgement.subject
    assert application.reference in acknowledgement.body
    assert "Dear Jordan" in acknowledgement.body


def test_team_notice_links_to_the_admin_and_holds_no_personal_data(
    specials_page, special_answers, submit
):
    submit(specials_page, special_answers)
    application = SpecialConstableApplication.objects.get()
    notice = next(m for m in mail.outbox if m.to == ["specials-recruitment@bluelamp.example"])
    text = notice.subject + notice.body
    assert application.reference in text
    assert (
        f"http://testserver/admin/recruitment/specialconstableapplication/inspect/{application.pk}/"
        in text
    )
    for personal in [
        "Jordan",
        "Testwell",
        "jordan.testwell",
        "07700",
        "NV1",
        "Example Road",
        "1994",
        "star",
    ]:
        assert personal not in text


def test_no_team_notice_without_a_notify_address(specials_page, special_answers, submit):
    specials_page.notify_email = ""
    specials_page.save_revision().publish()
    submit(specials_page, special_answers)
    assert [m.to for m in mail.outbox] == [["jordan.testwell@example.com"]]


# --- Eligibility --------------------------------------------------------------------------


def _years_ago(years, days=0):
    today = timezone.localdate()
    return date_of_birth(today.replace(year=today.year - years) + datetime.timedelta(days=days))


def test_applicant_under_18_is_told_why_and_when(client, specials_page, special_answers, submit):
    special_answers.update(_years_ago(18, days=1))  # 18 tomorrow
    response = submit(specials_page, special_answers)
    html = response.content.decode()
    assert response.status_code == 200
    assert "You must be 18 or over on the day you apply." in html
    assert "You can apply from" in html
    assert not SpecialConstableApplication.objects.exists()


def test_applicant_who_is_18_today_may_apply(specials_page, special_answers, submit):
    special_answers.update(_years_ago(18))
    assert submit(specials_page, special_answers).status_code == 302


def test_minimum_age_is_set_by_editors(specials_page, special_answers, submit):
    specials_page.minimum_age = 21
    specials_page.save_revision().publish()
    special_answers.update(_years_ago(20))
    response = submit(specials_page, special_answers)
    assert "You must be 21 or over on the day you apply." in response.content.decode()


@pytest.mark.parametrize(
    "answers, message",
    [
        ({"lived_in_uk_3_years": "no"}, "You must have lived in the UK for the last 3 years"),
        (
            {"right_to_remain": "no"},
            "You must have the right to live in the UK without restrictions",
        ),
        ({"hours_per_month": "12"}, "Special Constables give at least 16 hours a month."),
        (date_of_birth(("1", "1", "2999")), "Date of birth must be in the past"),
        (date_of_birth(("1", "1", "1890")), "Enter a real date of birth"),
    ],
)
def test_each_eligibility_failure_says_why(
    specials_page, special_answers, submit, answers, message
):
    special_answers.update(answers)
    response = submit(specials_page, special_answers)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not SpecialConstableApplication.objects.exists()


# --- Bad input ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "field, value, message",
    [
        ("first_name", "", "Enter your first name"),
        ("last_name", "", "Enter your last name"),
        ("email", "", "Enter your email address"),
        ("email", "jordan-at-example", "Enter a valid email address"),
        ("phone", "", "Enter your telephone number"),
        ("phone", "call me", "Enter a telephone number, like 01632 960 001"),
        ("address_line_1", "", "Enter the first line of your address"),
        ("town", "", "Enter the town or city"),
        ("postcode", "", "Enter a postcode"),
        ("postcode", "NOT A CODE", "Enter a real postcode, like AA1 1AA"),
        ("lived_in_uk_3_years", "", "Select yes if you have lived in the UK for the last 3 years"),
        ("nationality", "", "Enter your nationality"),
        ("right_to_remain", "", "Select yes if you have the right to live in the UK"),
        ("hours_per_month", "", "Enter how many hours a month you can give"),
        ("hours_per_month", "lots", "Hours a month must be a whole number, like 16"),
        ("area", "", "Choose a local policing area"),
        ("preferred_role", "", "Choose the role you would prefer"),
        ("has_convictions", "", "Select yes if you have any convictions or cautions"),
        ("has_convictions", "yes", "Give details of your convictions or cautions"),
        ("has_tattoos", "", "Select yes if you have any visible tattoos"),
        ("tattoo_description", "", "Describe your visible tattoos"),
        ("has_business_interests", "", "Select yes if you have business interests or a second job"),
        ("has_business_interests", "yes", "Give details of your business interests or second jobs"),
        ("heard_about", "", "Choose how you heard about us"),
        ("consent", "", "Confirm that you have read the privacy notice"),
    ],
)
def test_every_field_explains_bad_input(
    specials_page, special_answers, submit, field, value, message
):
    special_answers[field] = value
    response = submit(specials_page, special_answers)
    html = response.content.decode()
    assert response.status_code == 200
    assert message in html
    assert "There is a problem" in html
    assert "<title>Error: " in html
    assert not SpecialConstableApplication.objects.exists()


def test_error_summary_links_to_each_field_and_keeps_every_answer(
    specials_page, special_answers, submit
):
    special_answers["postcode"] = "nonsense"
    special_answers["email"] = ""
    response = submit(specials_page, special_answers)
    html = response.content.decode()
    assert '<a href="#id_postcode">Enter a real postcode, like AA1 1AA</a>' in html
    assert '<a href="#id_email">Enter your email address</a>' in html
    assert 'value="Jordan"' in html
    assert 'value="12 Example Road"' in html
    assert 'value="nonsense"' in html
    for typed in ['value="17"', 'value="5"', 'value="1994"']:
        assert typed in html
    assert "A small star on the right wrist" in html
    assert re.search(r'value="social_media"[^>]*selected', html)
    assert (
        re.search(
            r'value="yes"[^>]*id="id_has_tattoos_0"[^>]*checked|checked[^>]*id="id_has_tattoos_0"',
            html,
        )
        or 'id="id_has_tattoos_0" checked' in html
    )
    assert f'value="{special_answers["token"]}"' in html


@pytest.mark.parametrize(
    "typed, message, first_at_fault",
    [
        (("", "", ""), "Enter your date of birth", "day"),
        (("", "4", "1990"), "Date of birth must include a day", "day"),
        (("12", "", "1990"), "Date of birth must include a month", "month"),
        (("12", "4", ""), "Date of birth must include a year", "year"),
        (("", "4", ""), "Date of birth must include a day and year", "day"),
        (("twelve", "4", "1990"), "Date of birth must be a real date", "day"),
        (("12", "April", "1990"), "Date of birth must be a real date", "month"),
        (("12", "4", "199O"), "Date of birth must be a real date", "year"),
        (("31", "2", "1990"), "Date of birth must be a real date", "day"),
        (("12", "13", "1990"), "Date of birth must be a real date", "month"),
        (("12", "4", "90"), "Year must include 4 numbers", "year"),
    ],
)
def test_date_of_birth_says_what_is_wrong_and_links_to_that_box(
    specials_page, special_answers, submit, typed, message, first_at_fault
):
    special_answers.update(date_of_birth(typed))
    response = submit(specials_page, special_answers)
    html = response.content.decode()
    assert response.status_code == 200
    assert not SpecialConstableApplication.objects.exists()
    index = ["day", "month", "year"].index(first_at_fault)
    assert f'<a href="#id_date_of_birth_{index}">{message}</a>' in html
    assert html.count(message) == 2  # once in the summary, once by the boxes
    # What was typed is shown again as typed, even where it is no date at all.
    for box, value in zip(["day", "month", "year"], typed, strict=True):
        assert re.search(rf'name="date_of_birth_{box}"(?: value="{value}")?', html)
        if value:
            assert f'value="{value}"' in html


def test_only_the_box_at_fault_is_marked_invalid(specials_page, special_answers, submit):
    special_answers.update(date_of_birth(("12", "", "1990")))
    html = submit(specials_page, special_answers).content.decode()
    invalid = re.findall(r'<input[^>]*aria-invalid="true"[^>]*>', html)
    assert [re.search(r'\sid="([^"]+)"', tag)[1] for tag in invalid] == ["id_date_of_birth_1"]


def test_an_age_problem_marks_the_whole_date_and_links_to_the_day(
    specials_page, special_answers, submit
):
    special_answers.update(_years_ago(17))
    html = submit(specials_page, special_answers).content.decode()
    assert '<a href="#id_date_of_birth_0">You must be 18 or over on the day you apply.' in html
    invalid = re.findall(r'<input[^>]*aria-invalid="true"[^>]*>', html)
    assert [re.search(r'\sid="([^"]+)"', tag)[1] for tag in invalid] == [
        "id_date_of_birth_0",
        "id_date_of_birth_1",
        "id_date_of_birth_2",
    ]


def test_a_date_typed_with_spaces_and_leading_zeros_is_stored(
    specials_page, special_answers, submit
):
    special_answers.update(date_of_birth((" 07 ", "04", "1990 ")))
    assert submit(specials_page, special_answers).status_code == 302
    assert SpecialConstableApplication.objects.get().date_of_birth == datetime.date(1990, 4, 7)


# --- Closed form, honeypot, rate limit, captcha -----------------------------------------------


def test_closed_form_says_so_and_accepts_nothing(client, specials_page, special_answers, submit):
    specials_page.is_open = False
    specials_page.save_revision().publish()
    assert specials_page.accepting_submissions is False
    page = client.get(specials_page.url)
    assert "This form is closed" in page.content.decode()
    assert 'name="first_name"' not in page.content.decode()
    response = submit(specials_page, special_answers)
    assert "This form is closed" in response.content.decode()
    assert not SpecialConstableApplication.objects.exists()


def test_form_closes_after_its_closing_date(client, specials_page, special_answers, submit):
    specials_page.closing_date = timezone.localdate() - datetime.timedelta(days=1)
    specials_page.save_revision().publish()
    assert specials_page.accepting_submissions is False
    submit(specials_page, special_answers)
    assert not SpecialConstableApplication.objects.exists()


def test_form_with_a_closing_date_ahead_is_open_and_says_when(client, specials_page):
    specials_page.closing_date = timezone.localdate() + datetime.timedelta(days=10)
    specials_page.save_revision().publish()
    assert specials_page.accepting_submissions is True
    assert "This form closes at midnight on" in client.get(specials_page.url).content.decode()


def test_honeypot_filled_stores_nothing_and_sends_nothing(specials_page, special_answers, submit):
    special_answers["website"] = "http://spam.example.com"
    response = submit(specials_page, special_answers)
    assert response.status_code == 302
    assert not SpecialConstableApplication.objects.exists()
    assert mail.outbox == []


def test_over_the_rate_limit_gets_a_clear_429(settings, specials_page, special_answers, submit):
    settings.RECRUITMENT_RATE_LIMIT = 2
    for _ in range(2):
        special_answers["first_name"] = ""  # invalid posts count too
        assert submit(specials_page, special_answers).status_code == 200
    special_answers["first_name"] = "Jordan"
    response = submit(specials_page, special_answers)
    html = response.content.decode()
    assert response.status_code == 429
    assert "<title>Error: Too many attempts" in html
    assert "Wait an hour and try again" in html
    assert not SpecialConstableApplication.objects.exists()


def test_rate_limit_is_per_client(settings, specials_page, special_answers, submit):
    settings.RECRUITMENT_RATE_LIMIT = 1
    assert submit(specials_page, special_answers, REMOTE_ADDR="192.0.2.1").status_code == 302
    special_answers["token"] = "11111111-2222-3333-4444-555555555555"
    assert submit(specials_page, special_answers, REMOTE_ADDR="192.0.2.2").status_code == 302
    assert submit(specials_page, special_answers, REMOTE_ADDR="192.0.2.2").status_code == 429


def test_second_application_from_the_same_email_is_flagged(specials_page, special_answers, submit):
    submit(specials_page, special_answers)
    special_answers["token"] = "22222222-3333-4444-5555-666666666666"
    special_answers["email"] = "Jordan.Testwell@Example.com"
    assert submit(specials_page, special_answers).status_code == 302
    first, second = SpecialConstableApplication.objects.order_by("pk")
    assert (first.possible_duplicate, second.possible_duplicate) == (False, True)
