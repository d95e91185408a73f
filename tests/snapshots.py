"""Whole-database snapshots for the suite, kept and written back as table rows.

Two snapshots are written back: what the migrations made (after every test that commits, in
place of Django's flush) and the demo site (before every demo-site test). Django's own
serialized_rollback keeps the first as JSON and writes it back object by object through the
ORM serializer, and the demo site was kept the same way: 0.1 s and 0.4 s a test, most of a
demo test's setup.
Here a snapshot is each table's rows as the database returns them; writing one back empties
every table and inserts the rows with one statement per table (COPY on PostgreSQL), in one
transaction, then moves PostgreSQL's sequences past them. Foreign keys are checked at commit
(Django creates them DEFERRABLE INITIALLY DEFERRED), so the order of the tables is free.

Rows from one test database fit another made by the same migrations, which lets the xdist
workers share one build of the demo site (tests/conftest.py, _demo_snapshot).
"""

from dataclasses import dataclass, field

from django.apps import apps
from django.core.management.color import no_style
from django.db import connections, transaction


@dataclass
class Snapshot:
    tables: list[str]
    # table: (columns, rows) on SQLite; table: its COPY text on PostgreSQL.
    contents: dict[str, tuple | bytes] = field(default_factory=dict)


_SQLITE_NATIVE = (type(None), int, float, str, bytes)


def _stored(value):
    """A value as SQLite stores it: Django's SQLite connection turns dates, times, decimals and
    booleans into Python objects on the way out, and stores them as text and numbers."""
    if type(value) in _SQLITE_NATIVE:
        return value
    if isinstance(value, bool):
        return int(value)
    return str(value)  # datetime, date, time and Decimal: str() is Django's stored form


def take(connection):
    """Every Django table's rows, as they are now."""
    tables = connection.introspection.django_table_names(only_existing=True, include_views=False)
    snapshot = Snapshot(tables=sorted(tables))
    with connection.cursor() as cursor:
        virtual = set()
        if connection.vendor == "sqlite":
            cursor.execute("SELECT name FROM sqlite_master WHERE sql LIKE 'CREATE VIRTUAL TABLE%'")
            virtual = {name for (name,) in cursor.fetchall()}
        for table in snapshot.tables:
            if table in virtual:
                # SQLite's full-text search table: triggers on wagtailsearch_indexentry fill it
                # as that table's rows go back.
                continue
            quoted = connection.ops.quote_name(table)
            if connection.vendor == "postgresql":
                with cursor.cursor.copy(f"COPY {quoted} TO STDOUT") as copy:
                    text = b"".join(bytes(block) for block in copy)
                if text:
                    snapshot.contents[table] = text
            else:
                cursor.execute(f"SELECT * FROM {quoted}")
                columns = [column[0] for column in cursor.description]
                rows = [tuple(map(_stored, row)) for row in cursor.fetchall()]
                if rows:
                    snapshot.contents[table] = (columns, rows)
    return snapshot


def restore(connection, snapshot):
    """Empty every table the snapshot knows and write its rows back."""
    postgresql = connection.vendor == "postgresql"
    with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
        if postgresql:
            # PostgreSQL refuses to TRUNCATE a table with foreign-key checks still waiting for
            # the commit (rows a module's shared data wrote earlier in this transaction): run
            # them now, then defer them again for the rows going back.
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        for sql in connection.ops.sql_flush(no_style(), snapshot.tables, allow_cascade=True):
            cursor.execute(sql)
        if postgresql:
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")
        for table, contents in snapshot.contents.items():
            quoted = connection.ops.quote_name(table)
            if postgresql:
                with cursor.cursor.copy(f"COPY {quoted} FROM STDIN") as copy:
                    copy.write(contents)
            else:
                columns, rows = contents
                names = ", ".join(connection.ops.quote_name(column) for column in columns)
                marks = ", ".join(["%s"] * len(columns))
                cursor.executemany(f"INSERT INTO {quoted} ({names}) VALUES ({marks})", rows)
        if postgresql:
            models = apps.get_models(include_auto_created=True)
            for sql in connection.ops.sequence_reset_sql(no_style(), models):
                cursor.execute(sql)


def write_back_after_transactional_tests(snapshot):
    """After a test that commits, TransactionTestCase empties every table (flush). Write back
    `snapshot` (what the migrations made) instead, so that whatever test the worker runs next
    starts from the same data as every other test: pytest-django runs transactional tests
    after the rest, but xdist's worksteal can hand a worker that has run them a test another
    worker had not reached."""
    from django.test import TransactionTestCase

    if getattr(TransactionTestCase._fixture_teardown, "writes_back_snapshots", False):
        return

    def _fixture_teardown(self):
        for alias in self._databases_names(include_mirrors=False):
            restore(connections[alias], snapshot)

    _fixture_teardown.writes_back_snapshots = True
    TransactionTestCase._fixture_teardown = _fixture_teardown
