"""Real browser: applicants fill both forms on a phone, with and without JavaScript, and a
recruiter finds, assigns, progresses and exports what they sent."""

import re

import pytest

from tests.conftest import DEMO_PASSWORD

PHONE = {"width": 375, "height": 812}
REFERENCE = re.compile(r"(SC|MP)-\d{4}-\d{6}")


@pytest.fixture
def forms_site(demo_site):
    """The demo site with empty queues, so the applicant's submission is the one on screen."""
    from recruitment.models import MiniPoliceRegistration, SpecialConstableApplication

    SpecialConstableApplication.objects.all().delete()
    MiniPoliceRegistration.objects.all().delete()


def fill_date_of_birth(tab, day, month, year):
    """Type into the Day, Month and Year boxes of the date of birth, found by their labels."""
    group = tab.get_by_role("group", name="Date of birth")
    for label, typed in [("Day", day), ("Month", month), ("Year", year)]:
        group.get_by_label(label, exact=True).fill(typed)


def fill_special_constable(tab):
    tab.goto("/volunteer/special-constables/apply/")
    tab.fill("#id_first_name", "Robin")
    tab.fill("#id_last_name", "Browserton")
    fill_date_of_birth(tab, "12", "4", "1990")
    tab.fill("#id_email", "robin.browserton@example.com")
    tab.fill("#id_phone", "07700 900789")
    tab.fill("#id_address_line_1", "4 Test Street")
    tab.fill("#id_town", "Riverside")
    tab.fill("#id_postcode", "rv2 4xy")
    tab.check("#id_lived_in_uk_3_years_0")
    tab.fill("#id_nationality", "British")
    tab.check("#id_right_to_remain_0")
    tab.fill("#id_hours_per_month", "24")
    tab.select_option("#id_area", label="Riverside")
    tab.get_by_label("Roads policing").check()
    tab.check("#id_has_convictions_1")
    tab.check("#id_has_tattoos_1")
    tab.check("#id_has_business_interests_1")
    tab.select_option("#id_heard_about", label="Social media")
    tab.check("#id_consent")
    tab.click("button:has-text('Send application')")


def fill_mini_police(tab):
    tab.goto("/volunteer/mini-police/register/")
    tab.fill("#id_school_name", "Browserton Primary School")
    tab.fill("#id_urn", "246810")
    tab.fill("#id_address_line_1", "8 School Road")
    tab.fill("#id_town", "Southdown")
    tab.fill("#id_postcode", "SD1 1AA")
    tab.select_option("#id_area", label="Southdown")
    tab.fill("#id_contact_name", "Kim Head")
    tab.fill("#id_contact_role", "Headteacher")
    tab.fill("#id_email", "office@browserton.example.com")
    tab.fill("#id_phone", "01632 960123")
    tab.get_by_label("Year 6").check()
    tab.fill("#id_number_of_pupils", "30")
    tab.check("#id_preferred_start_0")
    tab.check("#id_consent")
    tab.click("button:has-text('Register the school')")


def reference_on(tab):
    return REFERENCE.search(tab.locator(".recruitment-reference").inner_text())[0]


@pytest.mark.parametrize("with_js", [True, False])
def test_applicant_applies_on_a_phone(request, forms_site, with_js):
    from recruitment.models import SpecialConstableApplication

    tab = request.getfixturevalue("page" if with_js else "page_without_js")
    tab.set_viewport_size(PHONE)
    fill_special_constable(tab)
    tab.wait_for_url("**/apply/thank-you/")
    reference = reference_on(tab)
    assert reference.startswith("SC-")
    tab.reload()  # a refresh shows the same reference and sends nothing again
    assert reference_on(tab) == reference
    application = SpecialConstableApplication.objects.get()
    assert application.reference == reference
    assert application.postcode == "RV2 4XY"
    assert application.preferred_role == "roads_policing"


