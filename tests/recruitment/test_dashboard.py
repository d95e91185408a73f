"""The dashboard panel's numbers: counts per status and per week."""

import datetime

import pytest
from django.utils import timezone

from recruitment.dashboard import WEEKS, queue_summary
from recruitment.enums import SpecialStatus
from recruitment.factories import SpecialConstableApplicationFactory
from recruitment.models import SpecialConstableApplication

pytestmark = pytest.mark.django_db


def test_counts_per_status_include_zeros_and_weeks_count_arrivals(home_page):
    today = datetime.date(2026, 11, 18)  # a Wednesday
    noon = datetime.time(12)

    def at(day):
        return timezone.make_aware(datetime.datetime.combine(day, noon))

    SpecialConstableApplicationFactory(submitted_at=at(today))
    SpecialConstableApplicationFactory(submitted_at=at(today - datetime.timedelta(days=2)))
    SpecialConstableApplicationFactory(
        submitted_at=at(today - datetime.timedelta(weeks=1)), status=SpecialStatus.VETTING
    )
    SpecialConstableApplicationFactory(submitted_at=at(today - datetime.timedelta(weeks=20)))

    summary = queue_summary(SpecialConstableApplication, today=today)

    assert summary["total"] == 4
    statuses = dict(summary["statuses"])
    assert statuses["New"] == 3
    assert statuses["Vetting"] == 1
    assert statuses["Appointed"] == 0
    assert len(summary["weeks"]) == WEEKS
    assert summary["weeks"][-1]["start"] == datetime.date(2026, 11, 16)
    assert [w["count"] for w in summary["weeks"][-2:]] == [1, 2]
    assert summary["weeks"][-1]["percent"] == 100
    assert sum(w["count"] for w in summary["weeks"]) == 3  # 20 weeks ago is off the chart
