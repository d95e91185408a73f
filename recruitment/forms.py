"""The applicant's forms: one per section of a queue's questions, and the declaration.

The questions come from the queue's definition (recruitment/queues/); these classes only add
what a page needs: the details boxes that follow a "Yes", the draft's posted values, and the
double-submit token, honeypot, consent and reCAPTCHA of the last page.
"""

from django import forms
from django.conf import settings
from django.forms.utils import ErrorDict
from django.utils.datastructures import MultiValueDict
from django_recaptcha.fields import ReCaptchaField

from .widgets import RecaptchaWidget


class SectionForm(forms.Form):
    """The questions of one section, each with its label, hint, messages and validation."""

    def __init__(self, *args, section, answers_so_far=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.section = section
        # Showing the kept answers of a page not finished: its empty questions are asked
        # again, not shown as errors before the applicant has done anything.
        self.answers_so_far = answers_so_far
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

    def full_clean(self):
        super().full_clean()
        if self.answers_so_far:
            self._errors = ErrorDict()

    def _inputs(self, name):
        """The names of the inputs a field reads: one, or one per box of a date."""
        widget = self.fields[name].widget
        if isinstance(widget, forms.MultiWidget):
            return [f"{name}{suffix}" for suffix in widget.widgets_names]
        return [name]

    def repeated_inputs(self):
        """Inputs that take one value but were posted more than once. A browser never sends
        them; the form would check only the last, so they are refused, not stored."""
        if not hasattr(self.data, "getlist"):
            return []
        return [
            key
            for name, field in self.fields.items()
            if not isinstance(field, forms.MultipleChoiceField)
            for key in self._inputs(name)
            if len(self.data.getlist(key)) > 1
        ]

    def posted_values(self):
        """The checked answers as the section's inputs hold them: input name → list of strings.

        One value per input, the one the form checked, trimmed as its field trims it (a box
        of ticks: each choice once), so a page shows the answers as they were given and a
        draft holds no more than its questions allow (Draft.MAX_CHARACTERS). Only the
        questions whose own checks passed (`kept`): on a page not finished, the others are
        left out. Call after is_valid().
        """
        values = {}
        for name in self.kept():
            field = self.fields[name]
            if self.cleaned_data.get(name) == "" and self.reveals(name):
                values[name] = [""]  # details of a "No" are not kept
                continue
            if isinstance(field, forms.MultipleChoiceField):
                values[name] = list(dict.fromkeys(str(v) for v in self.cleaned_data[name]))
                continue
            typed = field.widget.value_from_datadict(self.data, self.files, name)
            keys = self._inputs(name)
            parts = list(typed) if len(keys) > 1 else [typed]
            for key, part in zip(keys, parts, strict=True):
                values[key] = [str(part if part is not None else "").strip()]
        return values

    def kept(self):
        """The names of the questions whose own checks passed (all of them on a valid page).
        Call after is_valid()."""
        return [name for name in self.fields if name not in self.errors]

    def not_kept(self):
        """The names of the questions left empty or not valid. Call after is_valid()."""
        return [name for name in self.fields if name in self.errors]

    def inputs_of(self, names):
        """Every input name the named questions read (a date: its three boxes)."""
        return [key for name in names for key in self._inputs(name)]

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
