"""Recruitment models, one module per idea; import them from here."""

from .decisions import DecisionReason
from .messages import MessageTemplate
from .notes import Note
from .outbox import Notification, NotificationQuerySet
from .pages import MiniPoliceFormPage, RecruitmentFormPage, SpecialConstableFormPage
from .settings import RecruitmentSettings
from .submissions import (
    SUBMISSION_MODELS,
    MiniPoliceRegistration,
    ReferenceSequence,
    SpecialConstableApplication,
    Submission,
)

__all__ = [
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
