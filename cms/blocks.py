"""StreamField blocks shared by every page type."""

from django.core.exceptions import ValidationError
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(max_length=120)
    level = blocks.ChoiceBlock(
        choices=[("h2", "Heading 2"), ("h3", "Heading 3")],
        default="h2",
        help_text="Use Heading 2 for sections and Heading 3 inside them.",
    )

    class Meta:
        icon = "title"
        template = "blocks/heading.html"


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock()
    alt_text = blocks.CharBlock(
        required=False,
        max_length=250,
        help_text="Describe the image for people who cannot see it. "
        "Leave empty only if the image is purely decorative.",
    )
    caption = blocks.CharBlock(required=False, max_length=250)

    class Meta:
        icon = "image"
        template = "blocks/image.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock()
    attribution = blocks.CharBlock(required=False, max_length=120)

    class Meta:
        icon = "openquote"
        template = "blocks/quote.html"


class CallToActionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(max_length=120)
    text = blocks.TextBlock(required=False)
    link_page = blocks.PageChooserBlock(required=False)
    link_url = blocks.URLBlock(required=False, help_text="Used when no page is chosen.")
    link_text = blocks.CharBlock(max_length=60)

    class Meta:
        icon = "link"
        template = "blocks/call_to_action.html"


class AccordionItemBlock(blocks.StructBlock):
    heading = blocks.CharBlock(max_length=200)
    content = blocks.RichTextBlock(features=["bold", "italic", "link", "ol", "ul"])


class AccordionBlock(blocks.StructBlock):
    """Questions and answers, or any sections a reader opens one at a time (works without JS)."""

    heading = blocks.CharBlock(required=False, max_length=120)
    items = blocks.ListBlock(AccordionItemBlock(), min_num=1)

    class Meta:
        icon = "list-ul"
        template = "blocks/accordion.html"


class VideoBlock(blocks.StructBlock):
    video = EmbedBlock(help_text="A YouTube or Vimeo address.")
    title = blocks.CharBlock(max_length=120, help_text="Describes the video for screen readers.")
    transcript = blocks.TextBlock(required=False)

    class Meta:
        icon = "media"
        template = "blocks/video.html"


class LinkValue(blocks.StructValue):
    def href(self):
        """The chosen page's address, or the typed address; '' when the page has gone."""
        page = self.get("page")
        if page is not None:
            return page.url or ""
        return self.get("url") or ""


class LinkBlock(blocks.StructBlock):
    """A link to a page on this site or to an address: footer links, quick links."""

    text = blocks.CharBlock(max_length=80)
    page = blocks.PageChooserBlock(required=False)
    url = blocks.CharBlock(
        required=False,
        max_length=250,
        label="Address",
        help_text="Used when no page is chosen: a path on this site such as /cookies/, "
        "or a full address.",
    )

    class Meta:
        icon = "link"
        value_class = LinkValue

    def clean(self, value):
        value = super().clean(value)
        if not value.get("page") and not value.get("url"):
            raise StructBlockValidationError(
                block_errors={"page": ValidationError("Choose a page or enter an address.")}
            )
        return value


class RelatedLinksBlock(blocks.StructBlock):
    """A short list of related pages or sites, as a labelled navigation region."""

    heading = blocks.CharBlock(max_length=120, default="Related links")
    links = blocks.ListBlock(LinkBlock(), min_num=1)

    class Meta:
        icon = "link"
        template = "blocks/related_links.html"


class BaseStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        features=["bold", "italic", "link", "document-link", "ol", "ul"],
        icon="pilcrow",
        template="blocks/paragraph.html",
    )
    image = ImageBlock()
    quote = QuoteBlock()
    call_to_action = CallToActionBlock()
    accordion = AccordionBlock()
    video = VideoBlock()
    related_links = RelatedLinksBlock()


class KeyFigureBlock(blocks.StructBlock):
    """One fact a reader takes in at a glance: '144' and 'Special Constables'."""

    figure = blocks.CharBlock(
        max_length=20, help_text="Short: a number or range, e.g. 144 or 9–11."
    )
    label = blocks.CharBlock(max_length=80, help_text="What the figure counts, e.g. Specials.")

    class Meta:
        icon = "table"


class KeyFiguresBlock(blocks.StructBlock):
    """A row of key figures, e.g. '16 hours a month minimum'."""

    heading = blocks.CharBlock(required=False, max_length=120)
    figures = blocks.ListBlock(KeyFigureBlock(), min_num=1, max_num=6)

    class Meta:
        icon = "table"
        template = "blocks/key_figures.html"


class ProgrammeStreamBlock(BaseStreamBlock):
    """The shared blocks plus key figures, for programme pages."""

    key_figures = KeyFiguresBlock()
