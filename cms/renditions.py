"""Fetch image renditions in bulk, so a page costs the same queries however many images it has."""

from django.db.models import Prefetch, prefetch_related_objects
from wagtail.blocks import StreamValue, StructValue
from wagtail.blocks.list_block import ListValue
from wagtail.images import get_image_model
from wagtail.images.models import Filter

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
    was fetched."""
    for image in images:
        have = {r.filter_spec for r in getattr(image, "prefetched_renditions", [])}
        if image is not None and not set(filter_specs) <= have:
            image.prefetched_renditions = list(image.get_renditions(*filter_specs).values())
    return images


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
