"""A recruiter's day in the queues: scannable lists, one-screen triage, decisions with reasons,
duplicates both ways, erasure told truthfully, and messages to applicants from templates."""

import csv
import datetime
import io
import re
from unittest import mock

import pytest
from django.contrib.messages import get_messages
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from accounts.factories import ManagerFactory, RecruiterFactory
from recruitment import data_requests, journey, links, notifications, triage
from recruitment.enums import MiniPoliceStatus, NotificationKind, SpecialStatus
from recruitment.factories import (
    DecisionReasonFactory,
    MessageTemplateFactory,
    MiniPoliceRegistrationFactory,
    SpecialConstableApplicationFactory,
)
from recruitment.models import DecisionReason, Notification, SpecialConstableApplication
from recruitment.queues.specials import SPECIALS
from recruitment.workflows import ChangedMeanwhile

pytestmark = pytest.mark.django_db

SC = "specialconstableapplication"
MP = "minipoliceregistration"
SC_QUEUE = f"/admin/recruitment/{SC}/"


@pytest.fixture
def recruiter(client, home_page):
    user = RecruiterFactory(first_name="Riya", last_name="Recruiter")
    client.force_login(user)
    return user


def _text(html):
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def _cells(html):
    """The queue table's rows as lists of cell HTML."""
    table = html[html.index('<div class="recruitment-queue">') :]
    body = table[table.index("<tbody>") : table.index("</tbody>")]
    return [re.findall(r"<td[^>]*>(.*?)</td>", row, re.S) for row in body.split("</tr>")[:-1]]


def test_queue_row_starts_with_the_checkbox_and_links_reference_and_name(client, recruiter):
    application = SpecialConstableApplicationFactory(first_name="Morgan", last_name="Example")
    html = client.get(SC_QUEUE + "?status=new").content.decode()
    row = _cells(html)[0]
    assert 'type="checkbox"' in row[0]
    inspect = application.admin_url() + "?from=status%3Dnew"
    assert f'<a href="{inspect}" class="recruitment-nowrap">{application.reference}</a>' in row[1]
    assert f'<a href="{inspect}">' in row[2] and _text(row[2]) == "Morgan Example"
    assert '<span class="recruitment-word">Morgan</span>' in row[2]  # wraps only at spaces
    assert '<span class="w-status w-status--primary recruitment-nowrap">New</span>' in row[3]
    assert "Inspect" not in html  # no button under the reference


def test_waiting_flag_is_short_and_its_rule_said_once(client, recruiter):
    SpecialConstableApplicationFactory(status_changed_at=timezone.now() - datetime.timedelta(16))
    html = client.get(SC_QUEUE).content.decode()
    assert "Waiting 16 days" in _text(_cells(html)[0][-1])
    assert html.count("an open application has stayed in its status longer than") == 1


