"""Two recruiters bulk-moving the newest applications while they are still arriving.

usage: python bench/bulk_mover.py RUN_STARTED_ISO SECONDS   (production settings, bench/env.sh)

Two threads, as the demo `recruiter` and `manager`, each read the run's 25 newest New Special
Constable applications and Mini Police registrations every second, wait a moment (reading
the list), then move them on to the queue's next status through `triage.bulk_move`, the
service behind the queue's bulk bar, with the statuses they saw. Both often read the same
rows: one move must win and the other be refused. It prints the moves made and refused;
bench/nothing_lost.py then checks that no row was moved out of one status twice.
"""

import datetime
import json
import os
import random
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.production")

import django  # noqa: E402

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.db import connection  # noqa: E402

from recruitment import triage  # noqa: E402
from recruitment.models import MiniPoliceRegistration, SpecialConstableApplication  # noqa: E402

MODELS = (SpecialConstableApplication, MiniPoliceRegistration)


def next_status(model):
    """The first status a New submission may move to without a reason (bulk bar's rule)."""
    allowed = dict(triage.bulk_moves(model))
    return next(s for s in model.transitions[model.status_enum.NEW] if s in allowed)


def recruiter(username, started, deadline, totals, lock):
    user = get_user_model().objects.get(username=username)
    try:
        while time.monotonic() < deadline:
            for model in MODELS:
                newest = list(
                    model.objects.filter(submitted_at__gte=started, status="new").order_by(
                        "-submitted_at"
                    )[:25]
                )
                if not newest:
                    continue
                seen = {s.pk: s.status for s in newest}
                time.sleep(random.uniform(0, 0.3))  # reading the list
                moved, refused = triage.bulk_move(newest, next_status(model), user, seen=seen)
                with lock:
                    totals["moved"] += len(moved)
                    totals["refused"] += len(refused)
            # The run may be stopped at any moment: the totals so far, a line a second.
            with lock:
                print(
                    json.dumps({"bulk_moved": totals["moved"], "bulk_refused": totals["refused"]}),
                    flush=True,
                )
            time.sleep(1)
    finally:
        connection.close()


def main(started, seconds):
    started = datetime.datetime.fromisoformat(started)
    deadline = time.monotonic() + seconds
    totals, lock = {"moved": 0, "refused": 0}, threading.Lock()
    threads = [
        threading.Thread(target=recruiter, args=(name, started, deadline, totals, lock))
        for name in ("recruiter", "manager")
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    print(json.dumps({"bulk_moved": totals["moved"], "bulk_refused": totals["refused"]}))


if __name__ == "__main__":
    main(sys.argv[1], float(sys.argv[2]))
