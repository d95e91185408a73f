"""Real browser: applicants fill both forms on a phone, with and without JavaScript, and a
recruiter finds, assigns, progresses and exports what they sent."""

import re
import time

import pytest

from accounts.factories import PASSWORD, RecruiterFactory

PHONE = {"width": 360, "height": 780}
REFERENCE = re.compile(r"(SC|MP)-\d{4}-\d{6}")
SPECIALS = "/volunteer/special-constables/apply/"
MINI = "/volunteer/mini-police/register/"


def fill_date_of_birth(tab, day, month, year):
    """Type into the Day, Month and Year boxes of the date of birth, found by their labels."""
    group = tab.get_by_role("group", name="Date of birth")
    for label, typed in [("Day", day), ("Month", month), ("Year", year)]:
        group.get_by_label(label, exact=True).fill(typed)


def go_on(tab):
    tab.get_by_role("button", name="Continue").click()


def specials_eligibility(tab, year="1990"):
    tab.goto(SPECIALS)
    fill_date_of_birth(tab, "12", "4", year)
    tab.check("#id_lived_in_uk_3_years_0")
    tab.check("#id_right_to_remain_0")
    tab.fill("#id_hours_per_month", "24")
    tab.check("#id_in_barred_occupation_1")
    go_on(tab)


def specials_first_half(tab):
    """Check you can apply, About you and Contact details: real capitals and symbols."""
    specials_eligibility(tab)
    tab.wait_for_url("**/step/about-you/")
    tab.fill("#id_first_name", "Siân-Éloïse")
    tab.fill("#id_last_name", "O'Brien & Søn")
    tab.fill("#id_nationality", "British")
    go_on(tab)
    tab.wait_for_url("**/step/contact-details/")
    tab.fill("#id_email", "sian.obrien@example.com")
    tab.fill("#id_phone", "+44 7700 900789")
    tab.fill("#id_address_line_1", "Flat 2/B, 4 St. Mary's Road")
    tab.fill("#id_town", "Riverside")
    tab.fill("#id_postcode", "rv2 4xy")
    go_on(tab)
    tab.wait_for_url("**/step/your-background/")


def specials_second_half(tab):
    tab.check("#id_has_convictions_1")
    tab.check("#id_has_tattoos_0")
    tab.fill("#id_tattoo_description", "A “blue lamp” on the left wrist — 3 cm")
    tab.check("#id_has_business_interests_1")
    go_on(tab)
    tab.wait_for_url("**/step/your-availability/")
    tab.select_option("#id_area", label="Northvale")
    tab.get_by_label("Roads policing").check()
    tab.select_option("#id_heard_about", label="Social media")
    go_on(tab)
    tab.wait_for_url("**/check-your-answers/")


def mini_police_answers(tab):
    """Every section of the Mini Police journey, up to check your answers."""
    tab.goto(MINI)
    tab.check("#id_primary_school_in_area_0")
    go_on(tab)
    tab.fill("#id_school_name", "St. Mary's C of E Primary")
    tab.fill("#id_urn", "246810")
    tab.fill("#id_address_line_1", "8 School Road")
    tab.fill("#id_town", "Southdown")
    tab.fill("#id_postcode", "SD1 1AA")
    tab.select_option("#id_area", label="Eastmoor")
    go_on(tab)
    tab.fill("#id_contact_name", "Kim Ó Briain")
    tab.fill("#id_contact_role", "Headteacher")
    tab.fill("#id_email", "office@browserton.example.com")
    tab.fill("#id_phone", "01632 960123")
    go_on(tab)
    tab.get_by_label("Year 6").check()
    tab.fill("#id_number_of_pupils", "30")
    tab.check("#id_preferred_start_0")
    go_on(tab)
    tab.wait_for_url("**/check-your-answers/")


def send(tab, button):
    tab.check("#id_consent")
    tab.get_by_role("button", name=button).click()


def reference_on(tab):
    return REFERENCE.search(tab.locator(".recruitment-reference").inner_text())[0]


def tab_for(request, with_js):
    tab = request.getfixturevalue("page" if with_js else "page_without_js")
    tab.set_viewport_size(PHONE)
    return tab


@pytest.mark.parametrize("with_js", [True, False])
def test_applicant_applies_on_a_phone_and_changes_an_answer(request, form_pages, with_js):
    from recruitment.models import SpecialConstableApplication

    tab = tab_for(request, with_js)
    specials_first_half(tab)
    specials_second_half(tab)
    assert "Siân-Éloïse" in tab.inner_text("main")
    assert "2026-1" not in tab.inner_text("main")  # no privacy notice version shown
    tab.get_by_role("link", name="Change first name").click()
    tab.fill("#id_first_name", "Siân")
    go_on(tab)
    tab.wait_for_url("**/check-your-answers/")
    assert "Siân" in tab.inner_text("main") and "Siân-Éloïse" not in tab.inner_text("main")
    send(tab, "Send application")
    tab.wait_for_url("**/apply/thank-you/")
    reference = reference_on(tab)
    tab.reload()  # a refresh shows the same reference and sends nothing again
    assert reference_on(tab) == reference
    application = SpecialConstableApplication.objects.get()
    assert application.reference == reference
    assert (application.first_name, application.last_name) == ("Siân", "O'Brien & Søn")
    assert application.postcode == "RV2 4XY"
    assert application.tattoo_description == "A “blue lamp” on the left wrist — 3 cm"


