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
trip, so a purge reaches every app instance that shares the cache (Redis in production). A
change moves a generation at once and again when its transaction commits: a visitor's
request in between (Wagtail publishes inside a transaction on a workflow approval, deletes
run inside one) may render what the database still shows to others, the old page, and store
it under the new generation; the move at commit makes that copy stale too. Every model whose
data public pages show starts a generation from one list (cms/public_models.py):

- publishing any page or saving site settings bumps the *content* generation. Every stored
  page becomes stale, not gone: the first request for it takes a single-flight lock
  (`cache.add`, shared by all instances) and renders it again, while everyone else is served
  the stale copy until the new one is stored. A publish costs one render per page, never a
  queue of visitors waiting on renders;
- unpublishing, moving or deleting a page bumps the *withdrawal* generation: stored copies of
  every page are then never served, not even stale, because one of them may show what was
  withdrawn. A page nobody has stored yet is rendered once: requests that find another worker
  rendering it wait (up to PAGE_CACHE_WAIT_SECONDS) for its copy instead of rendering too.

The shared cache is an accelerator: while it is unreachable (cms/shared_cache.py answers as
an empty cache) every page is rendered and nothing is kept, and a generation move that could
not be written is written again by this process once the cache answers.

Stored responses say `Cache-Control: public, max-age=0, s-maxage=…, stale-while-revalidate=…`
and `Vary: Cookie`, so a CDN in front can keep them too (docs/performance.md says how to key
it); with a frontend cache configured, a publish also purges the listing pages the page
appears on (`purge_frontend_listings`).
"""

import hashlib
import secrets
import threading
import time
from collections import OrderedDict
from contextvars import ContextVar
from dataclasses import dataclass

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.http import HttpResponse
from django.utils.cache import cc_delim_re, patch_vary_headers
from wagtail.contrib.frontend_cache.utils import PurgeBatch
from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

from . import public_models
from .consent import parse_consent
from .shared_cache import delete_if_equal

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
# This process's own copy of the fragments it has used (LocalCopies below): at most
# LOCAL_LIMIT values, the least recently used dropped first, none older than LOCAL_SECONDS.
LOCAL_LIMIT = 2000
LOCAL_SECONDS = 60
MISSING = object()


class LocalCopies:
    """A bounded LRU of values with a time limit, shared by the threads of one process.

    A value is only served while both generations match what the request read from the
    shared cache, so every instance drops it on a publish; the time limit bounds what a value
    built from rows that were about to change can cost, and the bound what values keyed on
    visitors' words (search) can take, without emptying the whole copy when it is full.
    """

    def __init__(self):
        self._values = OrderedDict()
        self._lock = threading.Lock()

    def __len__(self):
        return len(self._values)

    def __contains__(self, name):
        return name in self._values

    def get(self, name, generations):
        """The value kept for `name` under these generations, or MISSING."""
        with self._lock:
            entry = self._values.get(name)
            if entry is None:
                return MISSING
            kept_at, kept_generations, value = entry
            if time.monotonic() - kept_at >= LOCAL_SECONDS:
                del self._values[name]
                return MISSING
            if kept_generations != generations:
                return MISSING
            self._values.move_to_end(name)
            return value

    def keep(self, name, generations, value):
        with self._lock:
            self._values[name] = (time.monotonic(), generations, value)
            self._values.move_to_end(name)
            while len(self._values) > LOCAL_LIMIT:
                self._values.popitem(last=False)

    def pop(self, name):
        with self._lock:
            self._values.pop(name, None)

    def clear(self):
        with self._lock:
            self._values.clear()


_local = LocalCopies()
# Generation keys whose move could not be written while the shared cache was unreachable:
# written by this process as soon as it answers again.
_missed = set()


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


def _calls_without_shared_cache():
    # What cms/shared_cache.py counts: calls that failed, or skipped Redis while it was down.
    return getattr(cache, "failures", 0) + getattr(cache, "bypassed", 0)


def _move(key):
    before = _calls_without_shared_cache()
    try:
        cache.incr(key)
    except ValueError:
        cache.set(key, _fresh_generation(), timeout=None)
    if _calls_without_shared_cache() != before:
        _missed.add(key)  # not written: written again once the shared cache answers
    else:
        _missed.discard(key)
    if _request_generations.get() is not None:
        _request_generations.set(UNREAD)  # what this request renders next sees the change


def _write_missed():
    for key in list(_missed):
        _move(key)
        if key in _missed:
            return  # still unreachable


def _bump(key):
    """Move a generation now, and again when the current transaction commits (a request in
    between may have stored what the database showed before the change)."""
    _move(key)
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(lambda: _move(key))


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
    """(content generation, withdrawal generation, servable stored page or None): one trip.

    The generations are None while the shared cache is unreachable."""
    if _missed:
        _write_missed()
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
    _local.pop(name)
    cache.delete(f"page-cache:fragment:{name}")


def remember(name, build, timeout=None):
    """A value built once per generation and shared by every instance: the site chrome
    (settings, menu, rendered header and footer), listings and view restrictions.

    Within a request, the first use reads the generations (one cache round trip, with the
    value); after that a value this process already holds for those generations costs none.
    `timeout` (seconds) shortens how long the shared cache keeps it: for values keyed on what
    visitors type, which are many and each rarely asked again. While the shared cache is
    unreachable the value is built on every use and kept nowhere.
    """
    key = f"page-cache:fragment:{name}"
    generations = _request_generations.get()
    if isinstance(generations, tuple):
        local = _local.get(name, generations)
        if local is not MISSING:
            return local
        found = cache.get_many([key])
        current, withdrawn = generations
    else:
        if _missed:
            _write_missed()
        found = cache.get_many([GENERATION_KEY, WITHDRAWN_KEY, key])
        current, withdrawn = found.get(GENERATION_KEY), found.get(WITHDRAWN_KEY)
        if current is None or withdrawn is None:
            current, withdrawn = _start_generations()
        if current is None or withdrawn is None:
            return build()  # the shared cache is unreachable
        if generations is UNREAD:
            _request_generations.set((current, withdrawn))
    stored = found.get(key)
    if stored is not None and stored[:2] == (current, withdrawn):
        value = stored[2]
    else:
        value = build()
        cache.set(key, (current, withdrawn, value), timeout or settings.PAGE_CACHE_STALE_SECONDS)
    if generations is not None:
        _local.keep(name, (current, withdrawn), value)
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
        # Django's own host check before any work of ours: a forged or missing Host raises
        # DisallowedHost here, which Django answers with the 400 page (cms/errors.py).
        request.get_host()
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
        if current is None or withdrawn is None:
            return self.get_response(request)  # the shared cache is unreachable: keep nothing
        _request_generations.set((current, withdrawn))
        if stored is not None and is_fresh(stored, current):
            return respond(stored, "hit")
        lock = f"{key}:lock"
        # The lock holds a token of this request's own: released only by its owner, never by a
        # render that outlived PAGE_CACHE_LOCK_SECONDS and finds another worker's lock there.
        owner = secrets.randbits(62)
        if cache.add(lock, owner, timeout=settings.PAGE_CACHE_LOCK_SECONDS):
            try:
                return self.render_and_store(request, key, current, withdrawn)
            finally:
                delete_if_equal(cache, lock, owner)
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


def _on_page_withdrawn(sender, instance=None, **kwargs):
    withdraw_all()
    if kwargs.get("signal") is page_unpublished:
        purge_frontend_listings(instance)


def _on_page_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page):
        withdraw_all()


def _on_shown_saved(sender, created=False, raw=False, **kwargs):
    # Settings are created with their defaults on the first page view (`for_site`), which
    # every page rendered so far already showed: only an edit changes pages.
    if raw or (created and issubclass(sender, BaseSiteSetting | BaseGenericSetting)):
        return
    purge_all()


def _on_withdrawing_change(sender, raw=False, **kwargs):
    if not raw:
        withdraw_all()


def connect_purge_signals():
    """Stale on publish and on saving what cms/public_models.py lists as SHOWN; withdrawn on
    unpublish, move and page delete, on deleting a SHOWN row, and on any change to what it
    lists as DECIDES_WHAT_IS_SHOWN. Each moves the generation now and at commit (`_bump`)."""
    page_published.connect(_on_publish, dispatch_uid="page_cache_published")
    page_unpublished.connect(_on_page_withdrawn, dispatch_uid="page_cache_unpublished")
    post_page_move.connect(_on_page_withdrawn, dispatch_uid="page_cache_moved")
    post_delete.connect(_on_page_deleted, dispatch_uid="page_cache_page_deleted")
    for label in public_models.SHOWN:
        post_save.connect(_on_shown_saved, sender=label, dispatch_uid=f"page_cache_save:{label}")
        post_delete.connect(
            _on_withdrawing_change, sender=label, dispatch_uid=f"page_cache_delete:{label}"
        )
    for label in public_models.DECIDES_WHAT_IS_SHOWN:
        for signal in (post_save, post_delete):
            signal.connect(
                _on_withdrawing_change, sender=label, dispatch_uid=f"page_cache_decides:{label}"
            )
