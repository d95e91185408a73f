"""The triage queues in the admin (wagtail-modeladmin), kept thin: rules live in services.

Each queue is a ModelAdmin whose permission helper, index view (bulk actions, audited export)
and inspect view (answers, actions, notes, history) defer to recruitment.services.
"""

from django.contrib.admin import SimpleListFilter
from django.core.exceptions import PermissionDenied
from django.urls import reverse, reverse_lazy
from django.utils.html import format_html
from wagtail_modeladmin.helpers import PermissionHelper
from wagtail_modeladmin.options import ModelAdmin, ModelAdminGroup
from wagtail_modeladmin.views import HistoryView, IndexView, InspectView

from cms.models import Area

from . import services
from .admin_views import forbidden_as_403
from .models import MiniPoliceRegistration, Note, SpecialConstableApplication
from .spreadsheets import safe_cell


class QueuePermissionHelper(PermissionHelper):
    """Staff with the view permission see a queue; nobody creates, edits or deletes here."""

    def user_can_list(self, user):
        return services.can_view(user, self.model)

    def user_can_inspect_obj(self, user, obj):
        return services.can_view(user, self.model)

    def user_can_create(self, user):
        return False

    def user_can_edit_obj(self, user, obj):
        return False

    def user_can_delete_obj(self, user, obj):
        return False


class AssigneeFilter(SimpleListFilter):
    title = "assignee"
    parameter_name = "assignee"

    def lookups(self, request, model_admin):
        people = [
            (str(u.pk), u.get_full_name() or u.get_username())
            for u in services.assignable_users(model_admin.model)
        ]
        return [("me", "Assigned to me"), ("none", "Unassigned"), *people]

    def queryset(self, request, queryset):
        value = self.value()
        if value == "me":
            return queryset.filter(assignee=request.user)
        if value == "none":
            return queryset.filter(assignee__isnull=True)
        if value and value.isdigit():
            return queryset.filter(assignee_id=int(value))
        return queryset


class AreaFilter(SimpleListFilter):
    # Django's own related-field filter needs django.contrib.admin, which this site does not run.
    title = "local policing area"
    parameter_name = "area"

    def lookups(self, request, model_admin):
        return [(str(a.pk), a.name) for a in Area.objects.filter(force_wide=False)]

    def queryset(self, request, queryset):
        value = self.value()
        if value and value.isdigit():
            return queryset.filter(area_id=int(value))
        return queryset


class WaitingFilter(SimpleListFilter):
    title = "waiting"
    parameter_name = "waiting"

    def lookups(self, request, model_admin):
        return [("too_long", "Waiting too long")]

    def queryset(self, request, queryset):
        if self.value() == "too_long":
            return queryset.filter(queryset.model.waiting_too_long_q())
        return queryset


class QueueIndexView(IndexView):
    """The queue list, plus a bulk-action form and an export that is audited."""

    def as_spreadsheet(self, queryset, spreadsheet_format):
        if not services.can_work(self.request.user, self.model):
            raise PermissionDenied
        services.record_export(list(queryset), self.request.user, spreadsheet_format)
        return super().as_spreadsheet(queryset, spreadsheet_format)

    def get_heading(self, queryset, field):
        return services.field_label(self.model, field)

    def to_row_dict(self, item):
        return {field: services.display_value(item, field) for field in self.list_export}

    def preprocess_field_value(self, field, value, export_format):
        # A cell an applicant typed must never run as a spreadsheet formula.
        return safe_cell(super().preprocess_field_value(field, value, export_format))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        model = self.model
        context.update(
            {
                "can_work": services.can_work(self.request.user, model),
                "bulk_url": reverse("recruitment_bulk", args=[model._meta.model_name]),
                "status_choices": model.status_enum.choices,
                "assignable_users": services.assignable_users(model),
            }
        )
        return context


class QueueInspectView(InspectView):
    """Every answer, consent, notes and history, with the actions staff take."""

    def get_dict_for_field(self, field_name):
        return {
            "label": services.field_label(self.model, field_name),
            "value": services.display_value(self.instance, field_name),
            "type": "",
        }

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        submission = self.instance
        name = submission._meta.model_name
        context.update(
            {
                "submission": submission,
                "can_work": services.can_work(self.request.user, self.model),
                "moves": submission.allowed_moves(),
                "assignable_users": services.assignable_users(self.model),
                "notes": Note.for_submission(submission),
                "history": services.history(submission)[:20],
                "duplicates": submission.find_duplicates()[:10],
                "action_urls": {
                    action: reverse(f"recruitment_{action}", args=[name, submission.pk])
                    for action in ("assign", "move", "note")
                },
            }
        )
        return context


class QueueHistoryView(HistoryView):
    def check_action_permitted(self, user):
        return self.permission_helper.user_can_inspect_obj(user, self.instance)


