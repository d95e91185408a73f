"""Emailed links (come back later, the status page): bearer tokens no one else can read.

A token is random and only its SHA-256 is stored, next to when it stops working. It is minted
by the sender when the email carrying it actually goes out (`mint_status_link`,
`mint_resume_link`, called from sending.py), so it is never in an outbox row, a task's
arguments, a log or an export; a failed send puts the previous link back (`undo`). The
journey exchanges a link for this browser's session on first use and redirects to an address
without it (journey.py). Come-back links are single-use: the first use spends the token and
the draft then lives in the session; a new link can be asked for at any time.
"""

import datetime
import hashlib
import secrets

from django.conf import settings

from .models.drafts import Draft

# A come-back link works for a week: drafts are kept 30 days after their last change, and a
# link asked for "to finish later" is used within days or not at all.
RESUME_LINK_DAYS = 7


def new_token():
    """A fresh random token for a link (256 bits, URL-safe)."""
    return secrets.token_urlsafe(32)


def hash_token(token):
    """What is stored of a link's token: its SHA-256, so a database leak opens no link."""
    return hashlib.sha256(token.encode()).hexdigest()


def status_link_days():
    """Days a status link works after its email is sent (RECRUITMENT_STATUS_LINK_DAYS)."""
    return settings.RECRUITMENT_STATUS_LINK_DAYS


def status_url(page, token):
    """The absolute address that opens a submission's private status page."""
    return f"{page.full_url}status/{token}/"


def resume_url(page, token):
    """The absolute address that brings a draft back."""
    return f"{page.full_url}return/{token}/"


def status_paragraph(url):
    """The words around a status link in an email (its text with `url` as the link)."""
    return (
        "See where your application is, or withdraw it, at any time (keep this link private; "
        f"it works for {status_link_days()} days, and you can ask for a new one on the "
        f"form's page at any time):\n{url}\n\n"
    )


def _swap(queryset, hash_field, expiry_field, new_hash, expires_at):
    """Store a new token hash on one row and return how to put the previous one back."""
    previous = queryset.values_list(hash_field, expiry_field).first()
    queryset.update(**{hash_field: new_hash, expiry_field: expires_at})

    def undo():
        # Only if nothing minted another since: a concurrent send's link stays.
        queryset.filter(**{hash_field: new_hash}).update(
            **{hash_field: previous[0], expiry_field: previous[1]}
        )

    return undo


def mint_status_link(submission, now):
    """A new status link for submission, working from now: (url, undo), or None when its
    form page is gone. Each new link replaces the one before (and the sessions it opened)."""
    page = submission.page
    if page is None:
        return None
    token = new_token()
    rows = type(submission).objects.filter(pk=submission.pk)
    expires_at = now + datetime.timedelta(days=status_link_days())
    undo = _swap(
        rows, "status_token_hash", "status_token_expires_at", hash_token(token), expires_at
    )
    return status_url(page, token), undo


def mint_resume_link(draft, now):
    """A new come-back link for draft, working for RESUME_LINK_DAYS: (url, undo). Each new
    link replaces the one before."""
    token = new_token()
    rows = Draft.objects.filter(pk=draft.pk)
    expires_at = now + datetime.timedelta(days=RESUME_LINK_DAYS)
    undo = _swap(rows, "resume_token_hash", "resume_expires_at", hash_token(token), expires_at)
    return resume_url(draft.page, token), undo


def spend_resume_token(queue_key, token, now):
    """The draft a come-back link opens, spending the link (single use), or None when it is
    unknown, expired or already used. Of two uses at once, one gets the draft."""
    if not token:
        return None
    hashed = hash_token(token)
    draft = Draft.objects.filter(
        queue_key=queue_key, resume_token_hash=hashed, resume_expires_at__gt=now
    ).first()
    if draft is None:
        return None
    spent = Draft.objects.filter(pk=draft.pk, resume_token_hash=hashed).update(
        resume_token_hash="", resume_expires_at=None
    )
    return draft if spent else None


def submission_for_status_token(model, token, now):
    """The submission of model a status link opens, or None (unknown, expired, or its
    personal data erased)."""
    if not token:
        return None
    return model.objects.filter(
        status_token_hash=hash_token(token),
        status_token_expires_at__gt=now,
        anonymised_at__isnull=True,
    ).first()
