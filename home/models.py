"""The site's home page."""

from django.db import models
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from cms.blocks import BaseStreamBlock
from cms.page_methods import READ_ONLY_PAGE_METHODS
from cms.renditions import CARD_RENDITIONS, rendition_prefetch
from cms.routing import FastRoutingMixin, PublicPageMixin

from .blocks import QuickLinkBlock


class HomePage(FastRoutingMixin, PublicPageMixin, Page):
    """The front door: hero, emergency notice, quick links, programme promos and news.

    Its children are not restricted (subpage_types unset) so that the news and recruitment
    apps can add their own sections below it; each child page type says where it may live.
    """

    allowed_http_methods = READ_ONLY_PAGE_METHODS

    hero_heading = models.CharField(max_length=120, default="Keeping our communities safe")
    hero_text = models.TextField(blank=True)
    hero_image = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    hero_link_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="hero button page",
    )
    hero_link_text = models.CharField("hero button text", max_length=60, blank=True)
    quick_links_heading = models.CharField(max_length=120, default="How can we help?")
    quick_links = StreamField(
        [("link", QuickLinkBlock())],
        blank=True,
        max_num=8,
        help_text="The tasks people most often come for, such as reporting a crime.",
    )
    promos_heading = models.CharField(max_length=120, default="Volunteer with us")
    promos_intro = models.TextField(blank=True)
    body = StreamField(BaseStreamBlock(), blank=True)

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                "hero_heading",
                "hero_text",
                "hero_image",
                FieldPanel("hero_link_page"),
                "hero_link_text",
            ],
            heading="Hero",
        ),
        MultiFieldPanel(["quick_links_heading", "quick_links"], heading="Quick links"),
        MultiFieldPanel(
            [
                "promos_heading",
                "promos_intro",
                InlinePanel("programme_promos", label="Programme", max_num=6),
            ],
            heading="Programme promotions",
        ),
        "body",
    ]
    search_fields = [*Page.search_fields, index.SearchField("hero_text")]
    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

    class Meta:
        verbose_name = "home page"

    def promoted_programmes(self):
        """The programmes editors chose to promote, in their order, leaving out unpublished ones.

        Reads the in-memory promotions too, so a preview shows unsaved choices.
        """
        promos = self.programme_promos.select_related(
            "programme", "programme__image"
        ).prefetch_related(rendition_prefetch("programme__image__renditions", *CARD_RENDITIONS))
        return [promo.programme for promo in promos.all() if promo.programme.live]


class HomePageProgrammePromo(Orderable):
    """One programme page promoted on the home page."""

    page = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="programme_promos")
    programme = models.ForeignKey(
        "cms.ProgrammePage", on_delete=models.CASCADE, related_name="home_promotions"
    )

    panels = [FieldPanel("programme")]

    def __str__(self):
        return self.programme.title
