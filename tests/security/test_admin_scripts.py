"""No admin screen holds an inline script or event handler that the admin's CSP would block.

Wagtail's own inline set-up calls are written as JSON data (cms/admin_init.py); this reads the
HTML of every kind of editing screen, so an upgrade or a new widget that writes inline code
again is caught here, before the browser tests.
"""

from html.parser import HTMLParser

import pytest
from wagtail.models import Page

pytestmark = pytest.mark.django_db

DATA_TYPES = {"application/json", "application/ld+json", "text/template"}


class InlineCode(HTMLParser):
    """Collects executable inline <script> elements and on* attributes."""

    def __init__(self):
        super().__init__()
        self.found = []
        self._script = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.found += [f"<{tag} {name}=...>" for name in attrs if name.startswith("on")]
        if tag == "script" and "src" not in attrs and attrs.get("type") not in DATA_TYPES:
            self._script = ""

    def handle_data(self, data):
        if self._script is not None:
            self._script += data

    def handle_endtag(self, tag):
        if tag == "script" and self._script is not None:
            if self._script.strip():
                self.found.append(f"<script>{self._script.strip()[:80]}")
            self._script = None


def inline_code(html):
    parser = InlineCode()
    parser.feed(html)
    return parser.found


def test_inline_code_is_found_when_there_is_some():
    html = '<script>alert(1)</script><a onclick="x()">a</a><script type="application/json">{}'
    assert inline_code(html + "</script>") == ["<script>alert(1)", "<a onclick=...>"]


def test_no_editing_screen_holds_inline_code(client, form_pages, login_as):
    """form_pages: the home, programme and recruitment form pages; content, news and an
    appeal (its images of the person in an inline panel) added here."""
    from cms.factories import AreaFactory, ContentPageFactory
    from news.factories import AppealPageFactory, NewsArticlePageFactory, NewsIndexPageFactory
    from recruitment.factories import SpecialConstableApplicationFactory

    login_as("admin")
    home = form_pages[0].get_site().root_page
    news_index = NewsIndexPageFactory(parent=home)
    area = AreaFactory(name="Eastmoor")
    NewsArticlePageFactory(parent=news_index, area=area)
    AppealPageFactory(parent=news_index, area=area)
    ContentPageFactory(parent=home)
    application = SpecialConstableApplicationFactory()
    one_page_of_each_type = {
        page.specific_class: page for page in Page.objects.filter(depth__gt=1).order_by("-pk")
    }
    urls = [f"/admin/pages/{page.pk}/edit/" for page in one_page_of_each_type.values()]
    urls += [
        f"/admin/pages/add/news/newsarticlepage/{news_index.pk}/",
        f"/admin/snippets/cms/area/edit/{area.pk}/",
        "/admin/settings/cms/sitesettings/",
        "/admin/recruitment/specialconstableapplication/",
        f"/admin/recruitment/specialconstableapplication/inspect/{application.pk}/",
        "/admin/images/",
        "/admin/users/",
        "/admin/account/",
        "/admin/workflows/add/",
        "/admin/workflows/tasks/add/wagtailcore/groupapprovaltask/",
    ]
    found = {}
    for url in urls:
        response = client.get(url, follow=True)
        assert response.status_code == 200, url
        if code := inline_code(response.content.decode()):
            found[url] = code
    assert len(one_page_of_each_type) >= 9
    assert found == {}
