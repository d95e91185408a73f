"""A recruiter bulk-moving the newest applications while they are still arriving.

usage: python bench/bulk_mover.py RUN_STARTED_ISO SECONDS   (production settings, bench/env.sh)

Every second it takes up to 25 of the run's newest Special Constable applications and Mini
Police registrations and moves the New ones to In review through `triage.bulk_move`, the
service behind the queue's bulk bar, as the demo `recruiter`. It prints how many moves were
made and refused; bench/nothing_lost.py then checks each row's history holds no move that
undid another.
"""

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

from django.contrib.auth import get_user_model  # noqa: E402

from recruitment import triage  # noqa: E402
from recruitment.models import MiniPoliceRegistration, SpecialConstableApplication  # noqa: E402


def main(started, seconds):
    started = datetime.datetime.fromisoformat(started)
    recruiter = get_user_model().objects.get(username="recruiter")
    deadline = time.monotonic() + seconds
    moved = refused = 0
    while time.monotonic() < deadline:
        for model in (SpecialConstableApplication, MiniPoliceRegistration):
            newest = list(
                model.objects.filter(submitted_at__gte=started, status="new").order_by(
                    "-submitted_at"
                )[:25]
            )
            if newest:
                done, not_done = triage.bulk_move(newest, model.status_enum.IN_REVIEW, recruiter)
                moved += len(done)
                refused += len(not_done)
        time.sleep(1)
    print(json.dumps({"bulk_moved": moved, "bulk_refused": refused}))


if __name__ == "__main__":
    main(sys.argv[1], float(sys.argv[2]))
