"""The shared cache (Redis) as an accelerator, never a dependency.

Django's `RedisCache` raises on every call while Redis is unreachable, so a Redis outage
turned every page into a 500. `ResilientRedisCache` is that backend with three additions:

- a failed call is answered as the cache would answer when empty: a read misses, a write
  stores nothing, `add` adds nothing, `incr` finds no key. With `"FALLBACK": "local"` a
  call is answered by a per-process local-memory cache instead (the rate limit's counters:
  per process while Redis is away, see recruitment/README.md);
- a circuit breaker: after a failure nothing is sent to Redis for `BREAKER_SECONDS`
  (default 5), so a down or black-holed Redis costs one short timeout per process every few
  seconds, not one per call. Then one call tries again; the first success closes it, and
  full speed is back with no restart;
- a failure is logged at most once a minute per process and alias (warning), the recovery
  once (info), and counted for the health page (`cms/health.py`, `status()`).

The connection's own timeouts (`socket_connect_timeout`, `socket_timeout` in OPTIONS, from
REDIS_CONNECT_TIMEOUT_MS and REDIS_TIMEOUT_MS) bound what the one trying call can cost.

Why not django-redis: its IGNORE_EXCEPTIONS swallows errors but logs each one (a log line per
call), tries the network on every call (no breaker), and answers `add` with None; we would
still need the breaker, the counting and the fallback. This is a thin layer over the backend
Django ships, with no new dependency.
"""

import logging
import threading
import time

from django.core.cache.backends.locmem import LocMemCache
from django.core.cache.backends.redis import RedisCache

logger = logging.getLogger(__name__)

# How often, at most, a process logs that an alias is still unreachable.
LOG_EVERY_SECONDS = 60
DEFAULT_BREAKER_SECONDS = 5
# Compare and delete in one step on the server: only the lock's owner releases it.
DELETE_IF_EQUAL = """
if redis.call('get', KEYS[1]) == ARGV[1] then
    return redis.call('del', KEYS[1])
end
return 0
"""

_MISSING = object()


class ResilientRedisCache(RedisCache):
    """Django's RedisCache that answers as an empty (or per-process) cache while Redis is
    unreachable, tries it again every few seconds, and keeps count of its failures."""

    def __init__(self, server, params):
        options = dict(params.get("OPTIONS", {}))
        self.breaker_seconds = float(options.pop("BREAKER_SECONDS", DEFAULT_BREAKER_SECONDS))
        fallback = options.pop("FALLBACK", None)
        super().__init__(server, {**params, "OPTIONS": options})
        self.alias_name = params.get("ALIAS", "")
        self.fallback = (
            LocMemCache(f"shared-cache-fallback-{id(self)}", {"MAX_ENTRIES": 10_000})
            if fallback == "local"
            else None
        )
        self.failures = 0  # calls that found Redis unreachable, since this process started
        self.bypassed = 0  # calls answered without trying Redis (breaker open)
        self._open_until = 0.0
        self._last_logged = None
        self._down = False
        self._lock = threading.Lock()

    # --- the breaker -------------------------------------------------------------------

    def is_open(self):
        """True while calls skip Redis because one failed less than BREAKER_SECONDS ago."""
        return time.monotonic() < self._open_until

    def _failed(self, error):
        now = time.monotonic()
        with self._lock:
            self.failures += 1
            self._open_until = now + self.breaker_seconds
            self._down = True
            due = self._last_logged is None or now - self._last_logged >= LOG_EVERY_SECONDS
            if due:
                self._last_logged = now
        if due:
            logger.warning(
                "Shared cache %r unreachable (%s: %s); serving without it, %d failed calls "
                "in this process so far. Next try in %ss.",
                self.alias_name,
                type(error).__name__,
                error,
                self.failures,
                self.breaker_seconds,
            )

    def _succeeded(self):
        if self._down:
            with self._lock:
                was_down, self._down, self._last_logged = self._down, False, None
            if was_down:
                logger.info("Shared cache %r reachable again.", self.alias_name)

    def _call(self, name, args, kwargs, when_down):
        """Run the backend's method; while Redis is unreachable, the fallback's or `when_down`."""
        import redis

        if self.is_open():
            self.bypassed += 1
        else:
            try:
                result = getattr(super(), name)(*args, **kwargs)
            except redis.RedisError as error:
                self._failed(error)
            else:
                self._succeeded()
                return result
        if self.fallback is not None:
            return getattr(self.fallback, name)(*args, **kwargs)
        if when_down is _MISSING:
            raise ValueError("The shared cache is unreachable: no such key.")  # as incr does
        return when_down(*args, **kwargs) if callable(when_down) else when_down

    def reachable(self):
        """Whether Redis answers now (a PING; no network while the breaker is open)."""
        if self.is_open():
            return False
        import redis

        try:
            self._cache.get_client(write=True).ping()
        except redis.RedisError as error:
            self._failed(error)
            return False
        self._succeeded()
        return True

    # --- the cache API -----------------------------------------------------------------

    def add(self, *args, **kwargs):
        return self._call("add", args, kwargs, False)

    def get(self, key, default=None, version=None):
        return self._call("get", (key, default, version), {}, default)

    def set(self, *args, **kwargs):
        return self._call("set", args, kwargs, None)

    def touch(self, *args, **kwargs):
        return self._call("touch", args, kwargs, False)

    def delete(self, *args, **kwargs):
        return self._call("delete", args, kwargs, False)

    def get_many(self, *args, **kwargs):
        return self._call("get_many", args, kwargs, lambda *a, **k: {})

    def has_key(self, *args, **kwargs):
        return self._call("has_key", args, kwargs, False)

    def incr(self, *args, **kwargs):
        return self._call("incr", args, kwargs, _MISSING)

    def set_many(self, *args, **kwargs):
        return self._call("set_many", args, kwargs, lambda data, *a, **k: list(data))

    def delete_many(self, *args, **kwargs):
        return self._call("delete_many", args, kwargs, None)

    def clear(self):
        if self.fallback is not None:
            self.fallback.clear()
        return self._call("clear", (), {}, False)

    def delete_if_equal(self, key, value, version=None):
        """Delete `key` only while it still holds `value` (an int), atomically on the server:
        a lock is released by its owner, never by a request whose lock had expired."""
        import redis

        if self.is_open():
            self.bypassed += 1
            return False
        full_key = self.make_and_validate_key(key, version=version)
        try:
            client = self._cache.get_client(full_key, write=True)
            deleted = client.eval(DELETE_IF_EQUAL, 1, full_key, str(value))
        except redis.RedisError as error:
            self._failed(error)
            return False
        self._succeeded()
        return bool(deleted)


def delete_if_equal(cache, key, value):
    """Delete `key` if it holds `value`: atomically where the backend can (Redis); elsewhere
    (local memory: one process, tests) read then delete, where another request's `add` could
    fall between the two, so a lock could be released early once in a while -- the cost is one
    extra render, never a wrong page."""
    if hasattr(cache, "delete_if_equal"):
        return cache.delete_if_equal(key, value)
    if cache.get(key) == value:
        return cache.delete(key)
    return False


def status(cache):
    """What the health page says of one cache: reachable now, and failures since start."""
    if not isinstance(cache, ResilientRedisCache):
        return {"shared": False, "reachable": True, "failures": 0, "bypassed": 0}
    return {
        "shared": True,
        "reachable": cache.reachable(),
        "failures": cache.failures,
        "bypassed": cache.bypassed,
    }
