"""Test settings only: Django handles one request at a time.

With SQLite in memory, pytest-django's live server hands the same database connection to
every request thread. Two requests at once (the admin's autosave and its Save draft, a page
and the editing-session beacon) then share one connection: one's open cursor or transaction
fails the other with "database table is locked", or mixes their writes. Production runs
PostgreSQL, a connection per thread; the test client is single-threaded anyway.
"""

import threading

_lock = threading.Lock()


class OneRequestAtATimeMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with _lock:
            return self.get_response(request)
