"""The status workflows are data: only the allowed moves happen, every move is recorded."""

import pytest

from recruitment import services, workflows
from recruitment.enums import MiniPoliceStatus, SpecialStatus
from recruitment.factories import MiniPoliceRegistrationFactory, SpecialConstableApplicationFactory

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
    services.move(application, S.IN_REVIEW, by=staff)
    application.refresh_from_db()
    assert application.status == S.IN_REVIEW
    entry = services.history(application).first()
    assert entry.action == "recruitment.move"
    assert entry.user == staff
    assert entry.message == "Moved from New to In review"


@pytest.mark.django_db
@pytest.mark.parametrize("target", [S.ASSESSMENT, S.APPOINTED, "nonsense"])
def test_disallowed_move_is_refused_with_a_message(home_page, target):
    application = SpecialConstableApplicationFactory()
    with pytest.raises(workflows.TransitionNotAllowed, match="cannot be moved to"):
        services.move(application, target, by=None)
    application.refresh_from_db()
    assert application.status == S.NEW
    assert not services.history(application).filter(action="recruitment.move").exists()


@pytest.mark.django_db
def test_final_state_cannot_be_reopened(home_page):
    registration = MiniPoliceRegistrationFactory(status=M.DECLINED)
    assert registration.allowed_moves() == []
    assert registration.is_open is False
    with pytest.raises(workflows.TransitionNotAllowed):
        services.move(registration, M.NEW, by=None)
