"""Answer a subject access request: print, as JSON, all we hold for one email address."""

import json

from django.core.management.base import BaseCommand

from recruitment.data_requests import answer


class Command(BaseCommand):
    help = "Print every recruitment submission, note and answer held for an email address."

    def add_arguments(self, parser):
        parser.add_argument("email")

    def handle(self, *args, email, **options):
        self.stdout.write(json.dumps(answer(email), indent=2, ensure_ascii=False))
