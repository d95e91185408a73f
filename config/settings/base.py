"""Settings shared by every environment. Everything that varies comes from the environment."""

import datetime
from pathlib import Path

import dj_database_url

from .env import env_bool, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent.parent

DEBUG = False
SECRET_KEY = env_str("SECRET_KEY")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "cms",
    "home",
    "news",
    "recruitment",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "wagtail_modeladmin",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_recaptcha",
    "django_tasks",
    "django_tasks_db",
    "csp",
    "axes",
    "accounts",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.forms",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Above sessions, CSRF and messages: it must see every cookie they set (cms/page_cache.py).
    "cms.page_cache.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    # The request's Wagtail Site and root page from the per-generation cache (cms/routing.py).
    "cms.routing.SiteMiddleware",
    # Before the CSRF check: a method the page does not take is a 405, not a failed form.
    "cms.page_methods.PageMethodMiddleware",
    # Django's default limit on fields for all but the admin, before the CSRF check parses a
    # body (cms/field_limit.py: PUBLIC_MAX_NUMBER_FIELDS).
    "cms.field_limit.PublicFieldLimitMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Which authenticator app, if any, this session has verified with; then the admin stays
    # closed to a signed-in user until they have (accounts/middleware.py).
    "django_otp.middleware.OTPMiddleware",
    "accounts.middleware.TwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Inside sessions, auth and messages, so the 405 and 429 pages it renders have the site.
    "cms.errors.ErrorPageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "config.csp.SecurityHeadersMiddleware",
    # Last, as django-axes requires: it turns a locked-out login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

# django-axes checks every login attempt first and refuses locked-out users and clients.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "cms.context_processors.site_chrome",
            ],
        },
    },
]

# Form widgets render through TEMPLATES, so templates/ can override widget templates too
# (templates/wagtailadmin/widgets/: Wagtail's date pickers without inline scripts).
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"

# SQLite file by default; PostgreSQL (or anything dj-database-url reads) from DATABASE_URL.
DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 0),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # SQLite for a web server's concurrency (`make run`): readers never wait for the writer
    # (WAL); every transaction takes the write lock when it begins, so two Sends queue for it
    # instead of one failing when it upgrades a read to a write ("database is locked"); and
    # a writer waits up to SQLITE_BUSY_TIMEOUT ms for the lock. synchronous=NORMAL is WAL's
    # usual pairing: no corruption, though a power cut may lose the last commits. In-memory
    # test databases ignore journal_mode. What `make run` takes: README, "The two commands".
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "transaction_mode": "IMMEDIATE",
            "init_command": (
                "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; "
                f"PRAGMA busy_timeout={env_int('SQLITE_BUSY_TIMEOUT', 20_000)}"
            ),
        }
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Two cache aliases, so page copies can never evict the rate limit's counters:
# "default" holds pages, fragments and Wagtail's own keys (cms/page_cache.py), "ratelimit" the
# recruitment forms' counters (recruitment/ratelimit.py). Each is Redis when its URL is set,
# else this process's memory. Redis is an accelerator: while it is unreachable the pages are
# rendered without it and the counters are kept per process (cms/shared_cache.py).
REDIS_URL = env_str("REDIS_URL")
RATELIMIT_REDIS_URL = env_str("RATELIMIT_REDIS_URL", REDIS_URL)
REDIS_OPTIONS = {
    # Short, so a black-holed Redis costs a request a fraction of a second, once per
    # REDIS_BREAKER_SECONDS per process (the breaker), and never the 5 s redis-py defaults.
    "socket_connect_timeout": env_int("REDIS_CONNECT_TIMEOUT_MS", 250) / 1000,
    "socket_timeout": env_int("REDIS_TIMEOUT_MS", 500) / 1000,
    "BREAKER_SECONDS": env_int("REDIS_BREAKER_SECONDS", 5),
}


def cache_alias(alias, url, key_prefix, **options):
    """One CACHES entry: Redis through the resilient backend when `url` is set, else local
    memory (one per alias, so their entries never evict each other)."""
    if not url:
        return {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": alias}
    return {
        "BACKEND": "cms.shared_cache.ResilientRedisCache",
        "LOCATION": url,
        "KEY_PREFIX": key_prefix,
        "ALIAS": alias,
        "OPTIONS": {**REDIS_OPTIONS, **options},
    }


CACHES = {
    "default": cache_alias("default", REDIS_URL, "bluelamp"),
    # Counted per process while Redis is away (fail open, but not without any limit).
    "ratelimit": cache_alias("ratelimit", RATELIMIT_REDIS_URL, "bluelamp-rl", FALLBACK="local"),
}

# Whole pages cached for anonymous visitors (cms/page_cache.py); 0 turns it off.
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 300)
# How long after that a stale copy may still be served while one worker renders the new one
# (and what `stale-while-revalidate` tells a CDN).
PAGE_CACHE_STALE_SECONDS = env_int("PAGE_CACHE_STALE_SECONDS", 86400)
# The single-flight lock: a render that takes longer than this lets a second worker start.
PAGE_CACHE_LOCK_SECONDS = env_int("PAGE_CACHE_LOCK_SECONDS", 30)
# How long a request for a page nobody has stored waits for another worker's render of it.
PAGE_CACHE_WAIT_SECONDS = env_int("PAGE_CACHE_WAIT_SECONDS", 5)

