"""The test suite: fast hashing, plain static storage, in-memory email, tasks run inline."""

from .base import *  # noqa: F403

SECRET_KEY = "test-only-not-secret"
DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
TASKS = {"default": {"BACKEND": TASK_BACKENDS["immediate"]}}  # noqa: F405
# bench/ is tooling, not part of the site: installed for its tests, never in production.
INSTALLED_APPS = [*INSTALLED_APPS, "bench"]  # noqa: F405
# Local memory, one per alias, as `make run` has it.
CACHES = {
    "default": cache_alias("default", "", ""),  # noqa: F405
    "ratelimit": cache_alias("ratelimit", "", ""),  # noqa: F405
}
# Off by default so tests that change content without publishing see it; tests/cms/
# test_page_cache.py turns it on.
PAGE_CACHE_SECONDS = 0
ALLOWED_HOSTS = ["*"]
WAGTAILADMIN_BASE_URL = "http://testserver"
# The test servers serve static files themselves; whitenoise needs collectstatic first.
MIDDLEWARE = [m for m in MIDDLEWARE if not m.startswith("whitenoise.")]  # noqa: F405
# The live server's request threads share one SQLite connection: one request at a time.
MIDDLEWARE = ["tests.one_request_at_a_time.OneRequestAtATimeMiddleware", *MIDDLEWARE]
LOGGING["loggers"]["wagtail"] = {"level": "WARNING"}  # noqa: F405
