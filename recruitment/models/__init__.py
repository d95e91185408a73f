"""Recruitment models, one module per idea; import them from here.

Dependencies point one way: submissions, drafts, notes, outbox and settings import no other
module of this app but enums and workflows; the queue definitions (recruitment/queues/) and
the journey build on them; the form pages, imported last, serve the journey.
"""

# isort: off
from .decisions import DecisionReason
from .messages import MessageTemplate
from .drafts import Draft
from .notes import Note
from .outbox import Notification, NotificationQuerySet
from .settings import RecruitmentSettings
from .submissions import (
    SUBMISSION_MODELS,
    MiniPoliceRegistration,
    ReferenceSequence,
    SpecialConstableApplication,
    Submission,
)
from .pages import MiniPoliceFormPage, RecruitmentFormPage, SpecialConstableFormPage
# isort: on

__all__ = [
    "Draft",
    "SUBMISSION_MODELS",
    "DecisionReason",
    "MessageTemplate",
    "MiniPoliceFormPage",
    "MiniPoliceRegistration",
    "Note",
    "Notification",
    "NotificationQuerySet",
    "RecruitmentFormPage",
    "RecruitmentSettings",
    "ReferenceSequence",
    "SpecialConstableApplication",
    "SpecialConstableFormPage",
    "Submission",
]