# Background work (notification emails, Wagtail's own tasks): run in-process by
# default; production switches to django-tasks-db's queue and `manage.py db_worker`.
# TASK_BACKEND names one of TASK_BACKENDS; production.py reads it again with its own default.
TASK_BACKENDS = {
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
    "database": "django_tasks_db.DatabaseBackend",
}
TASK_BACKEND = env_str("TASK_BACKEND", "immediate")
TASKS = {"default": {"BACKEND": TASK_BACKENDS[TASK_BACKEND]}}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Email: the console by default; SMTP when EMAIL_HOST is set.
EMAIL_HOST = env_str("EMAIL_HOST")
if EMAIL_HOST:
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_PORT = env_int("EMAIL_PORT", 587)
    EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
    EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD")
    EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
    EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 10)
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Blue Lamp <no-reply@bluelamp.example>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# reCAPTCHA on the recruitment forms, only when both keys are configured.
RECAPTCHA_PUBLIC_KEY = env_str("RECAPTCHA_PUBLIC_KEY")
RECAPTCHA_PRIVATE_KEY = env_str("RECAPTCHA_PRIVATE_KEY")
RECAPTCHA_ENABLED = bool(RECAPTCHA_PUBLIC_KEY and RECAPTCHA_PRIVATE_KEY)
# Without keys the captcha field is never used, so its test-key warning does not apply.
SILENCED_SYSTEM_CHECKS = [] if RECAPTCHA_ENABLED else ["django_recaptcha.recaptcha_test_key_error"]

# Password given to the demo users by `manage.py load_demo_content`.
DEMO_PASSWORD = env_str("DEMO_PASSWORD")

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = env_int("SESSION_COOKIE_AGE", 60 * 60 * 8)
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
# The CSRF cookie too ends with the browser (Django keeps it a year): a year-long cookie from
# opening a form would show anyone who looks at the browser that it visited the site. The
# quick exit deletes it at once (cms/quick_exit.py).
CSRF_COOKIE_AGE = None
X_FRAME_OPTIONS = "DENY"
# A form sent without a valid token gets our page: nothing was sent, and how to try again.
CSRF_FAILURE_VIEW = "cms.errors.csrf_failure"
# Uploaded images and documents served by Django itself: only `make run` (config/settings/dev.py).
SERVE_MEDIA = False
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"

# Content-Security-Policy (django-csp 4), enforced everywhere, dev and tests included.
# config/csp.py widens it per page: the admin, reCAPTCHA forms, analytics. See docs/security.md.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "media-src": ["'self'"],
        # Video embeds in page bodies (Wagtail embeds: YouTube, Vimeo).
        "frame-src": [
            "https://www.youtube.com",
            "https://www.youtube-nocookie.com",
            "https://player.vimeo.com",
        ],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}

