"""/health/: whether this instance can serve, for load balancers and monitoring.

JSON with no personal data and no addresses: whether the database answers (503 when it does
not: nothing can be served), and for each cache alias whether it is reachable now and how
many calls found it unreachable since this process started (cms/shared_cache.py). A cache
down makes the status "degraded", still 200: pages are served, more slowly.

Open to anyone, like /robots.txt: it tells only what a visitor would notice anyway (slow
pages), costs one database round trip and one PING per alias (none while a breaker is open),
and is never cached. The counts are this process's (a gunicorn worker's), since its start.
"""

from django.conf import settings
from django.core.cache import caches
from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.utils.cache import add_never_cache_headers

from . import shared_cache


def database_answers():
    """Whether the default database answers a trivial query now."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return False
    return True


def health(request):
    """The instance's health as JSON: 200 "ok" or "degraded", 503 "down"."""
    database = database_answers()
    cache_states = {alias: shared_cache.status(caches[alias]) for alias in settings.CACHES}
    if not database:
        state = "down"
    elif all(c["reachable"] for c in cache_states.values()):
        state = "ok"
    else:
        state = "degraded"
    response = JsonResponse(
        {"status": state, "database": {"reachable": database}, "caches": cache_states},
        status=200 if database else 503,
    )
    add_never_cache_headers(response)
    return response
