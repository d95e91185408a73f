"""Where a recruiter lands: my open applications first, then each queue's counts as links.

The admin home panel and the Recruitment home page (one click from the menu) show the same
overview, so the work is in front of the recruiter wherever they start.
"""

from django.db.models import Count
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.text import capfirst
from wagtail.admin.ui.components import Component

from . import permissions
from .models import SUBMISSION_MODELS


def _index_url(model, **filters):
    meta = model._meta
    url = reverse(f"{meta.app_label}_{meta.model_name}_modeladmin_index")
    return url + ("?" + urlencode(filters) if filters else "")


def _open_statuses(model):
    return [status for status, moves in model.transitions.items() if moves]


def queue_summary(model, user):
    """One queue's counts, each with the link to the queue filtered to just those."""
    counts = dict(model.objects.values_list("status").annotate(n=Count("pk")).order_by())
    open_ = model.objects.filter(status__in=_open_statuses(model))
    return {
        "title": capfirst(model._meta.verbose_name_plural),
        "url": _index_url(model),
        "total": sum(counts.values()),
        "to_do": [
            (
                "Assigned to me",
                open_.filter(assignee=user).count(),
                _index_url(model, assignee="me", open="yes"),
            ),
            (
                "Unassigned",
                open_.filter(assignee__isnull=True).count(),
                _index_url(model, assignee="none", open="yes"),
            ),
            (
                "Waiting too long",
                model.objects.filter(model.waiting_too_long_q()).count(),
                _index_url(model, waiting="too_long"),
            ),
        ],  # fmt: skip
        "statuses": [
            (label, counts.get(value, 0), _index_url(model, status=value))
            for value, label in model.status_enum.choices
        ],
    }


def my_open_applications(user, models):
    """Everything still open that is assigned to user, oldest first, across the queues."""
    mine = []
    for model in models:
        mine += list(
            model.objects.filter(assignee=user, status__in=_open_statuses(model))
            .select_related("area")
            .order_by("submitted_at")
        )
    return mine


def overview(user):
    """The context of the recruitment overview (home page and admin dashboard panel)."""
    models = [m for m in SUBMISSION_MODELS if permissions.can_view(user, m)]
    return {
        "mine": my_open_applications(user, models),
        "queues": [queue_summary(m, user) for m in models],
        "can_manage_lists": permissions.can_manage_lists(user),
        "can_manage_personal_data": permissions.can_manage_personal_data(user),
    }


class RecruitmentPanel(Component):
    """The overview on the admin home, first of the panels for recruitment staff."""

    name = "recruitment"
    order = 10
    template_name = "recruitment/admin/dashboard_panel.html"

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context):
        return overview(self.user)
