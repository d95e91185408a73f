"""The client's address as this deployment sees it, for every per-client rule.

The admin login lockout (django-axes, AXES_CLIENT_IP_CALLABLE) and the recruitment forms'
rate limit both count per client; both ask here, so a proxy change is configured once
(RECRUITMENT_CLIENT_IP_HEADER).
"""

from django.conf import settings


def client_address(request):
    """The client's address; behind a proxy, the last hop it appended to the configured header."""
    value = request.META.get(settings.RECRUITMENT_CLIENT_IP_HEADER) or request.META.get(
        "REMOTE_ADDR", ""
    )
    return value.split(",")[-1].strip()
