"""Share metadata for every page type, sitemap.xml and robots.txt."""

import re

import pytest


def head_of(response):
    assert response.status_code == 200, response.status_code
    html = response.content.decode()
    return html[html.index("<head>") : html.index("</head>")]


def meta(head, prop):
    match = re.search(rf'<meta (?:property|name)="{re.escape(prop)}" content="([^"]*)">', head)
    return match.group(1) if match else None


@pytest.mark.parametrize(
    ("path", "title", "og_type"),
    [
        ("/", "Home", "website"),
        ("/privacy/", "Privacy notice", "website"),
        ("/volunteer/", "Volunteer with us", "website"),
        ("/volunteer/special-constables/", "Special Constables", "website"),
        ("/feedback/", "Give feedback on this website", "website"),
        ("/news/", "News", "website"),
        (
            "/news/cadets-lead-remembrance-parade/",
            "Cadets lead Eastmoor&#x27;s Remembrance parade",
            "article",
        ),
    ],
)
def test_every_page_type_has_share_metadata(client, demo_site, path, title, og_type):
    head = head_of(client.get(path))
    assert f"<title>{title} | Blue Lamp Constabulary</title>" in head
    assert f'<link rel="canonical" href="http://testserver{path}">' in head
    assert meta(head, "og:title") == title
    assert meta(head, "og:url") == f"http://testserver{path}"
    assert meta(head, "og:type") == og_type
    assert meta(head, "og:locale") == "en_GB"
    assert meta(head, "og:site_name") == "Blue Lamp Constabulary"
    assert meta(head, "og:image").startswith("http://testserver/")
    assert meta(head, "og:image:width") == "1200" and meta(head, "og:image:height") == "630"
    assert meta(head, "twitter:card") == "summary_large_image"
    assert meta(head, "description")
    assert meta(head, "og:description") == meta(head, "description")
    assert ("application/ld+json" in head) == (og_type == "article")


def test_description_falls_back_from_search_description_to_summary_to_intro(client, demo_site):
    from cms.models import ProgrammePage

    page = ProgrammePage.objects.get(slug="special-constables")
    head = head_of(client.get(page.url))
    assert meta(head, "description") == page.summary
    page.search_description = "Written for search engines."
    page.save_revision().publish()
    assert meta(head_of(client.get(page.url)), "description") == "Written for search engines."
    privacy = head_of(client.get("/privacy/"))
    assert meta(privacy, "description").startswith("How Blue Lamp Constabulary uses")


def test_programme_share_image_is_a_1200_by_630_rendition(client, demo_site):
    head = head_of(client.get("/volunteer/special-constables/"))
    assert ".fill-1200x630" in meta(head, "og:image")


def test_page_without_an_image_shares_the_site_default(client, demo_site):
    head = head_of(client.get("/privacy/"))
    assert meta(head, "og:image") == "http://testserver/static/img/og-default.png"


def test_views_that_are_not_pages_get_metadata_too(client, demo_site):
    head = head_of(client.get("/search/", {"q": "cadets"}))
    assert meta(head, "og:title") == "Search results for cadets"
    assert '<link rel="canonical" href="http://testserver/search/">' in head
    assert '<meta name="robots" content="noindex">' in head


def test_sitemap_lists_live_articles_only(client, demo_site):
    from news.models import NewsArticlePage

    draft = NewsArticlePage.objects.first()
    draft.unpublish()
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    xml = response.content.decode()
    assert "/news/dark-nights-burglary-advice/</loc>" in xml
    assert f"{draft.url_path.removeprefix('/home')}</loc>" not in xml


def test_robots_txt_points_to_the_sitemap(client, home_page):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    body = response.content.decode()
    assert "Disallow: /admin/" in body
    assert "Sitemap: http://testserver/sitemap.xml" in body
