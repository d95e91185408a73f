"""Send outbox emails that are due: run it from a scheduler (cron) every few minutes."""

from django.core.management.base import BaseCommand

from recruitment.sending import send_pending


class Command(BaseCommand):
    help = "Send pending recruitment emails whose retry time has come. Safe to run often."

    def add_arguments(self, parser):
        parser.add_argument("--limit", type=int, default=200, help="At most this many emails.")

    def handle(self, *args, limit, **options):
        sent, failed = send_pending(limit=limit)
        self.stdout.write(f"Sent {sent} email(s); {failed} failed and will be retried.")