@pytest.mark.parametrize("with_js", [True, False])
def test_school_registers_for_mini_police_on_a_phone(request, forms_site, with_js):
    tab = request.getfixturevalue("page" if with_js else "page_without_js")
    tab.set_viewport_size(PHONE)
    fill_mini_police(tab)
    tab.wait_for_url("**/register/thank-you/")
    assert reference_on(tab).startswith("MP-")


def test_errors_are_listed_and_answers_kept_without_javascript(page_without_js, forms_site):
    tab = page_without_js
    tab.set_viewport_size(PHONE)
    tab.goto("/volunteer/special-constables/apply/")
    tab.fill("#id_first_name", "Robin")
    tab.fill("#id_postcode", "ZZZ 999")
    tab.click("button:has-text('Send application')")
    assert tab.title().startswith("Error: ")
    summary = tab.locator(".error-summary")
    assert "There is a problem" in summary.inner_text()
    assert "Enter a real postcode, like AA1 1AA" in summary.inner_text()
    assert tab.input_value("#id_first_name") == "Robin"
    assert tab.input_value("#id_postcode") == "ZZZ 999"
    summary.get_by_role("link", name="Enter your last name").click()
    assert tab.url.endswith("#id_last_name")


def test_date_of_birth_error_links_to_the_box_at_fault_and_keeps_what_was_typed(
    page_without_js, forms_site
):
    tab = page_without_js
    tab.set_viewport_size(PHONE)
    tab.goto("/volunteer/special-constables/apply/")
    fill_date_of_birth(tab, "31", "2", "1990")
    tab.click("button:has-text('Send application')")
    group = tab.get_by_role("group", name="Date of birth")
    assert "Date of birth must be a real date" in group.inner_text()
    assert [tab.input_value(f"#id_date_of_birth_{i}") for i in range(3)] == ["31", "2", "1990"]
    tab.locator(".error-summary").get_by_role("link", name="Date of birth must be a real").click()
    assert tab.url.endswith("#id_date_of_birth_0")

    fill_date_of_birth(tab, "12", "", "1990")
    tab.click("button:has-text('Send application')")
    summary = tab.locator(".error-summary")
    summary.get_by_role("link", name="Date of birth must include a month").click()
    assert tab.url.endswith("#id_date_of_birth_1")
    assert tab.get_attribute("#id_date_of_birth_1", "aria-invalid") == "true"
    assert tab.get_attribute("#id_date_of_birth_0", "aria-invalid") is None


def test_recruiter_finds_assigns_progresses_and_exports(page, forms_site, live_server):
    fill_special_constable(page)
    page.wait_for_url("**/apply/thank-you/")
    reference = reference_on(page)

    page.goto("/admin/login/")
    page.fill("#id_username", "recruiter")
    page.fill("#id_password", DEMO_PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url("**/admin/")
    page.get_by_role("link", name="Recruitment", exact=True).click()
    page.get_by_role("link", name="Special Constable applications").click()
    page.wait_for_url("**/specialconstableapplication/")
    page.fill("input[name=q]", reference)
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r".*\?q=.*"))
    row = page.locator("tr", has_text=reference)
    assert "Robin Browserton" in row.inner_text()
    row.get_by_role("link", name=reference).click()

    page.select_option("#assign-to", "me")
    page.click("form:has(#assign-to) button")
    assert f"{reference} is assigned to Riya Recruiter." in page.inner_text(".messages")
    page.select_option("#move-to", label="In review")
    page.click("form:has(#move-to) button")
    assert f"{reference} is now in review." in page.inner_text(".messages")
    history = page.inner_text("#history-title + ul")
    assert "Moved from New to In review" in history
    assert "Assigned to recruiter" in history

    page.goto("/admin/recruitment/specialconstableapplication/?q=" + reference)
    exported = page.request.get(
        f"/admin/recruitment/specialconstableapplication/?q={reference}&export=csv"
    )
    assert exported.headers["content-type"].startswith("text/csv")
    text = exported.text()
    assert reference in text
    assert "Robin" in text
