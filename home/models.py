"""The site's home page."""

from django.db import models
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from cms.blocks import BaseStreamBlock


class HomePage(Page):
    hero_heading = models.CharField(max_length=120, default="Keeping our communities safe")
    hero_text = models.TextField(blank=True)
    hero_image = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    body = StreamField(BaseStreamBlock(), blank=True)

    content_panels = [*Page.content_panels, "hero_heading", "hero_text", "hero_image", "body"]
    search_fields = [*Page.search_fields, index.SearchField("hero_text")]
    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

    class Meta:
        verbose_name = "home page"
