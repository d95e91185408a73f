"""Values every page template needs for the quick exit, consent and phase banners."""

from django.utils.functional import SimpleLazyObject

from .consent import read_consent
from .models import SiteSettings


class SiteChrome:
    """What the shared banners show for this request, worked out on first use only."""

    def __init__(self, request):
        self.settings = SiteSettings.for_request(request)
        self.consent = read_consent(request, self.settings.cookie_policy_version)

    @property
    def show_cookie_banner(self):
        return self.consent is None

    @property
    def analytics_id(self):
        """The analytics ID, only when the visitor has accepted additional cookies."""
        if self.consent and self.consent.analytics:
            return self.settings.analytics_id
        return ""

    @property
    def quick_exit_url(self):
        return self.settings.quick_exit_url

    @property
    def keep_visit_out_of_history(self):
        return self.settings.keep_visit_out_of_history


def site_chrome(request):
    return {"chrome": SimpleLazyObject(lambda: SiteChrome(request))}
