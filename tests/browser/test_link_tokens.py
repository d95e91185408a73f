"""An emailed status link opened on a phone: the address bar keeps no token, and the pages it
opens load no analytics or other site's script, even for a visitor who accepted analytics."""

import re

import pytest

from recruitment.factories import SpecialConstableApplicationFactory

PHONE = {"width": 360, "height": 780}
ANALYTICS = "script[data-analytics-id]"


@pytest.fixture
def with_analytics(home_page):
    from wagtail.models import Site

    from cms.models import SiteSettings

    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings.analytics_id = "G-BLUELAMP1"
    settings.save()


def _status_link(form_page):
    """A status link as the applicant receives it: asked for, then read from the sent email."""
    from django.core import mail

    from recruitment import intake

    application = SpecialConstableApplicationFactory(
        page=form_page, email="sian.obrien@example.com", first_name="Siân"
    )
    intake.send_status_links(form_page, application.email)  # sent after commit, here and now
    body = next(m.body for m in mail.outbox if m.to == [application.email])
    return re.search(r"http://\S+/status/([\w-]+)/", body)


def test_status_link_leaves_no_token_in_the_address_and_loads_no_analytics(
    page, live_server, form_pages, with_analytics
):
    page.set_viewport_size(PHONE)
    # Accept analytics first: an ordinary page then carries the analytics script.
    page.goto("/")
    page.click("text=Accept additional cookies")
    page.locator("[data-cookie-banner-message]").wait_for()
    page.reload()
    assert page.locator(ANALYTICS).count() == 1

    found = _status_link(form_pages[0])
    link, token = found[0], found[1]
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto("/" + link.split("/", 3)[3])

    assert "Your application: received" in page.inner_text("h1")
    assert page.url == f"{live_server.url}{form_pages[0].url}status/"
    assert token not in page.url
    assert page.evaluate("document.referrer") == ""
    assert page.locator(ANALYTICS).count() == 0
    assert page.locator("[data-analytics-src]").count() == 0
    assert not [url for url in requested if "analytics" in url]
    assert all(url.startswith(live_server.url) for url in requested), requested

    # Withdraw (a capability page too): still no token and no analytics.
    page.get_by_role("link", name="Withdraw my application").click()
    page.wait_for_url("**/status/withdraw/")
    assert page.locator(ANALYTICS).count() == 0
    assert all(url.startswith(live_server.url) for url in requested), requested
    # Back: the history holds the address the link was exchanged for, not the link.
    page.go_back()
    assert page.url == f"{live_server.url}{form_pages[0].url}status/"
