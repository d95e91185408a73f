"""Start the daily retention purge in the task worker. Safe to run on every deploy."""

from django.core.management.base import BaseCommand
from django.utils import timezone

from recruitment.tasks import schedule_purge


class Command(BaseCommand):
    help = (
        "Queue the daily purge_expired_submissions task for `manage.py db_worker` (it then "
        "queues its own next run). Does nothing when a run is already waiting."
    )

    def handle(self, *args, **options):
        run_after = schedule_purge()
        if run_after is None:
            self.stdout.write(
                self.style.WARNING(
                    "The task backend cannot run tasks later (TASK_BACKEND is not 'database'): "
                    "run `manage.py purge_expired_submissions` daily from cron instead."
                )
            )
            return
        when = timezone.localtime(run_after).strftime("%d/%m/%Y %H:%M")
        self.stdout.write(f"The daily retention purge is queued; the next run is at {when}.")
