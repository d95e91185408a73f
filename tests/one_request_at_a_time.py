"""Test settings only: on SQLite, Django handles one request at a time.

With SQLite in memory, pytest-django's live server hands the same database connection to
every request thread. Two requests at once (the admin's autosave and its Save draft, a page
and the editing-session beacon) then share one connection: one's open cursor or transaction
fails the other with "database table is locked", or mixes their writes. Production runs
PostgreSQL, a connection per thread; the test client is single-threaded anyway. On
PostgreSQL the tests keep that too: requests run at once, as the concurrency tests need
(tests/recruitment/test_nothing_lost.py).
"""

import contextlib
import threading

from django.db import connection

# Re-entrant: a request may make one of its own through the same handler, in the same thread
# (Wagtail's preview of a draft renders the page with a fake request); a plain lock hung there.
_lock = threading.RLock()


class OneRequestAtATimeMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        one_at_a_time = _lock if connection.vendor == "sqlite" else contextlib.nullcontext()
        with one_at_a_time:
            return self.get_response(request)
