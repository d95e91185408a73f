"""The triage queues in the admin (wagtail-modeladmin), kept thin: rules live in triage.py.

Each queue is a ModelAdmin whose permission helper, index view (bulk bar, audited export) and
inspect view (answers by section, triage panel, notes, history, previous/next) defer to
recruitment.triage and recruitment.permissions. Reasons and message templates are managed
here too, by recruitment managers only.
"""

import copy
import datetime

from django.contrib import messages
from django.contrib.admin import SimpleListFilter
from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.admin.utils import display_for_field, display_for_value, quote
from django.core.exceptions import PermissionDenied, SuspiciousOperation
from django.core.paginator import InvalidPage
from django.db import transaction
from django.db.models import DateField, ForeignKey, ProtectedError, Q, TimeField
from django.http import QueryDict
from django.shortcuts import redirect
from django.urls import re_path, reverse
from django.utils.html import conditional_escape, escape, format_html, format_html_join
from django.utils.http import urlencode
from django.utils.safestring import mark_safe
from wagtail.log_actions import log
from wagtail_modeladmin.helpers import ButtonHelper, PermissionHelper
from wagtail_modeladmin.options import ModelAdmin
from wagtail_modeladmin.views import (
    DeleteView,
    HistoryView,
    IndexView,
    InspectView,
    InstanceSpecificView,
)

from cms.models import Area

from . import permissions, triage
from .admin_views import forbidden_as_403
from .dates import uk_datetime
from .models import (
    DecisionReason,
    MessageTemplate,
    MiniPoliceRegistration,
    SpecialConstableApplication,
)
from .queues import display_value, field_label, queue_for
from .spreadsheets import safe_cell

# The inspect view's "came from" list: the queue's filters and search, as a query string.
BACK_PARAM = "from"
# Only for the inspect view's own call to the index view (never a user's export format).
FILTERED_ONLY = "_filtered"


class QueuePermissionHelper(PermissionHelper):
    """Staff with the view permission see a queue; nobody creates, edits or deletes here."""

    def user_can_list(self, user):
        return permissions.can_view(user, self.model)

    def user_can_inspect_obj(self, user, obj):
        return permissions.can_view(user, self.model)

    def user_can_create(self, user):
        return False

    def user_can_edit_obj(self, user, obj):
        return False

    def user_can_delete_obj(self, user, obj):
        return False


def _request_cache(request):
    return request.__dict__.setdefault("_recruitment_queue_cache", {})


def per_request(request, key, compute):
    """compute() once per request: the filters, the list and the inspect view (and its
    internal call to the list) all ask for the same few lists."""
    cache = _request_cache(request)
    if key not in cache:
        cache[key] = compute()
    return cache[key]


def assignable_users(request, model):
    """permissions.assignable_users(model) as a list, fetched once per request."""
    return per_request(
        request, ("assignable", model), lambda: list(permissions.assignable_users(model))
    )


def local_areas(request):
    return per_request(request, "areas", lambda: list(Area.objects.filter(force_wide=False)))


