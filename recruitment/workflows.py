"""The status workflows of each queue, as data: which moves are allowed from which status."""

from .enums import MiniPoliceStatus, ReasonOutcome, SpecialStatus

S = SpecialStatus
SPECIAL_OPEN = [S.NEW, S.IN_REVIEW, S.ASSESSMENT, S.VETTING, S.TRAINING]
SPECIAL_TRANSITIONS = {
    S.NEW: [S.IN_REVIEW],
    S.IN_REVIEW: [S.ASSESSMENT],
    S.ASSESSMENT: [S.VETTING],
    S.VETTING: [S.TRAINING],
    S.TRAINING: [S.APPOINTED],
    S.APPOINTED: [],
    S.REJECTED: [],
    S.WITHDRAWN: [],
}
for _status in SPECIAL_OPEN:
    SPECIAL_TRANSITIONS[_status] = [*SPECIAL_TRANSITIONS[_status], S.REJECTED, S.WITHDRAWN]

M = MiniPoliceStatus
MINI_POLICE_OPEN = [M.NEW, M.CONTACTED, M.SCHEDULED]
MINI_POLICE_TRANSITIONS = {
    M.NEW: [M.CONTACTED],
    M.CONTACTED: [M.SCHEDULED],
    M.SCHEDULED: [M.ACTIVE],
    M.ACTIVE: [],
    M.DECLINED: [],
    M.WITHDRAWN: [],
}
for _status in MINI_POLICE_OPEN:
    MINI_POLICE_TRANSITIONS[_status] = [*MINI_POLICE_TRANSITIONS[_status], M.DECLINED, M.WITHDRAWN]

# The decisions that need a reason from the managers' list, and which list.
SPECIAL_REASONS = {S.REJECTED: ReasonOutcome.REFUSED, S.WITHDRAWN: ReasonOutcome.WITHDRAWN}
MINI_POLICE_REASONS = {M.DECLINED: ReasonOutcome.REFUSED, M.WITHDRAWN: ReasonOutcome.WITHDRAWN}

# Days an open submission may stay in one status before the queue flags it as waiting too long.
WAITING_DAYS_DEFAULT = 30
SPECIAL_WAITING_DAYS = {S.NEW: 14}
MINI_POLICE_WAITING_DAYS = {M.NEW: 14}


class TransitionNotAllowed(Exception):
    """Raised when a submission is asked to make a move its workflow does not allow."""


class ReasonRequired(TransitionNotAllowed):
    """Raised when a decision that needs a reason from the list is made without one."""


class ChangedMeanwhile(TransitionNotAllowed):
    """Raised when a change is asked of a submission that someone else changed since it was
    read: its message says who changed what, and when, and that this change was not made."""


def allowed_moves(transitions, status):
    """The statuses a submission in `status` may move to, in the order staff see them."""
    return list(transitions.get(status, []))


def check_move(transitions, status_enum, current, target):
    """Raise TransitionNotAllowed (with a message staff can read) unless current → target."""
    if target not in transitions.get(current, []):
        known = target in status_enum.values
        target_label = (
            status_enum(target).label.lower() if known else f"an unknown status ({target})"
        )
        raise TransitionNotAllowed(
            f"A submission that is {status_enum(current).label.lower()} cannot be moved to "
            f"{target_label}."
        )
