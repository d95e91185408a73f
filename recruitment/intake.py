"""The applicant's side: drafts, eligibility, save and come back later, sending, status.

A draft holds the answers of each section that passed its checks; sending turns a complete
draft into one submission in one transaction (reference, consent, audit entry, outbox) and
deletes the draft. Links by email (come back later, status page) are written to the outbox
as "a link for this draft / submission" and minted when the email goes (recruitment/links.py).
"""

from django.core.exceptions import BadRequest
from django.db import IntegrityError, transaction
from django.utils import timezone
from wagtail.log_actions import log

from . import eligibility, links, notifications, triage
from .forms import SectionForm, draft_data
from .models.drafts import Draft
from .queues import queue_for
from .references import next_reference


class DraftIncomplete(Exception):
    """A draft is sent before every section has valid answers; `section` is the first not."""

    def __init__(self, section):
        super().__init__(section.slug)
        self.section = section


def ineligibility(queue, form, page, today=None):
    """Why a valid eligibility section's answers cannot apply: [(question, message, instead)]."""
    today = today or timezone.localdate()
    found = eligibility.problems(queue.eligibility, form.cleaned_data, page, today)
    return [
        (rule.question, found[rule.question], rule.instead)
        for rule in queue.eligibility.rules
        if rule.question in found
    ]


def save_section(queue, page, draft, form):
    """Keep a section's answers in the draft (a new draft when None); returns the draft.

    Every answer whose own question passed its checks is kept, field by field ("Save and
    come back later" on a page not finished); the ones left empty or not valid are removed,
    so the page shows on return exactly what was kept. The section counts as answered only
    when the whole page is valid: otherwise the journey asks it again. Call after
    form.is_valid().

    Raises BadRequest (the 400 page) when the draft would hold more than Draft.MAX_CHARACTERS.
    """
    answers = dict(draft.answers if draft else {})
    for key in form.inputs_of(form.not_kept()):
        answers.pop(key, None)
    answers.update(form.posted_values())
    if Draft.size(answers) > Draft.MAX_CHARACTERS:
        raise BadRequest("The answers are longer than any question allows.")
    if draft is None:
        draft = Draft(queue_key=queue.key, page=page)
    draft.answers = answers
    slug = form.section.slug
    if not form.is_valid():
        draft.completed_sections = [s for s in draft.completed_sections if s != slug]
    elif slug not in draft.completed_sections:
        draft.completed_sections = [*draft.completed_sections, slug]
    if form.cleaned_data.get("email") and "email" in form.kept():
        draft.email = form.cleaned_data["email"]
    draft.updated_at = timezone.now()
    draft.save()
    return draft


def section_form(section, draft):
    """The section's form showing the draft's answers: bound when the section was answered,
    or when some of its answers were kept from a page not finished (then without errors)."""
    if draft is None:
        return SectionForm(section=section)
    if section.slug in draft.completed_sections:
        return SectionForm(draft_data(draft.answers), section=section)
    probe = SectionForm(section=section)
    if any(key in draft.answers for key in probe.inputs_of(probe.fields)):
        return SectionForm(draft_data(draft.answers), section=section, answers_so_far=True)
    return probe


def first_unanswered(queue, draft):
    """The first section without saved answers, or None when every one has them."""
    done = set(draft.completed_sections) if draft else set()
    return next((s for s in queue.sections if s.slug not in done), None)


def answers(queue, draft, page, today=None):
    """The draft's answers checked again, as an unsaved submission of the queue's model.

    Raises DraftIncomplete with the first section that is missing or no longer valid (an
    eligibility rule can fail later, such as a closing date passing a birthday)."""
    today = today or timezone.localdate()
    values = {}
    data = draft_data(draft.answers)
    for section in queue.sections:
        form = SectionForm(data, section=section)
        if section.slug not in draft.completed_sections or not form.is_valid():
            raise DraftIncomplete(section)
        if section is queue.eligibility and ineligibility(queue, form, page, today):
            raise DraftIncomplete(section)
        values.update(form.cleaned_data)
    return queue.model(**{q.name: values[q.name] for q in queue.questions})


