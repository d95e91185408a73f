"""Who reaches the recruitment queues' admin URLs, and applicant text shown there escaped."""

import csv
import io

import pytest
from openpyxl import load_workbook
from wagtail.models import ModelLogEntry

from recruitment.factories import MiniPoliceRegistrationFactory, SpecialConstableApplicationFactory
from recruitment.models import DecisionReason, MessageTemplate, Note

pytestmark = pytest.mark.django_db

SC = "specialconstableapplication"
MP = "minipoliceregistration"
STAFF = {"recruiter", "manager", "admin"}
MANAGERS = {"manager", "admin"}
USERS = ["editor", "moderator", "recruiter", "manager", "admin"]


@pytest.fixture
def targets(db):
    application = SpecialConstableApplicationFactory(
        first_name="<script>alert('x')</script>", last_name="=1+2", email="hostile@example.com"
    )
    return application, MiniPoliceRegistrationFactory()


def every_url(application, registration):
    urls = []
    for name, obj in ((SC, application), (MP, registration)):
        base = f"/admin/recruitment/{name}/"
        urls += [
            ("get", base, {}),
            ("get", base + "?export=csv", {}),
            ("get", base + "?export=xlsx", {}),
            ("get", f"{base}inspect/{obj.pk}/", {}),
            ("get", f"{base}history/{obj.pk}/", {}),
            ("post", f"{base}{obj.pk}/assign/", {"assignee": "me"}),
            ("post", f"{base}{obj.pk}/move/", {"status": "in_review"}),
            ("post", f"{base}{obj.pk}/note/", {"text": "A note"}),
            ("post", f"{base}{obj.pk}/message/", {"template": "1"}),
            ("post", f"{base}bulk/", {"selected": [obj.pk], "action": "assign", "assignee": "me"}),
        ]
    urls.append(("get", "/admin/recruitment/", {}))
    return urls


@pytest.mark.parametrize("username", [*USERS, None])
def test_every_queue_url_for_every_demo_user(client, login_as, targets, username):
    if username:
        login_as(username)
    for method, url, data in every_url(*targets):
        response = getattr(client, method)(url, data)
        status = response.status_code
        if username is None:
            assert status == 302 and "/admin/login/" in response["Location"], (url, status)
        elif username in STAFF:
            assert status == (200 if method == "get" else 302), (username, url, status)
        else:
            assert status == 403, (username, url, status)
    notes = Note.objects.filter(text="A note").count()
    assert notes == (2 if username in STAFF else 0)


@pytest.mark.parametrize("username", USERS)
def test_dashboard_panel_only_for_recruitment_staff(client, login_as, targets, username):
    login_as(username)
    html = client.get("/admin/").content.decode()
    assert ("/admin/recruitment/" in html) == (username in STAFF)


def test_applicant_text_is_escaped_in_the_queue_and_inspect_view(client, login_as, targets):
    application, _ = targets
    login_as("recruiter")
    for url in (f"/admin/recruitment/{SC}/", f"/admin/recruitment/{SC}/inspect/{application.pk}/"):
        html = client.get(url).content.decode()
        assert "<script>alert(" not in html, url
        assert "&lt;script&gt;alert(" in html, url


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_exports_neutralise_every_formula_start(client, login_as, targets, start):
    login_as("recruiter")
    typed = start + "SUM(A1)"
    SpecialConstableApplicationFactory(last_name="Formulaic", first_name=typed)
    response = client.get(f"/admin/recruitment/{SC}/?q=Formulaic&export=csv")
    # newline="": the csv module's own rule, so a quoted carriage return survives reading.
    text = io.StringIO(b"".join(response.streaming_content).decode(), newline="")
    rows = list(csv.DictReader(text))
    assert rows[0]["First name"] == "'" + typed
    response = client.get(f"/admin/recruitment/{SC}/?q=Formulaic&export=xlsx")
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    values = [cell.value for row in sheet.iter_rows() for cell in row]
    # An XLSX sheet is XML, and every XML reader (Excel's too) turns a carriage return into a
    # line feed: the cell reads back with "\n" where "\r" was typed. The guard is what matters:
    # the cell starts with the apostrophe, never with the formula start.
    as_read = ("'" + typed).replace("\r", "\n")
    assert as_read in values
    assert not any(isinstance(v, str) and v.startswith(start) for v in values[1:])


