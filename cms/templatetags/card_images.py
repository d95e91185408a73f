"""`{{ image|card_ready }}`: a card's image with its renditions made, or None when its
original file is missing, so the card is shown without a picture (cms/renditions.py)."""

from django import template

from cms.renditions import CARD_RENDITIONS, with_renditions

register = template.Library()


@register.filter
def card_ready(image):
    """The image with every card rendition on it (no query when a listing prefetched them),
    or None when they cannot be made."""
    if not image:
        return None
    with_renditions([image], *CARD_RENDITIONS)
    return None if getattr(image, "source_missing", False) else image
