"""The admin actions on submissions: assign, move (with confirmation and reason), note,
message, bulk changes, retrying a failed email, and the Recruitment home page.

Each view checks the permission, calls one function in recruitment.triage (or
notifications for messages), says what happened with a message, and goes back where the
user came from. The forms carry what the recruiter saw (`seen_status`, `seen_assignee`, per
row `seen_status_<pk>` / `seen_assignee_<pk>` on the list), so a change from a page that a
colleague has overtaken is refused with a message saying what they did, never made.
"""

from functools import wraps

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from . import dashboard, notifications, permissions, triage
from .enums import NotificationStatus
from .models import SUBMISSION_MODELS, DecisionReason, MessageTemplate, Notification
from .workflows import ChangedMeanwhile, ReasonRequired, TransitionNotAllowed

MODELS_BY_NAME = {model._meta.model_name: model for model in SUBMISSION_MODELS}


def forbidden_as_403(view):
    """Answer a refused request with a plain 403 page.

    Wagtail turns PermissionDenied into a redirect to the dashboard; for personal data we
    want a clear refusal that tests, proxies and audit tools all see as one.
    """

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except PermissionDenied:
            return TemplateResponse(request, "recruitment/admin/403.html", status=403)

    return wrapped


def _model(model_name, user):
    model = MODELS_BY_NAME.get(model_name)
    if model is None:
        raise Http404
    if not permissions.can_work(user, model):
        raise PermissionDenied
    return model


def _back(request, fallback):
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return redirect(target)
    return redirect(fallback)


def _assignee(request, model):
    value = request.POST.get("assignee", "")
    if value == "me":
        return request.user
    if value in ("", "none"):
        return None
    user = permissions.assignable_users(model).filter(pk=value).first() if value.isdigit() else None
    if user is None:
        raise PermissionDenied
    return user


def _seen_assignee(value):
    """The assignee id a form says the recruiter saw: "" is nobody; absent or unreadable,
    the submission as read now (triage.AS_READ)."""
    if value is None or (value and not value.isdigit()):
        return triage.AS_READ
    return int(value) if value else None


@forbidden_as_403
@require_POST
def assign(request, model_name, pk):
    model = _model(model_name, request.user)
    submission = get_object_or_404(model, pk=pk)
    assignee = _assignee(request, model)
    seen = _seen_assignee(request.POST.get("seen_assignee"))
    try:
        triage.assign(submission, assignee, by=request.user, seen=seen)
    except TransitionNotAllowed as refusal:
        messages.error(request, str(refusal))
        return _back(request, submission.admin_url())
    who = (assignee.get_full_name() or assignee.get_username()) if assignee else "nobody"
    messages.success(request, f"{submission.reference} is assigned to {who}.")
    return _back(request, submission.admin_url())


def _confirm_move(request, submission, target, error=""):
    """The confirmation step before a decision: the reason (where one is needed) and a note."""
    context = {
        "submission": submission,
        "target": target,
        "target_label": submission.status_enum(target).label,
        "reasons": triage.reasons_for(submission, target),
        "needs_reason": triage.needs_reason(submission, target),
        "chosen_reason": request.POST.get("reason", ""),
        "seen_status": submission.status,
        "note": request.POST.get("note", ""),
        "error": error,
        "next": request.POST.get("next", ""),
        "action_url": reverse(
            "recruitment_move", args=[submission._meta.model_name, submission.pk]
        ),
    }
    return TemplateResponse(request, "recruitment/admin/confirm_move.html", context)


@forbidden_as_403
@require_POST
def move(request, model_name, pk):
    """Make a move; a decision (a final status) first asks for confirmation and a reason."""
    model = _model(model_name, request.user)
    submission = get_object_or_404(model, pk=pk)
    target = request.POST.get("status", "")
    seen = request.POST.get("seen_status", "")
    try:
        # Before anything else, the confirmation step included: a form a colleague has
        # overtaken says so, whatever move it asked for.
        triage.refuse_if_changed(submission, seen_status=seen)
    except TransitionNotAllowed as refusal:
        _refused(request, submission, refusal)
        return _back(request, submission.admin_url())
    if target not in dict(submission.allowed_moves()):
        if target:
            try:
                triage.move(submission, target, by=request.user)
            except TransitionNotAllowed as refusal:
                messages.error(request, str(refusal))
        else:
            messages.error(request, "Choose a status to move it to.")
        return _back(request, submission.admin_url())
    decision = not submission.transitions.get(target)
    if decision and request.POST.get("confirm") != "yes":
        return _confirm_move(request, submission, target)
    reason_id = request.POST.get("reason", "")
    reason = DecisionReason.objects.filter(pk=reason_id).first() if reason_id.isdigit() else None
    try:
        triage.move(
            submission,
            target,
            by=request.user,
            reason=reason,
            note=request.POST.get("note", ""),
            seen=seen,
        )
    except ReasonRequired as refusal:
        return _confirm_move(request, submission, target, error=str(refusal))
    except TransitionNotAllowed as refusal:
        _refused(request, submission, refusal)
    else:
        messages.success(
            request, f"{submission.reference} is now {submission.get_status_display().lower()}."
        )
    return _back(request, submission.admin_url())


