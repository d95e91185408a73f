"""Statuses and choices used by the recruitment forms and queues."""

from django.db import models


class SpecialStatus(models.TextChoices):
    NEW = "new", "New"
    IN_REVIEW = "in_review", "In review"
    ASSESSMENT = "assessment", "Assessment"
    VETTING = "vetting", "Vetting"
    TRAINING = "training", "Training"
    APPOINTED = "appointed", "Appointed"
    REJECTED = "rejected", "Rejected"
    WITHDRAWN = "withdrawn", "Withdrawn"


class MiniPoliceStatus(models.TextChoices):
    NEW = "new", "New"
    CONTACTED = "contacted", "Contacted"
    SCHEDULED = "scheduled", "Scheduled"
    ACTIVE = "active", "Active"
    DECLINED = "declined", "Declined"
    WITHDRAWN = "withdrawn", "Withdrawn"


class PreferredRole(models.TextChoices):
    RESPONSE = "response", "Response"
    NEIGHBOURHOOD = "neighbourhood", "Neighbourhood"
    ROADS_POLICING = "roads_policing", "Roads policing"
    OTHER = "other", "Other"


class HeardAbout(models.TextChoices):
    WEBSITE = "website", "This website"
    SOCIAL_MEDIA = "social_media", "Social media"
    FRIEND_OR_FAMILY = "friend_or_family", "A friend or family member"
    EVENT = "event", "A recruitment event"
    OFFICER = "officer", "A police officer or volunteer"
    OTHER = "other", "Other"


class YearGroup(models.TextChoices):
    YEAR_5 = "year_5", "Year 5"
    YEAR_6 = "year_6", "Year 6"


class NotificationStatus(models.TextChoices):
    """Where an outbox email is: waiting (or backing off), claimed by a sender, done.

    FAILED is giving up honestly after the maximum attempts (or a permanent refusal): staff
    see it on the recruitment dashboard and can retry. CANCELLED is never sent because there
    is nobody left to send it for (the draft was deleted, the personal data erased)."""

    PENDING = "pending", "Pending"
    SENDING = "sending", "Sending"
    SENT = "sent", "Sent"
    FAILED = "failed", "Failed"
    CANCELLED = "cancelled", "Not sent"


class NotificationKind(models.TextChoices):
    ACKNOWLEDGEMENT = "acknowledgement", "Acknowledgement to the applicant"
    TEAM_NOTICE = "team_notice", "Notice to the recruitment team"
    MESSAGE = "message", "Message from the recruitment team"
    RESUME_LINK = "resume_link", "Link to come back to an unfinished application"
    STATUS_LINK = "status_link", "Link to the applicant's status page"


class ReasonOutcome(models.TextChoices):
    """Which decisions a reason explains: a refusal (rejected, declined) or a withdrawal."""

    REFUSED = "refused", "Rejected or declined"
    WITHDRAWN = "withdrawn", "Withdrawn"


class RemovalReason(models.TextChoices):
    """Why a submission's personal data went: the retention period, or the applicant asked."""

    RETENTION = "retention", "Retention period ended"
    REQUEST = "request", "Applicant's request"
