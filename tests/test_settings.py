"""Production settings: refuse to start without what they need, and pass `check --deploy`."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "config.settings.production",
    "SECRET_KEY": "a-long-random-production-secret-key-for-the-check-0123456789abcdef",
    "DATABASE_URL": "sqlite:///" + str(ROOT / "check-deploy.sqlite3"),
    "ALLOWED_HOSTS": "police.example",
    "WAGTAILADMIN_BASE_URL": "https://police.example",
    # Production runs the recruitment forms with reCAPTCHA (recruitment.W001 otherwise).
    "RECAPTCHA_PUBLIC_KEY": "production-public-key-for-the-check",
    "RECAPTCHA_PRIVATE_KEY": "production-private-key-for-the-check",
}


def manage(*args, env):
    # The browser tests' async-safety switch must not leak into a production check.
    skip = {*PRODUCTION_ENV, "DJANGO_ALLOW_ASYNC_UNSAFE"}
    clean = {k: v for k, v in os.environ.items() if k not in skip}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_with_production_settings_is_clean():
    result = manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key():
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != "SECRET_KEY"}
    result = manage("check", env=env)
    assert result.returncode != 0
    assert "The environment variable SECRET_KEY is required in production" in result.stderr


def test_production_refuses_to_start_without_a_database_url():
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != "DATABASE_URL"}
    result = manage("check", env=env)
    assert result.returncode != 0
    assert "DATABASE_URL is required" in result.stderr


def test_production_does_not_install_the_bench_tooling():
    result = manage(
        "shell",
        "-v0",
        "-c",
        "from django.apps import apps; print(apps.is_installed('bench'))",
        env=PRODUCTION_ENV,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"


def test_sqlite_is_set_up_for_a_threaded_server_and_postgresql_is_left_alone(tmp_path):
    """WAL, immediate transactions and a busy timeout on a SQLite file (make run); nothing of
    it on another database's URL."""
    show = (
        "from django.conf import settings; from django.db import connection; "
        "print(settings.DATABASES['default'].get('OPTIONS', {}).get('transaction_mode')); "
        "c = connection.cursor() if connection.vendor == 'sqlite' else None; "
        "print(c and c.execute('PRAGMA journal_mode').fetchone()[0]); "
        "print(c and c.execute('PRAGMA busy_timeout').fetchone()[0])"
    )
    env = {"DJANGO_SETTINGS_MODULE": "config.settings.dev", "SQLITE_BUSY_TIMEOUT": "1234"}
    sqlite = manage(
        "shell", "-v0", "-c", show, env={**env, "DATABASE_URL": f"sqlite:///{tmp_path}/db.sqlite3"}
    )
    assert sqlite.stdout.split() == ["IMMEDIATE", "wal", "1234"], sqlite.stderr
    other = manage(
        "shell",
        "-v0",
        "-c",
        "from django.conf import settings; print(settings.DATABASES['default'].get('OPTIONS'))",
        env={**env, "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/unused"},
    )
    assert other.stdout.strip() in ("{}", "None"), other.stdout + other.stderr


# The checkout has not run collectstatic: static files named without the manifest's hashes.
BAD_HOST_SCRIPT = """
from django.conf import settings
from django.test import Client, override_settings
plain = {**settings.STORAGES, "staticfiles": {
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
with override_settings(STORAGES=plain):
    client = Client(raise_request_exception=False)
    forged = client.get("/", HTTP_HOST="evil.example", HTTP_X_FORWARDED_PROTO="https")
    missing = client.get("/news/", SERVER_NAME="10.0.0.5", HTTP_X_FORWARDED_PROTO="https")
print(forged.status_code, missing.status_code, b"problem with this request" in forged.content)
"""


def test_a_forged_or_missing_host_is_a_400_under_production_settings_never_an_error():
    """Real production settings (ALLOWED_HOSTS, LOGGING, the middleware order), Redis at a
    closed port: a 400 each, and nothing logged at ERROR (no traceback)."""
    env = {**PRODUCTION_ENV, "REDIS_URL": "redis://127.0.0.1:1/0", "LOG_LEVEL": "INFO"}
    result = manage("shell", "-v0", "-c", BAD_HOST_SCRIPT, env=env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "400 400 True"
    assert "Traceback" not in result.stderr
    assert "Invalid HTTP_HOST header" in result.stderr  # logged, at INFO, once each
    assert result.stderr.count("Bad Request (host not served)") == 2