def record_submission(page, draft):
    """Send a complete draft: store one submission with consent, audit entry and outbox, and
    delete the draft, in one transaction.

    Returns (submission, created). A second Send of the same draft returns the first
    submission instead of storing another. The acknowledgement's status link is minted when
    it is sent (recruitment/sending.py). Raises DraftIncomplete.
    """
    queue = queue_for(page)
    model = queue.model
    token = draft.submission_token
    existing = model.objects.filter(idempotency_key=token).first()
    if existing is not None:
        return existing, False
    submission = answers(queue, draft, page)
    now = timezone.now()
    try:
        with transaction.atomic():
            # Sends of one draft queue here, on its row, before any other lock is taken: on
            # PostgreSQL two of them otherwise deadlocked (one holding the reference
            # sequence, the other the idempotency key; seen in CI). A Send that finds the
            # draft gone comes after one that committed: the same submission.
            if not Draft.objects.select_for_update().filter(pk=draft.pk).values_list("pk"):
                existing = model.objects.filter(idempotency_key=token).first()
                if existing is not None:
                    return existing, False
                raise DraftIncomplete(queue.sections[0])
            submission.page = page
            submission.idempotency_key = token
            submission.submitted_at = now
            submission.status_changed_at = now
            submission.consent_notice_version = page.privacy_notice_version
            submission.consent_given_at = now
            triage.flag_duplicates(submission)
            # Last before saving: the reference sequence's row stays locked until commit, so
            # concurrent submissions queue behind as little work as possible.
            submission.reference = next_reference(model.reference_prefix, now.year)
            submission.save()
            log(submission, "recruitment.submit", user=None)
            notifications.queue_for_submission(submission, page)
            Draft.objects.filter(pk=draft.pk).delete()
    except IntegrityError:
        # Two identical Sends raced: the other one won, and it is the same submission.
        existing = model.objects.filter(idempotency_key=token).first()
        if existing is None:
            raise
        return existing, False
    return submission, True


def send_resume_link(page, email, draft=None):
    """Email a link to come back to an unfinished application (outbox, after commit; the
    link is minted when the email goes).

    With `draft` (this browser's), it is the one linked and the address is kept with it.
    Without, the newest draft of that address for this form is, if there is one. Nothing
    tells the caller which happened: the page says the same whatever the address.
    """
    queue = queue_for(page)
    if draft is None:
        draft = (
            Draft.objects.filter(queue_key=queue.key, email__iexact=email)
            .order_by("-updated_at")
            .first()
        )
        if draft is None:
            return False
    with transaction.atomic():
        if not draft.email:
            draft.email = email
            draft.save(update_fields=["email"])
        notifications.queue_resume_link(draft, email, page, queue)
    return True


def use_resume_link(page, token, now=None):
    """The draft a come-back link opens, spending the link: it works once (then the draft
    lives in this browser's session), for 7 days. None when unknown, expired or used."""
    return links.spend_resume_token(queue_for(page).key, token, now or timezone.now())


def delete_draft(draft):
    """Delete every answer of a draft ("Delete my answers and start again")."""
    Draft.objects.filter(pk=draft.pk).delete()


def submission_for_status_token(page, token, now=None):
    """The submission a status link opens, or None (unknown, expired, or data erased)."""
    return links.submission_for_status_token(queue_for(page).model, token, now or timezone.now())


def send_status_links(page, email):
    """Email a fresh status link for each submission made with this address on this form.

    Each old link (and any page it opened) stops working when the new one is sent. The page
    says the same whether or not any exists.
    """
    queue = queue_for(page)
    submissions = list(queue.model.objects.filter(email__iexact=email, anonymised_at__isnull=True))
    with transaction.atomic():
        for submission in submissions:
            notifications.queue_status_link(submission, page)
    return len(submissions)


def withdraw(submission):
    """The applicant withdraws: the same workflow move (and audit entry) as a staff move."""
    triage.move(submission, submission.status_enum.WITHDRAWN, by=None)
