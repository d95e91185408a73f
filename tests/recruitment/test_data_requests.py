"""A recruitment manager finds everything held for an email address, exports it and erases it,
from the admin; each export and erasure is audited, and the address never goes in a URL."""

import csv
import io
import json
import re

import pytest
from django.urls import reverse
from wagtail.models import ModelLogEntry

from recruitment import triage
from recruitment.enums import MiniPoliceStatus, SpecialStatus
from recruitment.factories import MiniPoliceRegistrationFactory, SpecialConstableApplicationFactory
from recruitment.models import MiniPoliceRegistration, Notification, SpecialConstableApplication

pytestmark = pytest.mark.django_db

SEARCH = "/admin/recruitment/data-requests/"
EXPORT = "/admin/recruitment/data-requests/export/"
ERASE = "/admin/recruitment/data-requests/erase/"


@pytest.fixture
def asker(db):
    """One person with an application and a school registration, a note and an email; and
    someone else's application and registration, which nothing here may touch."""
    application = SpecialConstableApplicationFactory(
        email="Asker@Example.com", first_name="Asker", last_name="Person"
    )
    registration = MiniPoliceRegistrationFactory(
        email="asker@example.com", contact_name="Asker Person", status=MiniPoliceStatus.ACTIVE
    )
    other = SpecialConstableApplicationFactory(email="someone.else@example.com")
    MiniPoliceRegistrationFactory(email="office@another-school.example.com")
    triage.add_note(application, "Asked about shift patterns.", by=None)
    from django.contrib.contenttypes.models import ContentType

    Notification.objects.create(
        kind="acknowledgement",
        recipient=application.email,
        subject=f"Your application: {application.reference}",
        body="Dear Asker, thank you.",
        content_type=ContentType.objects.get_for_model(application),
        object_id=application.pk,
        reference=application.reference,
    )
    return application, registration, other


def test_the_menu_offers_data_requests_to_managers_only(client, login_as, asker):
    login_as("manager")
    assert SEARCH in client.get("/admin/").content.decode()
    login_as("recruiter")
    assert SEARCH not in client.get("/admin/").content.decode()


def test_search_lists_everything_held_across_both_queues(client, login_as, asker):
    application, registration, other = asker
    login_as("manager")
    response = client.post(SEARCH, {"email": "  ASKER@example.COM "})
    html = response.content.decode()
    assert response.status_code == 200
    assert "2 submissions and 0 unfinished applications found." in html
    assert application.reference in html and registration.reference in html
    assert other.reference not in html
    assert "Asked about shift patterns." in html  # note
    assert f"Your application: {application.reference}" in html  # outbox email
    assert "<dt>Consent notice version</dt><dd>1</dd>" in html
    assert "<dt>Year groups</dt><dd>Year 6</dd>" in html
    assert "Download as JSON" in html and "Download as CSV" in html
    # The address travels in POST bodies only: no link or form action on the page holds it.
    for attribute in re.findall(r'(?:href|action)="([^"]*)"', html):
        assert "asker" not in attribute.lower(), attribute


def test_search_form_is_labelled_and_keeps_a_mistyped_address(client, login_as, asker):
    login_as("manager")
    html = client.post(SEARCH, {"email": "not-an-address"}).content.decode()
    assert "Enter an email address in the correct format" in html
    assert 'value="not-an-address"' in html
    assert '<label class="w-field__label" for="id_email">' in html
    assert 'aria-invalid="true"' in html
    html = client.post(SEARCH, {"email": "nobody@example.com"}).content.decode()
    assert "Nothing is held for this address in either queue." in html
    assert "Erase this personal data" not in html


