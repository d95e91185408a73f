"""After the retention period the personal data goes; the counts stay; every run is audited."""

import datetime
import io
import json

import pytest
from django.core.management import call_command
from django.db.models import Count
from django.utils import timezone
from wagtail.models import ModelLogEntry

from accounts.factories import ManagerFactory, RecruiterFactory
from cms.factories import AreaFactory
from recruitment import retention, triage
from recruitment.enums import MiniPoliceStatus, NotificationStatus, SpecialStatus
from recruitment.factories import (
    DecisionReasonFactory,
    MiniPoliceRegistrationFactory,
    SpecialConstableApplicationFactory,
)
from recruitment.models import (
    Notification,
    RecruitmentSettings,
    SpecialConstableApplication,
)
from recruitment.retention import PURGE_ACTION, months_before

pytestmark = pytest.mark.django_db

DAY = datetime.timedelta(days=1)


def decided(factory, status, days_ago, **fields):
    return factory(status=status, decided_at=timezone.now() - days_ago * DAY, **fields)


def purge(*args):
    out = io.StringIO()
    call_command("purge_expired_submissions", *args, stdout=out)
    return out.getvalue()


def runs():
    return ModelLogEntry.objects.filter(action=PURGE_ACTION).order_by("pk")


def test_rejected_application_is_anonymised_after_twelve_months(home_page):
    old = decided(
        SpecialConstableApplicationFactory,
        SpecialStatus.REJECTED,
        370,
        first_name="Forgotten",
        conviction_details="Old caution",
    )
    recent = decided(
        SpecialConstableApplicationFactory, SpecialStatus.REJECTED, 300, first_name="Kept"
    )
    triage.add_note(old, "Rejected after assessment day.", by=None)
    Notification.objects.create(
        kind="acknowledgement",
        recipient=old.email,
        subject="Your application",
        body="Dear Forgotten",
        content_type_id=_content_type(old),
        object_id=old.pk,
        reference=old.reference,
    )

    output = purge()

    old.refresh_from_db()
    recent.refresh_from_db()
    assert "Special Constable applications: 1" in output
    assert old.first_name == old.last_name == old.email == old.phone == old.postcode == ""
    assert old.conviction_details == ""
    assert old.date_of_birth is None
    assert old.anonymised_at is not None
    assert not old.notes.all().exists()
    assert not Notification.objects.filter(reference=old.reference).exists()
    assert triage.history(old).first().action == "recruitment.anonymise"
    # What is left still counts.
    assert old.reference and old.status == SpecialStatus.REJECTED
    assert recent.first_name == "Kept"


def _content_type(obj):
    from django.contrib.contenttypes.models import ContentType

    return ContentType.objects.get_for_model(obj).pk


def test_appointed_specials_are_kept_for_twenty_four_months(home_page):
    one_year = decided(SpecialConstableApplicationFactory, SpecialStatus.APPOINTED, 400)
    two_years = decided(SpecialConstableApplicationFactory, SpecialStatus.APPOINTED, 735)
    purge()
    one_year.refresh_from_db()
    two_years.refresh_from_db()
    assert one_year.anonymised_at is None
    assert two_years.anonymised_at is not None


def test_staff_set_the_periods_per_queue(home_page):
    periods = RecruitmentSettings.load()
    periods.special_retention_months = 6
    periods.mini_police_retention_months = 36
    periods.save()
    application = decided(SpecialConstableApplicationFactory, SpecialStatus.WITHDRAWN, 200)
    registration = decided(MiniPoliceRegistrationFactory, MiniPoliceStatus.DECLINED, 400)
    purge()
    application.refresh_from_db()
    registration.refresh_from_db()
    assert application.anonymised_at is not None
    assert registration.anonymised_at is None


def test_open_submissions_are_never_anonymised(home_page):
    open_one = SpecialConstableApplicationFactory(
        status=SpecialStatus.VETTING, submitted_at=timezone.now() - 1000 * DAY
    )
    purge()
    open_one.refresh_from_db()
    assert open_one.anonymised_at is None


