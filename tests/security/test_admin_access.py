"""Who reaches the recruitment queues' admin URLs, and applicant text shown there escaped."""

import csv
import io

import pytest
from openpyxl import load_workbook

from recruitment.factories import SpecialConstableApplicationFactory
from recruitment.models import MiniPoliceRegistration, Note

pytestmark = pytest.mark.django_db

SC = "specialconstableapplication"
MP = "minipoliceregistration"
STAFF = {"recruiter", "admin"}


@pytest.fixture
def targets(demo_site):
    application = SpecialConstableApplicationFactory(
        first_name="<script>alert('x')</script>", last_name="=1+2", email="hostile@example.com"
    )
    return application, MiniPoliceRegistration.objects.order_by("pk").first()


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
            ("post", f"{base}bulk/", {"selected": [obj.pk], "action": "assign", "assignee": "me"}),
        ]
    urls.append(("get", "/admin/recruitment/my-queue/", {}))
    return urls


@pytest.mark.parametrize("username", ["editor", "moderator", "recruiter", "admin", None])
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


@pytest.mark.parametrize("username", ["editor", "moderator", "recruiter", "admin"])
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
    SpecialConstableApplicationFactory(last_name="Formulaic", first_name=start + "SUM(A1)")
    response = client.get(f"/admin/recruitment/{SC}/?q=Formulaic&export=csv")
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert rows[0]["First name"] == "'" + start + "SUM(A1)"
    response = client.get(f"/admin/recruitment/{SC}/?q=Formulaic&export=xlsx")
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    values = [cell.value for row in sheet.iter_rows() for cell in row]
    assert "'" + start + "SUM(A1)" in values
    assert start + "SUM(A1)" not in values
