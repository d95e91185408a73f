"""Template filters for the recruitment admin: the one UK date format (see recruitment.dates)."""

from django import template

from .. import dates

register = template.Library()
register.filter("uk_datetime", dates.uk_datetime)
register.filter("uk_date", dates.uk_date)
