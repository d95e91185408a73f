"""What staff do to a submission: assign, move (with a reason), note, bulk changes, export.

The admin views, the demo, erasure and the applicant's own withdrawal (actor None) all call
these functions, so the rules and the audit trail are the same whichever door a change comes
through. Who may call them is decided in recruitment.permissions.

Staff changes never overwrite each other. A move is one `UPDATE ... WHERE status = <the status
read>` and an assignment one `UPDATE ... WHERE assignee = <the assignee read>`, so of two
people changing a submission from the same read exactly one change is made, on SQLite and on
PostgreSQL (whose row lock makes the second UPDATE wait for the first to commit, then find
nothing to change); the other is refused with ChangedMeanwhile, which says who changed what,
and when. The admin's forms carry what the recruiter saw (`seen_status`, `seen_assignee`), so
a form left open while a colleague acted is refused too, though the request reads the row
fresh.
"""

import uuid

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log, registry
from wagtail.models import ModelLogEntry

from .dates import uk_datetime
from .models import SUBMISSION_MODELS, DecisionReason
from .workflows import ChangedMeanwhile, ReasonRequired, TransitionNotAllowed, check_move

MOVE = "recruitment.move"
ASSIGN = "recruitment.assign"
RETIRE_REASON = "recruitment.retire_reason"
# The history entries that can explain why a change from an older read was refused.
STATUS_ACTIONS = [MOVE]
ASSIGNMENT_ACTIONS = [ASSIGN, MOVE]
# "Use what the submission was read with": distinct from None, which means "nobody".
AS_READ = object()


def _refuse_if_decided(submission):
    if not submission.is_open:
        raise TransitionNotAllowed(
            f"{submission.reference} is {submission.get_status_display().lower()}: a decided "
            "submission takes notes but no other change."
        )


def _person(user):
    return (user.get_full_name() or user.get_username()) if user else ""


def _when(moment):
    """ "at 14:02" today, "on 30 Nov 2026 at 14:02" another day."""
    local = timezone.localtime(moment)
    if local.date() == timezone.localdate():
        return f"at {local:%H:%M}"
    day, time = uk_datetime(moment).split(", ")
    return f"on {day} at {time}"


def describe_change(entry, reference):
    """One history entry as the sentence that tells a refused recruiter what happened:
    "Riya Recruiter moved SC-2026-000026 to Rejected at 14:02"."""
    data = entry.data or {}
    if data.get("by_applicant"):
        who = "The applicant"
    else:
        who = _person(entry.user) or "Someone"
    if entry.action == MOVE and data.get("on_erasure"):
        what = f"erased the personal data of {reference} and so withdrew it"
    elif entry.action == MOVE and data.get("by_applicant"):
        what = f"withdrew {reference}"
    elif entry.action == MOVE:
        what = f"moved {reference} to {data.get('to')}"
    elif data.get("assignee"):
        # The entry keeps the username; a refused recruiter knows colleagues by name.
        assignee = get_user_model().objects.filter(username=data["assignee"]).first()
        what = f"assigned {reference} to {_person(assignee) or data['assignee']}"
    else:
        what = f"unassigned {reference}"
    return f"{who} {what} {_when(entry.timestamp)}"


def changed_meanwhile(submission, actions):
    """The refusal of a change asked from an older read of submission (read fresh here, so
    the caller holds what is true): who made the latest of `actions` in its history, and
    what they did."""
    submission.refresh_from_db()
    entry = history(submission).filter(action__in=actions).first()
    if entry is None:
        told = f"{submission.reference} changed since you saw it"
    else:
        told = describe_change(entry, submission.reference)
    return ChangedMeanwhile(f"{told}; your change was not made.")


def refuse_if_changed(submission, seen_status="", seen_assignee=AS_READ):
    """Raise ChangedMeanwhile when what a recruiter saw (a form's hidden fields) is no longer
    what submission holds. An empty seen_status, or no seen_assignee, checks nothing."""
    if seen_status and seen_status != submission.status:
        raise changed_meanwhile(submission, STATUS_ACTIONS)
    if seen_assignee is not AS_READ and seen_assignee != submission.assignee_id:
        raise changed_meanwhile(submission, ASSIGNMENT_ACTIONS)


def _open_statuses(model):
    return [status for status, moves in model.transitions.items() if moves]


def assign(submission, assignee, by, seen=AS_READ):
    """Give submission to assignee (None to unassign), and record who did it.

    Made only if the submission still has the assignee it was read with (or `seen`, the
    assignee id the recruiter saw; None for nobody) and is still open; otherwise
    ChangedMeanwhile says who changed it. Conditional rather than last-writer-wins: two
    recruiters pressing "Assign to me" on one application at once is the case it guards,
    and the later one silently taking work a colleague has just started (told only by a
    history line nobody reads at that moment) is what we refuse. Returns False when the
    submission already has that assignee.
    """
    refuse_if_changed(submission, seen_assignee=seen)
    if submission.assignee_id == (assignee.pk if assignee else None):
        return False
    _refuse_if_decided(submission)
    model = type(submission)
    read = submission.assignee_id
    with transaction.atomic():
        changed = model.objects.filter(
            pk=submission.pk, assignee_id=read, status__in=_open_statuses(model)
        ).update(assignee=assignee, updated_at=timezone.now())
        if changed:
            submission.assignee = assignee
            log(
                submission,
                ASSIGN,
                user=by,
                data={"assignee": assignee.get_username() if assignee else None},
            )
    if not changed:
        raise changed_meanwhile(submission, ASSIGNMENT_ACTIONS)
    return True