def test_json_export_holds_everything_and_is_audited(client, login_as, asker):
    application, registration, _ = asker
    manager = login_as("manager")
    response = client.post(EXPORT, {"email": "asker@example.com", "format": "json"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    disposition = response["Content-Disposition"]
    assert (
        disposition.startswith('attachment; filename="data-request-') and "asker" not in disposition
    )
    document = json.loads(response.content)
    assert [s["kind"] for s in document["submissions"]] == [
        "Special Constable application",
        "Mini Police registration",
    ]
    first = document["submissions"][0]
    assert first["answers"]["First name"] == "Asker"
    assert first["answers"]["Reference"] == application.reference
    assert first["notes"][0]["text"] == "Asked about shift patterns."
    assert first["emails"][0]["body"] == "Dear Asker, thank you."
    assert first["consent"]
    for submission in (application, registration):
        entry = triage.history(submission).first()
        assert entry.action == "recruitment.data_request"
        assert entry.user == manager
        assert entry.message == "Disclosed in answer to a data request (JSON)"


def test_csv_export_has_readable_columns_and_neutralises_formulas(client, login_as, asker):
    application, _, _ = asker
    application.address_line_1 = '=HYPERLINK("http://evil.example")'
    application.save()
    login_as("manager")
    response = client.post(EXPORT, {"email": "asker@example.com", "format": "csv"})
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert list(rows[0]) == ["Record", "Reference", "Item", "Value"]
    values = {(r["Reference"], r["Item"]): r["Value"] for r in rows}
    assert values[(application.reference, "First name")] == "Asker"
    assert (
        values[(application.reference, "Address line 1")] == '\'=HYPERLINK("http://evil.example")'
    )
    assert any(r["Record"] == "Internal note" for r in rows)
    assert triage.history(application).first().message == (
        "Disclosed in answer to a data request (CSV)"
    )


def test_export_with_a_bad_format_or_address_is_refused_clearly(client, login_as, asker):
    login_as("manager")
    for data in ({"email": "asker@example.com", "format": "pdf"}, {"email": "x", "format": "csv"}):
        response = client.post(EXPORT, data, follow=True)
        assert response.status_code == 200
        assert "Search for an email address, then choose JSON or CSV." in response.content.decode()
    assert not ModelLogEntry.objects.filter(action="recruitment.data_request").exists()


def test_erasure_asks_first_then_clears_everything_and_keeps_an_audit_entry(
    client, login_as, asker
):
    application, registration, other = asker
    manager = login_as("manager")
    confirm = client.post(ERASE, {"email": "asker@example.com"})
    html = confirm.content.decode()
    assert "Yes, erase it" in html and application.reference in html
    application.refresh_from_db()
    assert application.first_name == "Asker"  # nothing happens before confirmation

    response = client.post(ERASE, {"email": "asker@example.com", "confirm": "yes"}, follow=True)
    html = response.content.decode()
    assert "Personal data erased from 2 submission(s)" in html
    application.refresh_from_db()
    registration.refresh_from_db()
    other.refresh_from_db()
    assert application.first_name == application.email == application.phone == ""
    assert registration.contact_name == registration.email == ""
    assert registration.school_name  # the school is not personal data
    assert not application.notes.all().exists()
    assert not Notification.objects.filter(recipient__iexact="asker@example.com").exists()
    # An open application cannot be progressed without its applicant: withdrawn.
    assert application.status == SpecialStatus.WITHDRAWN
    assert registration.status == MiniPoliceStatus.ACTIVE
    assert other.first_name != ""
    for submission in (application, registration):
        entry = triage.history(submission).first()
        assert entry.action == "recruitment.erase" and entry.user == manager
        assert entry.label == submission.reference
    for entry in ModelLogEntry.objects.all():
        assert "asker" not in json.dumps([entry.label, entry.data]).lower()
    # Searching again finds nothing.
    html = client.post(SEARCH, {"email": "asker@example.com"}).content.decode()
    assert "Nothing is held for this address" in html


def test_erasing_an_address_with_nothing_held_says_so(client, login_as, asker):
    login_as("manager")
    response = client.post(ERASE, {"email": "nobody@example.com", "confirm": "yes"}, follow=True)
    assert "Nothing is held for that address" in response.content.decode()
    assert (
        MiniPoliceRegistration.objects.exclude(email="").count()
        == MiniPoliceRegistration.objects.count()
        == 2
    )
    assert (
        SpecialConstableApplication.objects.filter(anonymised_at=None).exclude(email="").count()
        == 2
    )
    assert not ModelLogEntry.objects.filter(action="recruitment.erase").exists()


def test_erase_and_export_refuse_get(client, login_as, asker):
    login_as("manager")
    assert client.get(EXPORT).status_code == 405
    assert client.get(ERASE).status_code == 405
    assert client.put(SEARCH).status_code == 405


def test_urls_are_named_for_the_admin(asker):
    assert reverse("recruitment_data_requests") == SEARCH
