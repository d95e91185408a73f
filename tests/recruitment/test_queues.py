"""Recruitment staff triage submissions in the admin queues; nobody else can see them."""

import csv
import io
import re

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from openpyxl import load_workbook

from accounts.factories import EditorFactory, RecruiterFactory
from recruitment import triage
from recruitment.enums import MiniPoliceStatus, SpecialStatus
from recruitment.factories import (
    MessageTemplateFactory,
    MiniPoliceRegistrationFactory,
    SpecialConstableApplicationFactory,
)
from recruitment.models import (
    MiniPoliceRegistration,
    Note,
    Notification,
    SpecialConstableApplication,
)
from tests.recruitment.conftest import area_id

pytestmark = pytest.mark.django_db

SC = "specialconstableapplication"
MP = "minipoliceregistration"


@pytest.fixture
def queue_data(areas):
    """One new Special Constable application with known answers, and one new Mini Police
    registration: a row in each queue."""
    application = SpecialConstableApplicationFactory(
        first_name="Findable", last_name="Person", email="findable.person@example.com"
    )
    registration = MiniPoliceRegistrationFactory()
    return application, registration


def _duplicate_pair(**fields):
    """A school that registered twice for the same academic year, both flagged (as
    triage.flag_duplicates leaves them)."""
    first = MiniPoliceRegistrationFactory(possible_duplicate=True, **fields)
    second = MiniPoliceRegistrationFactory(
        urn=first.urn,
        preferred_start=first.preferred_start,
        possible_duplicate=True,
        contact_name="Jo Office-Manager",
    )
    return first, second


def queue_urls(application, registration):
    """Every page of both queues, with the method to reach it."""
    urls = []
    for name, obj in ((SC, application), (MP, registration)):
        base = f"/admin/recruitment/{name}/"
        urls += [
            ("get", base),
            ("get", base + "?export=csv"),
            ("get", base + "?export=xlsx"),
            ("get", f"{base}inspect/{obj.pk}/"),
            ("get", f"{base}history/{obj.pk}/"),
            ("post", f"/admin/recruitment/{name}/{obj.pk}/assign/"),
            ("post", f"/admin/recruitment/{name}/{obj.pk}/move/"),
            ("post", f"/admin/recruitment/{name}/{obj.pk}/note/"),
            ("post", f"/admin/recruitment/{name}/{obj.pk}/message/"),
            ("post", f"/admin/recruitment/{name}/bulk/"),
        ]
    urls.append(("get", "/admin/recruitment/"))
    return urls


@pytest.mark.parametrize("username", ["editor", "moderator"])
def test_editor_and_moderator_get_403_on_every_queue_url(client, login_as, queue_data, username):
    login_as(username)
    template = MessageTemplateFactory()
    data = {
        "assignee": "me",
        "status": "in_review",
        "text": "x",
        "template": template.pk,
        "paragraph": "x",
        "action": "assign",
        "selected": [obj.pk for obj in queue_data],
    }
    for method, url in queue_urls(*queue_data):
        response = getattr(client, method)(url, data if method == "post" else None)
        assert response.status_code == 403, (username, url)
    for submission in queue_data:
        submission.refresh_from_db()
        assert (submission.assignee, submission.status) == (None, "new")
        assert not submission.notes.all().exists()
        assert not submission.notifications.all().exists()
        assert not triage.history(submission).exists()  # nothing assigned, moved or exported
    assert not Note.objects.filter(text="x").exists()
    assert not Notification.objects.exists()


@pytest.mark.parametrize("username", ["editor", "moderator"])
def test_editor_and_moderator_see_no_recruitment_menu(client, login_as, username):
    login_as(username)
    html = client.get("/admin/").content.decode()
    assert "/admin/recruitment/" not in html
    assert '"name": "recruitment"' not in html  # the menu item
    assert "My open applications" not in html  # the dashboard panel


