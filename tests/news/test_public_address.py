"""The site's public address: one setting (WAGTAILADMIN_BASE_URL) for the Site record, and
sitemap.xml, robots.txt, canonical links and feeds all on it, whatever host a request names."""

import re
from xml.etree import ElementTree

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.management import CommandError, call_command
from wagtail.models import Site

from cms.site_address import configured_address

from .conftest import build_article

PUBLIC = "https://www.police.example"


@pytest.mark.parametrize(
    ("base_url", "address"),
    [
        ("http://127.0.0.1:8102", ("127.0.0.1", 8102)),
        ("http://localhost", ("localhost", 80)),
        ("https://www.police.example/", ("www.police.example", 443)),
    ],
)
def test_the_address_comes_from_wagtailadmin_base_url(base_url, address):
    assert configured_address(base_url) == address


@pytest.mark.parametrize("base_url", ["https://police.example:8443", "ftp://police.example", "/"])
def test_an_address_wagtail_cannot_serve_is_refused(base_url):
    with pytest.raises(ImproperlyConfigured):
        configured_address(base_url)


@pytest.fixture
def public_site(settings, news_index, areas):
    """The site after the deployment step, on https://www.police.example, with one article."""
    settings.WAGTAILADMIN_BASE_URL = PUBLIC
    call_command("set_site_address", stdout=open("/dev/null", "w"))
    article = build_article(news_index, areas["riverside"], title="Bridge reopens")
    return Site.objects.get(is_default_site=True), article


def test_set_site_address_puts_the_default_site_on_the_configured_address(public_site):
    site, _article = public_site
    assert (site.hostname, site.port, site.root_url) == ("www.police.example", 443, PUBLIC)


def test_set_site_address_refuses_an_https_address_on_another_port(settings, home_page):
    settings.WAGTAILADMIN_BASE_URL = "https://www.police.example:8443"
    with pytest.raises(CommandError, match="port 443"):
        call_command("set_site_address")


def test_sitemap_robots_canonical_and_feeds_agree_on_the_public_address(client, public_site):
    _site, article = public_site
    # A request naming another host (as behind a proxy that rewrites it) still gets the
    # public address everywhere.
    host = {"HTTP_HOST": "10.0.0.5:8000"}

    sitemap = ElementTree.fromstring(client.get("/sitemap.xml", **host).content)
    locations = [el.text for el in sitemap.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    assert f"{PUBLIC}{article.url}" in locations
    assert all(loc.startswith(PUBLIC + "/") for loc in locations), locations

    robots = client.get("/robots.txt", **host).content.decode()
    assert f"Sitemap: {PUBLIC}/sitemap.xml" in robots

    html = client.get(article.url, **host).content.decode()
    assert f'<link rel="canonical" href="{PUBLIC}{article.url}">' in html
    assert f'<meta property="og:url" content="{PUBLIC}{article.url}">' in html
    assert re.search(rf'<meta property="og:image" content="{re.escape(PUBLIC)}/', html)

    feed = ElementTree.fromstring(client.get("/news/feed/", **host).content)
    assert feed.findtext("channel/link") == f"{PUBLIC}/news/"
    assert [item.findtext("link") for item in feed.iter("item")] == [f"{PUBLIC}{article.url}"]
    self_link = feed.find("channel/{http://www.w3.org/2005/Atom}link")
    assert self_link.get("href") == f"{PUBLIC}/news/feed/"

    search = client.get("/search/", {"q": "bridge"}, **host).content.decode()
    assert f'<link rel="canonical" href="{PUBLIC}/search/">' in search


def test_robots_txt_lets_crawlers_read_the_noindex_of_search_results(client, home_page):
    robots = client.get("/robots.txt").content.decode()
    assert "Disallow: /admin/" in robots
    assert "/search/" not in robots.split("Sitemap:")[0]
    search = client.get("/search/", {"q": "cadets"}).content.decode()
    assert '<meta name="robots" content="noindex">' in search
