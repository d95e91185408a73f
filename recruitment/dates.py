"""The one way recruitment shows dates to people: "30 Nov 2026, 12:25" and "30 Nov 2026".

The queue list, inspect view, history, exports, data-request files and emails all use these
(templates through the `uk_datetime` / `uk_date` filters in recruitment_admin).
"""

import datetime

from django.utils import timezone

DATETIME_FORMAT = "%-d %b %Y, %H:%M"
DATE_FORMAT = "%-d %b %Y"


def uk_datetime(value):
    """A moment in local time: "30 Nov 2026, 12:25" ("" for None)."""
    if value is None:
        return ""
    if timezone.is_aware(value):
        value = timezone.localtime(value)
    return value.strftime(DATETIME_FORMAT)


def uk_date(value):
    """A day: "30 Nov 2026" ("" for None); a datetime is taken in local time."""
    if value is None:
        return ""
    if isinstance(value, datetime.datetime) and timezone.is_aware(value):
        value = timezone.localtime(value)
    return value.strftime(DATE_FORMAT)
