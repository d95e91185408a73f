"""Admin wiring: the Recruitment menu and queues, action URLs, audit actions, dashboard."""

from django.urls import path
from wagtail import hooks
from wagtail.log_actions import LogFormatter
from wagtail_modeladmin.options import modeladmin_register

from . import admin_views, data_request_views, retention, services
from .dashboard import RecruitmentPanel
from .models import SUBMISSION_MODELS
from .queues_admin import RecruitmentGroup

modeladmin_register(RecruitmentGroup)


@hooks.register("register_admin_urls")
def register_recruitment_urls():
    return [
        path("recruitment/my-queue/", admin_views.my_queue, name="recruitment_my_queue"),
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
            return f"Moved from {log_entry.data.get('from')} to {log_entry.data.get('to')}"

    @actions.register_action("recruitment.export")
    class ExportFormatter(LogFormatter):
        label = "Export"

        def format_message(self, log_entry):
            return f"Exported as {str(log_entry.data.get('format', '')).upper()}"


@hooks.register("construct_homepage_panels")
def add_recruitment_panel(request, panels):
    if any(services.can_view(request.user, model) for model in SUBMISSION_MODELS):
        panels.append(RecruitmentPanel(request.user))
