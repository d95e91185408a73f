"""The applicant's forms: one per section of a queue's questions, and the declaration.

The questions come from the queue's definition (recruitment/queues/); these classes only add
what a page needs: the details boxes that follow a "Yes", the draft's posted values, and the
double-submit token, honeypot, consent and reCAPTCHA of the last page.
"""

from django import forms
from django.conf import settings
from django.utils.datastructures import MultiValueDict
from django_recaptcha.fields import ReCaptchaField

from .widgets import RecaptchaWidget


class SectionForm(forms.Form):
    """The questions of one section, each with its label, hint, messages and validation."""

    def __init__(self, *args, section, **kwargs):
        super().__init__(*args, **kwargs)
        self.section = section
        for question in section.questions:
            self.fields[question.name] = question.form_field()
            # A details box is needed only after "Yes" (and is never labelled optional).
            if question.reveal_when_yes and self.is_bound:
                yes = self.data.get(question.reveal_when_yes) == "yes"
                self.fields[question.name].required = yes

    def clean(self):
        cleaned = super().clean()
        # A "No" drops any details typed before the answer changed.
        for question in self.section.questions:
            if question.reveal_when_yes and cleaned.get(question.reveal_when_yes) is not True:
                cleaned[question.name] = ""
        return cleaned

    def posted_values(self):
        """What was posted for this section's inputs: input name → list of strings.

        Stored in the draft as typed, so a page shows the answers exactly as they were given.
        """
        values = {}
        for name, field in self.fields.items():
            if name in self.cleaned_data and self.cleaned_data[name] == "" and self.reveals(name):
                values[name] = [""]  # details of a "No" are not kept
                continue
            widget = field.widget
            inputs = (
                [f"{name}{suffix}" for suffix in widget.widgets_names]
                if isinstance(widget, forms.MultiWidget)
                else [name]
            )
            for key in inputs:
                if hasattr(self.data, "getlist"):
                    values[key] = [str(v) for v in self.data.getlist(key)]
                elif key in self.data:
                    value = self.data[key]
                    values[key] = [str(v) for v in value] if isinstance(value, list) else [value]
        return values

    def reveals(self, name):
        """The yes/no question whose "Yes" shows the named question ("" for none)."""
        return next((q.reveal_when_yes for q in self.section.questions if q.name == name), "")

    def rows(self):
        """Each bound field with the yes/no question whose "Yes" reveals it ("" for none)."""
        return [
            {"field": self[q.name], "reveal": q.reveal_when_yes} for q in self.section.questions
        ]


def draft_data(answers):
    """A draft's stored answers as form data, to bind a section's form to them."""
    return MultiValueDict({key: list(values) for key, values in answers.items()})


class HoneypotWidget(forms.TextInput):
    def __init__(self):
        super().__init__(attrs={"autocomplete": "off", "tabindex": "-1"})


class DeclarationForm(forms.Form):
    """The last step: consent to the privacy notice, the honeypot and (when set up) reCAPTCHA."""

    # Hidden from people by CSS; bots that fill every field give themselves away.
    website = forms.CharField(
        label="Leave this field empty", required=False, widget=HoneypotWidget()
    )
    consent = forms.BooleanField(
        label="I have read the privacy notice and agree to you using my information "
        "to handle this request",
        error_messages={"required": "Confirm that you have read the privacy notice"},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if settings.RECAPTCHA_ENABLED:
            self.fields["captcha"] = ReCaptchaField(
                label="Prove you are not a robot", widget=RecaptchaWidget()
            )

    @property
    def honeypot_filled(self):
        return bool(self.data.get("website"))

    @property
    def captcha_failed(self):
        """True when reCAPTCHA was asked and said no: a spam signal the rate limit counts."""
        return "captcha" in self.fields and "captcha" in self.errors
