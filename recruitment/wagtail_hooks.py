"""Admin wiring: the Recruitment menu item, queues, action URLs, audit actions, dashboard."""

from django.templatetags.static import static
from django.urls import path, reverse_lazy
from django.utils.html import format_html
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.log_actions import LogFormatter
from wagtail_modeladmin.options import modeladmin_register

from . import admin_views, data_request_views, journey, permissions, retention, triage
from .dashboard import RecruitmentPanel
from .models import SUBMISSION_MODELS
from .queues_admin import LIST_ADMINS, QUEUE_ADMINS

for _admin in [*QUEUE_ADMINS, *LIST_ADMINS]:
    modeladmin_register(_admin)


def _works_in_recruitment(user):
    return any(permissions.can_view(user, model) for model in SUBMISSION_MODELS)


class RecruitmentMenuItem(MenuItem):
    def is_shown(self, request):
        return _works_in_recruitment(request.user)


@hooks.register("register_admin_menu_item")
def register_recruitment_menu_item():
    # One item, one click from anywhere: the Recruitment home links to every queue and list.
    return RecruitmentMenuItem(
        "Recruitment",
        reverse_lazy("recruitment_home"),
        name="recruitment",
        icon_name="clipboard-list",
        order=250,
    )


@hooks.register("insert_global_admin_css")
def recruitment_admin_css():
    return format_html('<link rel="stylesheet" href="{}">', static("recruitment/css/admin.css"))


@hooks.register("insert_global_admin_js")
def recruitment_admin_js():
    return format_html('<script src="{}" defer></script>', static("recruitment/js/admin.js"))


@hooks.register("register_admin_urls")
def register_recruitment_urls():
    return [
        path("recruitment/", admin_views.home, name="recruitment_home"),
        path("recruitment/<str:model_name>/bulk/", admin_views.bulk, name="recruitment_bulk"),
        path(
            "recruitment/data-requests/",
            data_request_views.search,
            name="recruitment_data_requests",
        ),
        path(
            "recruitment/data-requests/export/",
            data_request_views.export,
            name="recruitment_data_request_export",
        ),
        path(
            "recruitment/data-requests/erase/",
            data_request_views.erase,
            name="recruitment_data_request_erase",
        ),
        path(
            "recruitment/emails/<int:pk>/retry/",
            admin_views.retry_email,
            name="recruitment_retry_email",
        ),
        path(
            "recruitment/<str:model_name>/<int:pk>/assign/",
            admin_views.assign,
            name="recruitment_assign",
        ),
        path(
            "recruitment/<str:model_name>/<int:pk>/move/",
            admin_views.move,
            name="recruitment_move",
        ),
        path(
            "recruitment/<str:model_name>/<int:pk>/note/",
            admin_views.note,
            name="recruitment_note",
        ),
        path(
            "recruitment/<str:model_name>/<int:pk>/message/",
            admin_views.message,
            name="recruitment_message",
        ),
    ]


@hooks.register("register_log_actions")
def register_recruitment_log_actions(actions):
    actions.register_action("recruitment.submit", "Submit", "Submitted by the applicant")
    actions.register_action("recruitment.note", "Add note", "Internal note added")
    actions.register_action(
        "recruitment.anonymise", "Anonymise", "Personal data removed after the retention period"
    )
    actions.register_action(
        "recruitment.erase", "Erase", "Personal data erased at the applicant's request"
    )
    actions.register_action(
        triage.RETIRE_REASON, "Retire", "Retired: no longer offered to recruiters"
    )

    @actions.register_action("recruitment.email_retry")
    class EmailRetryFormatter(LogFormatter):
        label = "Retry email"

        def format_message(self, log_entry):
            return f"Sending again after it failed: {log_entry.data.get('kind', 'an email')}"

    @actions.register_action("recruitment.data_request")
    class DataRequestFormatter(LogFormatter):
        label = "Data request"

        def format_message(self, log_entry):
            file_format = str(log_entry.data.get("format", "")).upper()
            return f"Disclosed in answer to a data request ({file_format})"

    @actions.register_action(retention.PURGE_ACTION)
    class PurgeFormatter(LogFormatter):
        label = "Retention run"

        def format_message(self, log_entry):
            return retention.describe_run(log_entry.data)

    @actions.register_action("recruitment.assign")
    class AssignFormatter(LogFormatter):
        label = "Assign"

        def format_message(self, log_entry):
            assignee = log_entry.data.get("assignee")
            return f"Assigned to {assignee}" if assignee else "Unassigned"

    @actions.register_action("recruitment.move")
    class MoveFormatter(LogFormatter):
        label = "Move status"

        def format_message(self, log_entry):
            data = log_entry.data
            text = f"Moved from {data.get('from')} to {data.get('to')}"
            if data.get("by_applicant"):
                text += " by the applicant"
            if data.get("on_erasure"):
                text += " when its personal data was erased"
            if data.get("reason"):
                text += f". Reason: {data['reason']}"
            return text

    @actions.register_action("recruitment.message")
    class MessageFormatter(LogFormatter):
        label = "Email to the applicant"

        def format_message(self, log_entry):
            return f"Emailed the applicant: “{log_entry.data.get('template')}”"

    @actions.register_action("recruitment.export")
    class ExportFormatter(LogFormatter):
        label = "Export"

        def format_message(self, log_entry):
            return f"Exported as {str(log_entry.data.get('format', '')).upper()}"


@hooks.register("construct_homepage_panels")
def add_recruitment_panel(request, panels):
    if _works_in_recruitment(request.user):
        panels.append(RecruitmentPanel(request.user))


# A Send retried from a browser that lost its cookies fails the CSRF check: if the application
# was stored, the applicant is told so rather than "your form was not sent" (journey.py).
hooks.register("csrf_failure_response", journey.send_retried_without_session)
