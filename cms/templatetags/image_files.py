"""Pictures whose original file is missing are left out of the page, never a 500 and never a
broken image (Wagtail's own tags would render one pointing at "not-found"):

- `{% if page.hero_image|renderable:"fill-{480x270,960x540} format-{webp,jpeg}" %}`: the
  same specs as the `{% picture %}` it guards; the renditions are made here and kept on the
  image, so the picture tag then needs no lookup of its own;
- `{{ image|card_ready }}`: a card's image with the card renditions, or None.

Each image left out is named in a warning (cms/renditions.py).
"""

from django import template
from wagtail.images.models import Filter

from cms.renditions import CARD_RENDITIONS, renditions_or_none, with_renditions

register = template.Library()


@register.filter
def renderable(image, specs):
    """True when the image's renditions for these specs (space-separated, as the picture tag
    takes them) exist or can be made; False, with a warning, when its file is missing."""
    if not image:
        return False
    wanted = Filter.expand_spec(specs.split())
    renditions = renditions_or_none(image, *wanted)
    if renditions is None:
        return False
    image.prefetched_renditions = [
        *getattr(image, "prefetched_renditions", []),
        *renditions.values(),
    ]
    return True


@register.filter
def card_ready(image):
    """The image with every card rendition on it (no query when a listing prefetched them),
    or None when they cannot be made."""
    if not image:
        return None
    with_renditions([image], *CARD_RENDITIONS)
    return None if getattr(image, "source_missing", False) else image