@pytest.mark.parametrize("with_js", [True, False])
def test_school_registers_for_mini_police_on_a_phone(request, form_pages, with_js):
    tab = tab_for(request, with_js)
    mini_police_answers(tab)
    send(tab, "Register the school")
    tab.wait_for_url("**/register/thank-you/")
    assert reference_on(tab).startswith("MP-")


@pytest.mark.parametrize("with_js", [True, False])
def test_someone_who_cannot_apply_is_told_on_the_first_page(request, form_pages, with_js):
    from recruitment.models import Draft

    tab = tab_for(request, with_js)
    specials_eligibility(tab, year="2015")
    assert "You cannot apply to be a Special Constable yet" in tab.inner_text("h1")
    assert tab.get_by_role(
        "link", name="Join the Volunteer Police Cadets (ages 13 to 18)"
    ).is_visible()
    assert not Draft.objects.exists()
    tab.goto(MINI)
    tab.check("#id_primary_school_in_area_1")
    go_on(tab)
    assert "The school cannot register yet" in tab.inner_text("h1")


def test_details_box_shows_only_after_yes_with_javascript(page, form_pages):
    page.set_viewport_size(PHONE)
    specials_first_half(page)
    assert page.locator("#id_conviction_details").is_hidden()
    page.check("#id_has_convictions_0")
    assert page.locator("#id_conviction_details").is_visible()
    page.check("#id_has_convictions_1")
    assert page.locator("#id_conviction_details").is_hidden()


def test_details_boxes_are_always_shown_without_javascript(page_without_js, form_pages):
    page_without_js.set_viewport_size(PHONE)
    specials_first_half(page_without_js)
    for box in ("conviction_details", "tattoo_description", "business_interest_details"):
        assert page_without_js.locator(f"#id_{box}").is_visible()


def wait_for_the_exit_to_land():
    """The script's beacon goes on its own as the page leaves, and may still be on its way
    when a test (faster than a person) presses Back: wait until the server has ended the
    visit (docs/security.md, Quick exit, says what a lost beacon leaves)."""
    from django.contrib.sessions.models import Session

    deadline = time.monotonic() + 10
    while Session.objects.exists() and time.monotonic() < deadline:
        time.sleep(0.05)


@pytest.mark.parametrize("with_js", [True, False])
def test_quick_exit_half_way_then_the_form_starts_again(request, form_pages, neutral_site, with_js):
    from recruitment.models import Draft

    tab = tab_for(request, with_js)
    specials_first_half(tab)
    if with_js:
        tab.keyboard.press("Escape")
    else:
        # The sticky bar's button; "Skip to Leave this site" is a skip link, hidden until focused.
        tab.locator(".quick-exit").get_by_role("link", name="Leave this site").click()
    tab.wait_for_url(neutral_site)
    wait_for_the_exit_to_land()
    # The exit took the visit with it: this browser starts again (the answers stay on the
    # server for the come-back link, tests/browser/test_quick_exit.py).
    tab.goto(SPECIALS)
    assert "Check you can apply" in tab.inner_text("h1")
    assert "Continue your application" not in tab.inner_text("main")
    assert Draft.objects.count() == 1
    specials_first_half(tab)
    specials_second_half(tab)
    send(tab, "Send application")
    tab.wait_for_url("**/thank-you/")


def test_delete_my_answers_really_deletes(page_without_js, form_pages):
    from recruitment.models import Draft

    tab = page_without_js
    specials_first_half(tab)
    tab.goto(SPECIALS)
    tab.get_by_role("button", name="Delete my answers and start again").click()
    assert "Your answers have been deleted" in tab.inner_text("h1")
    assert not Draft.objects.exists()


def _path(url):
    return "/" + url.split("/", 3)[3]


def _sent_to(address):
    """The body of the newest email sent to address (the live server shares this process's
    in-memory mail outbox)."""
    from django.core import mail

    return next(m.body for m in reversed(mail.outbox) if m.to == [address])


@pytest.mark.parametrize("with_js", [True, False])
def test_save_and_come_back_on_another_browser(request, browser, live_server, form_pages, with_js):
    from recruitment.models import Notification

    tab = tab_for(request, with_js)
    specials_first_half(tab)
    tab.get_by_role("button", name="Save and come back later").click()
    tab.fill("#id_email", "sian.obrien@example.com")
    tab.get_by_role("button", name="Send me a link").click()
    assert "Check your email" in tab.inner_text("h1")
    # The outbox keeps the words; the link is only in the email as sent.
    assert "/return/" not in Notification.objects.get(kind="resume_link").body
    link = re.search(r"http://\S+/return/\S+/", _sent_to("sian.obrien@example.com"))[0]

    other = browser.new_context(base_url=live_server.url, java_script_enabled=with_js)
    fresh = other.new_page()
    fresh.set_viewport_size(PHONE)
    fresh.goto(_path(link))
    fresh.wait_for_url("**/step/your-background/")
    fresh.get_by_role("link", name=re.compile(r"^\W*Back$")).click()  # not "Give feedback"
    assert fresh.input_value("#id_address_line_1") == "Flat 2/B, 4 St. Mary's Road"
    go_on(fresh)
    specials_second_half(fresh)
    send(fresh, "Send application")
    fresh.wait_for_url("**/thank-you/")
    other.close()