class QueueAdmin(ModelAdmin):
    permission_helper_class = QueuePermissionHelper
    index_view_class = QueueIndexView
    inspect_view_class = QueueInspectView
    history_view_class = QueueHistoryView
    index_template_name = "recruitment/admin/index.html"
    inspect_template_name = "recruitment/admin/inspect.html"
    inspect_view_enabled = True
    history_view_enabled = True
    list_per_page = 25
    list_select_related = ["assignee", "area"]
    list_filter = [
        "status",
        WaitingFilter,
        AssigneeFilter,
        AreaFilter,
        "submitted_at",
        "possible_duplicate",
    ]
    ordering = ["-submitted_at"]
    add_to_admin_menu = False

    def select_box(self, obj):
        return format_html(
            '<input type="checkbox" name="selected" value="{}" form="bulk-actions" '
            'aria-label="Select {}">',
            obj.pk,
            obj.reference,
        )

    select_box.short_description = "Select"

    def get_admin_urls_for_registration(self):
        urls = super().get_admin_urls_for_registration()
        for pattern in urls:
            pattern.callback = forbidden_as_403(pattern.callback)
        return urls

    def display_name(self, obj):
        return obj.display_name

    display_name.short_description = "Name"


class SpecialConstableQueue(QueueAdmin):
    model = SpecialConstableApplication
    menu_label = "Special Constables"
    menu_icon = "user"
    list_display = [
        "reference",
        "select_box",
        "display_name",
        "status",
        "assignee_display",
        "area",
        "submitted_at",
        "flags_display",
    ]
    search_fields = ["reference", "first_name", "last_name", "email"]
    list_export = [
        "reference", "status", "assignee_display", "area", "submitted_at", "flags_display",
        "first_name", "last_name", "date_of_birth", "email", "phone", "address_line_1",
        "address_line_2", "town", "postcode", "lived_in_uk_3_years", "nationality",
        "right_to_remain", "hours_per_month", "preferred_role", "has_convictions",
        "conviction_details", "has_tattoos", "tattoo_description", "has_business_interests",
        "business_interest_details", "heard_about", "consent_notice_version",
        "consent_given_at",
    ]  # fmt: skip
    export_filename = "special-constable-applications"
    inspect_view_fields = [
        "reference", "status", "submitted_at", "first_name", "last_name", "date_of_birth",
        "email", "phone", "address_line_1", "address_line_2", "town", "postcode",
        "lived_in_uk_3_years", "nationality", "right_to_remain", "hours_per_month", "area",
        "preferred_role", "has_convictions", "conviction_details", "has_tattoos",
        "tattoo_description", "has_business_interests", "business_interest_details",
        "heard_about", "consent_notice_version", "consent_given_at",
    ]  # fmt: skip


class MiniPoliceQueue(QueueAdmin):
    model = MiniPoliceRegistration
    menu_label = "Mini Police schools"
    menu_icon = "group"
    list_display = [
        "reference",
        "select_box",
        "school_name",
        "urn",
        "status",
        "assignee_display",
        "area",
        "submitted_at",
        "flags_display",
    ]
    search_fields = ["reference", "school_name", "urn", "email", "contact_name"]
    list_export = [
        "reference", "status", "assignee_display", "area", "submitted_at", "flags_display",
        "school_name", "urn", "address_line_1", "address_line_2", "town", "postcode",
        "contact_name", "contact_role", "email", "phone", "year_groups_display",
        "number_of_pupils", "preferred_start", "anything_else", "consent_notice_version",
        "consent_given_at",
    ]  # fmt: skip
    export_filename = "mini-police-registrations"
    inspect_view_fields = [
        "reference", "status", "submitted_at", "school_name", "urn", "address_line_1",
        "address_line_2", "town", "postcode", "area", "contact_name", "contact_role", "email",
        "phone", "year_groups_display", "number_of_pupils", "preferred_start",
        "anything_else", "consent_notice_version", "consent_given_at",
    ]  # fmt: skip


class RecruitmentGroup(ModelAdminGroup):
    menu_label = "Recruitment"
    menu_icon = "clipboard-list"
    menu_order = 250
    items = [SpecialConstableQueue, MiniPoliceQueue]

    def get_submenu_items(self):
        from wagtail.admin.menu import MenuItem

        class MyQueueMenuItem(MenuItem):
            def is_shown(self, request):
                return any(services.can_view(request.user, m) for m in QUEUE_MODELS)

        class DataRequestsMenuItem(MenuItem):
            def is_shown(self, request):
                return services.can_manage_personal_data(request.user)

        items = super().get_submenu_items()
        items.append(
            MyQueueMenuItem(
                "My queue",
                reverse_lazy("recruitment_my_queue"),
                icon_name="user",
                order=len(items) + 1,
            )
        )
        items.append(
            DataRequestsMenuItem(
                "Data requests",
                reverse_lazy("recruitment_data_requests"),
                icon_name="doc-full",
                order=len(items) + 1,
            )
        )
        return items


QUEUE_MODELS = [SpecialConstableApplication, MiniPoliceRegistration]
