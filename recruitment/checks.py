"""Deployment checks for recruitment: warn when the forms run without reCAPTCHA."""

from django.conf import settings
from django.core.checks import Tags, Warning, register


@register(Tags.security, deploy=True)
def recaptcha_keys_configured(app_configs, **kwargs):
    if settings.RECAPTCHA_ENABLED:
        return []
    return [
        Warning(
            "reCAPTCHA keys are not configured: the recruitment forms rely on the honeypot "
            "and rate limit alone.",
            hint="Set RECAPTCHA_PUBLIC_KEY and RECAPTCHA_PRIVATE_KEY in the environment.",
            id="recruitment.W001",
        )
    ]
