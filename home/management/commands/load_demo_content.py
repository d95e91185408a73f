"""Build the demo site for the fictional Blue Lamp Constabulary. Safe to run again."""

import logging
from contextlib import contextmanager

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils.module_loading import import_string
from wagtail.models import Page

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
    "news.demo.load_appeals",
    "home.demo.load_home_promotions",
    "recruitment.demo.load",
    "cms.demo.load_contact_page",
    # Keep last: it links the programme pages to the recruitment app's form pages.
    "cms.demo.link_programme_forms",
]


@contextmanager
def wagtail_log_level(level):
    """Set Wagtail's logger to level for a while: it logs a line for every page action."""
    logger = logging.getLogger("wagtail")
    previous = logger.level
    logger.setLevel(level)
    try:
        yield
    finally:
        logger.setLevel(previous)


class Command(BaseCommand):
    help = (
        "Load the demo site: pages, areas, settings and the demo users. Idempotent. "
        "Prints a short summary; -v 2 lists every page created."
    )

    def handle(self, *args, **options):
        detailed = options["verbosity"] >= 2
        last_pk = Page.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
        with wagtail_log_level(logging.INFO if detailed else logging.WARNING):
            with transaction.atomic():
                home, site = load_home()
                load_site_settings(site)
                load_areas()
                load_site_pages(home)
                load_programmes(home)
                for dotted in APP_LOADERS:
                    import_string(dotted)(home)
                users_loaded = self.load_users()
        created = Page.objects.filter(pk__gt=last_pk).count()
        total = Page.objects.descendant_of(home, inclusive=True).count()
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo content is ready at {site.root_url}/: {total} pages, {created} new."
            )
        )
        if users_loaded:
            base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
            self.stdout.write(
                f"Log in at {base}/admin/ as editor, moderator, recruiter, manager or admin, "
                "with the password in the environment variable DEMO_PASSWORD."
            )

    def load_users(self):
        password = settings.DEMO_PASSWORD
        if not password:
            self.stdout.write(
                self.style.WARNING(
                    "DEMO_PASSWORD is not set: demo users were not created or updated."
                )
            )
            return False
        load_demo_users(password)
        return True
