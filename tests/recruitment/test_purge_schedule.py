"""The daily purge runs in the task worker (django-tasks-db) and keeps exactly one run waiting."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult
from wagtail.models import ModelLogEntry

from recruitment.enums import SpecialStatus
from recruitment.factories import SpecialConstableApplicationFactory
from recruitment.retention import PURGE_ACTION

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
PURGE_TASK = "recruitment.tasks.purge_expired_submissions_daily"


def start_schedule():
    out = io.StringIO()
    call_command("start_purge_schedule", stdout=out)
    return out.getvalue()


def waiting():
    return DBTaskResult.objects.filter(task_path=PURGE_TASK, status="READY")


# db_worker commits and checks its connection as in production, so this test commits too.
@pytest.mark.django_db(transaction=True)
def test_db_worker_purges_and_queues_the_next_run_a_day_later(settings, committed_home_page):
    settings.TASKS = DATABASE_TASKS
    expired = SpecialConstableApplicationFactory(
        status=SpecialStatus.REJECTED,
        decided_at=timezone.now() - datetime.timedelta(days=400),
        first_name="Expired",
    )

    assert "the next run is at" in start_schedule()
    start_schedule()  # a second deploy starts it again: still one run waiting
    assert waiting().count() == 1

    call_command("db_worker", "--batch", "--no-startup-delay", "--interval", "0")

    expired.refresh_from_db()
    assert expired.first_name == "" and expired.anonymised_at is not None
    assert ModelLogEntry.objects.filter(action=PURGE_ACTION).count() == 1
    assert DBTaskResult.objects.filter(task_path=PURGE_TASK, status="SUCCESSFUL").count() == 1
    next_run = waiting().get()
    assert next_run.run_after > timezone.now() + datetime.timedelta(hours=23)
    start_schedule()
    assert waiting().count() == 1


@pytest.mark.django_db
def test_without_a_task_worker_the_command_says_to_use_cron(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    assert "from cron instead" in start_schedule()
    assert not DBTaskResult.objects.exists()
