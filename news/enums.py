"""Choices used by the news app."""

from django.db import models


class ReviewStatus(models.TextChoices):
    """Whether an imported article needs a person to check it before it goes live."""

    NOT_NEEDED = "not_needed", "No review needed"
    NEEDED = "needed", "Needs review"


class AppealType(models.TextChoices):
    """What an appeal asks the public for."""

    WITNESS = "witness", "Witness appeal"
    MISSING = "missing", "Missing person"
    WANTED = "wanted", "Wanted"
    OTHER = "other", "Other appeal"


class AppealStatus(models.TextChoices):
    """Where an appeal is in its life: open, resolved (still online, images gone) or ended
    (a missing-person appeal taken offline, its address answering a neutral page)."""

    OPEN = "open", "Open"
    RESOLVED = "resolved", "Resolved"
    ENDED = "ended", "Ended"


class AppealOutcome(models.TextChoices):
    """Why an appeal was resolved."""

    FOUND_SAFE = "found_safe", "Found safe"
    ARRESTED = "arrested", "Arrested"
    NO_LONGER_NEEDED = "no_longer_needed", "No longer needed"
    WITHDRAWN = "withdrawn", "Withdrawn"


# The update shown at the top of a resolved appeal when the editor writes none of their own.
OUTCOME_UPDATES = {
    AppealOutcome.FOUND_SAFE: "the person we were looking for has been found safe. "
    "Thank you to everyone who shared this appeal.",
    AppealOutcome.ARRESTED: "a person has been arrested. "
    "Thank you to everyone who shared this appeal.",
    AppealOutcome.NO_LONGER_NEEDED: "this appeal is no longer needed. "
    "Thank you to everyone who shared it.",
    AppealOutcome.WITHDRAWN: "this appeal has been withdrawn.",
}