SEARCH = "/admin/recruitment/data-requests/"
EXPORT = SEARCH + "export/"
ERASE = SEARCH + "erase/"
EMAIL = "hostile@example.com"


def data_request_urls():
    """Every data request URL, in an order that ends with the erasure itself."""
    return [
        ("get", SEARCH, {}),
        ("post", SEARCH, {"email": EMAIL}),
        ("post", EXPORT, {"email": EMAIL, "format": "json"}),
        ("post", EXPORT, {"email": EMAIL, "format": "csv"}),
        ("post", ERASE, {"email": EMAIL}),
        ("post", ERASE, {"email": EMAIL, "confirm": "yes"}),
    ]


@pytest.mark.parametrize("username", [*USERS, None])
def test_every_data_request_url_for_every_demo_user(client, login_as, targets, username):
    application, _ = targets
    if username:
        login_as(username)
    for method, url, data in data_request_urls():
        response = getattr(client, method)(url, data)
        status = response.status_code
        if username is None:
            assert status == 302 and "/admin/login/" in response["Location"], (url, status)
        elif username in MANAGERS:
            expected = 302 if data.get("confirm") else 200
            assert status == expected, (username, url, data, status)
        else:
            # Recruitment staff too: answering data requests needs the manager's permission.
            assert status == 403, (username, url, status)
            assert EMAIL not in response.content.decode()
    actions = list(
        ModelLogEntry.objects.filter(object_id=str(application.pk))
        .filter(action__in=["recruitment.data_request", "recruitment.erase"])
        .order_by("pk")
        .values_list("action", "data")
    )
    application.refresh_from_db()
    if username in MANAGERS:
        assert actions == [
            ("recruitment.data_request", {"format": "json"}),
            ("recruitment.data_request", {"format": "csv"}),
            ("recruitment.erase", {"reason": "request"}),
        ]
        assert application.email == ""
    else:
        assert actions == []
        assert application.email == EMAIL


@pytest.mark.parametrize("username", [*USERS, None])
def test_retention_settings_only_for_managers(client, login_as, targets, username):
    from recruitment.models import RecruitmentSettings

    if username:
        login_as(username)
    url = f"/admin/settings/recruitment/recruitmentsettings/{RecruitmentSettings.load().pk}/"
    response = client.get(url)
    if username in MANAGERS:
        assert response.status_code == 200
        assert "Appointed Special Constables" in response.content.decode()
    else:
        # Wagtail refuses by sending the user away (to the dashboard, or to log in).
        assert response.status_code == 302, username
        assert response["Location"] != url


def managed_list_urls():
    """Every page of the decision reasons and message templates, with a valid change."""
    reason = DecisionReason.objects.order_by("pk").first()
    template = MessageTemplate.objects.order_by("pk").first()
    reason_form = {"label": "Moved away", "outcome": "withdrawn", "sort_order": "1", "active": "on"}
    template_form = {
        "name": "Reminder",
        "subject": "About {reference}",
        "body": "Hi",
        "active": "on",
    }
    urls = []
    for name, obj, form in (
        ("decisionreason", reason, reason_form),
        ("messagetemplate", template, template_form),
    ):
        base = f"/admin/recruitment/{name}/"
        urls += [
            ("get", base, {}),
            ("get", base + "create/", {}),
            ("post", base + "create/", form),
            ("get", f"{base}edit/{obj.pk}/", {}),
            ("post", f"{base}edit/{obj.pk}/", {**form, "label": "Renamed", "name": "Renamed"}),
        ]
    return urls


@pytest.mark.parametrize("username", [*USERS, None])
def test_only_managers_edit_reasons_and_templates(client, login_as, targets, username):
    if username:
        login_as(username)
    for method, url, data in managed_list_urls():
        response = getattr(client, method)(url, data)
        status = response.status_code
        if username is None:
            assert status == 302 and "/admin/login/" in response["Location"], (url, status)
        elif username in MANAGERS:
            assert status == (200 if method == "get" else 302), (username, url, status)
        else:
            assert status == 403, (username, url, status)
    changed = DecisionReason.objects.filter(label="Renamed").exists()
    assert changed == (username in MANAGERS)
    assert MessageTemplate.objects.filter(name="Renamed").exists() == (username in MANAGERS)
