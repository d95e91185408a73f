"""Blocks used only on the home page."""

from wagtail import blocks

from cms.blocks import LinkBlock


class QuickLinkBlock(LinkBlock):
    """A task people come to the site for: 'Report a crime', 'Contact us'."""

    description = blocks.CharBlock(required=False, max_length=160)

    class Meta:
        icon = "link"
