"""`{% load phone_tags %}`: the police numbers as tap-to-call links."""

import re

from django import template
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe

register = template.Library()

# The UK's police numbers: 999 for emergencies, 101 for everything else.
POLICE_NUMBER = re.compile(r"\b(999|101)\b")


@register.filter
def call_links(text):
    """Escape text and make 999 and 101 in it tap-to-call links for people on a phone."""
    escaped = escape(text)
    return mark_safe(
        POLICE_NUMBER.sub(lambda m: format_html('<a href="tel:{0}">{0}</a>', m.group(1)), escaped)
    )


@register.filter
def phone_link(number):
    """A phone number as a tap-to-call link: the digits (and a leading +) in the address."""
    digits = "".join(ch for ch in str(number) if ch.isdigit() or ch == "+")
    if not digits:
        return escape(number)
    return format_html('<a href="tel:{}">{}</a>', digits, number)
