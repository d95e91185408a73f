"""Recording a new submission. (Triage lives in recruitment.triage, checks in .permissions.)"""

from django.db import IntegrityError, transaction
from django.utils import timezone
from wagtail.log_actions import log

from . import notifications, triage
from .references import next_reference


def record_submission(page, form):
    """Store a valid form as a new submission, with consent, audit entry and outbox, at once.

    Returns (submission, created). A second POST with the same form token returns the first
    submission instead of storing another.
    """
    model = form._meta.model
    token = form.cleaned_data["token"]
    existing = model.objects.filter(idempotency_key=token).first()
    if existing is not None:
        return existing, False
    now = timezone.now()
    try:
        with transaction.atomic():
            submission = form.save(commit=False)
            submission.page = page
            submission.idempotency_key = token
            submission.submitted_at = now
            submission.consent_notice_version = page.privacy_notice_version
            submission.consent_given_at = now
            triage.flag_duplicates(submission)
            # Last before saving: the reference sequence's row stays locked until commit, so
            # concurrent submissions queue behind as little work as possible.
            submission.reference = next_reference(model.reference_prefix, now.year)
            submission.save()
            log(submission, "recruitment.submit", user=None)
            notifications.queue_for_submission(submission, page)
    except IntegrityError:
        # Two identical POSTs raced: the other one won, and it is the same submission.
        existing = model.objects.filter(idempotency_key=token).first()
        if existing is None:
            raise
        return existing, False
    return submission, True
