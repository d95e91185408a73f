"""Search-engine and sharing metadata for every page: description, canonical URL, Open Graph,
Twitter card and JSON-LD.

Any page type gets sensible values without importing anything from here, by naming its fields
in the usual way:

- description: `search_description`, else `summary`, else `intro` (HTML is stripped);
- share image: `og_image`, `listing_image`, `hero_image` or `image`, else the site's default;
  its alt text from `og_image_alt` or `hero_image_alt`;
- `og_type` ("website" unless the page says otherwise, such as "article");
- `published_time` and `modified_time` (datetimes) give an article's Open Graph times;
- `get_structured_data(share)`, returning a dict, adds JSON-LD; `share.publisher` describes the
  force and `share.structured_images` offers the page's image at 16:9, 4:3 and 1:1.

Every absolute address (canonical, og:url, images, publisher) is on the Site's own address
(cms/site_address.py), the one sitemap.xml, robots.txt and the feeds use too, whatever host
the request came in on.

Views that are not pages can put `page_title`, `meta_description` and `canonical_url` in the
template context.
"""

import json
from dataclasses import dataclass, field

from django.templatetags.static import static
from django.utils.html import strip_tags
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from wagtail.images import get_image_model
from wagtail.models import Page, Site

from .models import SiteSettings
from .renditions import renditions_or_none

SHARE_RENDITION = "fill-1200x630"
SHARE_IMAGE_SIZE = (1200, 630)
DEFAULT_SHARE_IMAGE = "img/og-default.png"
# Search engines pick the crop that suits the result: wide, classic and square.
STRUCTURED_IMAGE_RENDITIONS = ("fill-1200x675", "fill-1200x900", "fill-1200x1200")
# The force's mark as a square PNG (static/img/, drawn by scripts/draw_icons.py).
PUBLISHER_LOGO = "img/logo-512.png"
PUBLISHER_LOGO_SIZE = 512
DESCRIPTION_FIELDS = ("search_description", "summary", "intro")
IMAGE_FIELDS = ("og_image", "listing_image", "hero_image", "image")
IMAGE_ALT_FIELDS = ("og_image_alt", "hero_image_alt")
DESCRIPTION_LENGTH = 300
LOCALE = "en_GB"

# Characters that could end a <script> element or open a comment inside it.
_JSON_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


@dataclass
class ShareMetadata:
    """Everything the <head> needs to describe one page to search engines and social sites."""

    title: str
    description: str
    url: str
    site_name: str
    image_url: str
    image_alt: str = ""
    image_width: int = SHARE_IMAGE_SIZE[0]
    image_height: int = SHARE_IMAGE_SIZE[1]
    og_type: str = "website"
    locale: str = LOCALE
    structured_data: str = ""
    feed_links: list = field(default_factory=list)
    published_time: object = None
    modified_time: object = None
    publisher: dict = field(default_factory=dict)
    structured_images: list = field(default_factory=list)


def site_root_url(request):
    """The address of the site serving this request, without a trailing slash."""
    site = Site.find_for_request(request)
    if site is not None:
        return site.root_url
    return f"{request.scheme}://{request.get_host()}"


def absolute_url(request, url):
    """url (a path, or already absolute) on the site's own address."""
    if url.startswith(("http://", "https://")):
        return url
    return site_root_url(request) + url


def publisher(request, site_name):
    """schema.org Organization for the force: its name, home address and logo."""
    return {
        "@type": "Organization",
        "name": site_name,
        "url": absolute_url(request, "/"),
        "logo": {
            "@type": "ImageObject",
            "url": absolute_url(request, static(PUBLISHER_LOGO)),
            "width": PUBLISHER_LOGO_SIZE,
            "height": PUBLISHER_LOGO_SIZE,
        },
    }


def page_description(page):
    """The first non-empty of the page's search description, summary or intro, as plain text."""
    for name in DESCRIPTION_FIELDS:
        value = getattr(page, name, None)
        if value:
            text = " ".join(strip_tags(str(value)).split())
            if text:
                return Truncator(text).chars(DESCRIPTION_LENGTH)
    return ""


def page_share_image(page):
    """The image that represents the page when shared, or None (the site default is used)."""
    Image = get_image_model()
    for name in IMAGE_FIELDS:
        value = getattr(page, name, None)
        if isinstance(value, Image):
            return value
    return None


def page_share_image_alt(page):
    for name in IMAGE_ALT_FIELDS:
        value = getattr(page, name, "")
        if value:
            return value
    return ""


def json_ld(data):
    """Serialise structured data for a <script type="application/ld+json"> element, safely."""
    return mark_safe(json.dumps(data, ensure_ascii=False).translate(_JSON_SCRIPT_ESCAPES))


def share_metadata(request, page=None, *, title="", description="", canonical_url="", feeds=()):
    """Work out the share metadata for a page, or for a view that is not a page."""
    site_settings = SiteSettings.for_request(request)
    site_name = site_settings.force_name
    if isinstance(page, Page):
        title = page.seo_title or page.title
        description = description or page_description(page)
        canonical_url = canonical_url or absolute_url(request, page.get_url(request))
        image = page_share_image(page)
        image_alt = page_share_image_alt(page) if image else ""
        og_type = getattr(page, "og_type", "website")
    else:
        page = None
        image, image_alt, og_type = None, "", "website"
        canonical_url = canonical_url or absolute_url(request, request.path)
    renditions = None
    if image is not None:
        # An image whose file is missing is shared as the default picture, never a 500.
        structured = STRUCTURED_IMAGE_RENDITIONS if hasattr(page, "get_structured_data") else ()
        renditions = renditions_or_none(image, SHARE_RENDITION, *structured)
    if renditions is not None:
        rendition = renditions[SHARE_RENDITION]
        image_url = absolute_url(request, rendition.url)
        width, height = rendition.width, rendition.height
    else:
        image_url = absolute_url(request, static(DEFAULT_SHARE_IMAGE))
        width, height = SHARE_IMAGE_SIZE
    share = ShareMetadata(
        title=title or site_name,
        description=description or f"News, advice and volunteering from {site_name}.",
        url=canonical_url,
        site_name=site_name,
        image_url=image_url,
        image_alt=image_alt,
        image_width=width,
        image_height=height,
        og_type=og_type,
        feed_links=list(feeds),
    )
    if page is not None:
        share.published_time = getattr(page, "published_time", None)
        share.modified_time = getattr(page, "modified_time", None)
    if page is not None and hasattr(page, "get_structured_data"):
        share.publisher = publisher(request, site_name)
        if renditions is not None:
            share.structured_images = [
                absolute_url(request, renditions[spec].url) for spec in STRUCTURED_IMAGE_RENDITIONS
            ]
        share.structured_data = json_ld(page.get_structured_data(share))
    return share
