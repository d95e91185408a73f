"""Local development: `make run`. SQLite, local memory cache, console email."""

from .base import *  # noqa: F403
from .env import env_bool, env_int, env_str

# Off unless DEBUG=true, so `make run` shows the site's own 404 and 500 pages.
DEBUG = env_bool("DEBUG", False)
# A fixed development key: never used in production, which requires SECRET_KEY.
SECRET_KEY = env_str("SECRET_KEY", "dev-only-not-secret-blue-lamp")
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
# The address `make run` serves (its PORT), so links in emails and the demo Site's address
# (cms/site_address.py) are where the site really is.
PORT = env_int("PORT", 8000)
WAGTAILADMIN_BASE_URL = env_str("WAGTAILADMIN_BASE_URL", f"http://127.0.0.1:{PORT}")
# runserver serves static files only in debug: whitenoise serves them straight from static/
# (no collectstatic), picking up edits at once.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
SERVE_MEDIA = True
# Off while developing, so template edits show at once; on in production (base: 300 s).
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 0)
# bench/ (the `bench_fill` command) is tooling: here and in config.settings.bench only.
INSTALLED_APPS = [*INSTALLED_APPS, "bench"]  # noqa: F405
