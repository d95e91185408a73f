"""The status workflows are data: only the allowed moves happen, every move is recorded."""

import dataclasses
import re
from unittest import mock

import pytest
from django.core.management import call_command
from django.core.management.base import SystemCheckError
from django.db import models

from accounts.factories import RecruiterFactory
from recruitment import checks, triage, workflows
from recruitment.enums import MiniPoliceStatus, ReasonOutcome, SpecialStatus
from recruitment.factories import (
    DecisionReasonFactory,
    MiniPoliceRegistrationFactory,
    SpecialConstableApplicationFactory,
)
from recruitment.queues import MINI_POLICE, SPECIALS, Stage

S, M = SpecialStatus, MiniPoliceStatus


def test_specials_path_runs_new_to_appointed():
    path = [S.NEW, S.IN_REVIEW, S.ASSESSMENT, S.VETTING, S.TRAINING, S.APPOINTED]
    for current, following in zip(path, path[1:], strict=False):
        assert following in workflows.SPECIAL_TRANSITIONS[current]


@pytest.mark.parametrize("status", workflows.SPECIAL_OPEN)
def test_specials_can_be_rejected_or_withdrawn_from_any_open_state(status):
    assert {S.REJECTED, S.WITHDRAWN} <= set(workflows.SPECIAL_TRANSITIONS[status])


@pytest.mark.parametrize("status", [S.APPOINTED, S.REJECTED, S.WITHDRAWN])
def test_specials_final_states_go_nowhere(status):
    assert workflows.SPECIAL_TRANSITIONS[status] == []


def test_every_specials_status_has_a_rule():
    assert set(workflows.SPECIAL_TRANSITIONS) == set(S)
    assert set(workflows.MINI_POLICE_TRANSITIONS) == set(M)


def test_mini_police_path_and_exits():
    assert workflows.MINI_POLICE_TRANSITIONS[M.NEW] == [M.CONTACTED, M.DECLINED, M.WITHDRAWN]
    assert workflows.MINI_POLICE_TRANSITIONS[M.CONTACTED] == [M.SCHEDULED, M.DECLINED, M.WITHDRAWN]
    assert workflows.MINI_POLICE_TRANSITIONS[M.SCHEDULED] == [M.ACTIVE, M.DECLINED, M.WITHDRAWN]
    for final in (M.ACTIVE, M.DECLINED, M.WITHDRAWN):
        assert workflows.MINI_POLICE_TRANSITIONS[final] == []


@pytest.mark.django_db
def test_allowed_move_is_made_and_audited(home_page, django_user_model):
    staff = django_user_model.objects.create(username="riya")
    application = SpecialConstableApplicationFactory()
    triage.move(application, S.IN_REVIEW, by=staff)
    application.refresh_from_db()
    assert application.status == S.IN_REVIEW
    entry = triage.history(application).first()
    assert entry.action == "recruitment.move"
    assert entry.user == staff
    assert entry.message == "Moved from New to In review"


@pytest.mark.django_db
@pytest.mark.parametrize("target", [S.ASSESSMENT, S.APPOINTED, "nonsense"])
def test_disallowed_move_is_refused_with_a_message(home_page, target):
    application = SpecialConstableApplicationFactory()
    with pytest.raises(workflows.TransitionNotAllowed, match="cannot be moved to"):
        triage.move(application, target, by=None)
    application.refresh_from_db()
    assert application.status == S.NEW
    assert not triage.history(application).filter(action="recruitment.move").exists()


@pytest.mark.django_db
def test_final_state_cannot_be_reopened(home_page):
    registration = MiniPoliceRegistrationFactory(status=M.DECLINED)
    assert registration.allowed_moves() == []
    assert registration.is_open is False
    with pytest.raises(workflows.TransitionNotAllowed):
        triage.move(registration, M.NEW, by=None)


