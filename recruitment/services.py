"""What staff can do to a submission: assigning, moving, noting, exporting.

Recording a submission is the applicant's side: `intake.record_submission`.

Views, the admin, commands and the demo all call these functions, so the rules and the audit
trail are the same whichever door a change comes through.
"""

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log

from . import workflows
from .models import Note


def can_view(user, model):
    """Whether user may see model's queue and its submissions."""
    meta = model._meta
    return user.is_active and user.has_perm(f"{meta.app_label}.view_{meta.model_name}")


def can_manage_personal_data(user):
    """Whether user may find, export and erase everything held for an applicant."""
    return user.is_active and user.has_perm("recruitment.manage_personal_data")


def can_work(user, model):
    """Whether user may assign, move, note and export submissions of model."""
    meta = model._meta
    return user.is_active and user.has_perm(f"{meta.app_label}.change_{meta.model_name}")


def assignable_users(model):
    """People who can be given submissions of model: active users with the change permission."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Permission
    from django.db.models import Q

    meta = model._meta
    permission = Permission.objects.filter(
        content_type__app_label=meta.app_label, codename=f"change_{meta.model_name}"
    ).first()
    User = get_user_model()
    return (
        User.objects.filter(is_active=True)
        .filter(
            Q(is_superuser=True)
            | Q(groups__permissions=permission)
            | Q(user_permissions=permission)
        )
        .distinct()
        .order_by("first_name", "last_name", "username")
    )


def assign(submission, assignee, by):
    """Give submission to assignee (None to unassign), and record who did it."""
    if submission.assignee_id == (assignee.pk if assignee else None):
        return False
    submission.assignee = assignee
    submission.save(update_fields=["assignee", "updated_at"])
    log(
        submission,
        "recruitment.assign",
        user=by,
        data={"assignee": assignee.get_username() if assignee else None},
    )
    return True


def move(submission, target, by):
    """Move submission to the target status if its workflow allows; raise TransitionNotAllowed."""
    workflows.check_move(submission.transitions, submission.status_enum, submission.status, target)
    previous = submission.status
    now = timezone.now()
    submission.status = target
    submission.status_changed_at = now
    submission.decided_at = None if submission.is_open else now
    submission.save(update_fields=["status", "status_changed_at", "decided_at", "updated_at"])
    log(
        submission,
        "recruitment.move",
        user=by,
        data={
            "from": submission.status_enum(previous).label,
            "to": submission.status_enum(target).label,
        },
    )


def add_note(submission, text, by):
    """Add an internal note to submission. The audit entry records that, not the words."""
    text = text.strip()
    if not text:
        raise ValueError("A note cannot be empty")
    note = Note.objects.create(
        content_type=ContentType.objects.get_for_model(submission),
        object_id=submission.pk,
        author=by,
        text=text,
    )
    log(submission, "recruitment.note", user=by, data={"note": note.pk})
    return note


def bulk_assign(submissions, assignee, by):
    """Assign every submission given; returns how many changed."""
    with transaction.atomic():
        return sum(1 for s in submissions if assign(s, assignee, by))


def bulk_move(submissions, target, by):
    """Move every submission that may make the move; returns (moved, refused) lists."""
    moved, refused = [], []
    with transaction.atomic():
        for submission in submissions:
            try:
                move(submission, target, by)
            except workflows.TransitionNotAllowed:
                refused.append(submission)
            else:
                moved.append(submission)
    return moved, refused


def record_export(submissions, by, file_format):
    """Write an audit entry on every exported submission: whose data left, by whom, how.

    One INSERT for the lot (an export can hold thousands of rows), sharing one action id.
    """
    import uuid

    from wagtail.models import ModelLogEntry

    submissions = list(submissions)
    if not submissions:
        return
    content_type = ContentType.objects.get_for_model(submissions[0], for_concrete_model=False)
    now = timezone.now()
    action_id = uuid.uuid4()
    ModelLogEntry.objects.bulk_create(
        [
            ModelLogEntry(
                content_type=content_type,
                object_id=str(submission.pk),
                label=str(submission),
                action="recruitment.export",
                timestamp=now,
                data={"format": file_format},
                user=by,
                uuid=action_id,
            )
            for submission in submissions
        ],
        batch_size=500,
    )


def display_value(submission, name):
    """One answer as staff read it, for the inspect view and exports: labels, Yes/No, dates."""
    import datetime

    from django.core.exceptions import FieldDoesNotExist
    from django.utils import timezone

    try:
        field = submission._meta.get_field(name)
    except FieldDoesNotExist:
        field = None
    if field is not None and field.choices:
        return getattr(submission, f"get_{name}_display")()
    value = getattr(submission, name)
    if callable(value):
        value = value()
    if value is None:
        return ""
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, datetime.datetime):
        return timezone.localtime(value).strftime("%d/%m/%Y %H:%M")
    if isinstance(value, datetime.date):
        return value.strftime("%d/%m/%Y")
    return str(value)


def field_label(model, name):
    """The label staff see for one answer."""
    from django.core.exceptions import FieldDoesNotExist
    from django.utils.text import capfirst

    try:
        return capfirst(model._meta.get_field(name).verbose_name)
    except FieldDoesNotExist:
        attribute = getattr(model, name)
        return capfirst(getattr(attribute, "short_description", name.replace("_", " ")))


def history(submission):
    """The audit entries of a submission, newest first."""
    from wagtail.log_actions import registry

    return (
        registry.get_logs_for_instance(submission)
        .select_related("user")
        .order_by("-timestamp", "-pk")
    )
