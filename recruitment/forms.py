"""The code-defined application forms: fields, GOV.UK-style messages and eligibility rules."""

import datetime
import re
import uuid

from django import forms
from django.conf import settings
from django.core.validators import RegexValidator
from django.utils import timezone

from cms.models import Area

from . import eligibility
from .academic_years import academic_year_choices
from .enums import HeardAbout, PreferredRole, YearGroup
from .models import MiniPoliceRegistration, SpecialConstableApplication
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


def yes_no_field(label, help_text=""):
    """A required Yes/No radio question that cleans to True or False."""
    return forms.TypedChoiceField(
        label=label,
        help_text=help_text,
        choices=YES_NO,
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
    )


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
            params={"label": self.label, "subwidgets": subwidgets, **params},
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


class HoneypotWidget(forms.TextInput):
    def __init__(self):
        super().__init__(attrs={"autocomplete": "off", "tabindex": "-1"})


class RecruitmentForm(forms.ModelForm):
    """Fields every recruitment form shares: the double-submit token, honeypot and consent."""

    required_messages = {}

    token = forms.UUIDField(widget=forms.HiddenInput)
    # Hidden from people by CSS; bots that fill every field give themselves away.
    website = forms.CharField(
        label="Leave this field empty", required=False, widget=HoneypotWidget()
    )
    consent = forms.BooleanField(
        label="I have read the privacy notice and agree to you using my information "
        "to handle this request",
        error_messages={"required": "Confirm that you have read the privacy notice"},
    )

    def __init__(self, *args, page=None, **kwargs):
        initial = kwargs.setdefault("initial", {})
        initial.setdefault("token", uuid.uuid4())
        super().__init__(*args, **kwargs)
        self.page = page
        if "area" in self.fields:
            self.fields["area"].queryset = Area.objects.filter(force_wide=False)
            self.fields["area"].empty_label = "Choose an area"
        for name, message in self.required_messages.items():
            if name in self.fields:
                self.fields[name].error_messages["required"] = message
        for name, token in self.autocomplete.items():
            self.fields[name].widget.attrs["autocomplete"] = token
        if settings.RECAPTCHA_ENABLED:
            from django_recaptcha.fields import ReCaptchaField

            from .widgets import RecaptchaWidget

            self.fields["captcha"] = ReCaptchaField(
                label="Prove you are not a robot", widget=RecaptchaWidget()
            )

    @property
    def honeypot_filled(self):
        return bool(self.data.get(self.add_prefix("website")))

    def clean_postcode(self):
        return normalise_postcode(self.cleaned_data["postcode"])

    def clean_phone(self):
        return normalise_phone(self.cleaned_data["phone"])

    def visible_questions(self):
        """The fields applicants answer, in order (not the honeypot, token or consent)."""
        return [f for f in self if f.name not in {"website", "token", "consent", "captcha"}]


ADDRESS_MESSAGES = {
    "address_line_1": "Enter the first line of the address",
    "town": "Enter the town or city",
    "postcode": "Enter a postcode",
    "phone": "Enter a telephone number",
    "email": "Enter an email address",
}
ADDRESS_AUTOCOMPLETE = {
    "email": "email",
    "phone": "tel",
    "address_line_1": "address-line1",
    "address_line_2": "address-line2",
    "town": "address-level2",
    "postcode": "postal-code",
}


