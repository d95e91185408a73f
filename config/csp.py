"""Content-Security-Policy and Permissions-Policy for every response.

The base policy (settings.CONTENT_SECURITY_POLICY) allows this site's own files only. This
middleware widens it where, and only where, something on the page needs more:

- the Wagtail admin (/admin/): inline style attributes, which its templates and JavaScript
  components write (tooltips, panels, progress bars, the image cropper) and which cannot run
  code; data:/blob: images for upload previews; and framing by itself, for the editor's live
  preview. Never inline scripts: Wagtail 8.0.1's own inline set-up scripts (date/time
  pickers, inline panels, choosers) are written as inert JSON and run by a Stimulus
  controller from a static file instead (cms/admin_init.py, static/js/admin-init.js). See
  docs/security.md.
- recruitment form pages that show reCAPTCHA (keys configured): Google's reCAPTCHA hosts.
- every public page when an analytics ID is set: the Google Analytics hosts (but not the pages
  opened by an emailed link, which load no analytics: `capability_page`).
"""

from csp.middleware import CSPMiddleware

from cms.models import SiteSettings

ADMIN_PREFIX = "/admin/"

ADMIN_UPDATE = {
    "style-src": ["'unsafe-inline'"],
    "img-src": ["data:", "blob:"],
}
ADMIN_REPLACE = {"frame-ancestors": ["'self'"]}

RECAPTCHA_HOSTS = [
    "https://www.google.com/recaptcha/",
    "https://www.gstatic.com/recaptcha/",
    "https://www.recaptcha.net/recaptcha/",
]
RECAPTCHA_UPDATE = {
    "script-src": RECAPTCHA_HOSTS,
    "frame-src": RECAPTCHA_HOSTS,
    "connect-src": RECAPTCHA_HOSTS,
}

ANALYTICS_UPDATE = {
    "script-src": ["https://www.googletagmanager.com"],
    "connect-src": [
        "https://www.googletagmanager.com",
        "https://*.google-analytics.com",
        "https://*.analytics.google.com",
    ],
    "img-src": ["https://www.googletagmanager.com", "https://*.google-analytics.com"],
}

# Powerful features nobody here needs: off for this site and anything it embeds.
PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), "
    "magnetometer=(), microphone=(), midi=(), payment=(), usb=()"
)


def merge(*updates):
    """One directive update from several: the sources of each directive put together."""
    merged = {}
    for update in updates:
        for directive, sources in update.items():
            merged.setdefault(directive, [])
            merged[directive] += [s for s in sources if s not in merged[directive]]
    return merged


def shows_recaptcha(response):
    """True for a recruitment form page that renders the reCAPTCHA widget."""
    context = getattr(response, "context_data", None) or {}
    return bool(context.get("recaptcha_enabled"))


def is_capability_page(response):
    """True for a response to an emailed link or a page it opened (status, withdraw, come
    back, their redirects): it loads no analytics, so the policy does not allow its hosts
    either (set by recruitment/journey.py)."""
    return bool(getattr(response, "capability_page", False))


def site_has_analytics(request):
    """True when the site's settings carry an analytics ID (loaded only after consent)."""
    try:
        return bool(SiteSettings.for_request(request).analytics_id)
    except Exception:  # no site matches the host: nothing to allow
        return False


def is_html(response):
    return response.get("Content-Type", "").startswith("text/html")


class SecurityHeadersMiddleware(CSPMiddleware):
    """django-csp's middleware, with the per-page widening above and a Permissions-Policy."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        updates = [parts.update or {}]
        if request.path_info.startswith(ADMIN_PREFIX):
            updates.append(ADMIN_UPDATE)
            parts.replace = {**ADMIN_REPLACE, **(parts.replace or {})}
        elif is_html(response):
            if shows_recaptcha(response):
                updates.append(RECAPTCHA_UPDATE)
            if site_has_analytics(request) and not is_capability_page(response):
                updates.append(ANALYTICS_UPDATE)
        parts.update = merge(*updates)
        return parts

    def process_response(self, request, response):
        response = super().process_response(request, response)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return response