class AssigneeFilter(SimpleListFilter):
    title = "assignee"
    parameter_name = "assignee"

    def lookups(self, request, model_admin):
        people = [
            (str(u.pk), u.get_full_name() or u.get_username())
            for u in assignable_users(request, model_admin.model)
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
        return [(str(a.pk), a.name) for a in local_areas(request)]

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


class OpenFilter(SimpleListFilter):
    title = "open or decided"
    parameter_name = "open"

    def lookups(self, request, model_admin):
        return [("yes", "Open"), ("no", "Decided")]

    def queryset(self, request, queryset):
        open_statuses = [s for s, moves in queryset.model.transitions.items() if moves]
        if self.value() == "yes":
            return queryset.filter(status__in=open_statuses)
        if self.value() == "no":
            return queryset.exclude(status__in=open_statuses)
        return queryset


def waiting_rule(model):
    """The waiting flag's rule, said once above the list."""
    limits = [
        f"{days} days in {model.status_enum(status).label}"
        for status, days in model.waiting_limits.items()
    ]
    return (
        "“Waiting N days”: an open application has stayed in its status longer than "
        + ", ".join(limits)
        + f" or {model.waiting_limit_default} days in any other status."
    )


def _words(text):
    """Text that may wrap between its words but never inside one (not even at a hyphen)."""
    # One escape for the whole text (escaping adds no spaces, so its words are the escaped
    # words): several cells a row use this, and format_html per word was most of a row's cost.
    words = escape(text).split()
    return mark_safe(" ".join(f'<span class="recruitment-word">{word}</span>' for word in words))


def _back_query(obj):
    back = getattr(obj, "queue_query", "")
    return "?" + urlencode({BACK_PARAM: back}) if back else ""


def _inspect_href(obj):
    """The row's link to its inspect view, remembering the list it came from (built once a
    row, though the reference and the name both link there)."""
    href = getattr(obj, "inspect_href", None)
    if href is None:
        href = obj.inspect_href = obj.admin_url() + _back_query(obj)
    return href


class QueueIndexView(IndexView):
    """The queue list, plus the bulk bar and an export that is audited."""

    def as_spreadsheet(self, queryset, spreadsheet_format):
        if spreadsheet_format == FILTERED_ONLY:
            return queryset
        if not permissions.can_work(self.request.user, self.model):
            raise PermissionDenied
        rows = list(queryset)
        triage.attach_duplicates(rows)
        triage.record_export(rows, self.request.user, spreadsheet_format)
        self.queryset = rows
        return super().as_spreadsheet(rows, spreadsheet_format)

    def get_heading(self, queryset, field):
        return field_label(self.model, field)

    def to_row_dict(self, item):
        return {field: display_value(item, field) for field in self.list_export}

    def preprocess_field_value(self, field, value, export_format):
        # A cell an applicant typed must never run as a spreadsheet formula.
        return safe_cell(super().preprocess_field_value(field, value, export_format))

    def get_queryset(self, request=None):
        # modeladmin builds the filtered list in dispatch() and again for the context (each
        # time running every filter's lookups); once a request is enough.
        if getattr(self, "_queue_queryset", None) is None:
            self._queue_queryset = super().get_queryset(request)
        return self._queue_queryset

    def is_filtered(self):
        """Whether a filter or a search narrows the list (ordering and paging do not)."""
        return bool(self.query) or bool(self.get_filters_params())

    def get_buttons_for_obj(self, obj):
        return []  # no buttons column (get_list_display_add_buttons): the links do that job

    def get_context_data(self, **kwargs):
        # modeladmin's own version counts the whole table, the filtered list, and the
        # filtered list again in its paginator: three COUNTs over 100,000 rows. The same
        # "N out of M" with one COUNT unfiltered, two filtered.
        queryset = self.get_queryset()
        result_count = queryset.count()
        all_count = self.get_base_queryset().count() if self.is_filtered() else result_count
        paginator = self.paginator_class(queryset, self.items_per_page)
        paginator.count = result_count  # a cached_property: the COUNT above, not a third
        try:
            page_obj = paginator.page(self.page_num)
        except InvalidPage:
            page_obj = paginator.page(1)
        # What modeladmin's IndexView.get_context_data gives its parent, minus its counts.
        context = super(IndexView, self).get_context_data(
            view=self,
            all_count=all_count,
            result_count=result_count,
            paginator=paginator,
            page_obj=page_obj,
            elided_page_range=paginator.get_elided_page_range(self.page_num),
            object_list=page_obj.object_list,
            user_can_create=self.permission_helper.user_can_create(self.request.user),
            show_search=self.search_handler.show_search_form,
            **kwargs,
        )
        model = self.model
        # The page's rows, each told the list it is in (for previous/next) and its duplicates.
        rows = list(context["object_list"])
        query = self.request.GET.copy()
        query.pop("p", None)
        for row in rows:
            row.queue_query = query.urlencode()
        triage.attach_duplicates(rows)
        context.update(
            {
                "object_list": rows,
                "can_work": permissions.can_work(self.request.user, model),
                "bulk_url": reverse("recruitment_bulk", args=[model._meta.model_name]),
                "bulk_moves": triage.bulk_moves(model),
                "assignable_users": assignable_users(self.request, model),
                "waiting_rule": waiting_rule(model),
            }
        )
        return context


def filtered_queryset(model_admin, request, query):
    """The queue list the recruiter came from (its filters and search), through the index
    view itself so the inspect view's previous/next can never disagree with the list."""
    _request_cache(request)  # made before the copy, so that the copy shares it
    internal = copy.copy(request)
    internal.GET = QueryDict(query, mutable=True)
    internal.GET["export"] = FILTERED_ONLY
    view = model_admin.index_view_class(model_admin=model_admin)
    view.FORMATS = (*view.FORMATS, FILTERED_ONLY)
    return view.dispatch(internal)


def neighbours(queryset, submission):
    """The pks (previous, next) of submission in the queue's order (newest first), one query
    each however long the list."""
    at = submission.submitted_at
    # The outer bound says the same as the OR, but lets the database walk the (submitted_at,
    # id) index from this row and stop at the first match, instead of filtering the list.
    newer = Q(submitted_at__gte=at) & (
        Q(submitted_at__gt=at) | Q(submitted_at=at, pk__gt=submission.pk)
    )
    older = Q(submitted_at__lte=at) & (
        Q(submitted_at__lt=at) | Q(submitted_at=at, pk__lt=submission.pk)
    )
    previous = queryset.filter(newer).order_by("submitted_at", "pk")
    following = queryset.filter(older).order_by("-submitted_at", "-pk")
    return (
        previous.values_list("pk", flat=True).first(),
        following.values_list("pk", flat=True).first(),
    )


class QueueInspectView(InspectView):
    """Answers by section beside the triage panel, notes and history; previous and next."""

    def get_fields_dict(self):
        return []  # the answers come grouped by section (answer_sections), not as one list

    def neighbour_links(self):
        query = self.request.GET.get(BACK_PARAM, "")
        if self.model_admin.ordering != ["-submitted_at"] or "o" in QueryDict(query):
            return None  # previous/next follow the default order only
        try:
            queryset = filtered_queryset(self.model_admin, self.request, query)
        except (IncorrectLookupParameters, SuspiciousOperation):
            return None  # a hand-edited "from": no previous/next rather than an error
        previous, following = neighbours(queryset, self.instance)
        suffix = "?" + urlencode({BACK_PARAM: query})
        url = self.url_helper.get_action_url
        return {
            "previous": url("inspect", previous) + suffix if previous else None,
            "next": url("inspect", following) + suffix if following else None,
            "list": self.index_url + ("?" + query if query else ""),
        }

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        submission = self.instance
        name = submission._meta.model_name
        can_work = permissions.can_work(self.request.user, self.model)
        back = self.request.GET.get(BACK_PARAM, "")
        context.update(
            {
                "submission": submission,
                "can_work": can_work,
                "can_change": can_work and submission.is_open,
                "can_note": can_work and not submission.is_erased,
                "moves": submission.allowed_moves(),
                "assignable_users": assignable_users(self.request, self.model),
                "sections": answer_sections(submission),
                "notes": submission.notes.select_related("author"),
                "history": triage.history(submission)[:50],
                "duplicates": submission.find_duplicates().order_by("submitted_at")[:10],
                "templates": MessageTemplate.objects.filter(active=True),
                "neighbours": self.neighbour_links(),
                "back": back,
                "here": self.request.get_full_path(),
                "action_urls": {
                    action: reverse(f"recruitment_{action}", args=[name, submission.pk])
                    for action in ("assign", "move", "note", "message")
                },
            }
        )
        return context


class QueueHistoryView(HistoryView):
    def check_action_permitted(self, user):
        return self.permission_helper.user_can_inspect_obj(user, self.instance)


# Before and after the journey's own sections on the inspect view: the triage facts, consent.
APPLICATION_FIELDS = ["reference", "status", "decision_reason_display", "submitted_at"]
CONSENT_FIELDS = ["consent_notice_version", "consent_given_at"]


def answer_sections(submission):
    """[{"title", "answers": [(label, value)]}]: the answers grouped by the sections the
    applicant answered them in (recruitment/queues), the age beside the date of birth."""
    model = type(submission)

    def rows(names):
        return [(field_label(model, n), display_value(submission, n)) for n in names]

    sections = [{"title": "Application", "answers": rows(APPLICATION_FIELDS)}]
    for section in queue_for(submission).sections:
        answers = []
        for question in section.questions:
            answers.append((question.title_for_staff(model), question.display(submission)))
            if question.name == "date_of_birth":
                answers += rows(["age"])
        sections.append({"title": section.title, "answers": answers})
    sections.append({"title": "Consent", "answers": rows(CONSENT_FIELDS)})
    return sections


class RefuseWith403:
    """Every URL of this ModelAdmin answers a refusal with a plain 403 (see forbidden_as_403)."""

    def get_admin_urls_for_registration(self):
        urls = super().get_admin_urls_for_registration()
        for pattern in urls:
            pattern.callback = forbidden_as_403(pattern.callback)
        return urls


class QueueAdmin(RefuseWith403, ModelAdmin):
    permission_helper_class = QueuePermissionHelper
    index_view_class = QueueIndexView
    inspect_view_class = QueueInspectView
    history_view_class = QueueHistoryView
    index_template_name = "recruitment/admin/index.html"
    inspect_template_name = "recruitment/admin/inspect.html"
    inspect_view_enabled = True
    history_view_enabled = True
    list_per_page = 25
    list_select_related = ["assignee", "area", "removed_by"]
    list_filter = [
        "status",
        OpenFilter,
        WaitingFilter,
        AssigneeFilter,
        AreaFilter,
        "submitted_at",
        "possible_duplicate",
    ]
    ordering = ["-submitted_at"]
    add_to_admin_menu = False

    def get_list_display_add_buttons(self, request):
        return None  # the reference and the name link to the application instead

    def row_cells(self, obj):
        """The row's <td> cells, the same markup as modeladmin's items_for_result writes for
        these columns (display methods and plain fields, no buttons, no extra classes), in a
        fraction of its calls: its generic lookups were a third of the list's CPU time."""
        cells = []
        for name in self.list_display:
            empty = self.get_empty_value_display(name)
            nowrap = False
            method = getattr(self, name, None)
            if callable(method):
                value = method(obj)
                shown = display_for_value(value, empty)
                if not value:
                    shown = mark_safe(shown)
                nowrap = isinstance(value, (datetime.date, datetime.time))
            else:
                field = self.model._meta.get_field(name)
                shown = display_for_field(getattr(obj, name), field, empty)
                nowrap = isinstance(field, (DateField, TimeField, ForeignKey))
            shown = conditional_escape(shown) if str(shown) else mark_safe("&nbsp;")
            classes = f"field-{name} title nowrap" if nowrap else f"field-{name} title"
            cells.append(mark_safe(f'<td class="{classes}">{shown}</td>'))
        return cells

    def select_box(self, obj):
        # What the recruiter sees in the row goes with the bulk form, so a row a colleague
        # has changed since is refused (recruitment.triage), not changed over their change.
        return format_html(
            '<input type="checkbox" name="selected" value="{}" form="bulk-actions" '
            'class="recruitment-select" aria-label="Select {}">'
            '<input type="hidden" name="seen_status_{}" value="{}" form="bulk-actions">'
            '<input type="hidden" name="seen_assignee_{}" value="{}" form="bulk-actions">',
            obj.pk,
            obj.reference,
            obj.pk,
            obj.status,
            obj.pk,
            obj.assignee_id or "",
        )

    select_box.short_description = "Select"

    def reference_link(self, obj):
        return format_html(
            '<a href="{}" class="recruitment-nowrap">{}</a>',
            _inspect_href(obj),
            obj.reference,
        )

    reference_link.short_description = "Reference"
    reference_link.admin_order_field = "reference"

    def name_link(self, obj):
        if obj.is_erased:
            return "Erased" if obj.removal_reason == "request" else "Removed"
        return format_html('<a href="{}">{}</a>', _inspect_href(obj), _words(obj.display_name))

    name_link.short_description = "Name"

    def status_tag(self, obj):
        modifier = "primary" if obj.is_open else "neutral"
        return format_html(
            '<span class="w-status w-status--{} recruitment-nowrap">{}</span>',
            modifier,
            obj.get_status_display(),
        )

    status_tag.short_description = "Status"
    status_tag.admin_order_field = "status"

    def assignee_column(self, obj):
        return _words(obj.assignee_display())

    assignee_column.short_description = "Assignee"

    def area_column(self, obj):
        return _words(obj.area.name) if obj.area_id else ""

    area_column.short_description = "Area"
    area_column.admin_order_field = "area__name"

    def submitted(self, obj):
        return uk_datetime(obj.submitted_at)

    submitted.short_description = "Submitted"
    submitted.admin_order_field = "submitted_at"

    def flags_column(self, obj):
        flags = [f for f in obj.flags() if f != "Possible duplicate"]
        parts = [format_html("<li>{}</li>", _words(flag)) for flag in flags]
        others = getattr(obj, "duplicate_list", [])
        if obj.possible_duplicate:
            links = format_html_join(
                ", ",
                '<a href="{}" class="recruitment-word">{}</a>',
                ((o.admin_url(), o.reference) for o in others),
            )
            of = " of " if others else ""
            parts.insert(0, format_html("<li>{}{}{}</li>", _words("Possible duplicate"), of, links))
        if not parts:
            return ""
        items = format_html_join("", "{}", ((part,) for part in parts))
        return format_html('<ul class="recruitment-flags">{}</ul>', items)

    flags_column.short_description = "Flags"


class SpecialConstableQueue(QueueAdmin):
    model = SpecialConstableApplication
    menu_label = "Special Constables"
    menu_icon = "user"
    list_display = [
        "select_box",
        "reference_link",
        "name_link",
        "status_tag",
        "assignee_column",
        "area_column",
        "submitted",
        "flags_column",
    ]
    search_fields = ["reference", "first_name", "last_name", "email"]
    list_export = [
        "reference", "status", "decision_reason_display", "assignee_display", "area",
        "submitted_at", "flags_display", "duplicates_display", "removal_display",
        "first_name", "last_name", "date_of_birth", "email", "phone", "address_line_1",
        "address_line_2", "town", "postcode", "lived_in_uk_3_years", "nationality",
        "right_to_remain", "hours_per_month", "preferred_role", "has_convictions",
        "conviction_details", "has_tattoos", "tattoo_description", "has_business_interests",
        "business_interest_details", "heard_about", "consent_notice_version",
        "consent_given_at",
    ]  # fmt: skip
    export_filename = "special-constable-applications"


class MiniPoliceQueue(QueueAdmin):
    model = MiniPoliceRegistration
    menu_label = "Mini Police schools"
    menu_icon = "group"
    list_display = [
        "select_box",
        "reference_link",
        "name_link",
        "urn",
        "status_tag",
        "assignee_column",
        "area_column",
        "submitted",
        "flags_column",
    ]
    search_fields = ["reference", "school_name", "urn", "email", "contact_name"]
    list_export = [
        "reference", "status", "decision_reason_display", "assignee_display", "area",
        "submitted_at", "flags_display", "duplicates_display", "removal_display",
        "school_name", "urn", "address_line_1", "address_line_2", "town", "postcode",
        "contact_name", "contact_role", "email", "phone", "year_groups_display",
        "number_of_pupils", "preferred_start", "anything_else", "consent_notice_version",
        "consent_given_at",
    ]  # fmt: skip
    export_filename = "mini-police-registrations"


class ReasonButtonHelper(ButtonHelper):
    """Edit, and Retire for a reason still offered; Delete only for one never used (the
    delete page of one in use explains and offers Retire)."""

    def retire_button(self, pk, classnames_add=None, classnames_exclude=None):
        classnames = ["button-secondary", *(classnames_add or [])]
        return {
            "url": self.url_helper.get_action_url("retire", quote(pk)),
            "label": "Retire",
            "classname": self.finalise_classname(classnames, classnames_exclude or []),
            "title": "Stop offering this reason to recruiters",
        }

    def get_buttons_for_obj(self, obj, exclude=None, classnames_add=None, classnames_exclude=None):
        buttons = super().get_buttons_for_obj(obj, exclude, classnames_add, classnames_exclude)
        if obj.active and self.permission_helper.user_can_edit_obj(self.request.user, obj):
            buttons.insert(1, self.retire_button(obj.pk, classnames_add, classnames_exclude))
        return buttons


class ReasonDeleteView(DeleteView):
    """Deleting a reason: refused, with a clear page offering Retire, while any decision
    gave it (modeladmin's own answer to the PROTECT foreign key is a 500)."""

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            uses=triage.reason_uses(self.instance),
            retire_url=self.url_helper.get_action_url("retire", quote(self.instance.pk)),
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        label = self.instance.label
        if not triage.reason_uses(self.instance):
            try:
                with transaction.atomic():
                    log(instance=self.instance, action="wagtail.delete")
                    self.instance.delete()
            except ProtectedError:
                pass  # chosen for a decision meanwhile: refused below, as any reason in use
            else:
                messages.success(request, f"Decision reason “{label}” deleted.")
                return redirect(self.index_url)
        return self.render_to_response(self.get_context_data(), status=409)

    def get_template_names(self):
        return ["recruitment/admin/reason_delete.html"]


class ReasonRetireView(InstanceSpecificView):
    """Retire a reason (GET asks, POST does): no longer offered, past decisions unchanged."""

    page_title = "Retire"

    def check_action_permitted(self, user):
        return self.permission_helper.user_can_edit_obj(user, self.instance)

    def dispatch(self, request, *args, **kwargs):
        if not self.check_action_permitted(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(uses=triage.reason_uses(self.instance), **kwargs)

    def get(self, request, *args, **kwargs):
        return self.render_to_response(self.get_context_data())

    def post(self, request, *args, **kwargs):
        label = self.instance.label
        if triage.retire_reason(self.instance, by=request.user):
            messages.success(
                request,
                f"“{label}” is retired: recruiters are no longer offered it. The decisions "
                "that gave it keep it.",
            )
        else:
            messages.info(request, f"“{label}” was already retired.")
        return redirect(self.index_url)

    def get_template_names(self):
        return ["recruitment/admin/reason_retire.html"]


class DecisionReasonAdmin(RefuseWith403, ModelAdmin):
    """The reasons list; the default permission helper lets only managers (model perms) in.
    A reason in use is retired, never deleted (ReasonDeleteView)."""

    model = DecisionReason
    menu_label = "Decision reasons"
    menu_icon = "list-ul"
    add_to_admin_menu = False
    list_display = ["label", "outcome", "sort_order", "offered"]
    list_filter = ["outcome", "active"]
    button_helper_class = ReasonButtonHelper

    def offered(self, obj):
        # In words: the admin's True/False icons belong to django.contrib.admin, not run here.
        return "Offered" if obj.active else "Retired"

    offered.short_description = "Offered to recruiters"
    offered.admin_order_field = "active"
    delete_view_class = ReasonDeleteView

    def retire_view(self, request, instance_pk):
        return ReasonRetireView.as_view(model_admin=self, instance_pk=instance_pk)(request)

    def get_admin_urls_for_registration(self):
        retire = re_path(
            self.url_helper.get_action_url_pattern("retire"),
            forbidden_as_403(self.retire_view),
            name=self.url_helper.get_action_url_name("retire"),
        )
        return (*super().get_admin_urls_for_registration(), retire)


class MessageTemplateAdmin(RefuseWith403, ModelAdmin):
    model = MessageTemplate
    menu_label = "Message templates"
    menu_icon = "mail"
    add_to_admin_menu = False
    list_display = ["name", "subject", "active"]
    list_filter = ["active"]


QUEUE_ADMINS = [SpecialConstableQueue, MiniPoliceQueue]
LIST_ADMINS = [DecisionReasonAdmin, MessageTemplateAdmin]
QUEUE_MODELS = [SpecialConstableApplication, MiniPoliceRegistration]