@pytest.mark.parametrize("username", ["recruiter", "admin"])
def test_recruitment_staff_reach_every_queue_page(client, login_as, queue_data, username):
    user = login_as(username)
    application, registration = queue_data
    triage.assign(application, user, by=user)  # in the history and on the dashboard
    triage.add_note(registration, "Asked about dates.", by=user)
    # Rows the lists draw differently: assigned with a note and waiting too long, decided
    # with a reason, erased, and a school that registered twice.
    _aged(
        SpecialConstableApplicationFactory, SpecialStatus.VETTING, 40, assignee=user
    ).notes.create(author=user, text="Vetting forms sent.")
    SpecialConstableApplicationFactory(status=SpecialStatus.REJECTED)
    SpecialConstableApplicationFactory(erased=True)
    _duplicate_pair()
    MiniPoliceRegistrationFactory(status=MiniPoliceStatus.DECLINED)
    for method, url in queue_urls(application, registration):
        if method == "get":
            response = client.get(url)
            assert response.status_code == 200, (username, url)
    history = client.get(f"/admin/recruitment/{SC}/history/{application.pk}/").content.decode()
    assert f"Assigned to {username}" in history
    html = client.get("/admin/").content.decode()
    assert "/admin/recruitment/specialconstableapplication/" in html
    assert "My open applications" in html


def test_anonymous_visitors_are_sent_to_log_in(client, queue_data):
    for method, url in queue_urls(*queue_data):
        response = getattr(client, method)(url)
        assert response.status_code in (302, 403), url
        if response.status_code == 302:
            assert "/admin/login/" in response["Location"]


@pytest.mark.parametrize("action", ["create/", "edit/{pk}/", "delete/{pk}/"])
def test_nobody_creates_edits_or_deletes_submissions_in_the_admin(
    client, login_as, queue_data, action
):
    login_as("recruiter")
    application, _ = queue_data
    url = f"/admin/recruitment/{SC}/" + action.format(pk=application.pk)
    assert client.get(url).status_code == 403
    assert client.post(url).status_code == 403
    assert SpecialConstableApplication.objects.filter(pk=application.pk).exists()
    assert SpecialConstableApplication.objects.count() == 1  # nothing created either


def test_queue_lists_and_searches(client, login_as, queue_data):
    login_as("recruiter")
    application, _ = queue_data
    other = SpecialConstableApplicationFactory(first_name="Someone", last_name="Else")
    html = client.get(f"/admin/recruitment/{SC}/").content.decode()
    assert "Findable Person" in _text(html)
    assert "Someone Else" in _text(html)
    html = client.get(f"/admin/recruitment/{SC}/?q=findable").content.decode()
    assert application.reference in html
    assert "Findable Person" in _text(html)
    assert other.reference not in html
    html = client.get(f"/admin/recruitment/{SC}/?q={application.reference}").content.decode()
    assert "Findable Person" in _text(html)
    assert other.reference not in html
    html = client.get(f"/admin/recruitment/{SC}/?q=nobody-is-called-this").content.decode()
    assert "Findable Person" not in html
    assert other.reference not in html


def test_queue_filters_by_status_assignee_area_and_flag(client, login_as, queue_data):
    recruiter = login_as("recruiter")
    application, registration = queue_data
    application.area_id = area_id("Northvale")
    application.save(update_fields=["area"])
    triage.assign(application, recruiter, by=recruiter)
    unassigned = SpecialConstableApplicationFactory(area_id=area_id("Eastmoor"))
    colleagues = SpecialConstableApplicationFactory(assignee=RecruiterFactory())
    appointed = SpecialConstableApplicationFactory(status=SpecialStatus.APPOINTED)

    html = client.get(f"/admin/recruitment/{SC}/?assignee=me").content.decode()
    assert application.reference in html
    assert unassigned.reference not in html
    assert colleagues.reference not in html
    html = client.get(f"/admin/recruitment/{SC}/?status=appointed").content.decode()
    assert appointed.reference in html
    assert application.reference not in html
    html = client.get(f"/admin/recruitment/{SC}/?area={application.area_id}").content.decode()
    assert application.reference in html
    assert unassigned.reference not in html

    first, second = _duplicate_pair()
    html = client.get(f"/admin/recruitment/{MP}/?possible_duplicate__exact=1").content.decode()
    assert first.reference in html
    assert second.reference in html
    assert registration.reference not in html
    # Each flagged row names the other.
    assert f"Possible duplicate of {second.reference}" in _text(html)
    assert f"Possible duplicate of {first.reference}" in _text(html)
    html = client.get(f"/admin/recruitment/{MP}/?q={registration.urn}").content.decode()
    assert registration.reference in html
    assert first.reference not in html


