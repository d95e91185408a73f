"""The demo looks like a real force: its own story in each article, drawn pictures, contact
details, 999 and 101 to tap, a Contact us page and a Report link; and loading it stays quiet
and safe to repeat on a database from an earlier demo."""

import hashlib
import logging
import os
import re
from io import StringIO

import pytest
from django.core.management import call_command
from wagtail.models import Page, Site

from cms.models import SiteSettings
from news.models import AppealPage, NewsArticlePage

pytestmark = pytest.mark.django_db


def block_texts(page, kind):
    return [
        block.value["text"] if kind in ("heading", "quote") else str(block.value)
        for block in page.body
        if block.block_type == kind
    ]


def test_each_demo_article_tells_its_own_story(demo_site):
    # Appeals are short on purpose: the panel of how to give information carries them.
    articles = list(NewsArticlePage.objects.not_type(AppealPage))
    assert len(articles) >= 12
    seen = {}
    for article in articles:
        paragraphs = " ".join(block_texts(article, "paragraph"))
        assert len(paragraphs) > 400, article.title
        assert "What happens next" not in block_texts(article, "heading")
        for text in block_texts(article, "heading") + block_texts(article, "quote"):
            assert text not in seen, f"{article.title!r} repeats {text!r} from {seen[text]!r}"
            seen[text] = article.title
    warrant = NewsArticlePage.objects.get(slug="eastmoor-drugs-warrant")
    assert "cannabis plants" in " ".join(block_texts(warrant, "paragraph"))


def test_demo_pictures_are_all_different(demo_site):
    # An appeal's picture is of the person; a resolved one has none left.
    images = [article.hero_image for article in NewsArticlePage.objects.not_type(AppealPage)]
    digests = set()
    for image in images:
        with image.file.open("rb") as f:
            digests.add(hashlib.sha256(f.read()).hexdigest())
    assert len(digests) == len(images)


def test_footer_has_the_forces_contact_details_and_social_links(client, demo_site):
    html = client.get("/").content.decode()
    footer = html[html.index('<footer class="footer">') :]
    assert 'Non-emergency number: <a href="tel:101">101</a>' in footer
    assert 'href="mailto:contact.centre@bluelamp.example"' in footer
    assert "1 Lantern Way<br>Northvale" in footer
    for name in ("X (Twitter)", "Facebook", "Instagram", "YouTube"):
        assert re.search(rf'<a href="https://[^"]+" rel="noopener">{re.escape(name)}</a>', footer)


def test_contact_page_and_report_link_are_in_the_navigation(client, demo_site):
    report_url = SiteSettings.for_site(demo_site).report_url
    assert report_url.startswith("https://")
    html = client.get("/news/").content.decode()
    nav = html[html.index('<nav class="nav"') : html.index("</nav>")]
    assert nav.count('href="/contact/"') == 2  # the phone menu and the wide one
    assert nav.count(f'<a class="nav__report" href="{report_url}">Report</a>') == 2
    contact = client.get("/contact/").content.decode()
    assert "<h1" in contact and "Contact us" in contact
    assert f'href="{report_url}"' in contact


PAGES_SHOWING_NUMBERS = [
    "/",
    "/contact/",
    "/privacy/",
    "/accessibility/",
    "/news/",
    "/news/scam-phone-calls-warning/",
    "/news/eastmoor-drugs-warrant/",
    "/volunteer/cadets/join/",
]


@pytest.mark.parametrize("path", PAGES_SHOWING_NUMBERS)
def test_999_and_101_are_always_tap_to_call_links(client, demo_site, path):
    html = client.get(path).content.decode()
    body = html[html.index("<body") :]
    assert 'href="tel:' in body
    without_links = re.sub(r'<a href="(?:tel|sms):[^"]+">[^<]*</a>', "", body)
    text = re.sub(r"<[^>]+>", " ", re.sub(r"<script.*?</script>", "", without_links, flags=re.S))
    assert not re.search(r"\b(999|101)\b", text), re.findall(r".{40}\b(?:999|101)\b.{20}", text)


def test_loading_again_on_an_older_demo_is_quiet_and_fills_in_what_is_new(
    demo_site, settings, caplog
):
    # As the previous demo left it: on localhost:80, no contact page, no reporting address,
    # and an editor's own email address.
    Site.objects.filter(pk=demo_site.pk).update(hostname="localhost", port=80)
    Page.objects.get(slug="contact").delete()
    site_settings = SiteSettings.for_site(demo_site)
    site_settings.report_url = ""
    site_settings.contact_email = "editors.choice@bluelamp.example"
    site_settings.save()
    pages_before = Page.objects.count()
    logging.getLogger("wagtail").setLevel(logging.INFO)  # as under `make run`
    out = StringIO()
    with caplog.at_level(logging.INFO):
        call_command("load_demo_content", stdout=out)

    lines = out.getvalue().strip().splitlines()
    assert len(lines) == 2, lines
    assert re.fullmatch(
        r"Demo content is ready at http://testserver/: \d+ pages, 1 new\.", lines[0]
    )
    assert lines[1].startswith("Log in at http://testserver/admin/")
    assert not [r for r in caplog.records if r.name.startswith("wagtail")]
    assert Page.objects.count() == pages_before + 1
    site = Site.objects.get(pk=demo_site.pk)
    assert site.root_url == "http://testserver"
    site_settings.refresh_from_db()
    assert site_settings.report_url.startswith("https://")
    assert site_settings.contact_email == "editors.choice@bluelamp.example"


def test_verbosity_2_lists_each_page_created(demo_site, caplog):
    Page.objects.get(slug="contact").delete()
    with caplog.at_level(logging.INFO):
        call_command("load_demo_content", verbosity=2, stdout=open(os.devnull, "w"))
    assert any('"Contact us"' in r.getMessage() for r in caplog.records if r.name == "wagtail")
