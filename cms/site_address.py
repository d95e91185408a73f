"""The site's public address: one source, `WAGTAILADMIN_BASE_URL`, copied onto the Site record.

Wagtail builds every absolute URL of a page (sitemap.xml, canonical links, feeds, emails
sent by the admin) from the default Site's hostname and port. Those are set from the same
setting the admin uses for links in emails, so the two can never disagree:
`manage.py load_demo_content` applies it for the demo, and `manage.py set_site_address` is
the deployment step run after `migrate`.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from wagtail.models import Site

DEFAULT_PORTS = {"http": 80, "https": 443}


def configured_address(base_url=None):
    """(hostname, port) of the public address in WAGTAILADMIN_BASE_URL (or base_url).

    Wagtail's Site speaks https only on port 443 (it writes any other port as http), so an
    https address on another port is refused rather than silently served as http.
    """
    base_url = base_url or settings.WAGTAILADMIN_BASE_URL
    parts = urlsplit(base_url)
    if parts.scheme not in DEFAULT_PORTS or not parts.hostname:
        raise ImproperlyConfigured(
            f"WAGTAILADMIN_BASE_URL must be an http or https address, not {base_url!r}."
        )
    port = parts.port or DEFAULT_PORTS[parts.scheme]
    if parts.scheme == "https" and port != 443:
        raise ImproperlyConfigured(
            f"WAGTAILADMIN_BASE_URL {base_url!r}: an https site must use port 443."
        )
    return parts.hostname, port


def apply_configured_address(site=None):
    """Give the default Site (or site) the configured hostname and port; return the Site.

    Saves only when something changed, so it is safe to run at every deployment.
    """
    site = site or Site.objects.filter(is_default_site=True).first()
    if site is None:
        return None
    hostname, port = configured_address()
    if (site.hostname, site.port) != (hostname, port):
        site.hostname, site.port = hostname, port
        site.save()
    return site
