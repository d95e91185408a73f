"""Local development: `make run`. SQLite, local memory cache, console email."""

from .base import *  # noqa: F403
from .env import env_bool, env_int, env_str

DEBUG = env_bool("DEBUG", True)
# A fixed development key: never used in production, which requires SECRET_KEY.
SECRET_KEY = env_str("SECRET_KEY", "dev-only-not-secret-blue-lamp")
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
WAGTAILADMIN_BASE_URL = env_str("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
# runserver serves static files itself; whitenoise is for production-like runs.
MIDDLEWARE = [m for m in MIDDLEWARE if not m.startswith("whitenoise.")]  # noqa: F405
# Off while developing, so template edits show at once; on in production (base: 300 s).
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 0)
# bench/ (the `bench_fill` command) is tooling: here and in config.settings.bench only.
INSTALLED_APPS = [*INSTALLED_APPS, "bench"]  # noqa: F405
