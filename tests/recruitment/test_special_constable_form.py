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


def test_first_page_asks_only_whether_you_can_apply(client, specials_page):
    response = client.get("/volunteer/special-constables/apply/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Check you can apply" in html
    assert "<legend" in html and "Date of birth</legend>" in html
    assert "For example, 27 3 2007" in html
    for box, label in [("day", "Day"), ("month", "Month"), ("year", "Year")]:
        assert f'name="date_of_birth_{box}"' in html
        assert f'autocomplete="bday-{box}"' in html
        assert f">{label}</label>" in html
    assert html.count('inputmode="numeric"') >= 3
    assert "How many hours a month can you give?" in html
    assert 'name="first_name"' not in html  # no personal details before the check
    assert "recaptcha" not in html.lower()  # no keys configured, no Google script


def test_first_page_is_the_same_for_every_first_time_visitor(client, specials_page):
    response = client.get(specials_page.url)
    html = response.content.decode()
    assert "csrfmiddlewaretoken" not in html
    assert not response.cookies  # no session, no CSRF cookie: the page cache may keep it


def test_each_later_page_asks_its_section_with_autocomplete(
    client, specials_page, special_answers, walk
):
    walk(specials_page, {k: v for k, v in special_answers.items() if k != "first_name"})
    about = client.get(f"{specials_page.url}step/about-you/").content.decode()
    assert 'autocomplete="given-name"' in about
    assert "no-cache" in client.get(f"{specials_page.url}step/about-you/")["Cache-Control"]
    contact = client.get(f"{specials_page.url}step/contact-details/").content.decode()
    assert 'autocomplete="postal-code"' in contact
    assert "csrfmiddlewaretoken" in contact


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


def test_double_send_creates_one_application(
    client, specials_page, special_answers, submit, django_capture_on_commit_callbacks
):
    first = submit(specials_page, special_answers)
    with django_capture_on_commit_callbacks(execute=True):
        second = client.post(f"{specials_page.url}check-your-answers/", {"consent": "on"})
    assert first.status_code == second.status_code == 302
    assert SpecialConstableApplication.objects.count() == 1
    assert len(mail.outbox) == 2  # one acknowledgement, one team notice
    reference = SpecialConstableApplication.objects.get().reference
    assert reference in client.get(second["Location"]).content.decode()


def test_two_sends_of_one_draft_racing_store_one(specials_page, special_answers, walk, client):
    from recruitment import intake
    from recruitment.models import Draft

    walk(specials_page, special_answers, stop_before_send=True)
    draft = Draft.objects.get()
    first, created = intake.record_submission(specials_page, draft)
    again, created_again = intake.record_submission(specials_page, draft)
    assert (created, created_again) == (True, False)
    assert first.pk == again.pk
    assert SpecialConstableApplication.objects.count() == 1


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
    from recruitment.models import Draft

    special_answers.update(_years_ago(18, days=1))  # 18 tomorrow
    response = submit(specials_page, special_answers)
    html = response.content.decode()
    assert response.status_code == 200
    assert "You cannot apply to be a Special Constable yet" in html
    assert "You must be 18 or over on the day you apply." in html
    assert "You can apply from" in html
    # Told what to do instead, with links to those programmes.
    assert 'href="/volunteer/cadets/"' in html
    assert 'href="/volunteer/police-support-volunteers/"' in html
    assert not SpecialConstableApplication.objects.exists()
    assert not Draft.objects.exists()  # nothing stored for a failing check
    assert "sessionid" not in response.cookies


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
        ({"in_barred_occupation": "yes"}, "People in some jobs cannot be Special Constables"),
        (date_of_birth(("1", "1", "2999")), "Date of birth must be in the past"),
        (date_of_birth(("1", "1", "1890")), "Enter a real date of birth"),
    ],
)
def test_each_eligibility_failure_says_why(
    specials_page, special_answers, submit, answers, message
):
    special_answers.update(answers)
    from recruitment.models import Draft

    response = submit(specials_page, special_answers)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not SpecialConstableApplication.objects.exists()
    assert not Draft.objects.exists()


# --- Bad input ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "field, value, message",
    [
        ("first_name", "", "Enter your first name"),
        ("last_name", "", "Enter your last name"),
        ("email", "", "Enter your email address"),
        ("email", "jordan-at-example", "Enter an email address in the correct format"),
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
        ("in_barred_occupation", "", "Select yes if you work in a job that stops you"),
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
    assert 'value="12 Example Road"' in html
    assert 'value="nonsense"' in html
    assert 'value="07700 900456"' in html


def test_a_yes_no_answer_and_its_details_are_kept_on_an_error(
    specials_page, special_answers, submit
):
    special_answers["has_business_interests"] = ""
    html = submit(specials_page, special_answers).content.decode()
    assert "A small star on the right wrist" in html
    assert re.search(r'<input[^>]*value="yes"[^>]*id="id_has_tattoos_0"[^>]*checked', html)


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


def test_an_age_problem_is_not_an_input_error_but_a_page_that_says_why(
    specials_page, special_answers, submit
):
    special_answers.update(_years_ago(17))
    html = submit(specials_page, special_answers).content.decode()
    assert "There is a problem" not in html
    assert "aria-invalid" not in html
    assert "We have not kept any of the answers you gave." in html


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


def test_corrected_mistakes_do_not_count_towards_the_rate_limit(
    settings, specials_page, special_answers, submit
):
    settings.RECRUITMENT_RATE_LIMIT = 1
    special_answers["first_name"] = ""
    for _ in range(5):
        assert submit(specials_page, special_answers).status_code == 200
    special_answers["first_name"] = "Jordan"
    assert submit(specials_page, special_answers).status_code == 302
    assert SpecialConstableApplication.objects.count() == 1


def test_over_the_rate_limit_sees_its_own_answers_with_a_clear_message(
    settings, specials_page, special_answers, submit
):
    settings.RECRUITMENT_RATE_LIMIT = 2
    for _ in range(2):
        assert submit(specials_page, special_answers).status_code == 302
    response = submit(specials_page, special_answers)
    html = response.content.decode()
    assert response.status_code == 429
    assert "<title>Error: Check your answers" in html
    assert "We could not send this yet" in html
    assert "Your answers below are saved" in html
    assert "Jordan" in html and "12 Example Road" in html  # their answers, not an empty form
    assert SpecialConstableApplication.objects.count() == 2


def test_rate_limit_is_per_client(settings, specials_page, special_answers, submit):
    settings.RECRUITMENT_RATE_LIMIT = 1
    assert submit(specials_page, special_answers, REMOTE_ADDR="192.0.2.1").status_code == 302
    assert submit(specials_page, special_answers, REMOTE_ADDR="192.0.2.2").status_code == 302
    assert submit(specials_page, special_answers, REMOTE_ADDR="192.0.2.2").status_code == 429


def test_second_application_from_the_same_email_is_flagged(specials_page, special_answers, submit):
    submit(specials_page, special_answers)
    special_answers["email"] = "Jordan.Testwell@Example.com"
    assert submit(specials_page, special_answers).status_code == 302
    first, second = SpecialConstableApplication.objects.order_by("pk")
    # Flagged both ways, so whichever the team opens first leads to the other.
    assert (first.possible_duplicate, second.possible_duplicate) == (True, True)
