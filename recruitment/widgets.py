"""Form widgets of the recruitment forms."""

from django_recaptcha.widgets import ReCaptchaV2Checkbox


class RecaptchaWidget(ReCaptchaV2Checkbox):
    """reCAPTCHA's checkbox without the inline script (the page head loads api.js)."""

    template_name = "recruitment/widgets/recaptcha.html"