def _refused(request, submission, refusal):
    """Say why a move was not made; the note typed with it is kept as an internal note, so
    a refusal never loses what the recruiter wrote."""
    messages.error(request, str(refusal))
    text = request.POST.get("note", "").strip()
    if not text:
        return
    try:
        triage.add_note(submission, text, by=request.user)
    except ValueError:
        return
    messages.info(request, "The note you wrote with it has been kept as an internal note.")


@forbidden_as_403
@require_POST
def note(request, model_name, pk):
    model = _model(model_name, request.user)
    submission = get_object_or_404(model, pk=pk)
    try:
        triage.add_note(submission, request.POST.get("text", ""), by=request.user)
    except ValueError as problem:
        messages.error(request, str(problem))
    else:
        messages.success(request, "Your note has been added.")
    return _back(request, submission.admin_url())


@forbidden_as_403
@require_POST
def message(request, model_name, pk):
    """Email the applicant from a template, through the outbox."""
    model = _model(model_name, request.user)
    submission = get_object_or_404(model, pk=pk)
    template_id = request.POST.get("template", "")
    template = (
        MessageTemplate.objects.filter(pk=template_id, active=True).first()
        if template_id.isdigit()
        else None
    )
    if template is None:
        messages.error(request, "Choose the message to send.")
        return _back(request, submission.admin_url())
    try:
        notifications.send_message(
            submission, template, request.POST.get("paragraph", ""), by=request.user
        )
    except ValueError as problem:
        messages.error(request, str(problem))
    else:
        messages.success(request, f"“{template.name}” is on its way to the applicant.")
    return _back(request, submission.admin_url())


@forbidden_as_403
@require_POST
def bulk(request, model_name):
    model = _model(model_name, request.user)
    index_url = reverse(f"{model._meta.app_label}_{model_name}_modeladmin_index")
    ids = [pk for pk in request.POST.getlist("selected") if pk.isdigit()]
    submissions = list(model.objects.filter(pk__in=ids).order_by("pk"))
    if not submissions:
        messages.error(request, "Select at least one submission first.")
        return _back(request, index_url)
    action = request.POST.get("action")
    if action == "assign":
        seen = {}
        for submission in submissions:
            value = _seen_assignee(request.POST.get(f"seen_assignee_{submission.pk}"))
            if value is not triage.AS_READ:
                seen[submission.pk] = value
        assignee = _assignee(request, model)
        assigned, refused = triage.bulk_assign(submissions, assignee, by=request.user, seen=seen)
        messages.success(request, f"Assigned {len(assigned)} of {len(submissions)} selected.")
        _tell_refusals(request, refused)
    elif action == "move":
        target = request.POST.get("status", "")
        if target not in dict(triage.bulk_moves(model)):
            messages.error(request, "Choose a status to move the selected submissions to.")
            return _back(request, index_url)
        seen = {s.pk: request.POST.get(f"seen_status_{s.pk}", "") for s in submissions}
        moved, refused = triage.bulk_move(submissions, target, by=request.user, seen=seen)
        label = model.status_enum(target).label.lower()
        if moved:
            messages.success(request, f"Moved {len(moved)} to {label}.")
        _tell_refusals(request, refused)
    else:
        messages.error(request, "Choose an action.")
    return _back(request, index_url)


def _tell_refusals(request, refused):
    """One message naming the submissions whose status does not allow the change, and one
    per submission a colleague changed since the list was read (who did what, when)."""
    not_allowed = [s for s, refusal in refused if not isinstance(refusal, ChangedMeanwhile)]
    if not_allowed:
        refs = ", ".join(s.reference for s in not_allowed)
        messages.error(request, f"Not moved (that move is not allowed from their status): {refs}.")
    for _submission, refusal in refused:
        if isinstance(refusal, ChangedMeanwhile):
            messages.error(request, str(refusal))


@forbidden_as_403
@require_POST
def retry_email(request, pk):
    """Send a Failed email again: for recruitment staff who work its queue (any queue, for a
    come-back link, which belongs to none)."""
    row = get_object_or_404(Notification.objects.select_related("content_type"), pk=pk)
    if row.content_type_id:
        allowed = permissions.can_work(request.user, row.content_type.model_class())
    else:
        allowed = any(permissions.can_work(request.user, m) for m in SUBMISSION_MODELS)
    if not allowed:
        raise PermissionDenied
    if row.status != NotificationStatus.FAILED or not notifications.retry(row, by=request.user):
        messages.error(request, "That email is not waiting for a retry any more.")
    else:
        what = row.get_kind_display().lower() + (f" for {row.reference}" if row.reference else "")
        messages.success(request, f"The {what} is being sent again.")
    return _back(request, reverse("recruitment_home"))


@forbidden_as_403
def home(request):
    """The Recruitment home: my open applications first, then each queue's counts as links."""
    if not any(permissions.can_view(request.user, m) for m in SUBMISSION_MODELS):
        raise PermissionDenied
    return TemplateResponse(
        request, "recruitment/admin/home.html", dashboard.overview(request.user)
    )