def test_inspect_shows_answers_consent_notes_and_history(client, login_as, queue_data):
    recruiter = login_as("recruiter")
    application, _ = queue_data
    triage.add_note(application, "Spoke to the applicant about shifts.", by=recruiter)
    html = client.get(application.admin_url()).content.decode()
    assert "Findable" in html
    assert "findable.person@example.com" in html
    assert "Consent notice version" in html
    assert "Spoke to the applicant about shifts." in html
    assert "Internal note added" in html
    assert "In review" in html  # a move offered


def test_recruiter_assigns_to_self_and_it_is_audited(client, login_as, queue_data):
    recruiter = login_as("recruiter")
    application, _ = queue_data
    html = client.get("/admin/recruitment/").content.decode()
    assert "My open applications (0)" in html
    response = client.post(
        reverse("recruitment_assign", args=[SC, application.pk]), {"assignee": "me"}
    )
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.assignee == recruiter
    assert triage.history(application).first().message == "Assigned to recruiter"
    html = client.get("/admin/recruitment/").content.decode()
    mine = html[html.index("My open applications") : html.index("Assigned to me")]
    assert application.reference in mine


def test_recruiter_assigns_to_a_colleague_but_not_to_an_editor(client, login_as, queue_data):
    login_as("recruiter")
    application, _ = queue_data
    colleague = RecruiterFactory(username="colleague", first_name="Cal")
    client.post(
        reverse("recruitment_assign", args=[SC, application.pk]), {"assignee": colleague.pk}
    )
    application.refresh_from_db()
    assert application.assignee == colleague
    editor = EditorFactory()
    response = client.post(
        reverse("recruitment_assign", args=[SC, application.pk]), {"assignee": editor.pk}
    )
    assert response.status_code == 403
    application.refresh_from_db()
    assert application.assignee == colleague


def test_recruiter_moves_status_and_a_refused_move_says_why(client, login_as, queue_data):
    login_as("recruiter")
    application, _ = queue_data
    url = reverse("recruitment_move", args=[SC, application.pk])
    client.post(url, {"status": "in_review"})
    application.refresh_from_db()
    assert application.status == SpecialStatus.IN_REVIEW

    response = client.post(url, {"status": "appointed"}, follow=True)
    application.refresh_from_db()
    assert application.status == SpecialStatus.IN_REVIEW
    messages = [str(m) for m in get_messages(response.wsgi_request)] or [response.content.decode()]
    assert (
        any("cannot be moved to appointed" in m for m in messages)
        or "cannot be moved to appointed" in response.content.decode()
    )


def test_recruiter_adds_a_note(client, login_as, queue_data):
    recruiter = login_as("recruiter")
    application, _ = queue_data
    client.post(
        reverse("recruitment_note", args=[SC, application.pk]), {"text": "Left a voicemail."}
    )
    note = application.notes.all().get()
    assert note.text == "Left a voicemail."
    assert note.author == recruiter
    entry = triage.history(application).first()
    assert entry.action == "recruitment.note"
    assert "voicemail" not in str(entry.data)  # the audit log does not copy the words


def test_admin_messages_stay_in_the_admin_not_on_the_public_site(
    client, login_as, queue_data, home_page
):
    login_as("recruiter")
    application, _ = queue_data
    client.post(reverse("recruitment_note", args=[SC, application.pk]), {"text": "Called back."})
    public = client.get("/")
    assert public.status_code == 200  # the site's own home page, not an error page
    assert "Your note has been added" not in public.content.decode()
    inspect = client.get(application.admin_url()).content.decode()
    assert "Your note has been added" in inspect


