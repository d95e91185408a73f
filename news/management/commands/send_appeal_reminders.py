"""Email the comms team the open appeals past their review date. For cron, daily."""

from django.core.management.base import BaseCommand

from news.appeals import send_review_reminder


class Command(BaseCommand):
    help = (
        "Email the Communications team address (Site settings) the open appeals whose "
        "review-by date has come. Sends nothing when none are due."
    )

    def handle(self, *args, **options):
        count = send_review_reminder()
        if count:
            self.stdout.write(f"Reminded the comms team of {count} appeal(s) to review.")
        else:
            self.stdout.write("No reminder sent: no appeals are due, or no team address is set.")
