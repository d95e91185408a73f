"""No link token can be read from the database, the logs or an export: after whole journeys
on both forms, a come-back link and a status link asked for, every email delivered and
every link opened, no token string from the emails is anywhere in a dump of every table."""

import json
import logging
import re

import pytest
from django.core import mail
from django.db import connection
from django.test import Client

from recruitment import data_requests, links, sending
from tests.recruitment.conftest import step_posts

pytestmark = pytest.mark.django_db

TOKEN_LINK = re.compile(r"http://\S+?(/[\w/-]+/(?:status|return)/([\w-]{20,})/)")


def dump_every_table():
    """Every row of every table in the database, as text."""
    text = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")
            text.extend(repr(row) for row in cursor.fetchall())
    return "\n".join(text)


def test_no_status_or_come_back_token_is_stored_logged_or_exported(
    caplog,
    settings,
    client,
    specials_page,
    mini_page,
    special_answers,
    mini_answers,
    submit,
    django_capture_on_commit_callbacks,
):
    # The database task queue, so the sending tasks' arguments are in the dump as well.
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    with caplog.at_level(logging.DEBUG):
        assert submit(specials_page, special_answers).status_code == 302
        assert submit(mini_page, mini_answers).status_code == 302
        later = Client()
        with django_capture_on_commit_callbacks(execute=True):
            for url, data, headers in step_posts(specials_page, special_answers)[:2]:
                later.post(url, data, **headers)
            later.post(f"{specials_page.url}save/", {"email": "jordan.testwell@example.com"})
            client.post(f"{specials_page.url}status/", {"email": "jordan.testwell@example.com"})
        assert mail.outbox == []  # queued for the worker, which now delivers them all
        sending.send_pending()
        found = [TOKEN_LINK.search(m.body) for m in mail.outbox]
        opened = [(match[1], match[2]) for match in found if match]
        # Each link opened as its applicant would, in a fresh browser: all work but the
        # first acknowledgement's, replaced by the status link asked for since.
        answers = [Client().get(path).status_code for path, _token in opened]
        assert sorted(answers) == [302, 302, 302, 404], answers
        # ... and once more, when none works (the come-back link is spent): Django logs
        # every 404 with its path, unless told it is logged.
        assert {Client().get(path).status_code for path, _ in opened if "/return/" in path} == {404}

    tokens = [token for _path, token in opened]
    kinds = sorted(path.split("/")[-3] for path, _token in opened)
    # Two acknowledgements, the status link asked for, and the come-back link.
    assert kinds == ["return", "status", "status", "status"], kinds
    dump = dump_every_table()
    # The dump reads the real rows: the hashes of the links still working are there.
    assert sum(links.hash_token(token) in dump for token in tokens) == 2
    logged = caplog.text + "\n".join(
        f"{r.getMessage()} {r.args!r} {getattr(r, 'request', '')}" for r in caplog.records
    )
    exported = json.dumps(data_requests.document("jordan.testwell@example.com"))
    exported += json.dumps(data_requests.document("office@testwell-primary.example.com"))
    for token in tokens:
        assert token not in dump, "a link token is stored in clear"
        assert token not in logged, "a link token is in the logs"
        assert token not in exported, "a link token is in a data request's export"


def test_pages_opened_by_a_link_load_no_analytics_even_when_it_is_accepted(
    client, site_settings, specials_page, special_answers, submit
):
    from urllib.parse import quote

    from cms.consent import CONSENT_COOKIE

    site_settings.analytics_id = "G-BLUELAMP1"
    site_settings.save()
    version = site_settings.cookie_policy_version
    client.cookies[CONSENT_COOKIE] = quote(json.dumps({"v": version, "analytics": True}))
    submit(specials_page, special_answers)
    # An ordinary page for this visitor: analytics, and the policy allows its hosts.
    ordinary = client.get(specials_page.url)
    assert "data-analytics-id" in ordinary.content.decode()
    assert "googletagmanager" in ordinary["Content-Security-Policy"]

    path = TOKEN_LINK.search(mail.outbox[0].body)[1]
    exchange = client.get(path)
    status = client.get(exchange["Location"])
    withdraw = client.get(f"{exchange['Location']}withdraw/")
    spent = client.get(path.replace("/status/", "/return/"))  # "This link does not work"
    for response in (exchange, status, withdraw, spent):
        html = response.content.decode()
        assert "analytics" not in html, response.status_code
        assert "googletagmanager" not in response.get("Content-Security-Policy", "")
    assert "Your application: received" in status.content.decode()
