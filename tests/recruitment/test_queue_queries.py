"""The queue list and the inspect view cost the same number of queries with 5 or 50 rows:
flags, duplicates, assignees and previous/next come in a fixed number of queries, never one
per row. (The bench measures them with 100,000 submissions; a test cannot build that.)"""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from accounts.factories import RecruiterFactory
from recruitment import triage
from recruitment.enums import SpecialStatus
from recruitment.factories import (
    MiniPoliceRegistrationFactory,
    SpecialConstableApplicationFactory,
)

pytestmark = pytest.mark.django_db

QUEUES = [
    "/admin/recruitment/specialconstableapplication/",
    "/admin/recruitment/specialconstableapplication/?status=new&possible_duplicate__exact=1",
    "/admin/recruitment/minipoliceregistration/",
]


def add_rows(count, recruiter):
    """count Specials and Mini Police rows: assigned, waiting, duplicated, decided, noted."""
    old = timezone.now() - datetime.timedelta(days=40)
    for n in range(count):
        application = SpecialConstableApplicationFactory(
            assignee=recruiter if n % 2 else None,
            status_changed_at=old if n % 3 == 0 else timezone.now(),
            status=SpecialStatus.REJECTED if n % 7 == 0 else SpecialStatus.NEW,
            email=f"twin{n // 2}@example.com",  # pairs of duplicates
            possible_duplicate=True,
        )
        triage.add_note(application, "Noted.", by=recruiter)
        MiniPoliceRegistrationFactory(assignee=recruiter if n % 2 else None, urn=f"{n // 2:06d}")


def queries(client, url):
    client.get(url)  # warm caches (content types, site, permissions)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured)


def inspect_url(recruiter):
    from recruitment.models import SpecialConstableApplication

    middle = SpecialConstableApplication.objects.filter(status="new").order_by("pk")[2]
    return middle.admin_url() + "?from=status%3Dnew"


def test_queue_list_and_inspect_do_not_grow_with_rows(client, home_page):
    recruiter = RecruiterFactory()
    client.force_login(recruiter)
    add_rows(5, recruiter)
    few = {url: queries(client, url) for url in QUEUES}
    few_inspect = queries(client, inspect_url(recruiter))
    add_rows(45, recruiter)
    many = {url: queries(client, url) for url in QUEUES}
    many_inspect = queries(client, inspect_url(recruiter))
    assert few == many
    assert few_inspect == many_inspect
    assert max(many.values()) <= 30
    assert many_inspect <= 30
