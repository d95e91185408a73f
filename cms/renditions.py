"""Fetch image renditions in bulk, so a page costs the same queries however many images it has."""

import logging

from django.db.models import Prefetch, prefetch_related_objects
from wagtail.blocks import StreamValue, StructValue
from wagtail.blocks.list_block import ListValue
from wagtail.images import get_image_model
from wagtail.images.models import Filter, SourceImageIOError

logger = logging.getLogger(__name__)

# What templates/includes/card_image.html renders for a news or programme card.
CARD_RENDITIONS = Filter.expand_spec("fill-{480x270,960x540}|format-{webp,jpeg}")


def rendition_prefetch(lookup, *filter_specs):
    """A Prefetch of an image relation's renditions (only the given specs when any are given).

    `lookup` is the path to the renditions from the queryset's model, such as
    "hero_image__renditions". Wagtail's `{% image %}` tag then finds them without a query.
    """
    queryset = get_image_model().get_rendition_model().objects.all()
    if filter_specs:
        queryset = queryset.filter(filter_spec__in=filter_specs)
    return Prefetch(lookup, queryset=queryset, to_attr="prefetched_renditions")


def with_renditions(images, *filter_specs):
    """Make any missing renditions now and keep them on each image, so a list kept in the
    cache (cards) carries every rendition it renders, not only those that existed when it
    was fetched.

    An image whose original file is missing (lost from storage, a failed restore) cannot be
    rendered: it is marked `source_missing`, which templates/includes/card_image.html reads to
    show the card without a picture, and a warning names it, so the page is served, not a 500.
    """
    for image in images:
        if image is None:
            continue
        have = {r.filter_spec for r in getattr(image, "prefetched_renditions", [])}
        if set(filter_specs) <= have:
            continue
        renditions = renditions_or_none(image, *filter_specs)
        image.source_missing = renditions is None
        image.prefetched_renditions = list(renditions.values()) if renditions else []
    return images


def renditions_or_none(image, *filter_specs):
    """The image's renditions by spec, or None (with a warning) when its original file is
    missing and one of them cannot be made: the caller then does without the image."""
    try:
        return image.get_renditions(*filter_specs)
    except SourceImageIOError as error:
        logger.warning(
            "Image %s (%r) left out of the page: its original file is missing (%s).",
            image.pk,
            image.title,
            error,
        )
        return None


def _images_in(value):
    Image = get_image_model()
    if isinstance(value, Image):
        yield value
    elif isinstance(value, StreamValue):
        for child in value:
            yield from _images_in(child.value)
    elif isinstance(value, StructValue):
        for item in value.values():
            yield from _images_in(item)
    elif isinstance(value, ListValue | list | tuple):
        for item in value:
            yield from _images_in(item)


def prefetch_stream_renditions(stream_value, *filter_specs):
    """Load, in one query, the renditions of every image inside a StreamField value.

    Call it before rendering the stream: its image blocks then render without a query each.
    """
    images = [image for image in _images_in(stream_value) if image.pk]
    if images:
        prefetch_related_objects(images, rendition_prefetch("renditions", *filter_specs))
    return images