def reasons_for(submission_or_model, target):
    """The reasons staff choose from to move to target (none when target needs no reason)."""
    outcome = submission_or_model.reason_statuses.get(target)
    if outcome is None:
        return DecisionReason.objects.none()
    return DecisionReason.objects.for_outcome(outcome)


def reason_uses(reason):
    """How many decisions, in every queue, gave this reason (a reason in use is never
    deleted: the decisions keep their words, and the list keeps the reason, retired)."""
    return sum(model.objects.filter(decision_reason=reason).count() for model in SUBMISSION_MODELS)


def retire_reason(reason, by):
    """Stop offering a reason to recruiters; the decisions that gave it are unchanged."""
    if not reason.active:
        return False
    with transaction.atomic():
        DecisionReason.objects.filter(pk=reason.pk).update(active=False)
        reason.active = False
        log(reason, RETIRE_REASON, user=by)
    return True


def needs_reason(submission_or_model, target):
    return target in submission_or_model.reason_statuses


def move(submission, target, by=None, reason=None, note="", seen="", on_erasure=False):
    """Move submission to target if its workflow allows, with a reason where one is needed.

    `by` is the member of staff; None means the applicant did it (withdrawing on the status
    page), and the history says so. Rejecting, declining or withdrawing by staff needs a
    `reason` from the managers' list for that outcome (its words are kept on the submission
    as they are now); `note` (optional) is kept as an internal note. `on_erasure` is the
    withdrawal that erasing an open submission's personal data makes: it needs no reason,
    and the history says why it happened.

    The move is made only from the status submission was read with, or `seen` (the status
    the recruiter saw), by one conditional UPDATE; a submission changed meanwhile raises
    ChangedMeanwhile, saying who changed it. Every refusal is a TransitionNotAllowed (or
    ReasonRequired) with a message staff can read.
    """
    refuse_if_changed(submission, seen_status=seen)
    read = submission.status
    check_move(submission.transitions, submission.status_enum, read, target)
    if needs_reason(submission, target):
        if reason is not None and not reasons_for(submission, target).filter(pk=reason.pk):
            reason = None
        if reason is None and by is not None and not on_erasure:
            label = submission.status_enum(target).label.lower()
            raise ReasonRequired(f"Choose the reason it is {label} from the list.")
    else:
        reason = None
    model = type(submission)
    now = timezone.now()
    fields = {
        "status": target,
        "status_changed_at": now,
        "decided_at": now if not model.transitions.get(target) else None,
        "decision_reason": reason,
        # The reason's words as they are now: a later edit of the list rewrites no decision.
        "decision_reason_label": reason.label if reason is not None else "",
        "updated_at": now,
    }
    with transaction.atomic():
        changed = model.objects.filter(pk=submission.pk, status=read).update(**fields)
        if changed:
            for name, value in fields.items():
                setattr(submission, name, value)
            data = {
                "from": submission.status_enum(read).label,
                "to": submission.status_enum(target).label,
            }
            if reason is not None:
                data["reason"] = reason.label
            if by is None and not on_erasure:
                data["by_applicant"] = True
            if on_erasure:
                data["on_erasure"] = True
            log(submission, MOVE, user=by, data=data)
            if note.strip():
                add_note(submission, note, by)
    if not changed:
        raise changed_meanwhile(submission, STATUS_ACTIONS)


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


def bulk_assign(submissions, assignee, by, seen=None):
    """Assign every open submission given; returns (assigned, refused).

    `seen` maps a submission's pk to the assignee id the recruiter saw in the list; one
    changed since is refused and listed in refused as (submission, ChangedMeanwhile). A decided
    submission is skipped, as its own page offers no assignment.
    """
    seen = seen or {}
    assigned, refused = [], []
    with transaction.atomic():
        for submission in submissions:
            if not submission.is_open:
                continue  # a decision is nobody's work any more, as on its own page
            try:
                if assign(submission, assignee, by, seen=seen.get(submission.pk, AS_READ)):
                    assigned.append(submission)
            except TransitionNotAllowed as refusal:
                refused.append((submission, refusal))
    return assigned, refused


def bulk_moves(model):
    """The statuses the bulk bar offers: decisions that need a reason are made one at a time."""
    return [(v, label) for v, label in model.status_enum.choices if v not in model.reason_statuses]


def bulk_move(submissions, target, by, seen=None):
    """Move every submission that may make the move; returns (moved, refused).

    `seen` maps a submission's pk to the status the recruiter saw in the list. refused holds
    (submission, refusal) pairs: a move its workflow does not allow, or a ChangedMeanwhile
    saying who changed it since it was seen.
    """
    seen = seen or {}
    moved, refused = [], []
    with transaction.atomic():
        for submission in submissions:
            try:
                move(submission, target, by, seen=seen.get(submission.pk, ""))
            except TransitionNotAllowed as refusal:
                refused.append((submission, refusal))
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