def test_one_uk_date_format_in_list_inspect_history_and_export(client, recruiter):
    moment = timezone.make_aware(datetime.datetime(2026, 11, 30, 12, 25))
    application = SpecialConstableApplicationFactory(submitted_at=moment)
    triage.add_note(application, "Checked.", by=recruiter)
    assert "30 Nov 2026, 12:25" in _cells(client.get(SC_QUEUE).content.decode())[0][6]
    inspect = client.get(application.admin_url()).content.decode()
    assert "30 Nov 2026, 12:25" in inspect  # submitted
    assert "/2026" not in inspect and "p.m." not in inspect
    response = client.get(SC_QUEUE + "?export=csv")
    row = next(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert row["Submitted at"] == "30 Nov 2026, 12:25"


def test_inspect_groups_answers_by_section_and_computes_the_age(client, recruiter):
    application = SpecialConstableApplicationFactory(date_of_birth=datetime.date(1990, 1, 1))
    html = client.get(application.admin_url()).content.decode()
    titles = re.findall(r'<h2 id="section-\d+" class="w-h2">(.*?)</h2>', html)
    journey = [section.title for section in SPECIALS.sections]  # as the applicant met them
    assert titles == ["Application", *journey, "Consent"]
    today = timezone.localdate()
    age = today.year - 1990
    assert re.search(rf"<dt>Age</dt><dd>{age}</dd>", html)


def test_previous_and_next_follow_the_filtered_list(client, recruiter):
    now = timezone.now()
    a, b, c = (
        SpecialConstableApplicationFactory(submitted_at=now - datetime.timedelta(hours=h))
        for h in (1, 2, 3)
    )
    SpecialConstableApplicationFactory(
        submitted_at=now - datetime.timedelta(minutes=90), status=SpecialStatus.VETTING
    )  # between a and b, but not in the filtered list
    html = client.get(b.admin_url() + "?from=status%3Dnew").content.decode()
    assert f'href="{a.admin_url()}?from=status%3Dnew" rel="prev"' in html
    assert f'href="{c.admin_url()}?from=status%3Dnew" rel="next"' in html
    html = client.get(a.admin_url() + "?from=status%3Dnew").content.decode()
    assert "No previous application" in html
    response = client.get(a.admin_url() + "?from=nonsense__field%3D1")  # hand-edited
    assert response.status_code == 200
    assert "Next application" not in response.content.decode()


def test_move_to_offers_no_preselected_status(client, recruiter):
    application = SpecialConstableApplicationFactory()
    html = client.get(application.admin_url()).content.decode()
    assert '<option value="" selected>Choose a status</option>' in html
    assert '<option value="in_review" selected' not in html


def test_reject_asks_for_confirmation_and_a_reason(client, recruiter):
    application = SpecialConstableApplicationFactory()
    reason = DecisionReasonFactory(label="Does not meet the residency requirement")
    url = reverse("recruitment_move", args=[SC, application.pk])

    confirm = client.post(url, {"status": "rejected"})
    assert confirm.status_code == 200
    assert "Does not meet the residency requirement" in confirm.content.decode()
    application.refresh_from_db()
    assert application.status == SpecialStatus.NEW  # nothing happens before confirming

    refused = client.post(url, {"status": "rejected", "confirm": "yes", "note": "Kept"})
    html = refused.content.decode()
    assert "Choose the reason it is rejected from the list." in html
    assert ">Kept</textarea>" in html  # what was typed is kept
    application.refresh_from_db()
    assert application.status == SpecialStatus.NEW

    client.post(url, {"status": "rejected", "confirm": "yes", "reason": reason.pk})
    application.refresh_from_db()
    assert (application.status, application.decision_reason) == ("rejected", reason)
    html = client.get(application.admin_url()).content.decode()
    assert "Reason: Does not meet the residency requirement" in html  # history
    assert 'id="move-to"' not in html and 'id="assign-to"' not in html  # decided
    assert 'id="note-text"' in html  # still takes notes
    response = client.get(SC_QUEUE + "?export=csv")
    row = next(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert row["Decision reason"] == "Does not meet the residency requirement"


def test_bulk_bar_offers_no_decision_and_refuses_one(client, recruiter):
    application = SpecialConstableApplicationFactory()
    html = client.get(SC_QUEUE).content.decode()
    bar = html[html.index('id="bulk-actions"') : html.index("</form>", html.index("bulk-actions"))]
    assert 'value="rejected"' not in bar and 'value="withdrawn"' not in bar
    client.post(
        reverse("recruitment_bulk", args=[SC]),
        {"selected": [application.pk], "action": "move", "status": "rejected"},
    )
    application.refresh_from_db()
    assert application.status == SpecialStatus.NEW


def test_duplicates_are_flagged_and_linked_both_ways(
    client, recruiter, specials_page, submit, special_answers
):
    submit(specials_page, special_answers)
    special_answers["token"] = "1b7d0c1e-5f3a-4a57-9d4c-2a1f4f6b2f11"
    special_answers["email"] = special_answers["email"].upper()
    submit(specials_page, special_answers)
    first, second = SpecialConstableApplicationFactory._meta.model.objects.order_by("pk")
    assert first.possible_duplicate and second.possible_duplicate

    html = client.get(SC_QUEUE + "?possible_duplicate__exact=1").content.decode()
    rows = {cells[1]: cells[-1] for cells in _cells(html)}
    assert len(rows) == 2
    for this, other in ((first, second), (second, first)):
        flags = next(f for ref, f in rows.items() if this.reference in ref)
        assert f'href="{other.admin_url()}" class="recruitment-word">{other.reference}</a>' in flags
        inspect = client.get(this.admin_url()).content.decode()
        assert f'<a href="{other.admin_url()}">{other.reference}</a>' in inspect
    response = client.get(SC_QUEUE + "?export=csv")
    exported = {
        r["Reference"]: r["Possible duplicate of"]
        for r in csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode()))
    }
    assert exported == {first.reference: second.reference, second.reference: first.reference}


