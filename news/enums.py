"""Choices used by the news app."""

from django.db import models


class ReviewStatus(models.TextChoices):
    """Whether an imported article needs a person to check it before it goes live."""

    NOT_NEEDED = "not_needed", "No review needed"
    NEEDED = "needed", "Needs review"
