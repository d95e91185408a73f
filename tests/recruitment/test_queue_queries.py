"""The queue list and the inspect view cost the same number of queries with 3 or 30 rows:
flags, duplicates, assignees, areas and previous/next come in a fixed number of queries,
never one per row, whatever the filter. (The bench measures them with 100,000 submissions; a
test cannot build that.)"""

import datetime
import re

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
from recruitment.models import SpecialConstableApplication

pytestmark = pytest.mark.django_db

SPECIALS = "/admin/recruitment/specialconstableapplication/"
MINI_POLICE = "/admin/recruitment/minipoliceregistration/"
QUEUES = [
    SPECIALS,
    SPECIALS + "?status=new&possible_duplicate__exact=1",
    SPECIALS + "?open=yes&waiting=too_long",
    SPECIALS + "?assignee=me",
    SPECIALS + "?assignee=none&area={area}",
    SPECIALS + "?q=example",
    SPECIALS + "?o=-3",
    MINI_POLICE,
    MINI_POLICE + "?q=primary&status=new",
]
# Session, user, permissions, the admin's menu, then the queue's own: 14 to 16 lists, 21
# inspect when measured (November 2026; 20 to 23 before the queues were tuned).
LIST_BUDGET = 16
INSPECT_BUDGET = 21


def add_rows(count, recruiter):
    """count Specials and Mini Police rows: assigned, waiting, duplicated, decided, noted."""
    old = timezone.now() - datetime.timedelta(days=40)
    for n in range(count):
        application = SpecialConstableApplicationFactory(
            assignee=recruiter if n % 2 else None,
            status_changed_at=old if n % 3 == 0 else timezone.now(),
            status=SpecialStatus.REJECTED if n % 7 == 2 else SpecialStatus.NEW,
            email=f"twin{n // 2}@example.com",  # pairs of duplicates
            possible_duplicate=True,
        )
        triage.add_note(application, "Noted.", by=recruiter)
        MiniPoliceRegistrationFactory(assignee=recruiter if n % 2 else None, urn=f"{n // 2:06d}")


def get(client, url):
    client.get(url)  # warm caches (content types, site, permissions)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return response, [q["sql"] for q in captured.captured_queries]


def queries(client, url):
    return len(get(client, url)[1])


def inspect_url():
    middle = SpecialConstableApplication.objects.filter(status="new").order_by("pk")[1]
    return middle.admin_url() + "?from=status%3Dnew"


@pytest.fixture
def recruiter(client, areas):
    recruiter = RecruiterFactory()
    client.force_login(recruiter)
    return recruiter


def test_queue_lists_cost_the_same_with_3_or_30_rows(client, home_page, recruiter):
    from cms.models import Area

    area = Area.objects.filter(force_wide=False).first()  # the factories' area
    urls = [url.format(area=area.pk) for url in QUEUES]
    add_rows(3, recruiter)
    few = {url: queries(client, url) for url in urls}
    add_rows(27, recruiter)
    many = {url: queries(client, url) for url in urls}
    assert few == many
    assert max(many.values()) <= LIST_BUDGET, many


def test_inspect_view_costs_the_same_with_3_or_30_rows(client, home_page, recruiter):
    add_rows(3, recruiter)
    few = queries(client, inspect_url())
    add_rows(27, recruiter)
    many = queries(client, inspect_url())
    assert few == many
    assert many <= INSPECT_BUDGET


def counts(sql):
    return [q for q in sql if re.search(r"COUNT\(.*recruitment_specialconstableapplication", q)]


def test_queue_counts_each_list_once(client, home_page, recruiter):
    """The "N out of M" above the list: one COUNT when nothing narrows it, two when a filter or a
    search narrows it (never a third for the paginator), and the numbers still right."""
    SpecialConstableApplicationFactory.create_batch(2, status=SpecialStatus.IN_REVIEW)
    SpecialConstableApplicationFactory.create_batch(3)

    response, sql = get(client, SPECIALS)
    assert len(counts(sql)) == 1
    assert "5 out of 5" in response.content.decode()

    for url in (SPECIALS + "?status=new", SPECIALS + "?q=example&status=new"):
        response, sql = get(client, url)
        assert len(counts(sql)) == 2, url
        assert "3 out of 5" in response.content.decode(), url


@pytest.mark.parametrize("queue", ["SpecialConstableQueue", "MiniPoliceQueue"])
def test_queue_rows_are_the_cells_modeladmin_would_write(queue, areas):
    """The queue writes its own cells (row_cells) for speed; they must stay exactly what
    modeladmin's items_for_result writes, for every kind of row."""
    from types import SimpleNamespace

    from wagtail_modeladmin.templatetags.modeladmin_tags import items_for_result

    from recruitment import queues_admin
    from recruitment.models import MiniPoliceRegistration

    recruiter = RecruiterFactory(first_name="Morgan", last_name="Lee-Smith")
    factory = (
        MiniPoliceRegistrationFactory
        if queue == "MiniPoliceQueue"
        else SpecialConstableApplicationFactory
    )
    rows = [
        factory(assignee=recruiter, possible_duplicate=True),
        factory(possible_duplicate=True, email="twin@example.com", area=None),
        factory(erased=True, status="withdrawn" if queue != "MiniPoliceQueue" else "declined"),
        factory(status_changed_at=timezone.now() - datetime.timedelta(days=90)),
    ]
    if queue == "MiniPoliceQueue":
        MiniPoliceRegistration.objects.filter(pk=rows[1].pk).update(school_name="St <Ann>'s & Co")
        rows[1].refresh_from_db()
    model_admin = getattr(queues_admin, queue)()
    view = SimpleNamespace(model_admin=model_admin, list_display=model_admin.list_display)
    for row in rows:
        row.queue_query = "status=new&q=a b"
    triage.attach_duplicates(rows)
    for row in rows:
        assert model_admin.row_cells(row) == list(items_for_result(view, row, None))