def test_erasure_is_told_truthfully_everywhere(client, home_page):
    manager = ManagerFactory(first_name="Mani", last_name="Manager")
    erased = SpecialConstableApplicationFactory(email="gone@example.com")
    expired = SpecialConstableApplicationFactory(status=SpecialStatus.REJECTED)
    data_requests.erase("gone@example.com", by=manager)
    from recruitment import retention

    retention.anonymise(expired)
    client.force_login(manager)
    today = timezone.localdate().strftime("%-d %b %Y")

    html = client.get(erased.admin_url()).content.decode()
    assert (
        f"Personal data erased at the applicant&#x27;s request on {today} by Mani Manager" in html
    )
    assert 'id="note-text"' not in html
    html = client.get(expired.admin_url()).content.decode()
    assert f"Personal data removed on {today} at the end of the retention period" in html

    names = {cells[1]: cells[2] for cells in _cells(client.get(SC_QUEUE).content.decode())}
    assert _text(next(n for r, n in names.items() if erased.reference in r)) == "Erased"
    assert _text(next(n for r, n in names.items() if expired.reference in r)) == "Removed"

    response = client.post(reverse("recruitment_note", args=[SC, erased.pk]), {"text": "Hi"})
    assert response.status_code == 302
    assert not erased.notes.exists()

    response = client.get(SC_QUEUE + "?export=csv")
    rows = {
        r["Reference"]: r["Personal data"]
        for r in csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode()))
    }
    assert rows[erased.reference].startswith("Personal data erased at the applicant's request")


def test_message_from_a_template_goes_through_the_outbox_and_the_history(
    client, recruiter, django_capture_on_commit_callbacks, mailoutbox, caplog
):
    application = SpecialConstableApplicationFactory(
        first_name="Jordan", email="jordan@example.com", status=SpecialStatus.ASSESSMENT
    )
    template = MessageTemplateFactory()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("recruitment_message", args=[SC, application.pk]),
            {"template": template.pk, "paragraph": "Come on 3 December at 10:00."},
        )
    assert response.status_code == 302
    row = Notification.objects.get(kind=NotificationKind.MESSAGE)
    assert row.subject == f"Your application {application.reference}: invitation to an assessment"
    assert row.body.startswith("Dear Jordan,\n\nYou are at the Assessment stage.")
    assert "Come on 3 December at 10:00." in row.body
    assert row.template_name == template.name
    assert len(mailoutbox) == 1 and mailoutbox[0].to == ["jordan@example.com"]
    entry = triage.history(application).filter(action="recruitment.message").get()
    assert entry.message == "Emailed the applicant: “Assessment day invitation”"
    assert "jordan" not in str(entry.data).lower()
    assert "jordan@example.com" not in caplog.text
    assert (
        notifications.last_message_sent(application) == Notification.objects.get(pk=row.pk).sent_at
    )
    document = data_requests.document("jordan@example.com")
    emails = document["submissions"][0]["emails"]
    assert [e["template"] for e in emails] == ["Assessment day invitation"]


def test_message_signs_off_with_the_forces_name_even_when_the_form_page_is_gone(
    client, recruiter, site_settings, django_capture_on_commit_callbacks
):
    site_settings.force_name = "Northshire Police"
    site_settings.save()
    application = SpecialConstableApplicationFactory(page=None, status=SpecialStatus.ASSESSMENT)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("recruitment_message", args=[SC, application.pk]),
            {"template": MessageTemplateFactory().pk, "paragraph": ""},
        )
    body = Notification.objects.get(kind=NotificationKind.MESSAGE).body
    assert body.rstrip().endswith("Northshire Police")
    assert "Blue Lamp" not in body


def test_message_needs_a_template(client, recruiter):
    application = SpecialConstableApplicationFactory()
    response = client.post(reverse("recruitment_message", args=[SC, application.pk]), {})
    assert "Choose the message to send." in [m.message for m in get_messages(response.wsgi_request)]
    assert not Notification.objects.filter(kind=NotificationKind.MESSAGE).exists()


