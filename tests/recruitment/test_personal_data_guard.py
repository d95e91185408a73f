"""The personal-data guard, derived from the queue definitions rather than listed by hand:
every question marked personal is cleared by retention and by erasure, and no model field
escapes the definitions."""

import datetime

import pytest
from django.db import models

from recruitment import data_requests, retention
from recruitment.factories import MiniPoliceRegistrationFactory, SpecialConstableApplicationFactory
from recruitment.queues import QUEUES

pytestmark = pytest.mark.django_db

FACTORIES = {
    "specials": SpecialConstableApplicationFactory,
    "mini-police": MiniPoliceRegistrationFactory,
}
# What a submission holds besides the applicant's answers: triage, consent, dates, keys.
NOT_QUESTIONS = {
    "id",
    "reference",
    "idempotency_key",
    "page",
    "assignee",
    "status",
    "consent_notice_version",
    "consent_given_at",
    "possible_duplicate",
    "submitted_at",
    "updated_at",
    "decided_at",
    "anonymised_at",
    "status_changed_at",
    "status_token_hash",
    "status_token_expires_at",
    # The decision's reason (from the managers' list) and who removed the data, and why.
    "decision_reason",
    "decision_reason_label",
    "removal_reason",
    "removed_by",
}


@pytest.mark.parametrize("queue", QUEUES, ids=lambda q: q.key)
def test_every_answer_field_is_a_defined_question(queue):
    names = {f.name for f in queue.model._meta.concrete_fields}
    questions = {q.name for q in queue.questions}
    assert questions <= names, "a question fills no model field"
    assert names - NOT_QUESTIONS == questions, (
        "a model field is not a question: define it in recruitment/queues/ (with personal=...)"
    )


def _filled(queue, **extra):
    """A submission with a value in every personal field."""
    values = {}
    for name in queue.personal_fields:
        field = queue.model._meta.get_field(name)
        if isinstance(field, models.DateField):
            values[name] = datetime.date(1990, 1, 2)
        elif isinstance(field, models.EmailField):
            values[name] = "person@example.com"
        else:
            values[name] = "Personal words"[: field.max_length or 100]
    return FACTORIES[queue.key](**values, **extra)


def _cleared(submission, queue):
    submission.refresh_from_db()
    return {
        name: getattr(submission, name)
        for name in queue.personal_fields
        if getattr(submission, name)
    }


@pytest.mark.parametrize("queue", QUEUES, ids=lambda q: q.key)
def test_retention_clears_every_personal_question(queue, areas):
    final = next(status for status, moves in queue.transitions.items() if not moves)
    submission = _filled(
        queue, status=final, decided_at=datetime.datetime(2000, 1, 1, tzinfo=datetime.UTC)
    )
    retention.purge_expired_submissions()
    assert _cleared(submission, queue) == {}


@pytest.mark.parametrize("queue", QUEUES, ids=lambda q: q.key)
def test_erasure_clears_every_personal_question(queue, areas):
    submission = _filled(queue)
    data_requests.erase("person@example.com", by=None)
    assert _cleared(submission, queue) == {}
