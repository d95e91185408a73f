"""Check a nothing-lost run: every accepted application stored once, every email sent once.

usage: python bench/nothing_lost.py RESULT_DIR SINK_FILE RUN_STARTED_ISO [--wait SECONDS]

Reads the client outcomes (RESULT_DIR/*.json from bench/submit.py) and compares them with
the database (DATABASE_URL, production settings from bench/env.sh) and with what the SMTP
sink received. Waits up to --wait seconds for the outbox to drain (the db_worker retries
after the mail server returns). Prints a report and exits 1 when anything is off.
"""

import argparse
import collections
import datetime
import json
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.production")

import django  # noqa: E402

django.setup()

from django.contrib.contenttypes.models import ContentType  # noqa: E402
from wagtail.models import ModelLogEntry  # noqa: E402

from recruitment.enums import NotificationKind, NotificationStatus  # noqa: E402
from recruitment.models import (  # noqa: E402
    MiniPoliceRegistration,
    Notification,
    SpecialConstableApplication,
)

MODELS = (SpecialConstableApplication, MiniPoliceRegistration)


def load_outcomes(folder):
    outcomes, run_ids = [], set()
    for path in sorted(Path(folder).glob("submit-*.json")):
        data = json.loads(path.read_text())
        run_ids.add(data["run_id"])
        outcomes.extend(data["outcomes"])
    return outcomes, run_ids


def rows_since(started):
    """Every submission written since the run started, as (model, row)."""
    found = []
    for model in MODELS:
        found.extend((model, row) for row in model.objects.filter(submitted_at__gte=started))
    return found


def notifications_for(rows):
    wanted = collections.defaultdict(list)
    for model, row in rows:
        wanted[ContentType.objects.get_for_model(model).pk].append(row.pk)
    result = []
    for content_type_id, ids in wanted.items():
        result.extend(
            Notification.objects.filter(content_type_id=content_type_id, object_id__in=ids)
        )
    return result


def main(argv=None):
    parser = argparse.ArgumentParser()
    parser.add_argument("folder")
    parser.add_argument("sink")
    parser.add_argument("started")
    parser.add_argument("--wait", type=int, default=420)
    args = parser.parse_args(argv)
    started = datetime.datetime.fromisoformat(args.started)
    outcomes, run_ids = load_outcomes(args.folder)
    accepted = {o["email"]: o for o in outcomes if o["status"] in (301, 302, 303)}
    refused = [o for o in outcomes if o["email"] not in accepted]

    deadline = time.monotonic() + args.wait
    while True:
        rows = rows_since(started)
        notes = notifications_for(rows)
        pending = [n for n in notes if n.status != NotificationStatus.SENT]
        if not pending or time.monotonic() > deadline:
            break
        print(f"waiting: {len(pending)} of {len(notes)} emails still pending", flush=True)
        time.sleep(10)

    problems = []
    by_email = collections.defaultdict(list)
    for _model, row in rows:
        by_email[row.email].append(row)
    for email, outcome in accepted.items():
        stored = by_email.get(email, [])
        if len(stored) != 1:
            problems.append(f"{email}: accepted, {len(stored)} rows")
        elif outcome["reference"] and stored[0].reference != outcome["reference"]:
            problems.append(f"{email}: shown {outcome['reference']}, stored {stored[0].reference}")
        # Every press of Send (--sends) answered without an error page and showed this
        # application's own reference.
        for press in outcome.get("presses", []):
            if press["status"] not in (301, 302, 303):
                problems.append(f"{email}: a press of Send answered {press['status']}")
            elif stored and press["reference"] != stored[0].reference:
                problems.append(
                    f"{email}: a press of Send showed {press['reference'] or 'no reference'}, "
                    f"stored {stored[0].reference}"
                )
    # Staff moves (bench/bulk_mover.py) never undo each other: no row was moved out of a
    # status twice from the same read.
    for _model, row in rows:
        moves = collections.Counter(
            entry.data.get("from")
            for entry in ModelLogEntry.objects.filter(
                content_type=ContentType.objects.get_for_model(row),
                object_id=str(row.pk),
                action="recruitment.move",
            )
        )
        for status, times in moves.items():
            if times > 1:
                problems.append(f"{row.reference}: moved from {status} {times} times")
    server_errors = sum(o.get("server_errors", 0) for o in outcomes)
    if server_errors:
        problems.append(f"{server_errors} answers were 5xx (the client retried them)")
    extra = [e for e in by_email if e not in accepted]
    for email in extra:
        problems.append(f"{email}: {len(by_email[email])} rows without an accepted response")

    acks = collections.Counter()
    for n in notes:
        if n.kind == NotificationKind.ACKNOWLEDGEMENT:
            acks[n.recipient] += 1
    for email in accepted:
        if acks[email] != 1:
            problems.append(f"{email}: {acks[email]} acknowledgements in the outbox")
    for n in pending:
        problems.append(f"notification {n.pk} to {n.recipient} still pending: {n.last_error}")

    # The sink may also see older mail (a backlog from earlier runs): count this run's only.
    references = {row.reference for _model, row in rows}
    received = collections.Counter()
    sink = Path(args.sink)
    for line in sink.read_text().splitlines() if sink.exists() else []:
        mail = json.loads(line)
        if mail["subject"].rsplit(": ", 1)[-1] in references:
            received[(mail["to"], mail["subject"])] += 1
    for n in notes:
        if received[(n.recipient, n.subject)] != 1:
            problems.append(
                f"{n.recipient} {n.subject!r}: received {received[(n.recipient, n.subject)]} times"
            )
    expected_total = len(notes)
    total_received = sum(received.values())
    if total_received != expected_total:
        problems.append(f"sink received {total_received} emails, outbox holds {expected_total}")
    retried = sum(1 for n in notes if n.attempts > 1)

    report = {
        "run_ids": sorted(run_ids),
        "sent": len(outcomes),
        "accepted": len(accepted),
        "refused_or_failed": len(refused),
        "refused_statuses": dict(collections.Counter(str(o["status"]) for o in refused)),
        "rows_written": len(rows),
        "emails_in_outbox": expected_total,
        "emails_received": total_received,
        "emails_retried_after_mail_outage": retried,
        "presses_of_send": sum(len(o.get("presses", [])) for o in outcomes),
        "server_errors_seen": server_errors,
        "requests_retried_by_clients": sum(o.get("retried", 0) for o in outcomes),
        "problems": len(problems),
    }
    print(json.dumps(report, indent=2))
    for problem in problems[:50]:
        print("PROBLEM", problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