def test_template_with_an_unknown_placeholder_is_refused(client, home_page):
    client.force_login(ManagerFactory())
    response = client.post(
        "/admin/recruitment/messagetemplate/create/",
        {"name": "Oops", "subject": "Hello {firstname}", "body": "Hi", "active": "on"},
    )
    assert response.status_code == 200
    assert "Unknown placeholder {firstname}" in response.content.decode()


def test_emails_read_well(home_page, specials_page, mini_page):
    application = SpecialConstableApplicationFactory()
    ack = notifications.acknowledgement(application, specials_page)
    assert ack["subject"] == f"Your Special Constable application: {application.reference}"
    registration = MiniPoliceRegistrationFactory(status=MiniPoliceStatus.NEW)
    ack = notifications.acknowledgement(registration, mini_page)
    assert ack["subject"].startswith("Your Mini Police registration: ")
    assert "What happens next: A neighbourhood officer will contact the school" in ack["body"]
    mini_page.thank_you_text = "<p>We will phone the school&#x27;s office.</p>"
    ack = notifications.acknowledgement(registration, mini_page)
    assert "What happens next: We will phone the school's office." in ack["body"]


# Staff changes never overwrite each other (issue 23). The threads version, on PostgreSQL, is
# tests/recruitment/test_concurrent_staff.py; these are the same race from a stale read.


def _messages(response):
    return [str(m) for m in get_messages(response.wsgi_request)]


def _last_move_at(submission):
    """The time of the latest move, as a refusal names it ("14:02")."""
    entry = triage.history(submission).filter(action="recruitment.move").first()
    return timezone.localtime(entry.timestamp).strftime("%H:%M")


def test_a_move_from_a_stale_read_is_refused_and_says_who_changed_it(recruiter):
    riya = recruiter
    sam = RecruiterFactory(first_name="Sam", last_name="Second")
    application = SpecialConstableApplicationFactory()
    mine = type(application).objects.get(pk=application.pk)  # both read "New"
    theirs = type(application).objects.get(pk=application.pk)
    reason = DecisionReasonFactory(label="Does not meet the residency requirement")

    triage.move(theirs, SpecialStatus.REJECTED, by=riya, reason=reason)
    with pytest.raises(ChangedMeanwhile) as refusal:
        triage.move(mine, SpecialStatus.IN_REVIEW, by=sam)

    assert str(refusal.value) == (
        f"Riya Recruiter moved {application.reference} to Rejected at "
        f"{_last_move_at(application)}; your change was not made."
    )
    application.refresh_from_db()
    assert (application.status, application.decision_reason_label) == (
        SpecialStatus.REJECTED,
        "Does not meet the residency requirement",
    )
    moves = triage.history(application).filter(action="recruitment.move")
    assert [m.message for m in moves] == [
        "Moved from New to Rejected. Reason: Does not meet the residency requirement"
    ]
    assert mine.status == SpecialStatus.REJECTED  # the refused one now holds what is true


def test_an_assignment_from_a_stale_read_is_refused_not_taken_over(recruiter):
    sam = RecruiterFactory(first_name="Sam", last_name="Second", username="sam")
    application = SpecialConstableApplicationFactory()
    mine = type(application).objects.get(pk=application.pk)
    triage.assign(application, sam, by=sam)  # Sam took it first
    with pytest.raises(ChangedMeanwhile, match=r"^Sam Second assigned SC-\S+ to Sam Second at"):
        triage.assign(mine, recruiter, by=recruiter)
    application.refresh_from_db()
    assert application.assignee == sam
    assert triage.history(application).filter(action="recruitment.assign").count() == 1


