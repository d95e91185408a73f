"""Subject access requests: everything we hold about one email address, in one document."""

from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log

from . import services
from .models import SUBMISSION_MODELS, Note


def find(email):
    """Every submission, of any kind, made with this email address."""
    email = email.strip()
    found = []
    for model in SUBMISSION_MODELS:
        found += list(model.objects.filter(email__iexact=email).order_by("submitted_at"))
    return found


def describe(submission):
    """One submission as the applicant would be given it: answers, status, notes, consent."""
    names = [f.name for f in submission._meta.concrete_fields if f.name not in NOT_DISCLOSED]
    return {
        "kind": str(submission._meta.verbose_name),
        "answers": {
            str(services.field_label(type(submission), name)): services.display_value(
                submission, name
            )
            for name in names
        },
        "notes": [
            {"written": timezone.localtime(n.created_at).isoformat(), "text": n.text}
            for n in Note.for_submission(submission)
        ],
    }


NOT_DISCLOSED = {"id", "idempotency_key", "page", "assignee"}


def answer(email, by=None):
    """The document for a data request, with an audit entry on each submission disclosed."""
    submissions = find(email)
    with transaction.atomic():
        for submission in submissions:
            log(submission, "recruitment.data_request", user=by)
    return {
        "email": email,
        "produced": timezone.localtime().isoformat(),
        "submissions": [describe(s) for s in submissions],
    }
