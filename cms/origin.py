"""Whether a POST comes from a page of this site, by Django's own rule for the Origin header.

For a form that cannot carry the per-visitor CSRF token (a first page the page cache keeps
for everyone). `same_origin` follows `CsrfViewMiddleware._origin_verified` (Django 5.2) line
for line: the request's scheme and host exactly, or an origin in `CSRF_TRUSTED_ORIGINS`
(with its `*.` subdomain patterns, scheme included). It is copied, not called, because that
method is private; tests/security/test_origin.py checks both schemes and the trusted origins
against the middleware itself, so a change in Django shows there.

Where Django falls back to the Referer only over HTTPS (the token protects plain HTTP), a
form without a token has nothing else: with no Origin, the Referer's scheme and host must
pass the same rule, and with neither the request is refused.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.utils.http import is_same_domain


def _origin_allowed(request, origin):
    try:
        good_host = request.get_host()
    except DisallowedHost:
        pass
    else:
        good_origin = f"{'https' if request.is_secure() else 'http'}://{good_host}"
        if origin == good_origin:
            return True
    trusted = settings.CSRF_TRUSTED_ORIGINS
    if origin in {o for o in trusted if "*" not in o}:
        return True
    try:
        parsed = urlsplit(origin)
    except ValueError:
        return False
    return any(
        is_same_domain(parsed.netloc, urlsplit(o).netloc.lstrip("*"))
        for o in trusted
        if "*" in o and urlsplit(o).scheme == parsed.scheme
    )


def same_origin(request):
    """True when the request's Origin (else its Referer's scheme and host) is this site's or a
    trusted origin, as Django's CSRF check decides it."""
    origin = request.META.get("HTTP_ORIGIN")
    if origin is None:
        referer = request.META.get("HTTP_REFERER")
        if not referer:
            return False
        try:
            parts = urlsplit(referer)
        except ValueError:
            return False
        if not parts.scheme or not parts.netloc:
            return False
        origin = f"{parts.scheme}://{parts.netloc}"
    return _origin_allowed(request, origin)
