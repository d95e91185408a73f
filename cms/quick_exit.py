"""The quick exit's server side: leaving the site also ends this browser's visit.

The "Leave this site" button (templates/includes/quick_exit.html, static/js/quick-exit.js)
takes the visitor to the neutral address at once. It also tells us to forget this browser's
session, which is what links the browser to anything it started here (a recruitment draft,
the reference of what it just sent): after the exit, Back and a re-requested page show an
empty form or the start page, never answers. Nothing is deleted: a draft stays on the
server, and only the come-back link emailed to the applicant opens it again.

- With JavaScript, the page sends a beacon (a POST that outlives the page) here and leaves
  without waiting for it: `leave` answers 204.
- Without JavaScript, the button is a link here: `leave` forgets the session and redirects
  (302) to the site's quick-exit address, the only place it ever redirects to; nothing in
  the request can choose another.

It must never be what stops someone leaving, so every failure here (the database down, a
broken session store) is logged and the redirect still happens. Its path is one of
`page_cache.EXCLUDED_PREFIXES`, so neither the page cache nor the Site middleware (which
reads the database on a cache miss) runs for it, and it answers without the database.

A request from another site can at most end a visitor's own anonymous session, and not even
that: the session cookie is SameSite=Lax, so a cross-site POST arrives without it, and a
cross-site link (a top-level GET, which does carry it) is recognised by `Sec-Fetch-Site` and
only redirected.

A signed-in staff user stays signed in: their session keeps its sign-in (Django's and
two-factor's keys) and loses everything else, under a new session key. Logging staff out of
the admin because they tried the public site's button would surprise them, and what the exit
promises (no answers come back) holds all the same.
"""

import logging
from importlib import import_module

from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.http import HttpResponse, HttpResponseNotAllowed, HttpResponseRedirect
from django.utils.cache import add_never_cache_headers
from django.views.decorators.csrf import csrf_exempt
from django_otp import DEVICE_ID_SESSION_KEY

from .models import DEFAULT_QUICK_EXIT_URL, SiteSettings

logger = logging.getLogger(__name__)

# What a signed-in user's session keeps through an exit: being signed in, nothing else.
SIGN_IN_KEYS = frozenset(
    {SESSION_KEY, BACKEND_SESSION_KEY, HASH_SESSION_KEY, DEVICE_ID_SESSION_KEY}
)
# Sec-Fetch-Site values of a request made from a page of this site, or typed by the visitor.
OWN_FETCH_SITES = frozenset({"same-origin", "none"})


def exit_address(request):
    """The neutral site the quick exit goes to: the site's setting, or the default when the
    settings cannot be read (no matching site, the database down)."""
    try:
        return SiteSettings.for_request(request).quick_exit_url or DEFAULT_QUICK_EXIT_URL
    except Exception:
        logger.exception("Quick exit: the site settings could not be read; using the default")
        return DEFAULT_QUICK_EXIT_URL


def from_this_site(request):
    """False only when the browser says another site started this request. Browsers that
    send no Sec-Fetch-Site (older ones) are believed: the cookie's SameSite still holds."""
    fetch_site = request.headers.get("Sec-Fetch-Site")
    return fetch_site is None or fetch_site in OWN_FETCH_SITES


def forget_visit(request):
    """End this browser's visit: the session is flushed (its row deleted, the cookie removed
    from the browser), or, for a signed-in user, emptied of all but the sign-in. Never
    raises: when the session store fails, the browser is still told to drop its cookie."""
    session = getattr(request, "session", None)
    if session is None:
        return
    try:
        if SESSION_KEY in session:
            for key in [k for k in session.keys() if k not in SIGN_IN_KEYS]:
                del session[key]
            session.cycle_key()
        else:
            session.flush()
    except Exception:
        logger.exception("Quick exit: the session could not be ended on the server")
        # An empty session without a key: SessionMiddleware deletes the browser's cookie and
        # saves nothing, so the response needs no database either.
        request.session = import_module(settings.SESSION_ENGINE).SessionStore()


def _private(response):
    add_never_cache_headers(response)
    # Where the visitor was must not follow them to the neutral site.
    response["Referrer-Policy"] = "no-referrer"
    return response


@csrf_exempt
def leave(request):
    """GET (the link without JavaScript): forget the visit, then go to the quick-exit address.
    POST (the beacon the script sends as it leaves): forget the visit, answer 204."""
    if request.method not in ("GET", "HEAD", "POST"):
        return HttpResponseNotAllowed(["GET", "HEAD", "POST"])
    # HEAD changes nothing: link checkers use it, and nobody leaves by it.
    leaving = request.method != "HEAD" and from_this_site(request)
    if leaving:
        forget_visit(request)
    if request.method == "POST":
        response = HttpResponse(status=204)
    else:
        response = HttpResponseRedirect(exit_address(request))
    if leaving and SESSION_KEY not in getattr(request, "session", {}):
        # The CSRF cookie shows that a form of ours was opened: it goes with the visit (a
        # signed-in user keeps it, so an admin tab's form still sends).
        response.delete_cookie(
            settings.CSRF_COOKIE_NAME,
            path=settings.CSRF_COOKIE_PATH,
            domain=settings.CSRF_COOKIE_DOMAIN,
            samesite=settings.CSRF_COOKIE_SAMESITE,
        )
    return _private(response)
