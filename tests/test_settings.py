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
