"""Every message is logged once: Django's own console handler no longer doubles the root's."""

import io
import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.utils.log import configure_logging

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def log_output(settings):
    """Logging set up from our LOGGING as under `make run` (DEBUG on), every console handler
    writing to one buffer; restored afterwards."""
    settings.DEBUG = True  # Django's console handler only speaks in debug
    configure_logging(settings.LOGGING_CONFIG, settings.LOGGING)
    buffer = io.StringIO()
    loggers = [logging.getLogger(), *logging.Logger.manager.loggerDict.values()]
    for logger in loggers:
        for handler in getattr(logger, "handlers", []):
            if isinstance(handler, logging.StreamHandler):
                handler.setStream(buffer)
    yield buffer
    settings.DEBUG = False
    configure_logging(settings.LOGGING_CONFIG, settings.LOGGING)


def test_a_not_found_warning_is_written_once(log_output):
    logging.getLogger("django.request").warning("Not Found: /no-such-page/")
    assert log_output.getvalue().count("Not Found: /no-such-page/") == 1


def test_runserver_request_lines_are_written_once(log_output):
    logging.getLogger("django.server").info('"GET / HTTP/1.1" 200 1234')
    assert log_output.getvalue().count('"GET / HTTP/1.1" 200 1234') == 1


def test_make_run_links_emails_to_the_port_it_serves():
    env = {k: v for k, v in os.environ.items() if k != "WAGTAILADMIN_BASE_URL"}
    env.update(DJANGO_SETTINGS_MODULE="config.settings.dev", PORT="8123")
    result = subprocess.run(
        [
            sys.executable,
            "manage.py",
            "shell",
            "-c",
            "from django.conf import settings; print(settings.WAGTAILADMIN_BASE_URL)",
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "http://127.0.0.1:8123"
