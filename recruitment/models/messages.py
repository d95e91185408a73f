"""Message templates: the emails recruiters send applicants, written once by managers."""

import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models

# What a template may say in braces, and what each stands for (shown to managers as help).
PLACEHOLDERS = {
    "first_name": "the applicant's first name (the school contact's name for Mini Police)",
    "reference": "the application's reference, e.g. SC-2026-000123",
    "stage": "where the application is now, e.g. Assessment",
    "paragraph": "a paragraph the recruiter writes when sending",
}
PLACEHOLDER = re.compile(r"\{(\w*)\}")
# Words that ask the applicant to answer by email: refused while replies reach nobody.
ASKS_FOR_REPLY = re.compile(r"\brepl(y|ies)\b", re.IGNORECASE)
PLACEHOLDER_HELP = "You can use " + ", ".join(
    f"{{{name}}} ({meaning})" for name, meaning in PLACEHOLDERS.items()
)


def _check_placeholders(text):
    unknown = sorted({name for name in PLACEHOLDER.findall(text) if name not in PLACEHOLDERS})
    if unknown:
        known = ", ".join(f"{{{name}}}" for name in PLACEHOLDERS)
        named = ", ".join(f"{{{name}}}" for name in unknown)
        raise ValidationError(f"Unknown placeholder {named}. Use only {known}.")


class MessageTemplate(models.Model):
    """An email recruiters send an applicant from the inspect view, with placeholders filled."""

    name = models.CharField(
        max_length=80,
        unique=True,
        help_text="What recruiters choose, e.g. Invitation to assessment.",
    )
    subject = models.CharField(max_length=150, help_text=PLACEHOLDER_HELP)
    body = models.TextField(help_text=PLACEHOLDER_HELP)
    active = models.BooleanField(default=True, help_text="Untick to stop offering this template.")

    class Meta:
        ordering = ["name"]
        verbose_name = "message template"

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        errors = {}
        for field in ("subject", "body"):
            try:
                _check_placeholders(getattr(self, field))
            except ValidationError as error:
                errors[field] = error
        if not settings.RECRUITMENT_REPLY_TO and ASKS_FOR_REPLY.search(self.body or ""):
            errors.setdefault(
                "body",
                ValidationError(
                    "Replies to these emails are not read (no reply address is set), so do not "
                    "ask for a reply. Each message ends by saying how to contact the team."
                ),
            )
        if errors:
            raise ValidationError(errors)

    def render(self, values):
        """(subject, body) with each {placeholder} replaced by values[placeholder]."""

        def fill(text):
            return PLACEHOLDER.sub(lambda m: str(values.get(m.group(1), m.group(0))), text)

        return fill(self.subject), fill(self.body)
