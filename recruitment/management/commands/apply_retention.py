"""Anonymise recruitment submissions past their retention period. Run it daily."""

from django.core.management.base import BaseCommand

from recruitment.retention import apply_retention


class Command(BaseCommand):
    help = "Clear personal data from decided submissions kept past the retention period."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Count, change nothing.")

    def handle(self, *args, dry_run, **options):
        counts = apply_retention(dry_run=dry_run)
        summary = "; ".join(f"{count} {name}" for name, count in counts.items())
        prefix = "Dry run, nothing changed. Due: " if dry_run else "Anonymised: "
        self.stdout.write(prefix + summary)
