"""reCAPTCHA runs only when keys are configured; its check with Google is patched out."""

from unittest import mock

import pytest
from django_recaptcha.client import RecaptchaResponse

from recruitment.models import SpecialConstableApplication

pytestmark = pytest.mark.django_db


@pytest.fixture
def recaptcha_keys(settings):
    settings.RECAPTCHA_PUBLIC_KEY = "public-test-key"
    settings.RECAPTCHA_PRIVATE_KEY = "private-test-key"
    settings.RECAPTCHA_ENABLED = True


def test_script_loads_only_on_the_send_page_when_keys_are_set(
    client, recaptcha_keys, specials_page, special_answers, walk
):
    assert "recaptcha" not in client.get(specials_page.url).content.decode()
    walk(specials_page, special_answers, stop_before_send=True)
    html = client.get(f"{specials_page.url}check-your-answers/").content.decode()
    head = html.split("</head>")[0]
    assert "https://www.google.com/recaptcha/api.js" in head
    assert 'data-sitekey="public-test-key"' in html
    assert "<script>" not in html  # no inline script
    assert "recaptcha" not in client.get("/").content.decode()


def test_failed_captcha_is_refused(recaptcha_keys, specials_page, special_answers, submit):
    special_answers["g-recaptcha-response"] = "bad"
    with mock.patch(
        "django_recaptcha.fields.client.submit",
        return_value=RecaptchaResponse(is_valid=False, error_codes=["invalid-input-response"]),
    ):
        response = submit(specials_page, special_answers)
    assert response.status_code == 200
    assert "Error verifying reCAPTCHA, please try again." in response.content.decode()
    assert not SpecialConstableApplication.objects.exists()


def test_passed_captcha_is_accepted(recaptcha_keys, specials_page, special_answers, submit):
    special_answers["g-recaptcha-response"] = "good"
    with mock.patch(
        "django_recaptcha.fields.client.submit", return_value=RecaptchaResponse(is_valid=True)
    ) as check:
        response = submit(specials_page, special_answers)
    assert response.status_code == 302
    assert check.call_args.kwargs["private_key"] == "private-test-key"
    assert SpecialConstableApplication.objects.count() == 1


def test_deploy_check_warns_without_keys(settings):
    from recruitment.checks import recaptcha_keys_configured

    settings.RECAPTCHA_ENABLED = False
    assert [w.id for w in recaptcha_keys_configured(None)] == ["recruitment.W001"]
    settings.RECAPTCHA_ENABLED = True
    assert recaptcha_keys_configured(None) == []
