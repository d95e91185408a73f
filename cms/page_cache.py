"""Whole-page cache for anonymous visitors: safe for per-visitor state, no stampede on publish.

What a page shows differs between visitors in only a few ways, and each is handled here:

- the cookie banner and analytics depend on the consent cookie: its parsed value (policy
  version and analytics choice, `consent.parse_consent`) is part of the cache key, so each
  choice has its own copy;
- messages (the cookie confirmation), a session (logged-in editors, recruiters, the userbar)
  or a form's CSRF token are per-visitor: a request carrying a session or messages cookie is
  never served from or stored in the cache, and a response that sets any cookie, used a CSRF
  token or says it is private / no-store / no-cache is never stored.

Only GET and HEAD requests for status 200 are cached, keyed on scheme, host, full path and
consent variant.

Freshness is two generation numbers kept in the cache itself, read with the page in one round
trip, so a purge reaches every app instance that shares the cache (Redis in production):

- publishing any page or saving site settings bumps the *content* generation. Every stored
  page becomes stale, not gone: the first request for it takes a single-flight lock
  (`cache.add`, shared by all instances) and renders it again, while everyone else is served
  the stale copy until the new one is stored. A publish costs one render per page, never a
  queue of visitors waiting on renders;
- unpublishing, moving or deleting a page bumps the *withdrawal* generation: stored copies of
  every page are then never served, not even stale, because one of them may show what was
  withdrawn. A page nobody has stored yet is rendered once: requests that find another worker
  rendering it wait (up to PAGE_CACHE_WAIT_SECONDS) for its copy instead of rendering too.

Stored responses say `Cache-Control: public, max-age=0, s-maxage=…, stale-while-revalidate=…`
and `Vary: Cookie`, so a CDN in front can keep them too (docs/performance.md says how to key
it); with a frontend cache configured, a publish also purges the listing pages the page
appears on (`purge_frontend_listings`).
"""

import hashlib
import secrets
import time
from contextvars import ContextVar
from dataclasses import dataclass

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.http import HttpResponse
from django.utils.cache import cc_delim_re, patch_vary_headers
from wagtail.contrib.frontend_cache.utils import PurgeBatch
from wagtail.images import get_image_model_string
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from .consent import parse_consent

GENERATION_KEY = "page-cache:generation"
WITHDRAWN_KEY = "page-cache:withdrawn"
HEADER = "X-Page-Cache"
# Paths that are never public pages, or that answer per visitor whatever their cookies. The
# quick exit's route is one, and must answer with the database down (cms/quick_exit.py): the
# Site middleware, which reads the database on a cache miss, leaves these alone too.
EXCLUDED_PREFIXES = (
    "/admin/",
    "/django-admin/",
    "/documents/",
    "/static/",
    "/media/",
    "/quick-exit/",
)
PRIVATE_DIRECTIVES = {"private", "no-store", "no-cache"}
# How often a request waiting for another worker's render looks for the stored page.
WAIT_POLL_SECONDS = 0.02

# The generations as this request first read them, so the fragments it uses need no further
# round trip to the shared cache to be checked: None outside a request (commands, tests calling
# a tag directly), UNREAD until the request first needs them.
_request_generations = ContextVar("page_cache_generations", default=None)
UNREAD = object()
# This process's own copy of the fragments it has used, keyed by name:
# (generation, withdrawal generation, value). A value is only served while both generations
# match what the request read from the shared cache, so every instance drops it on a publish.
LOCAL_LIMIT = 2000
_local = {}


def cache_seconds():
    """How long a page stays fresh; 0 turns the page cache off."""
    return settings.PAGE_CACHE_SECONDS


def consent_variant(request):
    """The consent cookie reduced to what a page can show from it: 'none' or 'v<version>-<0|1>'.

    Without the policy-version comparison, which needs the site settings (a query): two
    visitors with the same version and choice see the same page.
    """
    consent = parse_consent(request)
    if consent is None:
        return "none"
    return f"v{consent.version}-{int(consent.analytics)}"


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
    # Random, so a generation lost from the cache (evicted, Redis restarted, a test's cleared
    # cache) never comes back as an old number whose pages or fragments might still be kept.
    return secrets.randbits(62)


def _bump(key):
    try:
        cache.incr(key)
    except ValueError:
        cache.set(key, _fresh_generation(), timeout=None)
    if _request_generations.get() is not None:
        _request_generations.set(UNREAD)  # what this request renders next sees the change


def purge_all():
    """Mark every cached page stale, on every instance: each is rendered again once."""
    _bump(GENERATION_KEY)


