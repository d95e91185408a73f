"""The kinds of answer a question can take, as form fields with GOV.UK-style messages.

A queue's definition (recruitment/queues/) builds each question from one of these.
"""

import datetime
import functools
import re

from django import forms

from cms.models import Area

from .widgets import MemorableDateWidget

POSTCODE_RE = re.compile(r"^([A-Z]{1,2}[0-9][A-Z0-9]?) ?([0-9][A-Z]{2})$")
DATE_PART_RE = re.compile(r"[0-9]{1,4}")
YES_NO = [("yes", "Yes"), ("no", "No")]


def normalise_postcode(value):
    """'sw1a2aa' → 'SW1A 2AA'; raises ValidationError when it is not a UK postcode."""
    compact = re.sub(r"\s+", "", value).upper()
    match = POSTCODE_RE.match(f"{compact[:-3]} {compact[-3:]}") if len(compact) >= 5 else None
    if not match:
        raise forms.ValidationError("Enter a real postcode, like AA1 1AA", code="invalid")
    return f"{match.group(1)} {match.group(2)}"


def normalise_phone(value):
    """Keep what was typed, but only if it holds a UK or international number's digits."""
    digits = re.sub(r"[\s\-()]", "", value)
    if not re.fullmatch(r"\+?\d{10,14}", digits):
        raise forms.ValidationError(
            "Enter a telephone number, like 01632 960 001, 07700 900 982 or +44 808 157 0192",
            code="invalid",
        )
    return value.strip()


class MemorableDateField(forms.Field):
    """A date typed into Day, Month and Year boxes, with GOV.UK's date input messages.

    One message for the group says what is wrong. Each error names the boxes it is about in
    params["subwidgets"] (0 day, 1 month, 2 year), so the error summary links to the first of
    them and only those boxes are marked invalid; an error without it is about the whole date.
    """

    widget = MemorableDateWidget
    parts = ("day", "month", "year")
    default_error_messages = {
        "required": "Enter the date",
        "incomplete": "%(label)s must include a %(missing)s",
        "invalid": "%(label)s must be a real date",
        "year_digits": "Year must include 4 numbers",
    }

    def _error(self, code, subwidgets, **params):
        return forms.ValidationError(
            self.error_messages[code],
            code=code,
            params={
                "label": self.label,
                "label_lower": str(self.label).lower(),
                "subwidgets": subwidgets,
                **params,
            },
        )

    def to_python(self, value):
        typed = list(value) if isinstance(value, list | tuple) else []
        typed = [str(part or "").strip() for part in (typed + ["", "", ""])[:3]]
        if not any(typed):
            return None
        if missing := [i for i, part in enumerate(typed) if not part]:
            names = " and ".join(self.parts[i] for i in missing)
            raise self._error("incomplete", missing, missing=names)
        # ASCII digits only, and few of them: int() of a long string is slow, or refused.
        if not_numbers := [i for i, part in enumerate(typed) if not DATE_PART_RE.fullmatch(part)]:
            raise self._error("invalid", not_numbers)
        if len(typed[2]) != 4:
            raise self._error("year_digits", [2])
        day, month, year = (int(part) for part in typed)
        if not 1 <= month <= 12:
            raise self._error("invalid", [0, 1] if not 1 <= day <= 31 else [1])
        try:
            return datetime.date(year, month, day)
        except ValueError:
            raise self._error("invalid", [0] if year else [0, 1, 2]) from None

    def validate(self, value):
        if value is None and self.required:
            raise self._error("required", [0])


class PostcodeField(forms.CharField):
    """A UK postcode, stored as 'SW1A 2AA' whatever the spacing and case typed."""

    def clean(self, value):
        value = super().clean(value)
        return normalise_postcode(value) if value else value


class PhoneField(forms.CharField):
    """A telephone number, kept as typed once it holds a UK or international number."""

    def clean(self, value):
        value = super().clean(value)
        return normalise_phone(value) if value else value


def text(max_length=80, **kwargs):
    """A one-line text answer."""
    return functools.partial(forms.CharField, max_length=max_length, **kwargs)


def textarea(max_length=2000, **kwargs):
    """A longer text answer."""
    return functools.partial(
        forms.CharField, max_length=max_length, widget=forms.Textarea(attrs={"rows": 4}), **kwargs
    )


def email():
    return functools.partial(
        forms.EmailField,
        max_length=254,
        error_messages={
            "invalid": "Enter an email address in the correct format, like name@example.com"
        },
        widget=forms.EmailInput(attrs={"spellcheck": "false"}),
    )


def phone():
    return functools.partial(
        PhoneField, max_length=30, widget=forms.TextInput(attrs={"type": "tel"})
    )


def postcode():
    return functools.partial(
        PostcodeField, max_length=10, widget=forms.TextInput(attrs={"class": "input--width-10"})
    )


def whole_number(min_value, max_value, messages):
    """A whole number between min_value and max_value; messages for "invalid", "min_value"..."""
    return functools.partial(
        forms.IntegerField,
        min_value=min_value,
        max_value=max_value,
        error_messages=messages,
        widget=forms.NumberInput(attrs={"inputmode": "numeric", "class": "input--width-5"}),
    )


def yes_no():
    """A Yes/No radio question that cleans to True or False."""
    return functools.partial(
        forms.TypedChoiceField,
        choices=YES_NO,
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
    )


def radios(choices):
    """One of a few choices, as radios. choices may be a callable (evaluated per form)."""
    return functools.partial(forms.ChoiceField, choices=choices, widget=forms.RadioSelect)


def select(choices):
    """One of several choices, as a drop-down list."""
    return functools.partial(forms.ChoiceField, choices=[("", "Choose one"), *choices])


def checkboxes(choices):
    """Any of a few choices, as checkboxes."""
    return functools.partial(
        forms.MultipleChoiceField, choices=choices, widget=forms.CheckboxSelectMultiple
    )


class PastDateField(MemorableDateField):
    """A memorable date that has happened: a date of birth."""

    def validate(self, value):
        super().validate(value)
        if value is None:
            return
        today = datetime.date.today()
        if value > today:
            raise self._error("past", [0, 1, 2])
        if value.year < today.year - 120:
            raise self._error("real", [0, 1, 2])


PastDateField.default_error_messages = {
    **MemorableDateField.default_error_messages,
    "past": "%(label)s must be in the past",
    "real": "Enter a real %(label_lower)s",
}


def memorable_date():
    """A date of birth typed into Day, Month and Year boxes."""
    return PastDateField


def local_policing_area():
    """One of the force's local policing areas (not the force-wide one)."""

    def make():
        return forms.ModelChoiceField(
            queryset=Area.objects.filter(force_wide=False), empty_label="Choose an area"
        )

    return make
