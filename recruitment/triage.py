"""What staff do to a submission: assign, move (with a reason), note, bulk changes, export.

The admin views, the demo and the applicant's own withdrawal (actor None) all call these
functions, so the rules and the audit trail are the same whichever door a change comes
through. Who may call them is decided in recruitment.permissions.
"""

import uuid

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log, registry
from wagtail.models import ModelLogEntry

from .models import DecisionReason
from .workflows import ReasonRequired, TransitionNotAllowed, check_move


def _refuse_if_decided(submission):
    if not submission.is_open:
        raise TransitionNotAllowed(
            f"{submission.reference} is {submission.get_status_display().lower()}: a decided "
            "submission takes notes but no other change."
        )


def assign(submission, assignee, by):
    """Give submission to assignee (None to unassign), and record who did it."""
    if submission.assignee_id == (assignee.pk if assignee else None):
        return False
    _refuse_if_decided(submission)
    submission.assignee = assignee
    submission.save(update_fields=["assignee", "updated_at"])
    log(
        submission,
        "recruitment.assign",
        user=by,
        data={"assignee": assignee.get_username() if assignee else None},
    )
    return True


def reasons_for(submission_or_model, target):
    """The reasons staff choose from to move to target (none when target needs no reason)."""
    outcome = submission_or_model.reason_statuses.get(target)
    if outcome is None:
        return DecisionReason.objects.none()
    return DecisionReason.objects.for_outcome(outcome)


def needs_reason(submission_or_model, target):
    return target in submission_or_model.reason_statuses


def move(submission, target, by=None, reason=None, note=""):
    """Move submission to target if its workflow allows, with a reason where one is needed.

    `by` is the member of staff; None means the applicant did it (withdrawing on the status
    page), and the history says so. Rejecting, declining or withdrawing by staff needs a
    `reason` from the managers' list for that outcome; `note` (optional) is kept as an
    internal note. Raises TransitionNotAllowed (ReasonRequired) with a message staff can read.
    """
    check_move(submission.transitions, submission.status_enum, submission.status, target)
    if needs_reason(submission, target):
        if reason is not None and not reasons_for(submission, target).filter(pk=reason.pk):
            reason = None
        if reason is None and by is not None:
            label = submission.status_enum(target).label.lower()
            raise ReasonRequired(f"Choose the reason it is {label} from the list.")
    else:
        reason = None
    previous = submission.status
    now = timezone.now()
    with transaction.atomic():
        submission.status = target
        submission.status_changed_at = now
        submission.decided_at = None if submission.is_open else now
        submission.decision_reason = reason
        submission.save(
            update_fields=[
                "status",
                "status_changed_at",
                "decided_at",
                "decision_reason",
                "updated_at",
            ]
        )
        data = {
            "from": submission.status_enum(previous).label,
            "to": submission.status_enum(target).label,
        }
        if reason is not None:
            data["reason"] = reason.label
        if by is None:
            data["by_applicant"] = True
        log(submission, "recruitment.move", user=by, data=data)
        if note.strip():
            add_note(submission, note, by)


def add_note(submission, text, by):
    """Add an internal note to submission. The audit entry records that, not the words."""
    text = text.strip()
    if not text:
        raise ValueError("A note cannot be empty.")
    if submission.is_erased:
        raise ValueError("Its personal data has been removed, so it takes no more notes.")
    note = submission.notes.create(author=by, text=text)
    log(submission, "recruitment.note", user=by, data={"note": note.pk})
    return note


def bulk_assign(submissions, assignee, by):
    """Assign every open submission given; returns how many changed."""
    with transaction.atomic():
        return sum(1 for s in submissions if s.is_open and assign(s, assignee, by))


def bulk_moves(model):
    """The statuses the bulk bar offers: decisions that need a reason are made one at a time."""
    return [(v, label) for v, label in model.status_enum.choices if v not in model.reason_statuses]


def bulk_move(submissions, target, by):
    """Move every submission that may make the move; returns (moved, refused) lists."""
    moved, refused = [], []
    with transaction.atomic():
        for submission in submissions:
            try:
                move(submission, target, by)
            except TransitionNotAllowed:
                refused.append(submission)
            else:
                moved.append(submission)
    return moved, refused


def flag_duplicates(submission):
    """Flag a new submission and every one it duplicates, both ways (before its first save)."""
    others = submission.find_duplicates()
    if others.exists():
        submission.possible_duplicate = True
        others.filter(possible_duplicate=False).update(possible_duplicate=True)


def attach_duplicates(submissions):
    """Give each flagged submission its duplicate_list (both ways), in one query for them all."""
    flagged = [s for s in submissions if s.possible_duplicate and not s.is_erased]
    for submission in submissions:
        submission.duplicate_list = []
    if not flagged:
        return
    model = type(flagged[0])
    by_key = {}
    candidates = model.duplicate_candidates({s.duplicate_key() for s in flagged})
    for other in candidates.order_by("submitted_at").only("reference", *model.duplicate_fields):
        by_key.setdefault(other.duplicate_key(), []).append(other)
    for submission in flagged:
        others = by_key.get(submission.duplicate_key(), [])
        submission.duplicate_list = [o for o in others if o.pk != submission.pk]


def record_export(submissions, by, file_format):
    """Write an audit entry on every exported submission: whose data left, by whom, how.

    One INSERT for the lot (an export can hold thousands of rows), sharing one action id.
    """
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


def history(submission):
    """The audit entries of a submission, newest first."""
    return (
        registry.get_logs_for_instance(submission)
        .select_related("user")
        .order_by("-timestamp", "-pk")
    )
