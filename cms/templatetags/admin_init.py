"""`{% admin_init "InlinePanel" options %}`: an admin initialiser call written as data."""

import json

from django import template

from cms.admin_init import init_script

register = template.Library()


@register.simple_tag
def admin_init(initialiser, *args):
    return init_script(initialiser, *args)


@register.filter
def from_json(text):
    """The value behind a JSON string that Wagtail put in a template's context."""
    return json.loads(text)
