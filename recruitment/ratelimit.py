"""A per-client limit that stops abuse but never a genuine applicant.

It counts what costs us or signals a bot (accepted submissions, a filled honeypot, a failed
reCAPTCHA, emailed links asked for, drafts started), never the pages of a journey or a
corrected mistake: twenty people behind one school or office address can each start and send
one application in the same hour. Counted in its own cache alias, "ratelimit" (Redis in
production), per hashed client address, so page copies can never evict the counters. While
Redis is unreachable the counts are kept per process (cms/shared_cache.py): the limit fails
open to a per-process limit, never to none and never to refusing applicants
(recruitment/README.md).
"""

import hashlib
import time

from django.conf import settings
from django.core.cache import caches

from cms.client_ip import client_address


def _counters():
    return caches["ratelimit"]


def _key(request, scope):
    window = settings.RECRUITMENT_RATE_LIMIT_WINDOW
    client = hashlib.sha256(client_address(request).encode()).hexdigest()[:32]
    return f"recruitment:ratelimit:{scope}:{client}:{int(time.time() // window)}", window


def drafts_scope(queue_key):
    """The scope that counts drafts started on one queue's form."""
    return f"drafts-{queue_key}"


def limit_for(scope):
    """How many counted events a client may cause per window in scope."""
    if scope == "links":
        return settings.RECRUITMENT_LINK_RATE_LIMIT
    if scope.startswith("drafts-"):
        return settings.RECRUITMENT_DRAFT_RATE_LIMIT
    return settings.RECRUITMENT_RATE_LIMIT


def limited(request, scope):
    """True when this client has used up its limit in scope (this request is not counted)."""
    limit = limit_for(scope)
    if limit <= 0:
        return False
    key, _window = _key(request, scope)
    return (_counters().get(key) or 0) >= limit


def count(request, scope):
    """Count one event (an accepted submission, a spam signal, a link sent) for this client."""
    key, window = _key(request, scope)
    counters = _counters()
    counters.add(key, 0, timeout=window)
    try:
        counters.incr(key)
    except ValueError:  # expired between add and incr
        counters.set(key, 1, timeout=window)
