"""After the retention period the personal data goes; the counts stay."""

import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone

from recruitment import services
from recruitment.enums import MiniPoliceStatus, SpecialStatus
from recruitment.factories import MiniPoliceRegistrationFactory, SpecialConstableApplicationFactory
from recruitment.models import Note, SpecialConstableApplication
from recruitment.retention import apply_retention

pytestmark = pytest.mark.django_db

DAY = datetime.timedelta(days=1)


def decided(factory, status, days_ago, **fields):
    return factory(status=status, decided_at=timezone.now() - days_ago * DAY, **fields)


def test_rejected_application_is_anonymised_after_a_year(home_page):
    old = decided(
        SpecialConstableApplicationFactory,
        SpecialStatus.REJECTED,
        366,
        first_name="Forgotten",
        conviction_details="Old caution",
    )
    recent = decided(
        SpecialConstableApplicationFactory, SpecialStatus.REJECTED, 300, first_name="Kept"
    )
    services.add_note(old, "Rejected after assessment day.", by=None)

    counts = apply_retention()

    old.refresh_from_db()
    recent.refresh_from_db()
    assert counts["Special Constable applications"] == 1
    assert old.first_name == old.last_name == old.email == old.phone == old.postcode == ""
    assert old.conviction_details == ""
    assert old.date_of_birth is None
    assert old.anonymised_at is not None
    assert not Note.for_submission(old).exists()
    assert services.history(old).first().action == "recruitment.anonymise"
    # What is left still counts.
    assert old.reference and old.status == SpecialStatus.REJECTED
    assert recent.first_name == "Kept"


def test_appointed_specials_are_kept_for_two_years(home_page):
    one_year = decided(SpecialConstableApplicationFactory, SpecialStatus.APPOINTED, 400)
    two_years = decided(SpecialConstableApplicationFactory, SpecialStatus.APPOINTED, 731)
    apply_retention()
    one_year.refresh_from_db()
    two_years.refresh_from_db()
    assert one_year.anonymised_at is None
    assert two_years.anonymised_at is not None


def test_open_submissions_are_never_anonymised(home_page):
    open_one = SpecialConstableApplicationFactory(
        status=SpecialStatus.VETTING, submitted_at=timezone.now() - 1000 * DAY
    )
    apply_retention()
    open_one.refresh_from_db()
    assert open_one.anonymised_at is None


def test_school_keeps_its_name_but_loses_its_contact(home_page):
    registration = decided(MiniPoliceRegistrationFactory, MiniPoliceStatus.DECLINED, 400)
    apply_retention()
    registration.refresh_from_db()
    assert registration.school_name.startswith("Example Primary School")
    assert registration.contact_name == registration.email == registration.phone == ""


def test_a_final_move_records_when_it_was_decided(home_page):
    application = SpecialConstableApplicationFactory()
    services.move(application, SpecialStatus.IN_REVIEW, by=None)
    assert application.decided_at is None
    services.move(application, SpecialStatus.WITHDRAWN, by=None)
    assert application.decided_at is not None


def test_dry_run_changes_nothing(home_page):
    decided(
        SpecialConstableApplicationFactory, SpecialStatus.REJECTED, 400, first_name="Still here"
    )
    out = open("/dev/null", "w")
    call_command("apply_retention", "--dry-run", stdout=out)
    assert SpecialConstableApplication.objects.get().first_name == "Still here"
    call_command("apply_retention", stdout=out)
    assert SpecialConstableApplication.objects.get().first_name == ""
