"""Remove the personal data of submissions past their retention period.

`manage.py db_worker` runs it daily once `start_purge_schedule` has queued it; without a task
worker, run this command daily from cron.
"""

from django.core.management.base import BaseCommand

from recruitment.retention import describe_run, purge_expired_submissions


class Command(BaseCommand):
    help = (
        "Anonymise decided recruitment submissions kept past their retention period (set in "
        "Settings > Recruitment data retention) and delete old sent emails. Audited."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Count what is due, change nothing."
        )

    def handle(self, *args, dry_run, **options):
        counts = purge_expired_submissions(dry_run=dry_run)
        self.stdout.write(describe_run({"dry_run": dry_run, "counts": counts}))