def test_a_stale_admin_form_tells_the_second_recruiter_and_changes_nothing(client, recruiter):
    application = SpecialConstableApplicationFactory()
    reason = DecisionReasonFactory(label="Does not meet the residency requirement")
    url = reverse("recruitment_move", args=[SC, application.pk])
    sam = Client()
    sam.force_login(RecruiterFactory(first_name="Sam", last_name="Second"))
    # Both open the application while it is New; each form carries the status it showed.
    for browser in (client, sam):
        assert 'name="seen_status" value="new"' in browser.get(application.admin_url()).text

    # Sam starts a rejection: the confirmation step carries what he saw.
    confirm = sam.post(url, {"status": "rejected", "seen_status": "new"}).text
    assert '<input type="hidden" name="seen_status" value="new">' in confirm
    # Riya moves it to In review from her page.
    client.post(url, {"status": "in_review", "seen_status": "new"})
    # Sam confirms: rejected is allowed from In review, but it is not what he decided on.
    response = sam.post(
        url,
        {
            "status": "rejected",
            "confirm": "yes",
            "reason": reason.pk,
            "seen_status": "new",
            "note": "Lived abroad 2023–2025; résumé checked",
        },
        follow=True,
    )
    # What he typed is not lost: kept as an internal note, and he is told so.
    assert [n.text for n in application.notes.all()] == ["Lived abroad 2023–2025; résumé checked"]
    assert "The note you wrote with it has been kept as an internal note." in _messages(response)
    told = (
        f"Riya Recruiter moved {application.reference} to In review at "
        f"{_last_move_at(application)}; your change was not made."
    )
    assert told in _messages(response)
    assert response.status_code == 200 and told in response.text  # shown on his page
    application.refresh_from_db()
    assert application.status == SpecialStatus.IN_REVIEW
    assert triage.history(application).filter(action="recruitment.move").count() == 1

    # Pressing "Assign" on a page that showed nobody, after Riya took it, is refused too.
    triage.assign(application, recruiter, by=recruiter)
    response = sam.post(
        reverse("recruitment_assign", args=[SC, application.pk]),
        {"assignee": "me", "seen_assignee": ""},
        follow=True,
    )
    assert any(m.startswith("Riya Recruiter assigned") for m in _messages(response))
    application.refresh_from_db()
    assert application.assignee == recruiter


def test_a_bulk_move_reports_the_rows_changed_since_the_list_was_read(client, recruiter):
    stale, fresh = SpecialConstableApplicationFactory.create_batch(2)
    html = client.get(SC_QUEUE).text
    assert f'name="seen_status_{stale.pk}" value="new" form="bulk-actions"' in html
    # A colleague moves one on, after the list was read and before the bulk move.
    triage.move(stale, SpecialStatus.IN_REVIEW, by=RecruiterFactory(first_name="Sam"))
    response = client.post(
        reverse("recruitment_bulk", args=[SC]),
        {
            "selected": [stale.pk, fresh.pk],
            f"seen_status_{stale.pk}": "new",
            f"seen_status_{fresh.pk}": "new",
            "action": "move",
            "status": "in_review",
        },
        follow=True,
    )
    messages = _messages(response)
    assert "Moved 1 to in review." in messages
    assert any(
        m.startswith("Sam ")
        and f"moved {stale.reference} to In review" in m
        and m.endswith("your change was not made.")
        for m in messages
    )
    assert triage.history(stale).filter(action="recruitment.move").count() == 1


