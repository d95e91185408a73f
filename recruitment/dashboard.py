"""The admin dashboard panel: counts per status and per week for each queue."""

import datetime

from django.db.models import Count
from django.utils import timezone
from django.utils.text import capfirst
from wagtail.admin.ui.components import Component

from . import services
from .models import SUBMISSION_MODELS

WEEKS = 8


def queue_summary(model, today=None):
    """Counts per status (all statuses, zeros included) and per week for the last 8 weeks."""
    today = today or timezone.localdate()
    counts = dict(model.objects.values_list("status").annotate(n=Count("pk")).order_by())
    statuses = [(label, counts.get(value, 0)) for value, label in model.status_enum.choices]
    week_start = today - datetime.timedelta(days=today.weekday())
    first = week_start - datetime.timedelta(weeks=WEEKS - 1)
    since = timezone.make_aware(datetime.datetime.combine(first, datetime.time.min))
    per_week = [0] * WEEKS
    for submitted in model.objects.filter(submitted_at__gte=since).values_list(
        "submitted_at", flat=True
    ):
        index = (timezone.localtime(submitted).date() - first).days // 7
        if 0 <= index < WEEKS:
            per_week[index] += 1
    biggest = max(per_week) or 1
    weeks = [
        {
            "start": first + datetime.timedelta(weeks=i),
            "count": n,
            "percent": round(100 * n / biggest),
        }
        for i, n in enumerate(per_week)
    ]
    return {
        "title": capfirst(model._meta.verbose_name_plural),
        "total": sum(counts.values()),
        "statuses": statuses,
        "weeks": weeks,
    }


class RecruitmentPanel(Component):
    name = "recruitment"
    order = 150
    template_name = "recruitment/admin/dashboard_panel.html"

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context):
        return {
            "queues": [
                queue_summary(m) for m in SUBMISSION_MODELS if services.can_view(self.user, m)
            ]
        }