def test_school_keeps_its_name_but_loses_its_contact(home_page):
    registration = decided(
        MiniPoliceRegistrationFactory, MiniPoliceStatus.DECLINED, 400, school_name="Kept Primary"
    )
    purge()
    registration.refresh_from_db()
    assert registration.anonymised_at is not None
    assert registration.school_name == "Kept Primary"
    assert registration.contact_name == registration.email == registration.phone == ""


def test_counts_per_status_area_and_month_survive(home_page):
    northvale, eastmoor = AreaFactory(name="Northvale"), AreaFactory(name="Eastmoor")
    for days, area in ((400, northvale), (420, eastmoor), (30, eastmoor)):
        decided(
            SpecialConstableApplicationFactory,
            SpecialStatus.REJECTED,
            days,
            area=area,
            submitted_at=timezone.now() - (days + 40) * DAY,
        )
    decided(SpecialConstableApplicationFactory, SpecialStatus.APPOINTED, 800, area=northvale)

    def report():
        return list(
            SpecialConstableApplication.objects.values("status", "area", "submitted_at__month")
            .annotate(n=Count("pk"))
            .order_by("status", "area", "submitted_at__month")
        )

    before = report()
    assert all(row["area"] for row in before)
    assert len(before) >= 3  # more than one status, area and month to keep apart
    purge()
    assert SpecialConstableApplication.objects.filter(anonymised_at__isnull=False).count() == 3
    assert report() == before


def test_sent_emails_go_after_their_period_and_fresh_pending_ones_stay(home_page):
    application = SpecialConstableApplicationFactory()
    now = timezone.now()

    def email(status, sent_days_ago):
        return Notification.objects.create(
            kind="acknowledgement",
            status=status,
            recipient=application.email,
            subject="Your application",
            body="Dear applicant",
            sent_at=now - sent_days_ago * DAY if sent_days_ago is not None else None,
        )

    old, fresh, pending = (
        email(NotificationStatus.SENT, 31),
        email(NotificationStatus.SENT, 10),
        email(NotificationStatus.PENDING, None),
    )
    assert "Sent emails: 1" in purge()
    remaining = set(Notification.objects.values_list("pk", flat=True))
    assert remaining == {fresh.pk, pending.pk}
    assert old.pk not in remaining


def test_a_final_move_records_when_it_was_decided(home_page):
    application = SpecialConstableApplicationFactory()
    triage.move(application, SpecialStatus.IN_REVIEW, by=None)
    assert application.decided_at is None
    triage.move(application, SpecialStatus.WITHDRAWN, by=None)
    assert application.decided_at is not None


def test_dry_run_changes_nothing_and_says_what_is_due(home_page):
    decided(
        SpecialConstableApplicationFactory, SpecialStatus.REJECTED, 400, first_name="Still here"
    )
    output = purge("--dry-run")
    assert output.startswith("Dry run, nothing changed.")
    assert "Special Constable applications: 1" in output
    assert SpecialConstableApplication.objects.get().first_name == "Still here"
    purge()
    assert SpecialConstableApplication.objects.get().first_name == ""


def test_each_run_leaves_one_audit_entry_with_its_counts(home_page):
    for _ in range(3):
        decided(SpecialConstableApplicationFactory, SpecialStatus.REJECTED, 400)
    purge("--dry-run")
    purge()
    dry, real = runs()
    assert dry.data == {
        "dry_run": True,
        "counts": {
            "Special Constable applications": 3,
            "Mini Police registrations": 0,
            "Sent emails": 0,
            "Emails not sent": 0,
            "Unfinished applications": 0,
        },
    }
    assert real.data["dry_run"] is False
    assert real.data["counts"]["Special Constable applications"] == 3
    assert dry.label == real.label == "Recruitment data retention"
    # The next run finds nothing left to do, and still says so.
    purge()
    assert runs().count() == 3
    assert runs().last().data["counts"]["Special Constable applications"] == 0


