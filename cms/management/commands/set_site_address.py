"""`manage.py set_site_address`: the deployment step that puts the site on its real address."""

from django.core.exceptions import ImproperlyConfigured
from django.core.management.base import BaseCommand, CommandError

from cms.site_address import apply_configured_address


class Command(BaseCommand):
    help = (
        "Set the default Site's hostname and port from WAGTAILADMIN_BASE_URL, so sitemap.xml, "
        "canonical links, feeds and emails use the site's real address. Run after migrate."
    )

    def handle(self, *args, **options):
        try:
            site = apply_configured_address()
        except ImproperlyConfigured as exc:
            raise CommandError(str(exc)) from exc
        if site is None:
            raise CommandError("There is no default Site yet: create the site first.")
        self.stdout.write(f"The site's address is {site.root_url}/")