def withdraw_all():
    """Never serve any stored page again, not even stale (something was taken down)."""
    _bump(WITHDRAWN_KEY)


def cache_key(request):
    """The key of this request's page: scheme, host, full path and consent variant."""
    raw = "|".join(
        (request.scheme, request.get_host(), request.get_full_path(), consent_variant(request))
    ).encode()
    return f"page-cache:page:{hashlib.sha256(raw).hexdigest()}"


@dataclass(frozen=True)
class Stored:
    """A stored page and the generations it was rendered under."""

    generation: int
    withdrawn: int
    stored_at: float
    status: int
    headers: list
    content: bytes


def _start_generations():
    """Both generations, created if the cache lost them (first use, eviction, restart)."""
    cache.add(GENERATION_KEY, _fresh_generation(), timeout=None)
    cache.add(WITHDRAWN_KEY, _fresh_generation(), timeout=None)
    found = cache.get_many([GENERATION_KEY, WITHDRAWN_KEY])
    return found.get(GENERATION_KEY), found.get(WITHDRAWN_KEY)


def read(key):
    """(content generation, withdrawal generation, servable stored page or None): one trip."""
    found = cache.get_many([GENERATION_KEY, WITHDRAWN_KEY, key])
    current, withdrawn = found.get(GENERATION_KEY), found.get(WITHDRAWN_KEY)
    if current is None or withdrawn is None:
        current, withdrawn = _start_generations()
        return current, withdrawn, None  # the generations were lost: nothing stored counts
    stored = found.get(key)
    if not isinstance(stored, Stored) or stored.withdrawn != withdrawn:
        stored = None
    return current, withdrawn, stored


def is_fresh(stored, current):
    return stored.generation == current and time.time() - stored.stored_at < cache_seconds()


def forget_local():
    """Empty this process's copy of the fragments (the shared cache keeps its own)."""
    _local.clear()


def forget(name):
    """Drop one kept value, here and in the shared cache (benchmarks measure its build)."""
    _local.pop(name, None)
    cache.delete(f"page-cache:fragment:{name}")


def _keep_local(name, current, withdrawn, value):
    if len(_local) >= LOCAL_LIMIT:
        _local.clear()
    _local[name] = (current, withdrawn, value)


def remember(name, build, timeout=None):
    """A value built once per generation and shared by every instance: the site chrome
    (settings, menu, rendered header and footer), listings and view restrictions.

    Within a request, the first use reads the generations (one cache round trip, with the
    value); after that a value this process already holds for those generations costs none.
    `timeout` (seconds) shortens how long the shared cache keeps it: for values keyed on what
    visitors type, which are many and each rarely asked again.
    """
    key = f"page-cache:fragment:{name}"
    generations = _request_generations.get()
    if isinstance(generations, tuple):
        local = _local.get(name)
        if local is not None and local[:2] == generations:
            return local[2]
        found = cache.get_many([key])
        current, withdrawn = generations
    else:
        found = cache.get_many([GENERATION_KEY, WITHDRAWN_KEY, key])
        current, withdrawn = found.get(GENERATION_KEY), found.get(WITHDRAWN_KEY)
        if current is None or withdrawn is None:
            current, withdrawn = _start_generations()
        if generations is UNREAD:
            _request_generations.set((current, withdrawn))
    stored = found.get(key)
    if stored is not None and stored[:2] == (current, withdrawn):
        value = stored[2]
    else:
        value = build()
        cache.set(key, (current, withdrawn, value), timeout or settings.PAGE_CACHE_STALE_SECONDS)
    if generations is not None:
        _keep_local(name, current, withdrawn, value)
    return value


def cdn_cache_control():
    """What a shared cache in front may do with a stored page."""
    return (
        f"public, max-age=0, s-maxage={cache_seconds()}, "
        f"stale-while-revalidate={settings.PAGE_CACHE_STALE_SECONDS}"
    )


def respond(stored, state):
    response = HttpResponse(stored.content, status=stored.status)
    for name, value in stored.headers:
        response[name] = value
    response[HEADER] = state
    return response


