"""`{% seo_meta %}`: the description, canonical, Open Graph, Twitter and JSON-LD tags."""

from django import template

from cms.seo import share_metadata

register = template.Library()


@register.inclusion_tag("includes/seo_meta.html", takes_context=True)
def seo_meta(context):
    """Render the share metadata of the page (or view) being rendered."""
    request = context["request"]
    share = share_metadata(
        request,
        context.get("page"),
        title=context.get("page_title", ""),
        description=context.get("meta_description", ""),
        canonical_url=context.get("canonical_url", ""),
        feeds=context.get("feed_links", ()),
    )
    return {"share": share, "noindex": context.get("noindex", False)}
