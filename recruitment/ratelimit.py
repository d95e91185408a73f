"""A per-client limit on form submissions, counted in the shared cache (Redis in production)."""

import hashlib
import time

from django.conf import settings
from django.core.cache import cache

from cms.client_ip import client_address


def allow(request, scope):
    """Count this request against the client's limit for scope; False once over the limit."""
    limit = settings.RECRUITMENT_RATE_LIMIT
    if limit <= 0:
        return True
    window = settings.RECRUITMENT_RATE_LIMIT_WINDOW
    client = hashlib.sha256(client_address(request).encode()).hexdigest()[:32]
    key = f"recruitment:ratelimit:{scope}:{client}:{int(time.time() // window)}"
    cache.add(key, 0, timeout=window)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=window)
        count = 1
    return count <= limit
