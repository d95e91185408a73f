"""Drafts: the answers an applicant has given so far, kept on the server between pages.

A draft is not a submission: it is in no queue, sends no acknowledgement, and is deleted
after its own retention period (RecruitmentSettings.draft_retention_days) by the purge.
"""

import uuid

from django.db import models
from django.utils import timezone


class Draft(models.Model):
    """One applicant's answers so far to one queue's questions.

    `answers` holds what was posted for each answered section, input name → list of strings
    (one per input; a box of ticks, one per choice), so a page shows the answers as they were
    given. Only answers that passed their section's checks are kept, and never more than
    MAX_CHARACTERS in all: every question has its own limit, well within it, so only a
    forged request could reach it (intake.save_section refuses it with a 400).
    """

    # The longest answers every question allows add up to about 10,500 characters (Specials;
    # tests/recruitment/test_drafts.py keeps the sum under this).
    MAX_CHARACTERS = 20_000

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    queue_key = models.CharField(max_length=20)
    page = models.ForeignKey(
        "wagtailcore.Page", null=True, on_delete=models.CASCADE, related_name="+"
    )
    answers = models.JSONField(default=dict)
    completed_sections = models.JSONField(default=list)
    # Copied from the answers so data requests and "email me a link" can find a draft.
    email = models.EmailField(blank=True, db_index=True)
    # The idempotency key of the submission this draft becomes: a double Send stores one.
    submission_token = models.UUIDField(default=uuid.uuid4, editable=False)
    # "Email me a link to come back later": only the hash of the link's token is kept.
    resume_token_hash = models.CharField(max_length=64, blank=True, db_index=True)
    resume_expires_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-updated_at"]

    @staticmethod
    def size(answers):
        """How many characters a draft's answers hold (input names and values)."""
        return sum(len(key) + sum(len(v) for v in values) for key, values in answers.items())

    def __str__(self):
        # Audit labels and logs: never the applicant's answers.
        return f"Draft {self.queue_key}"