def test_retention_runs_are_listed_in_site_history(client, login_as):
    decided(SpecialConstableApplicationFactory, SpecialStatus.REJECTED, 400)
    purge("--dry-run")
    purge()
    for role in ("admin", "manager"):
        login_as(role)
        response = client.get("/admin/reports/site-history/")
        html = response.content.decode()
        assert response.status_code == 200, role
        assert "Retention run" in html, role
        assert "Dry run, nothing changed. Due: Special Constable applications: 1" in html, role
        assert "Personal data removed. Special Constable applications: 1" in html, role


def test_no_audit_entry_holds_personal_data(client, login_as):
    """Submit, work, export, anonymise: nothing the applicant typed is left in the audit log."""
    application = SpecialConstableApplicationFactory(
        first_name="Audrey", last_name="Unlogged", email="audrey.unlogged@example.com"
    )
    recruiter = login_as("recruiter")
    triage.assign(application, recruiter, by=recruiter)
    triage.add_note(application, "Audrey called back.", by=recruiter)
    triage.move(application, SpecialStatus.REJECTED, by=recruiter, reason=DecisionReasonFactory())
    export = client.get("/admin/recruitment/specialconstableapplication/?export=csv")
    assert export.status_code == 200
    assert b"Unlogged" in b"".join(export.streaming_content)  # the applicant was exported
    application.decided_at = timezone.now() - 400 * DAY
    application.save()
    purge()
    entries = ModelLogEntry.objects.all()
    assert entries.filter(object_id=str(application.pk)).count() >= 5
    for entry in entries:
        text = json.dumps([entry.label, entry.data, entry.content_changed]).lower()
        assert "audrey" not in text and "unlogged" not in text, entry.action


def test_months_before_keeps_the_day_or_the_end_of_the_month():
    moment = datetime.datetime(2027, 3, 31, 9, 30, tzinfo=datetime.UTC)
    assert months_before(moment, 1) == datetime.datetime(2027, 2, 28, 9, 30, tzinfo=datetime.UTC)
    assert months_before(moment, 12) == datetime.datetime(2026, 3, 31, 9, 30, tzinfo=datetime.UTC)
    assert months_before(moment, 27).date() == datetime.date(2024, 12, 31)


def test_retention_settings_explain_what_is_wrong(client, login_as):
    login_as("manager")
    url = f"/admin/settings/recruitment/recruitmentsettings/{RecruitmentSettings.load().pk}/"
    assert client.get(url).status_code == 200
    response = client.post(
        url,
        {
            "special_retention_months": "18",
            "appointed_retention_months": "12",
            "mini_police_retention_months": "0",
            "sent_email_retention_days": "30",
            "unsent_email_retention_days": "30",
            "draft_retention_days": "30",
        },
    )
    html = response.content.decode()
    assert "Keep appointed Special Constables at least as long as other applications (18" in html
    assert "Keep personal data for at least 1 month." in html
    assert 'value="18"' in html  # what was typed is kept
    assert RecruitmentSettings.load().special_retention_months == 12
    client.post(
        url,
        {
            "special_retention_months": "18",
            "appointed_retention_months": "36",
            "mini_police_retention_months": "6",
            "sent_email_retention_days": "14",
            "unsent_email_retention_days": "60",
            "draft_retention_days": "7",
        },
    )
    saved = RecruitmentSettings.load()
    assert (saved.special_retention_months, saved.appointed_retention_months) == (18, 36)
    assert saved.draft_retention_days == 7
    assert saved.unsent_email_retention_days == 60