@pytest.mark.parametrize("with_js", [True, False])
def test_status_page_and_withdrawal(request, form_pages, with_js):
    from recruitment.models import Notification, SpecialConstableApplication

    tab = tab_for(request, with_js)
    specials_first_half(tab)
    specials_second_half(tab)
    send(tab, "Send application")
    tab.wait_for_url("**/thank-you/")
    applicant = SpecialConstableApplication.objects.get().email
    assert "/status/" not in Notification.objects.get(kind="acknowledgement").body
    tab.goto(_path(re.search(r"http://\S+/status/\S+/", _sent_to(applicant))[0]))
    assert "Your application: received" in tab.inner_text("h1")
    assert _path(tab.url) == f"{SPECIALS}status/"  # exchanged for the session: no token
    tab.get_by_role("link", name="Withdraw my application").click()
    tab.get_by_role("button", name="Yes, withdraw my application").click()
    assert "Your application: withdrawn" in tab.inner_text("h1")
    assert SpecialConstableApplication.objects.get().status == "withdrawn"


def test_a_limited_address_sees_its_own_answers(browser, live_server, form_pages, settings):
    settings.RECRUITMENT_RATE_LIMIT = 1
    tabs = []
    for _ in range(2):  # two applicants behind one address (the test server's)
        context = browser.new_context(base_url=live_server.url)
        tab = context.new_page()
        tab.set_viewport_size(PHONE)
        specials_first_half(tab)
        specials_second_half(tab)
        send(tab, "Send application")
        tabs.append((context, tab))
    first, second = tabs[0][1], tabs[1][1]
    assert first.url.endswith("/thank-you/")
    assert "We could not send this yet" in second.inner_text("main")
    assert "Siân-Éloïse" in second.inner_text("main")  # their answers, not an empty form
    for context, _tab in tabs:
        context.close()


def test_errors_are_listed_and_answers_kept_without_javascript(page_without_js, form_pages):
    tab = page_without_js
    tab.set_viewport_size(PHONE)
    specials_eligibility(tab)
    tab.fill("#id_first_name", "Robin")
    go_on(tab)
    assert tab.title().startswith("Error: ")
    summary = tab.locator(".error-summary")
    assert "There is a problem" in summary.inner_text()
    assert tab.input_value("#id_first_name") == "Robin"
    summary.get_by_role("link", name="Enter your last name").click()
    assert tab.url.endswith("#id_last_name")


def test_date_of_birth_error_links_to_the_box_at_fault_and_keeps_what_was_typed(
    page_without_js, form_pages
):
    tab = page_without_js
    tab.set_viewport_size(PHONE)
    tab.goto(SPECIALS)
    fill_date_of_birth(tab, "31", "2", "1990")
    go_on(tab)
    group = tab.get_by_role("group", name="Date of birth")
    assert "Date of birth must be a real date" in group.inner_text()
    assert [tab.input_value(f"#id_date_of_birth_{i}") for i in range(3)] == ["31", "2", "1990"]
    tab.locator(".error-summary").get_by_role("link", name="Date of birth must be a real").click()
    assert tab.url.endswith("#id_date_of_birth_0")

    fill_date_of_birth(tab, "12", "", "1990")
    go_on(tab)
    summary = tab.locator(".error-summary")
    summary.get_by_role("link", name="Date of birth must include a month").click()
    assert tab.url.endswith("#id_date_of_birth_1")
    assert tab.get_attribute("#id_date_of_birth_1", "aria-invalid") == "true"
    assert tab.get_attribute("#id_date_of_birth_0", "aria-invalid") is None


def test_recruiter_finds_assigns_progresses_and_exports(page, form_pages, live_server):
    recruiter = RecruiterFactory(username="recruiter", first_name="Riya", last_name="Recruiter")
    specials_first_half(page)
    specials_second_half(page)
    send(page, "Send application")
    page.wait_for_url("**/apply/thank-you/")
    reference = reference_on(page)

    page.goto("/admin/login/")
    page.fill("#id_username", recruiter.username)
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url("**/admin/")
    page.get_by_role("link", name="Recruitment", exact=True).click()
    page.get_by_role("link", name="Special Constable applications").click()
    page.wait_for_url("**/specialconstableapplication/")
    page.fill("input[name=q]", reference)
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r".*\?q=.*"))
    row = page.locator("tr", has_text=reference)
    assert "Siân-Éloïse O'Brien & Søn" in row.inner_text()
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
    assert "Siân-Éloïse" in text
