"""Two members of staff on one application at the same moment, on real threads and real
connections: one change is made, the other is told who made which, and the history holds one.

PostgreSQL only: SQLite serialises every write (and the test database in memory is not shared
between connections), so threads there prove nothing; the same race from a stale read, which
does run on SQLite, is in test_triage.py and test_retention.py.
"""

import threading
import time
from unittest import mock

import pytest
from django.db import connection, connections

from accounts.factories import ManagerFactory, RecruiterFactory
from recruitment import retention, triage
from recruitment.enums import SpecialStatus
from recruitment.factories import DecisionReasonFactory, SpecialConstableApplicationFactory
from recruitment.models import SpecialConstableApplication
from recruitment.workflows import ChangedMeanwhile

pytestmark = [
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="concurrency needs PostgreSQL: SQLite serialises every write",
    ),
    pytest.mark.django_db(transaction=True),
]

# Bounds, never asserted on: how long a thread waits for the other before giving up.
WAIT_SECONDS = 30


def _in_threads(*jobs):
    """Run each job in its own thread (its own database connection); returns what each
    returned or raised, in order."""
    results = [None] * len(jobs)

    def run(index, job):
        try:
            results[index] = job()
        except Exception as problem:  # noqa: BLE001  (handed back to the test to assert on)
            results[index] = problem
        finally:
            connections.close_all()

    threads = [
        threading.Thread(target=run, args=(i, job), name=f"staff-{i}") for i, job in enumerate(jobs)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(WAIT_SECONDS * 2)
    assert not any(thread.is_alive() for thread in threads), "a thread never finished"
    return results


def _someone_waits_for_a_lock():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM pg_stat_activity "
            "WHERE datname = current_database() AND wait_event_type = 'Lock'"
        )
        return cursor.fetchone()[0] > 0


def _read(application):
    return SpecialConstableApplication.objects.get(pk=application.pk)


def _moves(application):
    return list(triage.history(application).filter(action="recruitment.move"))


def test_two_recruiters_move_one_application_from_the_same_read():
    riya = RecruiterFactory(first_name="Riya", last_name="Recruiter")
    sam = RecruiterFactory(first_name="Sam", last_name="Second")
    reason = DecisionReasonFactory(label="Does not meet the residency requirement")
    application = SpecialConstableApplicationFactory()
    both_read = threading.Barrier(2, timeout=WAIT_SECONDS)
    riya_updated = threading.Event()
    sam_waited = threading.Event()
    log = triage.log

    def log_then_hold(submission, action, **kwargs):
        # Riya's UPDATE is made and her transaction still open: let Sam's UPDATE reach the
        # row, and commit only once PostgreSQL shows it waiting for her row lock.
        if threading.current_thread().name == "staff-0":
            riya_updated.set()
            for _ in range(WAIT_SECONDS * 100):
                if _someone_waits_for_a_lock():
                    sam_waited.set()
                    break
                time.sleep(0.01)
        return log(submission, action, **kwargs)

    def riya_rejects():
        mine = _read(application)
        both_read.wait()
        triage.move(mine, SpecialStatus.REJECTED, by=riya, reason=reason)
        return "moved"

    def sam_moves_on():
        mine = _read(application)
        both_read.wait()
        riya_updated.wait(WAIT_SECONDS)
        triage.move(mine, SpecialStatus.IN_REVIEW, by=sam)
        return "moved"

    with mock.patch.object(triage, "log", log_then_hold):
        riya_result, sam_result = _in_threads(riya_rejects, sam_moves_on)

    assert sam_waited.is_set(), "the two moves never met at the row"
    assert riya_result == "moved"
    assert isinstance(sam_result, ChangedMeanwhile)
    told = str(sam_result)
    assert told.startswith(f"Riya Recruiter moved {application.reference} to Rejected at ")
    assert told.endswith("; your change was not made.")
    application.refresh_from_db()
    assert application.status == SpecialStatus.REJECTED
    assert application.decision_reason_label == "Does not meet the residency requirement"
    assert [m.user for m in _moves(application)] == [riya]


def test_of_two_identical_moves_at_once_one_is_made():
    people = [RecruiterFactory(), RecruiterFactory()]
    application = SpecialConstableApplicationFactory()
    both_read = threading.Barrier(2, timeout=WAIT_SECONDS)

    def move_by(person):
        def job():
            mine = _read(application)
            both_read.wait()
            triage.move(mine, SpecialStatus.IN_REVIEW, by=person)
            return "moved"

        return job

    results = _in_threads(*(move_by(person) for person in people))
    assert sorted(map(type, results), key=str) == sorted([str, ChangedMeanwhile], key=str)
    assert len(_moves(application)) == 1


def test_two_recruiters_assigning_to_themselves_at_once_one_gets_it():
    people = [RecruiterFactory(), RecruiterFactory()]
    application = SpecialConstableApplicationFactory()
    both_read = threading.Barrier(2, timeout=WAIT_SECONDS)

    def take(person):
        def job():
            mine = _read(application)
            both_read.wait()
            return triage.assign(mine, person, by=person)

        return job

    results = _in_threads(*(take(person) for person in people))
    assert results.count(True) == 1
    assert sum(isinstance(r, ChangedMeanwhile) for r in results) == 1
    application.refresh_from_db()
    assert application.assignee == people[results.index(True)]
    assert triage.history(application).filter(action="recruitment.assign").count() == 1


def test_an_erasure_and_a_decision_at_once_leave_one_true_record():
    recruiter, manager = RecruiterFactory(), ManagerFactory()
    reason = DecisionReasonFactory(label="Does not meet the residency requirement")
    application = SpecialConstableApplicationFactory()
    both_read = threading.Barrier(2, timeout=WAIT_SECONDS)

    def erase():
        mine = _read(application)
        both_read.wait()
        retention.anonymise(mine, action="recruitment.erase", by=manager)
        return "erased"

    def reject():
        mine = _read(application)
        both_read.wait()
        triage.move(mine, SpecialStatus.REJECTED, by=recruiter, reason=reason)
        return "moved"

    erased, rejected = _in_threads(erase, reject)
    assert erased == "erased"  # erasure always happens, whoever was first
    application.refresh_from_db()
    assert application.anonymised_at is not None and application.first_name == ""
    moves = _moves(application)
    assert len(moves) == 1  # New -> Rejected, or New -> Withdrawn on erasure: never both
    assert application.get_status_display() == moves[0].data["to"]
    if rejected == "moved":
        assert application.decision_reason_label == "Does not meet the residency requirement"
    else:
        assert isinstance(rejected, ChangedMeanwhile)
        assert "erased the personal data" in str(rejected)
    assert triage.history(application).filter(action="recruitment.erase").count() == 1
