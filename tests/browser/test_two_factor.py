"""Setting up two-factor authentication in a real browser: by keyboard, under the admin's CSP,
with no accessibility violations."""

from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.factories import PASSWORD, EditorFactory
from tests.browser.test_accessibility import AXE, axe_violations
from tests.browser.test_admin_csp import REPORT_VIOLATIONS


def test_an_editor_sets_up_an_authenticator_app_after_the_password(page, settings, home_page):
    editor = EditorFactory()
    settings.ADMIN_2FA_REQUIRED = True
    settings.OTP_TOTP_THROTTLE_FACTOR = 0
    problems = []
    page.expose_function("reportViolation", lambda text: problems.append(text))
    page.add_init_script(REPORT_VIOLATIONS)
    page.add_init_script(path=str(AXE))
    page.on("console", lambda message: message.type == "error" and problems.append(message.text))
    page.on("pageerror", lambda error: problems.append(str(error)))

    page.goto("/admin/pages/")
    page.get_by_label("Username").fill(editor.username)
    page.get_by_label("Password").fill(PASSWORD)
    page.keyboard.press("Enter")
    page.wait_for_url("**/admin/two-factor/setup/?next=*")
    page.get_by_role("heading", name="Set up two-factor authentication").wait_for()
    assert page.get_by_role("img", name="QR code to scan with your authenticator app").is_visible()
    device = TOTPDevice.objects.get(user=editor)
    assert page.locator("#manual-key").inner_text().replace(" ", "") in device.config_url
    found = axe_violations(page)

    code = page.get_by_label("Code")
    code.fill("12345")
    code.press("Enter")
    page.get_by_text("Enter the 6 digits your authenticator app shows").wait_for()
    assert page.get_by_label("Code").get_attribute("aria-invalid") == "true"
    assert page.get_by_label("Code").input_value() == "12345"  # what was typed stays
    found += axe_violations(page)

    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    page.get_by_label("Code").fill(f"{totp.token():06d}")
    page.get_by_label("Code").press("Enter")
    page.wait_for_url("**/admin/pages/")
    page.get_by_text("Two-factor authentication is set up.").wait_for()
    page.wait_for_load_state("networkidle")
    assert found == []
    assert problems == []
