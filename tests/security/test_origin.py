"""cms.origin decides an Origin exactly as Django's CSRF middleware does, on both schemes and
with trusted origins: a copy of a private method, so a change in Django must show here."""

import pytest
from django.middleware.csrf import CsrfViewMiddleware
from django.test import RequestFactory, override_settings

from cms.origin import same_origin

ORIGINS = [
    "http://testserver",
    "https://testserver",
    "http://testserver:8000",
    "https://forms.police.example",
    "http://forms.police.example",
    "https://www.police.example",
    "http://www.police.example",
    "https://police.example",
    "https://evil.example",
    "https://police.example.evil.example",
    "null",
    "http://[::1",
    "",
]
TRUSTED = [[], ["https://forms.police.example", "https://*.police.example"]]


@pytest.mark.parametrize("trusted", TRUSTED)
@pytest.mark.parametrize("secure", [False, True])
@pytest.mark.parametrize("origin", ORIGINS)
def test_origin_is_decided_as_djangos_csrf_check_decides_it(origin, secure, trusted):
    with override_settings(CSRF_TRUSTED_ORIGINS=trusted, ALLOWED_HOSTS=["testserver"]):
        request = RequestFactory().post("/", HTTP_ORIGIN=origin, secure=secure)
        django_says = CsrfViewMiddleware(lambda r: None)._origin_verified(request)
        assert same_origin(request) is django_says


@pytest.mark.parametrize("secure", [False, True])
def test_without_origin_the_referer_is_held_to_the_same_rule(secure):
    scheme = "https" if secure else "http"
    other = "http" if secure else "https"
    factory = RequestFactory()
    with override_settings(ALLOWED_HOSTS=["testserver"]):
        assert same_origin(
            factory.post("/", HTTP_REFERER=f"{scheme}://testserver/a/", secure=secure)
        )
        assert not same_origin(
            factory.post("/", HTTP_REFERER=f"{other}://testserver/a/", secure=secure)
        )
        assert not same_origin(factory.post("/", HTTP_REFERER="/relative/", secure=secure))
        assert not same_origin(factory.post("/", secure=secure))  # neither header
