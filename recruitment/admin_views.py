"""The admin actions on submissions: assign, move, note, bulk changes, and "My queue".

Each view checks the permission, calls one function in recruitment.services, says what
happened with a message, and goes back where the user came from.
"""

from functools import wraps

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.text import capfirst
from django.views.decorators.http import require_POST

from . import services
from .models import SUBMISSION_MODELS
from .workflows import TransitionNotAllowed

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
    if not services.can_work(user, model):
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
    user = services.assignable_users(model).filter(pk=value).first() if value.isdigit() else None
    if user is None:
        raise PermissionDenied
    return user


@forbidden_as_403
@require_POST
def assign(request, model_name, pk):
    model = _model(model_name, request.user)
    submission = get_object_or_404(model, pk=pk)
    assignee = _assignee(request, model)
    services.assign(submission, assignee, by=request.user)
    who = (assignee.get_full_name() or assignee.get_username()) if assignee else "nobody"
    messages.success(request, f"{submission.reference} is assigned to {who}.")
    return _back(request, submission.admin_url())


@forbidden_as_403
@require_POST
def move(request, model_name, pk):
    model = _model(model_name, request.user)
    submission = get_object_or_404(model, pk=pk)
    target = request.POST.get("status", "")
    try:
        services.move(submission, target, by=request.user)
    except TransitionNotAllowed as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(
            request, f"{submission.reference} is now {submission.get_status_display().lower()}."
        )
    return _back(request, submission.admin_url())


@forbidden_as_403
@require_POST
def note(request, model_name, pk):
    model = _model(model_name, request.user)
    submission = get_object_or_404(model, pk=pk)
    try:
        services.add_note(submission, request.POST.get("text", ""), by=request.user)
    except ValueError as problem:
        messages.error(request, str(problem))
    else:
        messages.success(request, "Your note has been added.")
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
        changed = services.bulk_assign(submissions, _assignee(request, model), by=request.user)
        messages.success(request, f"Assigned {changed} of {len(submissions)} selected.")
    elif action == "move":
        target = request.POST.get("status", "")
        if target not in model.status_enum.values:
            messages.error(request, "Choose a status to move the selected submissions to.")
            return _back(request, index_url)
        moved, refused = services.bulk_move(submissions, target, by=request.user)
        label = model.status_enum(target).label.lower()
        if moved:
            messages.success(request, f"Moved {len(moved)} to {label}.")
        if refused:
            refs = ", ".join(s.reference for s in refused)
            messages.error(
                request, f"Not moved (that move is not allowed from their status): {refs}."
            )
    else:
        messages.error(request, "Choose an action.")
    return _back(request, index_url)


@forbidden_as_403
def my_queue(request):
    """Everything assigned to me that is still open, across both queues."""
    visible = [m for m in SUBMISSION_MODELS if services.can_view(request.user, m)]
    if not visible:
        raise PermissionDenied
    sections = []
    for model in visible:
        items = [
            s
            for s in model.objects.filter(assignee=request.user).select_related("area")
            if s.is_open
        ]
        sections.append({"title": capfirst(model._meta.verbose_name_plural), "items": items})
    return TemplateResponse(request, "recruitment/admin/my_queue.html", {"sections": sections})
