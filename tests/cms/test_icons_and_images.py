"""The force's crest as favicon, touch icon and header logo; the admin in Blue Lamp's colours;
responsive pictures for the home hero and programme pages."""

import re
from xml.etree import ElementTree

import pytest
from django.contrib.staticfiles import finders
from PIL import Image

from cms.demo import demo_image
from cms.factories import ProgrammeIndexPageFactory, ProgrammePageFactory

pytestmark = pytest.mark.django_db


def test_every_page_links_the_crest_as_icon_and_touch_icon(client, home_page):
    html = client.get("/").content.decode()
    assert '<link rel="icon" href="/static/img/crest.svg" type="image/svg+xml">' in html
    assert '<link rel="apple-touch-icon" href="/static/img/apple-touch-icon.png">' in html
    svg = ElementTree.parse(finders.find("img/crest.svg")).getroot()
    assert svg.tag == "{http://www.w3.org/2000/svg}svg"
    with Image.open(finders.find("img/apple-touch-icon.png")) as icon:
        # Phones put the icon on a home screen: square, 180 px, no transparency.
        assert icon.size == (180, 180) and icon.mode == "RGB"


def test_the_header_shows_the_crest_beside_the_force_name(client, home_page):
    html = client.get("/").content.decode()
    start = html.index('<div class="header">')
    header = html[start : html.index("</form>", start)]
    assert re.search(r'class="header__logo"><img [^>]*src="/static/img/crest.svg"', header)


def test_favicon_ico_answers_with_the_crest(client, db):
    response = client.get("/favicon.ico")
    assert response.status_code == 302
    assert response["Location"] == "/static/img/favicon.ico"
    with Image.open(finders.find("img/favicon.ico")) as icon:
        assert icon.format == "ICO"
        assert {(16, 16), (32, 32)} <= set(icon.info["sizes"])


def test_the_admin_login_page_says_blue_lamp_not_wagtail(client, db):
    html = client.get("/admin/login/").content.decode()
    title = re.search(r"<title>(.*?)</title>", html, re.S).group(1)
    assert "Blue Lamp" in title and "Wagtail" not in title
    assert "<h1>Sign in to Blue Lamp</h1>" in html
    assert "Sign in to Wagtail" not in html
    assert 'src="/static/img/crest.svg" alt="Blue Lamp Constabulary"' in html
    assert '<link rel="icon" href="/static/img/crest.svg"' in html


def test_admin_pages_are_titled_blue_lamp_with_the_crest_in_the_sidebar(
    client, django_user_model, home_page
):
    admin = django_user_model.objects.create_superuser("ada", "ada@bluelamp.example", "x" * 16)
    client.force_login(admin)
    html = client.get("/admin/").content.decode()
    assert re.search(r"<title>[^<]*- Blue Lamp</title>", html)
    logo = re.search(r"<template data-wagtail-sidebar-branding-logo>(.*?)</template>", html, re.S)
    assert 'src="/static/img/crest.svg"' in logo.group(1)


def srcset_widths(picture_html):
    widths = set()
    for srcset in re.findall(r'srcset="([^"]+)"', picture_html):
        widths |= {int(w) for w in re.findall(r" (\d+)w", srcset)}
    return widths


def picture_with(html, css_class):
    for picture in re.findall(r"<picture>.*?</picture>", html, re.S):
        if f'class="{css_class}"' in picture:
            return picture
    raise AssertionError(f"no <picture> holding .{css_class}")


def test_home_hero_is_a_responsive_picture(client, home_page):
    home_page.hero_image = demo_image("Home picture", size=(1600, 900), scene="skyline")
    home_page.save_revision().publish()
    picture = picture_with(client.get("/").content.decode(), "hero__image")
    assert srcset_widths(picture) == {480, 960}
    assert 'type="image/webp"' in picture
    assert 'sizes="(min-width: 1021px) 460px, (min-width: 769px) 50vw, 100vw"' in picture


def test_programme_image_is_a_responsive_picture(client, home_page):
    index = ProgrammeIndexPageFactory(parent=home_page)
    image = demo_image("Programme picture", size=(1600, 900), scene="station")
    programme = ProgrammePageFactory(parent=index, image=image)
    picture = picture_with(client.get(programme.url).content.decode(), "programme__image")
    assert {480, 1020} <= srcset_widths(picture)
    assert 'type="image/webp"' in picture
    assert 'sizes="(min-width: 1021px) 988px, 100vw"' in picture
