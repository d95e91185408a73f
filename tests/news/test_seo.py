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


@pytest.fixture
def site_of_every_page_type(home_page, news_index, areas):
    """One page of each type, with what a share card needs and nothing more."""
    from wagtail_factories import ImageFactory

    from cms.factories import ContentPageFactory, ProgrammeIndexPageFactory, ProgrammePageFactory
    from cms.models import FeedbackFormPage
    from news.factories import NewsArticlePageFactory

    ContentPageFactory(
        parent=home_page, title="Privacy notice", slug="privacy", intro="<p>How we use data.</p>"
    )
    index = ProgrammeIndexPageFactory(parent=home_page)
    # Big enough for the 1200x630 share rendition.
    picture = ImageFactory(file__width=1600, file__height=900)
    specials = ProgrammePageFactory(
        parent=index, title="Special Constables", slug="special-constables", image=picture
    )
    feedback = FeedbackFormPage(title="Give feedback on this website", slug="feedback")
    home_page.add_child(instance=feedback)
    NewsArticlePageFactory(
        parent=news_index,
        title="Cadets lead Eastmoor's Remembrance parade",
        slug="cadets-lead-remembrance-parade",
        area=areas["eastmoor"],
        hero_image=picture,
        hero_image_alt="Cadets on parade",
    )
    return specials


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
def test_every_page_type_has_share_metadata(client, site_of_every_page_type, path, title, og_type):
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


def test_description_falls_back_from_search_description_to_summary_to_intro(
    client, site_of_every_page_type
):
    page = site_of_every_page_type
    head = head_of(client.get(page.url))
    assert meta(head, "description") == page.summary
    page.search_description = "Written for search engines."
    page.save_revision().publish()
    assert meta(head_of(client.get(page.url)), "description") == "Written for search engines."
    privacy = head_of(client.get("/privacy/"))
    assert meta(privacy, "description") == "How we use data."


def test_programme_share_image_is_a_1200_by_630_rendition(client, site_of_every_page_type):
    head = head_of(client.get("/volunteer/special-constables/"))
    assert ".fill-1200x630" in meta(head, "og:image")


def test_page_without_an_image_shares_the_site_default(client, site_of_every_page_type):
    head = head_of(client.get("/privacy/"))
    assert meta(head, "og:image") == "http://testserver/static/img/og-default.png"


def test_views_that_are_not_pages_get_metadata_too(client, home_page):
    head = head_of(client.get("/search/", {"q": "cadets"}))
    assert meta(head, "og:title") == "Search results for cadets"
    assert '<link rel="canonical" href="http://testserver/search/">' in head
    assert '<meta name="robots" content="noindex">' in head


def test_sitemap_lists_live_articles_only(client, make_article):
    live = make_article(title="Dark nights")
    draft = make_article(title="Taken down")
    draft.unpublish()
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    xml = response.content.decode()
    assert f"{live.url}</loc>" in xml
    assert f"{draft.url_path.removeprefix('/home')}</loc>" not in xml


def test_robots_txt_points_to_the_sitemap(client, home_page):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    body = response.content.decode()
    assert "Disallow: /admin/" in body
    assert "Sitemap: http://testserver/sitemap.xml" in body