class SpecialConstableForm(RecruitmentForm):
    date_of_birth = MemorableDateField(
        label="Date of birth",
        help_text="For example, 27 3 2007",
        error_messages={"required": "Enter your date of birth"},
    )
    lived_in_uk_3_years = yes_no_field("Have you lived in the UK for the last 3 years?")
    right_to_remain = yes_no_field(
        "Do you have the right to live in the UK without restrictions?",
        "British and Irish citizens, and people with settled status or indefinite leave "
        "to remain, have this right.",
    )
    hours_per_month = forms.IntegerField(
        label="How many hours a month can you give?",
        help_text="Special Constables give at least 16 hours a month.",
        min_value=1,
        max_value=744,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
        error_messages={
            "required": "Enter how many hours a month you can give",
            "invalid": "Hours a month must be a whole number, like 16",
            "min_value": "Hours a month must be a whole number, like 16",
            "max_value": "Hours a month must be 744 or fewer",
        },
    )
    preferred_role = forms.ChoiceField(
        label="Which role would you prefer?",
        choices=PreferredRole.choices,
        widget=forms.RadioSelect,
    )
    has_convictions = yes_no_field(
        "Do you have any convictions or cautions?",
        "Include any from outside the UK. Having one does not always stop you applying.",
    )
    conviction_details = forms.CharField(
        label="Details of convictions or cautions",
        help_text="Only if you answered yes: what, when and where.",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    has_tattoos = yes_no_field("Do you have any visible tattoos?")
    tattoo_description = forms.CharField(
        label="Describe your visible tattoos",
        help_text="Only if you answered yes: where they are and what they show.",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    has_business_interests = yes_no_field("Do you have business interests or a second job?")
    business_interest_details = forms.CharField(
        label="Details of business interests or second jobs",
        help_text="Only if you answered yes.",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    heard_about = forms.ChoiceField(
        label="How did you hear about us?",
        choices=[("", "Choose one"), *HeardAbout.choices],
    )

    required_messages = {
        "first_name": "Enter your first name",
        "last_name": "Enter your last name",
        "nationality": "Enter your nationality",
        "area": "Choose a local policing area",
        "lived_in_uk_3_years": "Select yes if you have lived in the UK for the last 3 years",
        "right_to_remain": "Select yes if you have the right to live in the UK",
        "preferred_role": "Choose the role you would prefer",
        "has_convictions": "Select yes if you have any convictions or cautions",
        "has_tattoos": "Select yes if you have any visible tattoos",
        "has_business_interests": "Select yes if you have business interests or a second job",
        "heard_about": "Choose how you heard about us",
        **ADDRESS_MESSAGES,
        "email": "Enter your email address",
        "phone": "Enter your telephone number",
        "address_line_1": "Enter the first line of your address",
    }
    autocomplete = {
        "first_name": "given-name",
        "last_name": "family-name",
        **ADDRESS_AUTOCOMPLETE,
    }

    class Meta:
        model = SpecialConstableApplication
        fields = [
            "first_name",
            "last_name",
            "date_of_birth",
            "email",
            "phone",
            "address_line_1",
            "address_line_2",
            "town",
            "postcode",
            "lived_in_uk_3_years",
            "nationality",
            "right_to_remain",
            "hours_per_month",
            "area",
            "preferred_role",
            "has_convictions",
            "conviction_details",
            "has_tattoos",
            "tattoo_description",
            "has_business_interests",
            "business_interest_details",
            "heard_about",
        ]
        labels = {
            "first_name": "First name",
            "last_name": "Last name",
            "email": "Email address",
            "phone": "Telephone number",
            "area": "Which local policing area would you prefer?",
        }
        help_texts = {
            "email": "We will send your reference number to this address.",
            "postcode": "",
        }

    def clean_date_of_birth(self):
        value = self.cleaned_data["date_of_birth"]
        minimum_age = getattr(self.page, "minimum_age", 18)
        problem = eligibility.age_problem(value, minimum_age, timezone.localdate())
        if problem:
            raise forms.ValidationError(problem, code="ineligible")
        return value

    def clean_lived_in_uk_3_years(self):
        value = self.cleaned_data["lived_in_uk_3_years"]
        if problem := eligibility.residence_problem(value):
            raise forms.ValidationError(problem, code="ineligible")
        return value

    def clean_right_to_remain(self):
        value = self.cleaned_data["right_to_remain"]
        if problem := eligibility.right_to_remain_problem(value):
            raise forms.ValidationError(problem, code="ineligible")
        return value

    def clean_hours_per_month(self):
        value = self.cleaned_data["hours_per_month"]
        if problem := eligibility.hours_problem(value):
            raise forms.ValidationError(problem, code="ineligible")
        return value

    # A "yes" needs its details; a "no" drops any details typed before the answer changed.
    details_when_yes = {
        "has_convictions": (
            "conviction_details",
            "Give details of your convictions or cautions",
        ),
        "has_tattoos": ("tattoo_description", "Describe your visible tattoos"),
        "has_business_interests": (
            "business_interest_details",
            "Give details of your business interests or second jobs",
        ),
    }

    def clean(self):
        cleaned = super().clean()
        for flag, (detail, message) in self.details_when_yes.items():
            if cleaned.get(flag) is True and not cleaned.get(detail, "").strip():
                self.add_error(detail, message)
            elif cleaned.get(flag) is False:
                cleaned[detail] = ""
        return cleaned


class MiniPoliceForm(RecruitmentForm):
    urn = forms.CharField(
        label="School URN",
        help_text="The 6-digit unique reference number, for example 123456. "
        "Find it on Get Information about Schools.",
        validators=[RegexValidator(r"^\d{6}$", "Enter the school's URN as 6 digits, like 123456")],
        widget=forms.TextInput(attrs={"inputmode": "numeric", "spellcheck": "false"}),
    )
    year_groups = forms.MultipleChoiceField(
        label="Which year groups would take part?",
        help_text="Select all that apply.",
        choices=YearGroup.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    number_of_pupils = forms.IntegerField(
        label="How many pupils would take part?",
        min_value=1,
        max_value=500,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
        error_messages={
            "invalid": "Number of pupils must be a whole number, like 30",
            "min_value": "Number of pupils must be 1 or more",
            "max_value": "Number of pupils must be 500 or fewer",
        },
    )
    preferred_start = forms.ChoiceField(
        label="When would you like to start?", widget=forms.RadioSelect
    )

    required_messages = {
        "school_name": "Enter the school's name",
        "urn": "Enter the school's URN",
        "area": "Choose the school's local policing area",
        "contact_name": "Enter the name of the contact at the school",
        "contact_role": "Enter the contact's role at the school",
        "year_groups": "Select the year groups that would take part",
        "number_of_pupils": "Enter how many pupils would take part",
        "preferred_start": "Choose when you would like to start",
        **ADDRESS_MESSAGES,
    }
    autocomplete = {
        "school_name": "organization",
        "contact_name": "name",
        "contact_role": "organization-title",
        **ADDRESS_AUTOCOMPLETE,
    }

    class Meta:
        model = MiniPoliceRegistration
        fields = [
            "school_name",
            "urn",
            "address_line_1",
            "address_line_2",
            "town",
            "postcode",
            "area",
            "contact_name",
            "contact_role",
            "email",
            "phone",
            "year_groups",
            "number_of_pupils",
            "preferred_start",
            "anything_else",
        ]
        labels = {
            "school_name": "School name",
            "area": "Which local policing area is the school in?",
            "contact_name": "Contact name",
            "contact_role": "Contact's role",
            "email": "Contact email address",
            "phone": "Contact telephone number",
            "anything_else": "Is there anything else we should know?",
        }
        help_texts = {
            "contact_role": "For example, headteacher or Year 6 teacher.",
            "email": "We will send the reference number to this address.",
        }
        widgets = {"anything_else": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["preferred_start"].choices = academic_year_choices(timezone.localdate())
