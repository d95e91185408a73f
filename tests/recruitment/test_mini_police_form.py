"""A school registers for Mini Police, end to end."""

import re

import pytest
from django.core import mail

from recruitment.models import MiniPoliceRegistration

pytestmark = pytest.mark.django_db


def test_valid_registration_is_stored_and_shows_the_reference(
    client, mini_page, mini_answers, submit
):
    response = submit(mini_page, mini_answers)
    assert response.status_code == 302
    registration = MiniPoliceRegistration.objects.get()
    assert re.fullmatch(r"MP-\d{4}-000001", registration.reference)
    assert registration.year_groups == ["year_5", "year_6"]
    assert registration.possible_duplicate is False
    thanks = client.get("/volunteer/mini-police/register/thank-you/").content.decode()
    assert registration.reference in thanks
    assert "What happens next" in thanks


def test_references_count_up(mini_page, mini_answers, submit):
    submit(mini_page, mini_answers)
    mini_answers["urn"] = "654321"
    submit(mini_page, mini_answers)
    references = sorted(MiniPoliceRegistration.objects.values_list("reference", flat=True))
    assert [r[-6:] for r in references] == ["000001", "000002"]


def test_second_registration_for_the_same_school_and_year_is_flagged(
    mini_page, mini_answers, submit
):
    submit(mini_page, mini_answers)
    mini_answers["contact_name"] = "Another Teacher"
    response = submit(mini_page, mini_answers)
    assert response.status_code == 302  # accepted, not refused
    first, second = MiniPoliceRegistration.objects.order_by("pk")
    # Flagged both ways, so whichever the team opens first leads to the other.
    assert first.possible_duplicate is True
    assert second.possible_duplicate is True
    assert "Possible duplicate" in second.flags()


def test_same_school_in_another_academic_year_is_not_a_duplicate(mini_page, mini_answers, submit):
    from recruitment.academic_years import academic_year_choices

    submit(mini_page, mini_answers)
    mini_answers["preferred_start"] = academic_year_choices()[1][0]
    submit(mini_page, mini_answers)
    assert not MiniPoliceRegistration.objects.filter(possible_duplicate=True).exists()


def test_emails_to_the_school_and_the_team(mini_page, mini_answers, submit):
    submit(mini_page, mini_answers)
    registration = MiniPoliceRegistration.objects.get()
    to_school = next(m for m in mail.outbox if m.to == ["office@testwell-primary.example.com"])
    assert registration.reference in to_school.body
    assert "Dear Pat Head" in to_school.body
    to_team = next(m for m in mail.outbox if m.to == ["mini-police@bluelamp.example"])
    assert registration.reference in to_team.body
    assert "/admin/recruitment/minipoliceregistration/inspect/" in to_team.body
    for personal in ["Testwell", "Pat Head", "123456", "01632", "School Lane"]:
        assert personal not in to_team.subject + to_team.body


@pytest.mark.parametrize(
    "field, value, message",
    [
        ("school_name", "", "Enter the school&#x27;s name"),
        ("urn", "", "Enter the school&#x27;s URN"),
        ("urn", "12345", "Enter the school&#x27;s URN as 6 digits, like 123456"),
        ("urn", "12345a", "Enter the school&#x27;s URN as 6 digits, like 123456"),
        ("address_line_1", "", "Enter the first line of the address"),
        ("town", "", "Enter the town or city"),
        ("postcode", "", "Enter a postcode"),
        ("postcode", "12345", "Enter a real postcode, like AA1 1AA"),
        ("area", "", "Choose the school&#x27;s local policing area"),
        ("contact_name", "", "Enter the name of the contact at the school"),
        ("contact_role", "", "Enter the contact&#x27;s role at the school"),
        ("email", "", "Enter an email address"),
        ("email", "office@", "Enter an email address in the correct format"),
        ("phone", "", "Enter a telephone number"),
        ("phone", "123", "Enter a telephone number, like 01632 960 001"),
        ("year_groups", [], "Select the year groups that would take part"),
        ("year_groups", ["year_7"], "Select a valid choice"),
        ("number_of_pupils", "", "Enter how many pupils would take part"),
        ("number_of_pupils", "0", "Number of pupils must be 1 or more"),
        ("number_of_pupils", "thirty", "Number of pupils must be a whole number, like 30"),
        ("preferred_start", "", "Choose when you would like to start"),
        ("preferred_start", "1999/00", "Select a valid choice"),
        ("consent", "", "Confirm that you have read the privacy notice"),
    ],
)
def test_every_field_explains_bad_input(mini_page, mini_answers, submit, field, value, message):
    mini_answers[field] = value
    response = submit(mini_page, mini_answers)
    html = response.content.decode()
    assert response.status_code == 200
    assert message in html
    assert "<title>Error: " in html
    assert not MiniPoliceRegistration.objects.exists()


def test_answers_are_kept_on_error(mini_page, mini_answers, submit):
    mini_answers["urn"] = "12"
    html = submit(mini_page, mini_answers).content.decode()
    assert 'value="Testwell Primary School"' in html
    assert 'value="12"' in html
    mini_answers["urn"] = "123456"
    mini_answers["number_of_pupils"] = "many"
    mini_answers["anything_else"] = "We have a forest school on Fridays."
    html = submit(mini_page, mini_answers).content.decode()
    assert 'value="many"' in html
    assert "We have a forest school on Fridays." in html
    assert re.search(r'value="year_5"[^>]*checked|checked[^>]*value="year_5"', html)


def test_a_school_outside_the_area_is_told_at_once_and_nothing_is_kept(
    mini_page, mini_answers, submit
):
    from recruitment.models import Draft

    mini_answers["primary_school_in_area"] = "no"
    html = submit(mini_page, mini_answers).content.decode()
    assert "The school cannot register yet" in html
    assert "Mini Police runs only in primary schools in our force area" in html
    assert not Draft.objects.exists()
    assert not MiniPoliceRegistration.objects.exists()


def test_double_send_creates_one_registration(client, mini_page, mini_answers, submit):
    submit(mini_page, mini_answers)
    client.post(f"{mini_page.url}check-your-answers/", {"consent": "on"})
    assert MiniPoliceRegistration.objects.count() == 1


def test_start_choices_are_this_academic_year_and_the_next_two():
    import datetime

    from recruitment.academic_years import academic_year_choices

    assert academic_year_choices(datetime.date(2026, 11, 22)) == [
        ("2026/27", "This academic year (2026/27)"),
        ("2027/28", "From September 2027 (2027/28)"),
        ("2028/29", "From September 2028 (2028/29)"),
    ]
    assert academic_year_choices(datetime.date(2027, 8, 31))[0][0] == "2026/27"
    assert academic_year_choices(datetime.date(2027, 9, 1))[0][0] == "2027/28"