@pytest.mark.django_db
def test_staff_reject_only_with_a_reason_from_the_list_and_it_is_recorded(home_page):
    staff = RecruiterFactory()
    application = SpecialConstableApplicationFactory(status=S.IN_REVIEW)
    with pytest.raises(workflows.ReasonRequired):
        triage.move(application, S.REJECTED, by=staff)
    withdrawn_reason = DecisionReasonFactory(outcome=ReasonOutcome.WITHDRAWN, label="Withdrew")
    with pytest.raises(workflows.ReasonRequired):  # a withdrawal reason cannot explain a refusal
        triage.move(application, S.REJECTED, by=staff, reason=withdrawn_reason)
    application.refresh_from_db()
    assert application.status == S.IN_REVIEW

    reason = DecisionReasonFactory(label="Does not meet the residency requirement")
    triage.move(application, S.REJECTED, by=staff, reason=reason, note="Lived abroad until 2025.")
    application.refresh_from_db()
    assert (application.status, application.decision_reason) == (S.REJECTED, reason)
    assert application.decided_at is not None
    assert triage.history(application).filter(action="recruitment.move").first().message == (
        "Moved from In review to Rejected. Reason: Does not meet the residency requirement"
    )
    assert application.notes.get().text == "Lived abroad until 2025."


@pytest.mark.django_db
def test_the_applicant_withdraws_without_a_member_of_staff(home_page):
    application = SpecialConstableApplicationFactory()
    triage.move(application, S.WITHDRAWN, by=None)
    application.refresh_from_db()
    assert application.status == S.WITHDRAWN
    entry = triage.history(application).filter(action="recruitment.move").first()
    assert entry.user is None
    assert entry.message == "Moved from New to Withdrawn by the applicant"


@pytest.mark.django_db
def test_decided_takes_notes_but_no_other_change_and_erased_takes_no_notes(home_page):
    staff = RecruiterFactory()
    decided = SpecialConstableApplicationFactory(status=S.REJECTED)
    with pytest.raises(workflows.TransitionNotAllowed, match="takes notes but no other change"):
        triage.assign(decided, staff, by=staff)
    triage.add_note(decided, "Applicant phoned to ask why.", by=staff)
    assert decided.notes.count() == 1

    erased = SpecialConstableApplicationFactory(status=S.WITHDRAWN, erased=True)
    with pytest.raises(ValueError, match="personal data has been removed"):
        triage.add_note(erased, "Anything", by=staff)
    assert not erased.notes.exists()


# The start-up check (recruitment/checks.py): a queue definition with a hole stops start-up.


def _check_ids(queues):
    with mock.patch.object(checks, "QUEUES", queues):
        with pytest.raises(SystemCheckError) as stopped:
            call_command("check")
    return set(re.findall(r"recruitment\.E\d{3}", str(stopped.value)))


def _with_status(queue, value):
    """The queue's statuses plus one more, in a copy of its definition."""
    members = [(s.name, (s.value, s.label)) for s in queue.status_enum]
    members.append((value.upper(), (value, value.replace("_", " ").capitalize())))
    return models.TextChoices(f"{queue.status_enum.__name__}Plus", members)


def test_the_queues_as_defined_pass_the_start_up_check():
    assert checks.queues_are_whole(None) == []
    call_command("check")  # raises SystemCheckError on any error


def test_a_status_without_a_public_stage_stops_start_up():
    on_hold = _with_status(SPECIALS, "on_hold")
    transitions = {**SPECIALS.transitions, "on_hold": [S.IN_REVIEW]}
    queue = dataclasses.replace(SPECIALS, status_enum=on_hold, transitions=transitions)
    with mock.patch.object(SPECIALS.model, "transitions", transitions):
        assert _check_ids([queue, MINI_POLICE]) == {"recruitment.E001"}


def test_a_status_without_a_transitions_entry_stops_start_up():
    stages = {**SPECIALS.public_stages, "on_hold": Stage("On hold", "We will be in touch.")}
    queue = dataclasses.replace(
        SPECIALS, status_enum=_with_status(SPECIALS, "on_hold"), public_stages=stages
    )
    assert _check_ids([queue, MINI_POLICE]) == {"recruitment.E002"}


def test_a_reason_status_that_is_not_final_stops_start_up():
    transitions = {**MINI_POLICE.transitions, M.DECLINED: [M.CONTACTED]}
    queue = dataclasses.replace(MINI_POLICE, transitions=transitions)
    with mock.patch.object(MINI_POLICE.model, "transitions", transitions):
        assert _check_ids([SPECIALS, queue]) == {"recruitment.E003"}
