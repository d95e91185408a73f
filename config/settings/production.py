"""Production: everything it needs must come from the environment, or it refuses to start."""

from .base import *  # noqa: F403
from .env import env_bool, env_int, env_list, env_required, env_str

DEBUG = False
SECRET_KEY = env_required("SECRET_KEY")
env_required("DATABASE_URL")
env_required("ALLOWED_HOSTS")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
WAGTAILADMIN_BASE_URL = env_required("WAGTAILADMIN_BASE_URL")

# Behind a TLS-terminating proxy that sets X-Forwarded-Proto.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
# Load balancers probe instances over plain HTTP (docs/deployment.md).
SECURE_REDIRECT_EXEMPT = [r"^health/$"]
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 60 * 60 * 24 * 365)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
CSRF_COOKIE_HTTPONLY = True
USE_X_FORWARDED_HOST = env_bool("USE_X_FORWARDED_HOST", False)
# Every admin user signs in with a code from an authenticator app too (accounts/).
ADMIN_2FA_REQUIRED = env_bool("ADMIN_2FA_REQUIRED", True)

DATABASES["default"]["CONN_MAX_AGE"] = env_int("DATABASE_CONN_MAX_AGE", 60)  # noqa: F405
TASK_BACKEND = env_str("TASK_BACKEND", "database")
TASKS = {"default": {"BACKEND": TASK_BACKENDS[TASK_BACKEND]}}  # noqa: F405

# A caching proxy or CDN in front (Varnish, nginx with a purge module...): Wagtail sends it
# an HTTP PURGE for each published or unpublished page. See docs/deployment.md.
FRONTEND_CACHE_PURGE_URL = env_str("FRONTEND_CACHE_PURGE_URL")
if FRONTEND_CACHE_PURGE_URL:
    INSTALLED_APPS = [*INSTALLED_APPS, "wagtail.contrib.frontend_cache"]  # noqa: F405
    WAGTAILFRONTENDCACHE = {
        "default": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": FRONTEND_CACHE_PURGE_URL,
        }
    }
