"""Whole-page cache for anonymous visitors, safe for per-visitor state, purged on publish.

What a page shows differs between visitors in only a few ways, and each is handled here:

- the cookie banner and analytics depend on the consent cookie: its parsed value (policy
  version and analytics choice) is part of the cache key, so each choice has its own copy;
- messages (the cookie confirmation), a session (logged-in editors, recruiters, the userbar)
  or a form's CSRF token are per-visitor: a request carrying a session or messages cookie is
  never served from or stored in the cache, and a response that sets any cookie, used a CSRF
  token or says it is private / no-store / no-cache is never stored.

Only GET and HEAD requests for status 200 are cached. Purging is a generation number kept in
the cache itself: every key includes it, and publishing, unpublishing, moving or deleting a
page (or changing site settings) increments it, so the purge reaches every app instance that
shares the cache (Redis in production). Old entries simply expire.
"""

import hashlib
import json
import time
from urllib.parse import unquote

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.http import HttpResponse
from django.utils.cache import cc_delim_re

from .consent import CONSENT_COOKIE

GENERATION_KEY = "page-cache:generation"
HEADER = "X-Page-Cache"
# Paths that are never public pages, or that answer per visitor whatever their cookies.
EXCLUDED_PREFIXES = ("/admin/", "/django-admin/", "/documents/", "/static/", "/media/")
PRIVATE_DIRECTIVES = {"private", "no-store", "no-cache"}


def cache_seconds():
    """How long a page stays cached; 0 turns the page cache off."""
    return getattr(settings, "PAGE_CACHE_SECONDS", 0)


def consent_variant(request):
    """The consent cookie reduced to what a page can show from it: 'none' or 'v<version>-<0|1>'.

    Mirrors `consent.read_consent` without the policy-version comparison, which needs the
    site settings (a query); two visitors with the same version and choice see the same page.
    """
    raw = request.COOKIES.get(CONSENT_COOKIE)
    if not raw:
        return "none"
    try:
        data = json.loads(unquote(raw))
        version = int(data["v"])
        analytics = data["analytics"]
    except (ValueError, TypeError, KeyError):
        return "none"
    if not isinstance(analytics, bool):
        return "none"
    return f"v{version}-{int(analytics)}"


def is_cacheable_request(request):
    """Whether this request may be answered from, or stored in, the shared page cache."""
    if request.method not in ("GET", "HEAD"):
        return False
    if request.path.startswith(EXCLUDED_PREFIXES):
        return False
    cookies = request.COOKIES
    if settings.SESSION_COOKIE_NAME in cookies or CookieStorage.cookie_name in cookies:
        return False
    return "HTTP_AUTHORIZATION" not in request.META


def is_cacheable_response(request, response):
    """Whether a response is the same for every visitor with this request's cache key."""
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    # The CSRF middleware marks a request whose token was used (a form): per visitor.
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        return False
    directives = {
        d.split("=")[0].strip().lower()
        for d in cc_delim_re.split(response.get("Cache-Control", ""))
        if d
    }
    return not directives & PRIVATE_DIRECTIVES


def _fresh_generation():
    # Started from the clock, so a generation lost from the cache (evicted, Redis restarted)
    # never comes back as an old number whose pages might still be stored.
    return int(time.time() * 1000)


def generation():
    """The current purge generation, shared by every instance that uses the same cache."""
    value = cache.get(GENERATION_KEY)
    if value is None:
        cache.add(GENERATION_KEY, _fresh_generation(), timeout=None)
        value = cache.get(GENERATION_KEY) or _fresh_generation()
    return value


def purge_all():
    """Forget every cached page, on every instance that shares the cache."""
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, _fresh_generation(), timeout=None)


def cache_key(request):
    """The key of this request's page: generation, host, full path and consent variant."""
    raw = "|".join((request.get_host(), request.get_full_path(), consent_variant(request))).encode()
    return f"page-cache:{generation()}:{hashlib.sha256(raw).hexdigest()}"


class PageCacheMiddleware:
    """Serve anonymous visitors' pages from the cache. Sits above the session, CSRF and
    messages middleware, so it sees every cookie they set before deciding to store."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        seconds = cache_seconds()
        if not seconds or not is_cacheable_request(request):
            return self.get_response(request)
        key = cache_key(request)
        stored = cache.get(key)
        if stored is not None:
            status, headers, content = stored
            response = HttpResponse(content, status=status)
            for name, value in headers:
                response[name] = value
            response[HEADER] = "hit"
            return response
        response = self.get_response(request)
        if is_cacheable_response(request, response):
            headers = [(k, v) for k, v in response.items() if k.lower() != "set-cookie"]
            cache.set(key, (response.status_code, headers, response.content), seconds)
            response[HEADER] = "miss"
        return response


def _purge_on_page_change(sender, instance=None, **kwargs):
    # Any page change can alter menus, listings and the home page: purge them all.
    from wagtail.models import Page

    if instance is None or isinstance(instance, Page):
        purge_all()


def _purge_on_settings_change(sender, **kwargs):
    purge_all()


def connect_purge_signals():
    """Purge on publish, unpublish, move and delete of any page, and on site settings saves."""
    from django.db.models.signals import post_delete, post_save
    from wagtail.signals import page_published, page_unpublished, post_page_move

    from .models import SiteSettings

    page_published.connect(_purge_on_page_change, dispatch_uid="page_cache_published")
    page_unpublished.connect(_purge_on_page_change, dispatch_uid="page_cache_unpublished")
    post_page_move.connect(_purge_on_page_change, dispatch_uid="page_cache_moved")
    post_delete.connect(_purge_on_page_change, dispatch_uid="page_cache_deleted")
    post_save.connect(
        _purge_on_settings_change, sender=SiteSettings, dispatch_uid="page_cache_settings"
    )
