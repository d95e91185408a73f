"""`{% related_content page %}`: what other apps show below a page, without cms knowing them.

An app registers a `related_content` Wagtail hook, a function (context, page) -> HTML
(empty when it has nothing for that page); news/wagtail_hooks.py adds the related news.
This keeps the dependency one way: news knows cms pages, cms templates never load news tags.
"""

from django import template
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe
from wagtail import hooks

register = template.Library()


@register.simple_tag(takes_context=True)
def related_content(context, page):
    """The HTML of every `related_content` hook for this page, in hook order."""
    parts = (conditional_escape(hook(context, page)) for hook in hooks.get_hooks("related_content"))
    return mark_safe("".join(parts))
