"""Build the demo site for the fictional Blue Lamp Constabulary. Safe to run again."""

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils.module_loading import import_string

from cms.demo import (
    load_areas,
    load_demo_users,
    load_programmes,
    load_site_pages,
    load_site_settings,
)
from home.demo import load_home

# Each app adds what it shows; each loader takes the home page and leaves existing pages alone.
APP_LOADERS = [
    "news.demo.load",
    "home.demo.load_home_promotions",
    "recruitment.demo.load",
    # Keep last: it links the programme pages to the recruitment app's form pages.
    "cms.demo.link_programme_forms",
]


class Command(BaseCommand):
    help = "Load the demo site: pages, areas, settings and the demo users. Idempotent."

    def handle(self, *args, **options):
        with transaction.atomic():
            home, site = load_home()
            load_site_settings(site)
            load_areas()
            load_site_pages(home)
            load_programmes(home)
            for dotted in APP_LOADERS:
                import_string(dotted)(home)
            self.load_users()
        self.stdout.write(self.style.SUCCESS("Demo content is ready."))

    def load_users(self):
        password = settings.DEMO_PASSWORD
        if not password:
            self.stdout.write(
                self.style.WARNING(
                    "DEMO_PASSWORD is not set: demo users were not created or updated."
                )
            )
            return
        load_demo_users(password)
        base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
        self.stdout.write(
            f"Log in at {base}/admin/ as editor, moderator, recruiter, manager or admin, "
            "with the password in DEMO_PASSWORD."
        )
