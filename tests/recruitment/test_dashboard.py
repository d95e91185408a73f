"""Where a recruiter lands: my open applications first, then counts that link to the queue."""

import datetime
import re

import pytest
from django.utils import timezone

from accounts.factories import EditorFactory, RecruiterFactory
from recruitment.dashboard import queue_summary
from recruitment.enums import SpecialStatus
from recruitment.factories import SpecialConstableApplicationFactory
from recruitment.models import SpecialConstableApplication

pytestmark = pytest.mark.django_db

SC_QUEUE = "/admin/recruitment/specialconstableapplication/"


def test_counts_per_status_include_zeros_and_link_to_the_filtered_queue(home_page):
    me = RecruiterFactory()
    SpecialConstableApplicationFactory(assignee=me)
    SpecialConstableApplicationFactory()
    SpecialConstableApplicationFactory(status=SpecialStatus.VETTING)
    SpecialConstableApplicationFactory(status=SpecialStatus.REJECTED, assignee=me)

    summary = queue_summary(SpecialConstableApplication, me)

    assert summary["total"] == 4
    statuses = {label: (count, url) for label, count, url in summary["statuses"]}
    assert statuses["New"] == (2, SC_QUEUE + "?status=new")
    assert statuses["Vetting"][0] == 1
    assert statuses["Appointed"][0] == 0
    to_do = {label: (count, url) for label, count, url in summary["to_do"]}
    assert to_do["Assigned to me"] == (1, SC_QUEUE + "?assignee=me&open=yes")  # rejected: done
    assert to_do["Unassigned"][0] == 2


def test_recruiter_lands_on_my_open_applications_first_then_counts(client, home_page):
    me = RecruiterFactory()
    mine = SpecialConstableApplicationFactory(assignee=me, first_name="Mine")
    SpecialConstableApplicationFactory(status=SpecialStatus.REJECTED, assignee=me)
    SpecialConstableApplicationFactory(first_name="Nobodys")
    client.force_login(me)

    for url in ("/admin/", "/admin/recruitment/"):
        html = client.get(url).content.decode()
        assert html.index("My open applications (1)") < html.index("Assigned to me")
        mine_section = html[html.index("My open applications") : html.index("Assigned to me")]
        assert mine.reference in mine_section
        assert "Nobodys" not in mine_section
        assert f'href="{SC_QUEUE}?status=new"' in html


def test_recruitment_is_one_menu_item_linking_to_its_home(client, home_page):
    client.force_login(RecruiterFactory())
    # The sidebar menu, from a queue page: a plain link (no submenu to open) to the home.
    html = client.get(SC_QUEUE).content.decode()
    assert re.search(
        r'"name": "recruitment", "label": "Recruitment", '
        r'[^\n]{0,120}?"url": "/admin/recruitment/"}',
        html,
    )


def test_editors_have_no_recruitment_home(client, home_page):
    client.force_login(EditorFactory())
    assert client.get("/admin/recruitment/").status_code == 403
    assert "My open applications" not in client.get("/admin/").content.decode()


def test_waiting_too_long_count_matches_the_filter(home_page):
    old = timezone.now() - datetime.timedelta(days=15)
    SpecialConstableApplicationFactory(status_changed_at=old)
    SpecialConstableApplicationFactory()
    summary = queue_summary(SpecialConstableApplication, RecruiterFactory())
    to_do = {label: (count, url) for label, count, url in summary["to_do"]}
    assert to_do["Waiting too long"] == (1, SC_QUEUE + "?waiting=too_long")