def test_editing_a_reason_changes_no_past_decision(client, recruiter):
    reason = DecisionReasonFactory(label="Does not meet the residency requirement")
    application = SpecialConstableApplicationFactory(status=SpecialStatus.IN_REVIEW)
    triage.move(application, SpecialStatus.REJECTED, by=recruiter, reason=reason)
    reason.label = "Residency"
    reason.save()

    application.refresh_from_db()
    assert application.decision_reason_display() == "Does not meet the residency requirement"
    html = client.get(application.admin_url()).text
    assert "<dt>Reason</dt><dd>Does not meet the residency requirement</dd>" in html
    assert "Reason: Does not meet the residency requirement" in html  # history
    response = client.get(SC_QUEUE + "?export=csv")
    row = next(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert row["Decision reason"] == "Does not meet the residency requirement"


def test_a_reason_in_use_is_retired_not_deleted(client, home_page):
    client.force_login(ManagerFactory())
    used = DecisionReasonFactory(label="Does not meet the residency requirement")
    SpecialConstableApplicationFactory(status=SpecialStatus.REJECTED, reason=used)
    unused = DecisionReasonFactory(label="Never given")
    delete = "/admin/recruitment/decisionreason/delete/{}/"

    page = client.get(delete.format(used.pk))
    assert page.status_code == 200
    assert "is in use, so it cannot be deleted" in page.text
    assert "It is the reason given for 1 decision." in page.text
    response = client.post(delete.format(used.pk))
    assert response.status_code == 409  # never a 500, and never deleted
    assert "is in use, so it cannot be deleted" in response.text
    assert DecisionReason.objects.filter(pk=used.pk).exists()

    listing = client.get("/admin/recruitment/decisionreason/").text
    retire = f"/admin/recruitment/decisionreason/retire/{used.pk}/"
    assert f'href="{retire}"' in listing
    assert "Recruiters will no longer be offered it" in client.get(retire).text
    response = client.post(retire, follow=True)
    assert any("is retired" in m for m in _messages(response))
    used.refresh_from_db()
    assert used.active is False
    assert used not in triage.reasons_for(SpecialConstableApplication, SpecialStatus.REJECTED)

    client.post(delete.format(unused.pk))  # never given: deleting it is fine
    assert not DecisionReason.objects.filter(pk=unused.pk).exists()


def test_recruiters_cannot_retire_reasons(client, recruiter):
    reason = DecisionReasonFactory()
    response = client.post(f"/admin/recruitment/decisionreason/retire/{reason.pk}/")
    assert response.status_code == 403
    reason.refresh_from_db()
    assert reason.active


def _status_page(client, page, submission):
    """The applicant's status page for submission (a fresh status link, as the emails give)."""
    token = links.new_token()
    type(submission).objects.filter(pk=submission.pk).update(
        status_token_hash=links.hash_token(token),
        status_token_expires_at=timezone.now() + datetime.timedelta(days=1),
    )
    exchanged = client.get(f"{page.url}status/{token}/")  # for the session, then status/
    response = client.get(exchanged["Location"])
    assert response.status_code == 200
    return _text(response.text)


def test_the_status_page_says_we_wrote_only_when_a_message_was_sent(
    client, recruiter, specials_page, django_capture_on_commit_callbacks
):
    application = SpecialConstableApplicationFactory(status=SpecialStatus.IN_REVIEW)
    template = MessageTemplateFactory()
    reason = DecisionReasonFactory(label="Does not meet the residency requirement")
    applicant = Client()
    # Emailed before the decision: that email is not about the decision.
    with django_capture_on_commit_callbacks(execute=True):
        notifications.send_message(application, template, "", by=recruiter)
    triage.move(application, SpecialStatus.REJECTED, by=recruiter, reason=reason)

    text = _status_page(applicant, specials_page, application)
    assert "Your application: not successful" in text
    assert "You can apply again after 6 months." in text
    assert "written to you" not in text and "about this decision" not in text
    today = timezone.localdate().strftime("%-d %B %Y")
    assert f"We last emailed you on {today}." in text

    # A message written but not sent yet (the mail server is down): still nothing claimed.
    notifications.send_message(application, template, "", by=recruiter)  # never committed
    text = _status_page(applicant, specials_page, application)
    assert "about this decision" not in text

    with django_capture_on_commit_callbacks(execute=True):
        notifications.send_message(application, template, "", by=recruiter)
    text = _status_page(applicant, specials_page, application)
    assert f"We emailed you about this decision on {today}." in text


def test_the_status_page_of_a_decision_nobody_wrote_about_claims_no_email(
    client, specials_page, mini_page
):
    for page, factory, status in (
        (specials_page, SpecialConstableApplicationFactory, SpecialStatus.REJECTED),
        (mini_page, MiniPoliceRegistrationFactory, MiniPoliceStatus.DECLINED),
    ):
        text = _status_page(client, page, factory(status=status))
        assert "written" not in text and "emailed" not in text


def test_a_withdrawal_after_staff_decided_keeps_the_decision_and_is_no_error(
    client, recruiter, specials_page
):
    application = SpecialConstableApplicationFactory()
    stale = type(application).objects.get(pk=application.pk)  # the view's read: still New
    triage.move(application, SpecialStatus.REJECTED, by=recruiter, reason=DecisionReasonFactory())
    status = f"{specials_page.url}status/"
    with mock.patch.object(journey, "_status_submission", return_value=stale):
        response = client.post(f"{status}withdraw/")
    assert response.status_code == 302 and response["Location"] == status
    application.refresh_from_db()
    assert application.status == SpecialStatus.REJECTED
    assert triage.history(application).filter(action="recruitment.move").count() == 1
