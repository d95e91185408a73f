"""The shared cache backend: Redis down answers as an empty cache, fast, logged once a minute,
counted, and full speed comes back without a restart (cms/shared_cache.py)."""

import logging
import socket
import time

import pytest
import redis
from django.core.cache.backends.redis import RedisCacheClient

from cms import shared_cache
from cms.shared_cache import ResilientRedisCache

CLOSED_PORT = "redis://127.0.0.1:1/"  # nothing listens there


def backend(location=CLOSED_PORT, **options):
    return ResilientRedisCache(
        location,
        {
            "ALIAS": "test",
            "OPTIONS": {"socket_connect_timeout": 0.25, "socket_timeout": 0.25, **options},
        },
    )


class FlakyClient(RedisCacheClient):
    """Django's Redis client over a dict, that fails like a down Redis while `down` is set."""

    def __init__(self):
        self.data, self.down, self.calls = {}, False, 0

    def _check(self):
        self.calls += 1
        if self.down:
            raise redis.ConnectionError("Error 111 connecting to 127.0.0.1:6379.")

    def get(self, key, default):
        self._check()
        return self.data.get(key, default)

    def set(self, key, value, timeout):
        self._check()
        self.data[key] = value

    def add(self, key, value, timeout):
        self._check()
        return self.data.setdefault(key, value) is value

    def incr(self, key, delta):
        self._check()
        if key not in self.data:
            raise ValueError(key)
        self.data[key] += delta
        return self.data[key]

    def get_many(self, keys):
        self._check()
        return {k: self.data[k] for k in keys if k in self.data}

    def get_client(self, key=None, *, write=False):
        self._check()
        return self

    def ping(self):
        return True


def flaky_backend(**options):
    cache = backend("redis://cache.invalid:6379/", **options)
    cache.__dict__["_cache"] = FlakyClient()  # in place of the cached_property's client
    return cache


def test_a_closed_port_answers_as_an_empty_cache_and_is_counted():
    cache = backend()
    assert cache.get("page", "missing") == "missing"
    assert cache.get_many(["a", "b"]) == {}
    assert cache.add("lock", 1) is False  # nothing was added, so nobody owns it
    cache.set("page", "body")  # stored nowhere, and no error
    with pytest.raises(ValueError):
        cache.incr("generation")  # as for a key that is not there: callers set it instead
    state = shared_cache.status(cache)
    assert state["shared"] is True and state["reachable"] is False
    assert state["failures"] == 1  # one real try; the rest skipped while the breaker is open
    assert state["bypassed"] == 4


def test_after_a_failure_redis_is_not_tried_again_until_the_breaker_window_ends():
    cache = flaky_backend(BREAKER_SECONDS=60)
    client = cache._cache
    client.down = True
    for _ in range(20):
        assert cache.get("key") is None
    assert client.calls == 1
    assert cache.failures == 1 and cache.bypassed == 19


def test_full_speed_comes_back_when_redis_returns_without_a_restart(caplog):
    cache = flaky_backend(BREAKER_SECONDS=0)  # try again at once: the test needs no clock
    client = cache._cache
    client.down = True
    with caplog.at_level(logging.INFO, logger="cms.shared_cache"):
        cache.set("page", "old")
        assert cache.get("page") is None
        client.down = False
        cache.set("page", "body")
        assert cache.get("page") == "body"
    assert cache.failures == 2
    messages = [r.getMessage() for r in caplog.records]
    assert any("reachable again" in m for m in messages)
    assert shared_cache.status(cache)["reachable"] is True


def test_a_down_redis_is_logged_once_a_minute_not_per_request(caplog, monkeypatch):
    cache = flaky_backend(BREAKER_SECONDS=0)
    cache._cache.down = True
    now = [1000.0]
    monkeypatch.setattr(shared_cache.time, "monotonic", lambda: now[0])
    with caplog.at_level(logging.WARNING, logger="cms.shared_cache"):
        for _ in range(50):
            cache.get("page")
            now[0] += 1  # 50 requests over 50 seconds
        assert len(caplog.records) == 1
        now[0] += 10
        cache.get("page")
    assert len(caplog.records) == 2
    assert "unreachable" in caplog.records[0].getMessage()
    assert caplog.records[0].levelname == "WARNING"


def test_the_rate_limit_alias_keeps_counting_per_process_while_redis_is_down():
    cache = flaky_backend(FALLBACK="local", BREAKER_SECONDS=60)
    cache._cache.down = True
    cache.add("count", 0)
    cache.incr("count")
    cache.incr("count")
    assert cache.get("count") == 2


def test_a_silent_redis_costs_a_request_no_more_than_the_socket_timeout():
    """A host that accepts the connection and never answers (as a hung Redis does): the call
    gives up after socket_timeout, and the next calls do not wait at all."""
    silent = socket.socket()
    silent.bind(("127.0.0.1", 0))
    silent.listen(8)
    try:
        cache = backend(f"redis://127.0.0.1:{silent.getsockname()[1]}/", BREAKER_SECONDS=60)
        started = time.monotonic()
        assert cache.get("page") is None
        first = time.monotonic() - started
        assert cache.get("page") is None
        assert cache.failures == 1 and cache.bypassed == 1
        assert first < 5  # redis-py's default would wait 5 s per call; ours 0.25 s, once
    finally:
        silent.close()


def test_only_the_owner_releases_a_lock_on_redis():
    """The compare-and-delete script, against the Redis the developers run (db 14)."""
    cache = backend("redis://127.0.0.1:6379/14")
    if not cache.reachable():
        pytest.skip("no Redis at 127.0.0.1:6379 (CI runs without one)")
    cache.delete("lock")
    assert cache.add("lock", 111, timeout=30)
    assert cache.delete_if_equal("lock", 222) is False  # another request's token
    assert cache.get("lock") == 111
    assert cache.delete_if_equal("lock", 111) is True
    assert cache.get("lock") is None
