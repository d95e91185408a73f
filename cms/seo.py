"""Search-engine and sharing metadata for every page: description, canonical URL, Open Graph,
Twitter card and JSON-LD.

Any page type gets sensible values without importing anything from here, by naming its fields
in the usual way:

- description: `search_description`, else `summary`, else `intro` (HTML is stripped);
- share image: `og_image`, `listing_image`, `hero_image` or `image`, else the site's default;
  its alt text from `og_image_alt` or `hero_image_alt`;
- `og_type` ("website" unless the page says otherwise, such as "article");
- `get_structured_data(share)`, returning a dict, adds JSON-LD.

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
from wagtail.models import Page

from .models import SiteSettings

SHARE_RENDITION = "fill-1200x630"
SHARE_IMAGE_SIZE = (1200, 630)
DEFAULT_SHARE_IMAGE = "img/og-default.png"
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
        canonical_url = canonical_url or request.build_absolute_uri(page.get_url(request))
        image = page_share_image(page)
        image_alt = page_share_image_alt(page) if image else ""
        og_type = getattr(page, "og_type", "website")
    else:
        page = None
        image, image_alt, og_type = None, "", "website"
        canonical_url = canonical_url or request.build_absolute_uri(request.path)
    if image is not None:
        rendition = image.get_rendition(SHARE_RENDITION)
        image_url = request.build_absolute_uri(rendition.url)
        width, height = rendition.width, rendition.height
    else:
        image_url = request.build_absolute_uri(static(DEFAULT_SHARE_IMAGE))
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
    if page is not None and hasattr(page, "get_structured_data"):
        share.structured_data = json_ld(page.get_structured_data(share))
    return share
