"""Every error page a visitor can meet carries the site, the banners and the quick exit."""

import pytest
from django.test import Client, RequestFactory
from wagtail.models import get_page_models

from cms.demo import load_site_pages
from cms.errors import server_error
from cms.factories import ContentPageFactory
from cms.models import DEFAULT_QUICK_EXIT_URL, FeedbackFormPage
from cms.page_methods import allowed_methods

QUICK_EXIT = 'id="quick-exit" href="{}"'
QUICK_EXIT_ROUTE = 'id="quick-exit" href="/quick-exit/"'


@pytest.fixture
def error_urls(settings):
    settings.ROOT_URLCONF = "tests.cms.error_urls"


def assert_site_page(response, status, heading, exit_url="https://neutral.example/"):
    html = response.content.decode()
    assert response.status_code == status
    assert f'<h1 class="heading-xl">{heading}</h1>' in html
    assert QUICK_EXIT_ROUTE in html
    assert f'data-exit-address="{exit_url}"' in html
    assert "data-cookie-banner" in html
    assert 'class="phase-banner"' in html
    return html


@pytest.fixture
def neutral(site_settings):
    site_settings.quick_exit_url = "https://neutral.example/"
    site_settings.save()
    return site_settings


def test_404(client, neutral):
    assert_site_page(client.get("/no-such-page/"), 404, "Page not found")


def test_403(client, neutral, error_urls):
    assert_site_page(client.get("/test-403/"), 403, "You cannot see this page")


def test_400_too_many_fields(client, neutral, settings):
    load_site_pages(neutral.site.root_page)
    fields = {f"field{n}": "x" for n in range(settings.DATA_UPLOAD_MAX_NUMBER_FIELDS + 1)}
    response = client.post("/feedback/", fields)
    assert_site_page(response, 400, "Sorry, there is a problem with this request")


def test_429(client, neutral, error_urls):
    assert_site_page(client.get("/test-429/"), 429, "Too many attempts")


def test_csrf_failure_says_nothing_was_sent_and_links_back(neutral):
    load_site_pages(neutral.site.root_page)
    response = Client(enforce_csrf_checks=True).post("/feedback/", {"x": "1"})
    html = assert_site_page(response, 403, "Your form was not sent")
    assert "Nothing you entered on that page was sent to us" in html
    assert "Any answers you saved earlier are safe" in html
    assert '<a href="/feedback/">Go back to the page and try again</a>' in html


def test_500_has_the_quick_exit(neutral, error_urls):
    client = Client(raise_request_exception=False)
    response = client.get("/test-500/")
    html = response.content.decode()
    assert response.status_code == 500
    assert "Sorry, there is a problem with the service" in html
    # The editors' address is in the database, which may be what failed: the default is used,
    # linked straight to, not through our route (which may be what is failing).
    assert QUICK_EXIT.format(DEFAULT_QUICK_EXIT_URL) in html
    assert "data-exit-address" not in html
    assert "/static/js/quick-exit.js" in html


def test_500_renders_without_the_database():
    # No db fixture: any query here fails the test (pytest-django blocks database access).
    response = server_error(RequestFactory().get("/"))
    assert response.status_code == 500
    assert QUICK_EXIT.format(DEFAULT_QUICK_EXIT_URL) in response.content.decode()


# --- 405 -------------------------------------------------------------------------------------


@pytest.fixture
def pages(neutral, programme):
    home = neutral.site.root_page.specific
    load_site_pages(home)
    content = ContentPageFactory(parent=home, slug="about")
    return {
        "/": "GET, HEAD, OPTIONS",
        content.url: "GET, HEAD, OPTIONS",
        programme.url: "GET, HEAD, OPTIONS",
        "/feedback/": "GET, HEAD, OPTIONS, POST",
    }


@pytest.mark.parametrize("method", ["put", "patch", "delete"])
def test_pages_refuse_put_patch_and_delete(pages, method):
    # With the CSRF check on, as a browser or a scanner meets it: 405, not a failed form.
    client = Client(enforce_csrf_checks=True)
    for url, allow in pages.items():
        response = getattr(client, method)(url)
        assert response.status_code == 405, url
        assert response["Allow"] == allow
        assert '<h1 class="heading-xl">Sorry, this page cannot do that</h1>' in (
            response.content.decode()
        )


def test_post_only_where_a_page_takes_a_form(client, pages):
    for url, allow in pages.items():
        response = client.post(url, {"anything": "x"})
        if "POST" in allow:
            assert response.status_code == 200, url  # the form, with its errors
        else:
            assert response.status_code == 405, url
            assert response["Allow"] == allow


def test_every_page_type_refuses_writes_and_only_forms_take_posts():
    for model in get_page_models():
        methods = allowed_methods(model)
        assert not {"PUT", "PATCH", "DELETE"} & set(methods), model
        assert {"GET", "HEAD"} <= set(methods), model
    assert "POST" in allowed_methods(FeedbackFormPage)
