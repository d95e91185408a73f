"""Start the daily appeals review reminder in the task worker. Safe to run on every deploy."""

from django.core.management.base import BaseCommand
from django.utils import timezone

from news.tasks import schedule_reminders


class Command(BaseCommand):
    help = (
        "Queue the daily appeals review reminder for `manage.py db_worker` (it then queues "
        "its own next run). Does nothing when a run is already waiting."
    )

    def handle(self, *args, **options):
        run_after = schedule_reminders()
        if run_after is None:
            self.stdout.write(
                self.style.WARNING(
                    "The task backend cannot run tasks later (TASK_BACKEND is not 'database'): "
                    "run `manage.py send_appeal_reminders` daily from cron instead."
                )
            )
            return
        when = timezone.localtime(run_after).strftime("%d/%m/%Y %H:%M")
        self.stdout.write(f"The daily appeals reminder is queued; the next run is at {when}.")