def test_recruitment_staff_cannot_change_the_periods(client, login_as):
    login_as("recruiter")
    url = "/admin/settings/recruitment/recruitmentsettings/"
    before = RecruitmentSettings.load().special_retention_months
    edit = f"{url}{RecruitmentSettings.load().pk}/"
    assert client.get(url).status_code in (302, 403)
    assert client.get(edit).status_code in (302, 403)
    valid = {
        "special_retention_months": str(before + 1),
        "appointed_retention_months": "48",
        "mini_police_retention_months": "12",
        "sent_email_retention_days": "30",
        "unsent_email_retention_days": "30",
        "draft_retention_days": "30",
    }
    assert client.post(edit, valid).status_code in (302, 403)
    assert RecruitmentSettings.load().special_retention_months == before


# Erasure is a recorded event, and its status change goes through the workflow (issue 23).


def test_erasing_an_open_application_withdraws_it_with_its_own_history_entry(client, login_as):
    from recruitment import data_requests

    manager = login_as("manager")
    manager.first_name, manager.last_name = "Mani", "Manager"
    manager.save()
    application = SpecialConstableApplicationFactory(email="gone@example.com")
    data_requests.erase("gone@example.com", by=manager)

    application.refresh_from_db()
    assert application.status == SpecialStatus.WITHDRAWN and application.decided_at
    move, erase = (
        triage.history(application)
        .filter(action__in=["recruitment.move", "recruitment.erase"])
        .order_by("pk")
    )
    assert (move.user, move.message) == (
        manager,
        "Moved from New to Withdrawn when its personal data was erased",
    )
    assert (erase.user, erase.data) == (manager, {"reason": "request"})
    html = client.get(application.admin_url()).content.decode()
    assert "Mani Manager: Moved from New to Withdrawn when its personal data was erased" in html
    assert "Mani Manager: Personal data erased at the applicant&#x27;s request" in html


def test_retention_is_named_in_the_history_as_who_removed_the_data(client, login_as):
    old = decided(SpecialConstableApplicationFactory, SpecialStatus.REJECTED, 400)
    purge()
    entry = triage.history(old).get(action="recruitment.anonymise")
    assert entry.data == {"reason": "retention"}
    login_as("recruiter")
    html = client.get(old.admin_url()).content.decode()
    assert "retention: Personal data removed after the retention period" in html


def test_erasure_does_not_overwrite_a_status_change_made_meanwhile(home_page):
    recruiter = RecruiterFactory(first_name="Riya", last_name="Recruiter")
    manager = ManagerFactory()
    application = SpecialConstableApplicationFactory()
    erasing = SpecialConstableApplication.objects.get(pk=application.pk)  # read while New
    reason = DecisionReasonFactory(label="Does not meet the residency requirement")
    triage.assign(application, recruiter, by=recruiter)
    triage.move(application, SpecialStatus.REJECTED, by=recruiter, reason=reason)

    retention.anonymise(erasing, action="recruitment.erase", by=manager)

    application.refresh_from_db()
    assert application.status == SpecialStatus.REJECTED  # the decision stands, not Withdrawn
    assert application.decision_reason_label == "Does not meet the residency requirement"
    assert application.assignee == recruiter
    assert application.first_name == "" and application.anonymised_at is not None
    moves = triage.history(application).filter(action="recruitment.move")
    assert [m.message for m in moves] == [
        "Moved from New to Rejected. Reason: Does not meet the residency requirement"
    ]
    assert triage.history(application).filter(action="recruitment.erase").count() == 1


def test_erasure_withdraws_from_the_status_a_colleague_moved_it_to(home_page):
    manager = ManagerFactory()
    application = SpecialConstableApplicationFactory()
    erasing = SpecialConstableApplication.objects.get(pk=application.pk)  # read while New
    triage.move(application, SpecialStatus.IN_REVIEW, by=RecruiterFactory())

    retention.anonymise(erasing, action="recruitment.erase", by=manager)

    application.refresh_from_db()
    assert application.status == SpecialStatus.WITHDRAWN
    moves = triage.history(application).filter(action="recruitment.move").order_by("pk")
    assert [m.data["from"] for m in moves] == ["New", "In review"]