class PageCacheMiddleware:
    """Serve anonymous visitors' pages from the cache. Sits above the session, CSRF and
    messages middleware, so it sees every cookie they set before deciding to store."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _request_generations.set(UNREAD)
        try:
            return self.serve(request)
        finally:
            _request_generations.reset(token)

    def serve(self, request):
        if not cache_seconds() or not is_cacheable_request(request):
            return self.get_response(request)
        key = cache_key(request)
        current, withdrawn, stored = read(key)
        _request_generations.set((current, withdrawn))
        if stored is not None and is_fresh(stored, current):
            return respond(stored, "hit")
        lock = f"{key}:lock"
        if cache.add(lock, 1, timeout=settings.PAGE_CACHE_LOCK_SECONDS):
            try:
                return self.render_and_store(request, key, current, withdrawn)
            finally:
                cache.delete(lock)
        if stored is not None:
            return respond(stored, "stale")  # another worker is rendering the new copy
        waited = self.wait_for_other_render(key, lock, withdrawn)
        if waited is not None:
            return respond(waited, "hit")
        return self.get_response(request)

    def render_and_store(self, request, key, current, withdrawn):
        response = self.get_response(request)
        if not is_cacheable_response(request, response):
            # Whatever was stored (a page since unpublished, say) must not be served stale.
            cache.delete(key)
            return response
        if "Cache-Control" not in response:
            response["Cache-Control"] = cdn_cache_control()
        patch_vary_headers(response, ["Cookie"])
        headers = [(k, v) for k, v in response.items() if k.lower() != "set-cookie"]
        stored = Stored(
            current, withdrawn, time.time(), response.status_code, headers, response.content
        )
        timeout = cache_seconds() + settings.PAGE_CACHE_STALE_SECONDS
        cache.set(key, stored, timeout)
        response[HEADER] = "miss"
        return response

    def wait_for_other_render(self, key, lock, withdrawn):
        """The page another worker is rendering, once stored; None if it gave up or failed."""
        deadline = time.monotonic() + settings.PAGE_CACHE_WAIT_SECONDS
        while time.monotonic() < deadline:
            time.sleep(WAIT_POLL_SECONDS)
            found = cache.get_many([key, lock])
            stored = found.get(key)
            if isinstance(stored, Stored) and stored.withdrawn == withdrawn:
                return stored
            if lock not in found:
                return None  # it finished without storing (a 404, a form): render our own
        return None


def purge_frontend_listings(page):
    """Ask the frontend cache (CDN) to purge the pages that list this page.

    Wagtail's frontend cache app purges the page itself; its live ancestors below the root
    (the home page, the news index with its feeds — their `get_cached_paths`) and the sitemap
    list it too.
    """
    if not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return
    batch = PurgeBatch()
    ancestors = page.get_ancestors().live().filter(depth__gte=2).specific()
    batch.add_pages(ancestors)
    site = page.get_site()
    if site is not None:
        batch.add_url(site.root_url + "/sitemap.xml")
    batch.purge()


def _on_publish(sender, instance, **kwargs):
    purge_all()
    purge_frontend_listings(instance)


def _on_withdraw(sender, instance=None, **kwargs):
    if instance is None or isinstance(instance, Page | PageViewRestriction | Site):
        withdraw_all()
        if isinstance(instance, Page) and kwargs.get("signal") is page_unpublished:
            purge_frontend_listings(instance)


def _on_shared_change(sender, **kwargs):
    purge_all()


def _on_settings_change(sender, created=False, **kwargs):
    # Settings are created with their defaults on the first page view (`for_site`), which
    # every page rendered so far already showed: only an edit changes pages.
    if not created:
        purge_all()


def connect_purge_signals():
    """Stale on publish, site-settings, area and image saves; withdrawn on unpublish, move,
    delete, Site and view-restriction changes."""
    page_published.connect(_on_publish, dispatch_uid="page_cache_published")
    page_unpublished.connect(_on_withdraw, dispatch_uid="page_cache_unpublished")
    post_page_move.connect(_on_withdraw, dispatch_uid="page_cache_moved")
    post_delete.connect(_on_withdraw, dispatch_uid="page_cache_deleted")
    post_save.connect(
        _on_settings_change, sender="cms.SiteSettings", dispatch_uid="page_cache_settings"
    )
    post_save.connect(_on_shared_change, sender="cms.Area", dispatch_uid="page_cache_area")
    # Kept pages and fragments name an image's renditions: a new file or focal point (which
    # deletes the old renditions) must not leave them pointing at files that are gone.
    image_model = get_image_model_string()
    post_save.connect(_on_shared_change, sender=image_model, dispatch_uid="page_cache_image")
    post_delete.connect(_on_shared_change, sender=image_model, dispatch_uid="page_cache_image_gone")
    # A site's host, port or root page decides what every page links to and routes from.
    post_save.connect(_on_withdraw, sender="wagtailcore.Site", dispatch_uid="page_cache_site")
    # A new restriction must never leave a cached copy of a page it now covers.
    post_save.connect(_on_withdraw, sender=PageViewRestriction, dispatch_uid="page_cache_restrict")
