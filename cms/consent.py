"""Cookie consent: one first-party cookie that records the visitor's choice and policy version.

The cookie holds URL-encoded JSON such as {"v": 1, "analytics": false}. A choice made under
an older policy version counts as no choice, so raising the version asks everyone again.
"""

import json
from dataclasses import dataclass
from urllib.parse import quote, unquote

from django.utils.http import url_has_allowed_host_and_scheme

CONSENT_COOKIE = "bluelamp_consent"
CONSENT_MAX_AGE = 365 * 24 * 60 * 60
# Cookies that analytics sets and that a reject must remove.
ANALYTICS_COOKIE_PREFIXES = ("_ga", "_gid", "_gat")


@dataclass(frozen=True)
class Consent:
    version: int
    analytics: bool


def parse_consent(request):
    """The choice the consent cookie records, whatever its policy version; None if unreadable.

    The page cache keys on this without the site settings (a query); `read_consent` adds the
    policy-version check.
    """
    raw = request.COOKIES.get(CONSENT_COOKIE)
    if not raw:
        return None
    try:
        data = json.loads(unquote(raw))
        version = int(data["v"])
        analytics = data["analytics"]
    except (ValueError, TypeError, KeyError):
        return None
    if not isinstance(analytics, bool):
        return None
    return Consent(version=version, analytics=analytics)


def read_consent(request, policy_version):
    """The visitor's current choice, or None when they have not chosen under this policy."""
    consent = parse_consent(request)
    if consent is None or consent.version < policy_version:
        return None
    return consent


def save_consent(request, response, *, analytics, policy_version):
    """Record the choice on the response; a reject also expires analytics cookies."""
    value = quote(json.dumps({"v": policy_version, "analytics": analytics}, separators=(",", ":")))
    response.set_cookie(
        CONSENT_COOKIE,
        value,
        max_age=CONSENT_MAX_AGE,
        secure=request.is_secure(),
        httponly=True,
        samesite="Lax",
    )
    if not analytics:
        for name in request.COOKIES:
            if name.startswith(ANALYTICS_COOKIE_PREFIXES):
                response.delete_cookie(name)
    return Consent(version=policy_version, analytics=analytics)


def safe_next_path(request, candidate, fallback="/"):
    """Return candidate only if it is a path on this site; anything else gives the fallback."""
    if not candidate or not candidate.startswith("/") or candidate.startswith("//"):
        return fallback
    if "\\" in candidate or any(ord(ch) < 32 for ch in candidate):
        return fallback
    if not url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return fallback
    return candidate