def test_empty_note_is_refused(client, login_as, queue_data):
    login_as("recruiter")
    application, _ = queue_data
    response = client.post(
        reverse("recruitment_note", args=[SC, application.pk]), {"text": "  "}, follow=True
    )
    assert not application.notes.all().exists()
    assert "A note cannot be empty." in response.content.decode()


def test_export_csv_holds_the_filtered_list_and_is_audited(client, login_as, queue_data):
    recruiter = login_as("recruiter")
    application, _ = queue_data
    other = SpecialConstableApplicationFactory()
    response = client.get(f"/admin/recruitment/{SC}/?q=findable&export=csv")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert len(rows) == 1
    assert rows[0]["Reference"] == application.reference
    assert rows[0]["First name"] == "Findable"
    assert rows[0]["Email"] == "findable.person@example.com"
    entry = triage.history(application).first()
    assert entry.action == "recruitment.export"
    assert entry.user == recruiter
    assert entry.message == "Exported as CSV"
    assert not triage.history(other).exists()  # not in the file, so not in its history


def test_export_xlsx_holds_every_row_and_is_audited(client, login_as, areas):
    login_as("recruiter")
    registrations = [*MiniPoliceRegistrationFactory.create_batch(2), *_duplicate_pair()]
    MiniPoliceRegistrationFactory(status=MiniPoliceStatus.DECLINED)
    response = client.get(f"/admin/recruitment/{MP}/?export=xlsx")
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    rows = list(sheet.values)
    assert rows[0][0] == "Reference"
    assert len(rows) - 1 == MiniPoliceRegistration.objects.count() == 5
    assert {row[0] for row in rows[1:]} == set(
        MiniPoliceRegistration.objects.values_list("reference", flat=True)
    )
    for registration in registrations:
        assert triage.history(registration).filter(action="recruitment.export").count() == 1


def test_export_neutralises_spreadsheet_formulas(client, login_as):
    login_as("recruiter")
    SpecialConstableApplicationFactory(first_name="=HYPERLINK(1)", last_name="Formula")
    response = client.get(f"/admin/recruitment/{SC}/?q=Formula&export=csv")
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert rows[0]["First name"] == "'=HYPERLINK(1)"


def test_bulk_assign_and_bulk_move(client, login_as, areas):
    recruiter = login_as("recruiter")
    new = SpecialConstableApplicationFactory.create_batch(3)
    final = SpecialConstableApplicationFactory(status=SpecialStatus.APPOINTED)
    ids = [s.pk for s in new] + [final.pk]
    url = reverse("recruitment_bulk", args=[SC])
    response = client.post(
        url, {"selected": ids, "action": "assign", "assignee": "me"}, follow=True
    )
    # A decided application is not anyone's work any more: only the open ones are assigned.
    assigned = SpecialConstableApplication.objects.filter(pk__in=ids, assignee=recruiter)
    assert set(assigned) == set(new)
    assert "Assigned 3 of 4 selected." in response.content.decode()

    response = client.post(
        url, {"selected": ids, "action": "move", "status": "in_review"}, follow=True
    )
    assert (
        SpecialConstableApplication.objects.filter(
            pk__in=[s.pk for s in new], status="in_review"
        ).count()
        == 3
    )
    final.refresh_from_db()
    assert final.status == SpecialStatus.APPOINTED
    html = response.content.decode()
    assert "Moved 3 to in review." in html
    assert final.reference in html  # named as not moved


def test_bulk_form_is_on_the_queue_list(client, login_as, queue_data):
    login_as("recruiter")
    application, _ = queue_data
    html = client.get(f"/admin/recruitment/{SC}/").content.decode()
    assert 'id="bulk-actions"' in html
    assert f'name="selected" value="{application.pk}" form="bulk-actions"' in html
    assert "Move selected" in html


