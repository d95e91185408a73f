"""Send pressed three times at once: three thank-you pages with one reference, one application,
one acknowledgement, on SQLite as `make run` serves it and on PostgreSQL (issue 23).

SQLite: the test's in-memory database cannot be shared by concurrent connections, so its
committed state (migrations, this test's pages) is copied to a file and served by
`manage.py runserver` with `make run`'s settings (config.settings.dev) in a subprocess:
separate connections, threads, the SQLite options of config/settings/base.py. PostgreSQL:
the live server, whose request threads each have their own connection.
"""

import os
import socket
import sqlite3
import subprocess
import sys
import threading
import time
import urllib.request
import uuid
from pathlib import Path
from urllib.parse import urlencode, urlsplit

import pytest
from django.core import mail
from django.db import connection

from bench.send_at_once import to_check_your_answers
from bench.submit import REFERENCE_RE, Applicant
from recruitment.models import Notification, SpecialConstableApplication
from tests.recruitment.conftest import build_areas, build_form_pages

pytestmark = pytest.mark.django_db(transaction=True)
BASE_DIR = Path(__file__).resolve().parents[2]
SENDS = 3


@pytest.fixture
def form_pages(committed_home_page):
    """Committed: the server reads them from its own connections."""
    build_areas()
    return build_form_pages(committed_home_page)


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class RunServer:
    """`manage.py runserver` with make run's settings on a file copy of the test database."""

    def __init__(self, tmp_path):
        self.path = tmp_path / "db.sqlite3"
        connection.ensure_connection()
        copy = sqlite3.connect(self.path)
        connection.connection.backup(copy)
        copy.close()
        port = _free_port()
        self.url = f"http://127.0.0.1:{port}"
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "config.settings.dev",
            "DATABASE_URL": f"sqlite:///{self.path}",
            "PORT": str(port),
            "EMAIL_HOST": "",
            "REDIS_URL": "",
            "TASK_BACKEND": "immediate",
        }
        self.log = tmp_path / "runserver.log"
        self.process = subprocess.Popen(
            [sys.executable, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload"],
            cwd=BASE_DIR,
            env=env,
            stdout=self.log.open("w"),
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(f"{self.url}/robots.txt", timeout=5)
                break
            except OSError:
                if self.process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(self.log.read_text()) from None
                time.sleep(0.2)

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=30)

    def count(self, sql, *params):
        with sqlite3.connect(self.path) as db:
            return db.execute(sql, params).fetchone()[0]

    def applications(self):
        return self.count("SELECT count(*) FROM recruitment_specialconstableapplication")

    def acknowledgements_sent(self, email):
        return self.count(
            "SELECT count(*) FROM recruitment_notification"
            " WHERE kind = 'acknowledgement' AND status = 'sent' AND recipient = ?",
            email,
        )

    def emails_to(self, email):
        # The console email backend writes each message to the server's output.
        return self.log.read_text().count(f"To: {email}")


class LiveServer:
    def __init__(self, live_server):
        self.url = live_server.url

    def stop(self):
        pass

    def applications(self):
        return SpecialConstableApplication.objects.count()

    def acknowledgements_sent(self, email):
        return Notification.objects.filter(
            kind="acknowledgement", status="sent", recipient=email
        ).count()

    def emails_to(self, email):
        return sum(1 for message in mail.outbox if message.to == [email])


@pytest.fixture
def server(form_pages, tmp_path, request):
    if connection.vendor == "sqlite":
        served = RunServer(tmp_path)
    else:
        served = LiveServer(request.getfixturevalue("live_server"))
    yield served
    served.stop()


def test_three_sends_at_once_give_one_application_and_the_same_thank_you_page(server):
    email = f"three-sends-{uuid.uuid4().hex[:8]}@example.com"
    browser = Applicant(server.url)
    path, declaration = to_check_your_answers(browser, email)

    answers_seen = [None] * SENDS
    all_ready = threading.Barrier(SENDS)

    def press_send(i):
        tab = Applicant(server.url)  # its own connection, the same browser's cookies
        tab.cookies = dict(browser.cookies)
        all_ready.wait()
        status, headers, _body = tab.request("POST", path, urlencode(declaration))
        page = ""
        if status == 302:
            _status, _h, page = tab.request("GET", urlsplit(headers["Location"]).path)
        answers_seen[i] = (status, headers.get("Location", ""), page)

    presses = [threading.Thread(target=press_send, args=(i,)) for i in range(SENDS)]
    for press in presses:
        press.start()
    for press in presses:
        press.join()

    assert [status for status, _location, _page in answers_seen] == [302] * SENDS
    assert {location for _status, location, _page in answers_seen} == {
        "/volunteer/special-constables/apply/thank-you/"
    }
    references = {tuple(REFERENCE_RE.findall(page)) for _status, _location, page in answers_seen}
    assert len(references) == 1 and len(next(iter(references))) == 1, references
    assert all("Thank you, we have received it" in page for *_rest, page in answers_seen)
    assert server.applications() == 1
    assert server.acknowledgements_sent(email) == 1
    assert server.emails_to(email) == 1
