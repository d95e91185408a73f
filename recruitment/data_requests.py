"""Subject access and erasure: everything held for one email address, found, disclosed, erased.

The admin screen (`data_request_views.py`) is the only door; every disclosure and erasure
leaves audit entries on the submissions concerned, labelled by reference, never by address.
"""

import csv
import io
import json

from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log

from . import retention
from .dates import uk_datetime
from .models import SUBMISSION_MODELS, Draft, Notification
from .models.outbox import LINK
from .queues import display_value, field_label, queue_by_key
from .spreadsheets import safe_cell

# Kept out of the answers: internal keys, and consent, which has its own section.
# The reason list's key is internal too: decision_reason_label holds the words given.
NOT_DISCLOSED = {"id", "idempotency_key", "page", "assignee", "removed_by", "decision_reason"}
CONSENT_FIELDS = ["consent_notice_version", "consent_given_at"]
FILE_FORMATS = {"json": "JSON", "csv": "CSV"}


def find(email):
    """Every submission, of any kind, made with this email address (any letter case)."""
    email = email.strip()
    if not email:
        return []
    found = []
    for model in SUBMISSION_MODELS:
        found += list(model.objects.filter(email__iexact=email).order_by("submitted_at"))
    return found


def find_drafts(email):
    """Unfinished applications (drafts) that gave this email address."""
    email = email.strip()
    if not email:
        return []
    return list(Draft.objects.filter(email__iexact=email).order_by("created_at"))


def describe_draft(draft):
    """A draft as the applicant would be given it: each answered question, as typed."""
    queue = queue_by_key(draft.queue_key)
    answers = {}
    for question in queue.questions:
        typed = [
            " ".join(values)
            for key, values in draft.answers.items()
            if key == question.name or key.startswith(f"{question.name}_")
        ]
        if typed:
            answers[question.label] = " ".join(t for t in typed if t)
    return {
        "kind": f"Unfinished {queue.model._meta.verbose_name}",
        "started": _when(draft.created_at),
        "changed": _when(draft.updated_at),
        "answers": answers,
    }


def _when(value):
    return uk_datetime(value)


def describe(submission):
    """One submission as the applicant would be given it: answers, consent, notes, emails."""
    model = type(submission)
    names = [
        # A field with a display method (year groups) is given as staff read it.
        f"{f.name}_display" if hasattr(model, f"{f.name}_display") else f.name
        for f in submission._meta.concrete_fields
        if f.name not in NOT_DISCLOSED and f.name not in CONSENT_FIELDS
    ]
    return {
        "kind": str(submission._meta.verbose_name),
        "reference": submission.reference,
        "answers": {
            str(field_label(model, name)): display_value(submission, name) for name in names
        },
        "consent": {
            str(field_label(model, name)): display_value(submission, name)
            for name in CONSENT_FIELDS
        },
        "notes": [
            {"written": _when(n.created_at), "text": n.text}
            for n in submission.notes.order_by("created_at")
        ],
        "emails": [
            {
                "kind": n.get_kind_display(),
                "template": n.template_name,
                "status": n.get_status_display(),
                "to": n.recipient,
                "subject": n.subject,
                # A link's token is never stored: the body says where it stood.
                "body": n.body.replace(LINK, "[private link, not kept]"),
                "written": _when(n.created_at),
                "sent": _when(n.sent_at),
            }
            for n in submission.notifications.order_by("created_at")
        ],
    }


def document(email, submissions=None):
    """Everything held for email, as one document (what the screen lists and JSON holds)."""
    submissions = find(email) if submissions is None else submissions
    return {
        "email": email.strip(),
        "produced": _when(timezone.now()),
        "submissions": [describe(s) for s in submissions],
        "drafts": [describe_draft(d) for d in find_drafts(email)],
    }


def csv_rows(doc):
    """The document as rows of a table: Record, Reference, Item, Value."""
    yield ["Record", "Reference", "Item", "Value"]
    for sub in doc["submissions"]:
        reference = sub["reference"]
        for label, value in sub["answers"].items():
            yield [sub["kind"], reference, label, value]
        for label, value in sub["consent"].items():
            yield ["Consent", reference, label, value]
        for note in sub["notes"]:
            yield ["Internal note", reference, f"Written {note['written']}", note["text"]]
        for number, mail in enumerate(sub["emails"], start=1):
            for key in ("kind", "template", "status", "to", "subject", "written", "sent", "body"):
                yield ["Email", reference, f"Email {number}: {key}", mail[key]]
    for draft in doc.get("drafts", []):
        for label, value in draft["answers"].items():
            yield [draft["kind"], "", label, value]


def disclose(email, file_format, by):
    """The export file for a data request as (filename, content type, text), audited.

    Each disclosed submission gets an audit entry saying who exported it and in what format.
    """
    if file_format not in FILE_FORMATS:
        raise ValueError(f"Unknown format {file_format!r}")
    submissions = find(email)
    doc = document(email, submissions)
    with transaction.atomic():
        for submission in submissions:
            log(submission, "recruitment.data_request", user=by, data={"format": file_format})
        for draft in find_drafts(email):
            log(draft, "recruitment.data_request", user=by, data={"format": file_format})
    stamp = timezone.localtime().strftime("%Y-%m-%d-%H%M")
    if file_format == "json":
        text = json.dumps(doc, indent=2, ensure_ascii=False)
        return f"data-request-{stamp}.json", "application/json", text
    out = io.StringIO()
    writer = csv.writer(out)
    for row in csv_rows(doc):
        writer.writerow([safe_cell(value) for value in row])
    return f"data-request-{stamp}.csv", "text/csv", out.getvalue()


def erase(email, by):
    """Erase the personal data of every submission made with email, and delete its unfinished
    applications (drafts); returns the submissions' references.

    Submissions keep their reference, status, area and dates (the counts); their personal
    fields, notes and emails go. The audit entry on each names the reference and who erased.
    """
    submissions = find(email)
    with transaction.atomic():
        for submission in submissions:
            retention.anonymise(submission, action="recruitment.erase", by=by)
        Draft.objects.filter(pk__in=[d.pk for d in find_drafts(email)]).delete()
        # Emails to the address not tied to a submission (come-back links), never kept.
        Notification.objects.filter(recipient__iexact=email.strip()).delete()
    return [s.reference for s in submissions]