def test_dashboard_panel_shows_my_work_and_counts(client, login_as, queue_data):
    recruiter = login_as("recruiter")
    application, _ = queue_data
    triage.assign(application, recruiter, by=recruiter)
    SpecialConstableApplicationFactory(status=SpecialStatus.IN_REVIEW)
    html = client.get("/admin/").content.decode()
    mine = html[html.index("My open applications (1)") : html.index("Assigned to me")]
    assert application.reference in mine
    assert "Special Constable applications (2)" in _text(html)
    assert f'href="/admin/recruitment/{SC}/?status=new"' in html


def test_mini_police_moves_follow_its_own_workflow(client, login_as):
    login_as("recruiter")
    registration = MiniPoliceRegistrationFactory()
    url = reverse("recruitment_move", args=[MP, registration.pk])
    client.post(url, {"status": "in_review"})  # a Specials status
    registration.refresh_from_db()
    assert registration.status == MiniPoliceStatus.NEW
    client.post(url, {"status": "contacted"})
    registration.refresh_from_db()
    assert registration.status == MiniPoliceStatus.CONTACTED


def _aged(factory, status, days, **fields):
    import datetime

    from django.utils import timezone

    since = timezone.now() - datetime.timedelta(days=days)
    return factory(status=status, status_changed_at=since, **fields)


@pytest.fixture
def waiting_data(areas):
    """Specials left in a status for different times, against limits of 14 (new) and 30 days."""
    factory = SpecialConstableApplicationFactory
    return {
        "new_15": _aged(factory, SpecialStatus.NEW, 15, last_name="Newold"),
        "new_10": _aged(factory, SpecialStatus.NEW, 10, last_name="Newfresh"),
        "vetting_31": _aged(factory, SpecialStatus.VETTING, 31, last_name="Vetold"),
        "vetting_20": _aged(factory, SpecialStatus.VETTING, 20, last_name="Vetfresh"),
        "rejected_90": _aged(factory, SpecialStatus.REJECTED, 90, last_name="Rejold"),
    }


def _text(html):
    """The page's words, without tags (names wrap only between words: one span each)."""
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def _rows(html):
    """The queue list's rows, as text, keyed by last name."""
    rows = re.findall(r"<tr[^>]*>(.*?)</tr>", html, flags=re.S)
    rows = [" ".join(re.sub(r"<[^>]+>", " ", row).split()) for row in rows]
    return {name: row for row in rows for name in re.findall(r"Alex\d+ (\w+)", row)}


def test_submissions_waiting_too_long_are_flagged_in_words(client, login_as, waiting_data):
    login_as("recruiter")
    rows = _rows(client.get(f"/admin/recruitment/{SC}/").content.decode())
    assert set(rows) == {"Newold", "Newfresh", "Vetold", "Vetfresh", "Rejold"}
    assert "Waiting 15 days" in rows["Newold"]
    assert "Waiting 31 days" in rows["Vetold"]
    for fresh_or_final in ("Newfresh", "Vetfresh", "Rejold"):
        assert "Waiting" not in rows[fresh_or_final], fresh_or_final


def test_waiting_too_long_filter_lists_only_those(client, login_as, waiting_data):
    login_as("recruiter")
    html = client.get(f"/admin/recruitment/{SC}/").content.decode()
    assert '<a href="?waiting=too_long">Waiting too long</a>' in html  # the filter choice
    rows = _rows(client.get(f"/admin/recruitment/{SC}/?waiting=too_long").content.decode())
    assert set(rows) == {"Newold", "Vetold"}


def test_a_move_restarts_the_waiting_clock(client, login_as, waiting_data):
    recruiter = login_as("recruiter")
    triage.move(waiting_data["new_15"], SpecialStatus.IN_REVIEW, by=recruiter)
    rows = _rows(client.get(f"/admin/recruitment/{SC}/?waiting=too_long").content.decode())
    assert set(rows) == {"Vetold"}


def test_waiting_limits_are_data():
    from recruitment import workflows

    assert workflows.SPECIAL_WAITING_DAYS == {SpecialStatus.NEW: 14}
    assert workflows.MINI_POLICE_WAITING_DAYS == {MiniPoliceStatus.NEW: 14}
    assert workflows.WAITING_DAYS_DEFAULT == 30
