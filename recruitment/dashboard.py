"""Where a recruiter lands: emails that could not be sent (with Retry), my open applications,
then each queue's counts as links.

The admin home panel and the Recruitment home page (one click from the menu) show the same
overview, so the work is in front of the recruiter wherever they start.
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Q
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.text import capfirst
from wagtail.admin.ui.components import Component

from . import permissions, sending
from .enums import NotificationStatus
from .models import SUBMISSION_MODELS, Notification


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


def failed_emails(user, models):
    """Emails the outbox gave up on, newest first, for queues user can see (and come-back
    links, which belong to no queue): what, for which reference, when, why, and whether user
    may retry. Never the address or the words."""
    types = ContentType.objects.get_for_models(*models).values() if models else []
    rows = (
        Notification.objects.filter(status=NotificationStatus.FAILED)
        .filter(Q(content_type__in=list(types)) | Q(content_type__isnull=True))
        .select_related("content_type")
        .order_by("-last_attempt_at", "-pk")
    )
    workable = {m for m in models if permissions.can_work(user, m)}
    found = []
    for row in rows[:50]:
        model = row.content_type.model_class() if row.content_type_id else None
        found.append(
            {
                "row": row,
                "kind": row.get_kind_display(),
                "reason": sending.describe_error(row.last_error),
                "admin_url": _inspect_url(model, row.object_id) if model else "",
                "can_retry": model in workable if model else bool(workable),
            }
        )
    return found


def _inspect_url(model, pk):
    meta = model._meta
    return reverse(f"{meta.app_label}_{meta.model_name}_modeladmin_inspect", args=[pk])


def overview(user):
    """The context of the recruitment overview (home page and admin dashboard panel)."""
    models = [m for m in SUBMISSION_MODELS if permissions.can_view(user, m)]
    return {
        "failed_emails": failed_emails(user, models),
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
        # The Retry buttons are forms: they need the dashboard's CSRF token.
        token = parent_context.get("csrf_token") if parent_context else None
        return {**overview(self.user), "csrf_token": token}
