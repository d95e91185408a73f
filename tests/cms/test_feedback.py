"""The feedback form linked from the phase banner (Wagtail's form builder)."""

import pytest
from wagtail.contrib.forms.models import FormSubmission

from cms.demo import load_site_pages


@pytest.fixture
def feedback(home_page):
    load_site_pages(home_page)
    return home_page.get_children().get(slug="feedback").specific


def test_feedback_is_stored_and_thanks_without_resubmitting_on_refresh(client, feedback):
    data = {
        "how_satisfied_are_you_with_this_website": "Satisfied",
        "how_could_we_improve_this_website": "Bigger text on the forms, please.",
    }
    response = client.post("/feedback/", data)
    assert response.status_code == 302
    assert response["Location"] == "/feedback/?sent=1"
    thanks = client.get(response["Location"])
    assert "Thank you for your feedback" in thanks.content.decode()
    client.get(response["Location"])  # a refresh
    assert FormSubmission.objects.filter(page=feedback).count() == 1
    assert FormSubmission.objects.get().get_data()["how_could_we_improve_this_website"] == (
        "Bigger text on the forms, please."
    )


def test_missing_answers_are_explained_and_typed_text_is_kept(client, feedback):
    response = client.post("/feedback/", {"how_could_we_improve_this_website": "Keep this text"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in html
    assert (
        '<a href="#id_how_satisfied_are_you_with_this_website_0">'
        "Select an answer to ‘How satisfied are you with this website?’</a>"
    ) in html
    assert "Keep this text" in html
    assert "<title>Error: " in html
    assert not FormSubmission.objects.exists()