# Admin login lockout (django-axes): after AXES_FAILURE_LIMIT failed logins for one username
# (from anywhere) or from one client address (for any username), further attempts are refused
# with a 429 page until AXES_COOLOFF_TIME has passed or an admin runs
# `manage.py axes_reset_username NAME` / `axes_reset_ip ADDRESS`.
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = datetime.timedelta(minutes=env_int("AXES_COOLOFF_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "account_locked.html"
AXES_CLIENT_IP_CALLABLE = "cms.client_ip.client_address"
AXES_VERBOSE = False

# Two-factor authentication for the admin (accounts/two_factor.py): a code from an
# authenticator app after the password. Required of every admin user when on (production's
# default); when off, only of those who set up an app themselves.
ADMIN_2FA_REQUIRED = env_bool("ADMIN_2FA_REQUIRED", False)
# After n wrong codes in a row, no code is accepted for 2**(n-1) seconds.
OTP_TOTP_THROTTLE_FACTOR = 1

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {
        # Replaces Django's default "django" logger, whose own console handler printed every
        # message a second time through the root handler (a 404 appeared twice under
        # runserver). Its messages now reach stderr once, through root. runserver's request
        # lines ("django.server") keep Django's handler, which does not propagate.
        "django": {"handlers": [], "level": "INFO", "propagate": True},
        "django.db.backends": {"level": "WARNING"},
        # A request for a host we do not serve (every scanner sends them) is answered with
        # the 400 page and logged once at INFO by cms.errors; Django would also log it here
        # at ERROR, with a traceback: dropped below CRITICAL.
        "django.security.DisallowedHost": {"level": "CRITICAL"},
        "django_tasks": {"level": "WARNING"},
    },
}

WAGTAIL_SITE_NAME = env_str("WAGTAIL_SITE_NAME", "Blue Lamp")
# The account name staff see in their authenticator app.
OTP_TOTP_ISSUER = WAGTAIL_SITE_NAME
WAGTAILADMIN_BASE_URL = env_str("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
# Site search: Wagtail's database backend (PostgreSQL full-text search) unless
# SEARCH_BACKEND_URL names an OpenSearch or Elasticsearch cluster, for a force that outgrows it
# (docs/performance.md: setting up, `manage.py update_index`, what to monitor).
SEARCH_BACKEND_URL = env_str("SEARCH_BACKEND_URL")
SEARCH_BACKEND = env_str("SEARCH_BACKEND", "opensearch2")
if SEARCH_BACKEND_URL:
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": {
                "opensearch2": "wagtail.search.backends.opensearch2",
                "opensearch3": "wagtail.search.backends.opensearch3",
                "elasticsearch8": "wagtail.search.backends.elasticsearch8",
                "elasticsearch9": "wagtail.search.backends.elasticsearch9",
            }[SEARCH_BACKEND],
            "URLS": [SEARCH_BACKEND_URL],
            "INDEX": env_str("SEARCH_INDEX", "bluelamp"),
            "TIMEOUT": env_int("SEARCH_TIMEOUT", 5),
            "AUTO_UPDATE": True,
            "ATOMIC_REBUILD": True,
        }
    }
else:
    WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAIL_I18N_ENABLED = False
# No avatars from Gravatar: staff email hashes stay here, and the CSP needs no extra host.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# No call from the admin's dashboard to releases.wagtail.org (the CSP would block it anyway):
# upgrades are tracked through the pinned dependencies.
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx"]
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAILEMBEDS_RESPONSIVE_HTML = True
# Wagtail's page editor posts about 5 fields a block: a page of more than about 180 blocks
# does not fit Django's default of 1,000 (measured, cms/field_limit.py), so the admin keeps
# Wagtail's recommended 10,000 and every other request is held to Django's 1,000 by
# PublicFieldLimitMiddleware.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
PUBLIC_MAX_NUMBER_FIELDS = 1_000
WAGTAIL_DATE_FORMAT = "%d/%m/%Y"
WAGTAIL_DATETIME_FORMAT = "%d/%m/%Y %H:%M"

# Recruitment forms: accepted submissions plus spam signals (honeypot, failed reCAPTCHA)
# allowed per client per window (seconds), then the answers again with a 429. Pages of a
# journey and corrected mistakes are not counted. Emailed links (come back later, status)
# asked for per client per window: RECRUITMENT_LINK_RATE_LIMIT.
RECRUITMENT_RATE_LIMIT = env_int("RECRUITMENT_RATE_LIMIT", 30)
RECRUITMENT_LINK_RATE_LIMIT = env_int("RECRUITMENT_LINK_RATE_LIMIT", 10)
RECRUITMENT_RATE_LIMIT_WINDOW = env_int("RECRUITMENT_RATE_LIMIT_WINDOW", 3600)
# Drafts started ("Check you can apply" passed with no draft yet) per client per window: each
# stores a row, so a script cannot fill the table; 40 lets twenty applicants behind one school
# or office address each start twice (a second device, a lost session) in the same hour.
RECRUITMENT_DRAFT_RATE_LIMIT = env_int("RECRUITMENT_DRAFT_RATE_LIMIT", 40)
# Behind a proxy, the META key holding the client address, e.g. HTTP_X_FORWARDED_FOR.
RECRUITMENT_CLIENT_IP_HEADER = env_str("RECRUITMENT_CLIENT_IP_HEADER", "REMOTE_ADDR")
# Days a status link works after the email carrying it is sent. Applications take 6-18
# months, so every applicant meets an expired link and asks for a new one (one email, the
# same page whatever the address): 30 days covers the first answer and the next stage, and
# an old email found in a shared or forwarded mailbox no longer opens the page (or withdraws).
RECRUITMENT_STATUS_LINK_DAYS = env_int("RECRUITMENT_STATUS_LINK_DAYS", 30)
# Attempts at sending one email before it is marked Failed for staff to see and retry (the
# waits between them double from 1 minute to at most 6 hours: 12 attempts span about 20 h).
RECRUITMENT_EMAIL_MAX_ATTEMPTS = env_int("RECRUITMENT_EMAIL_MAX_ATTEMPTS", 12)
# Reply-To of the recruitment team's messages to applicants; empty: they say not to reply.
RECRUITMENT_REPLY_TO = env_str("RECRUITMENT_REPLY_TO")
# Retention periods are a setting staff change in the admin (recruitment.RecruitmentSettings).
