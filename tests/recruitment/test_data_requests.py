"""A data request gathers everything held for one email address, and is audited."""

import io
import json

import pytest
from django.core.management import call_command

from recruitment import services
from recruitment.factories import MiniPoliceRegistrationFactory, SpecialConstableApplicationFactory

pytestmark = pytest.mark.django_db


def test_data_request_lists_every_submission_and_note_for_the_email(home_page):
    application = SpecialConstableApplicationFactory(email="Asker@Example.com", first_name="Asker")
    registration = MiniPoliceRegistrationFactory(email="asker@example.com")
    SpecialConstableApplicationFactory(email="someone.else@example.com")
    services.add_note(application, "Asked about shift patterns.", by=None)

    out = io.StringIO()
    call_command("recruitment_data_request", "asker@example.com", stdout=out)
    document = json.loads(out.getvalue())

    assert [s["kind"] for s in document["submissions"]] == [
        "Special Constable application",
        "Mini Police registration",
    ]
    answers = document["submissions"][0]["answers"]
    assert answers["First name"] == "Asker"
    assert answers["Reference"] == application.reference
    assert document["submissions"][0]["notes"][0]["text"] == "Asked about shift patterns."
    assert "someone.else" not in out.getvalue()
    for submission in (application, registration):
        assert services.history(submission).first().action == "recruitment.data_request"
