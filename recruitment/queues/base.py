"""The shape of a queue's definition: its questions in sections, its workflow, its stages.

A queue (`specials.py`, `mini_police.py`) is one `Queue`. The question pages, check your
answers, the admin's inspect view and exports, retention and erasure, data requests, the demo
and the bench all read it, so adding a question is one change here plus its migration.
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field

from django import forms
from django.core.exceptions import FieldDoesNotExist
from django.utils.text import capfirst

from ..dates import uk_date, uk_datetime


@dataclass(frozen=True)
class Question:
    """One question: the model field it fills, its words, its form field and whether the
    answer is personal data (cleared by retention and erasure when True)."""

    name: str
    label: str
    make_field: Callable[[], forms.Field]
    hint: str = ""
    personal: bool = False
    # The message when it is left empty ("Enter your first name").
    required_message: str = ""
    autocomplete: str = ""
    # A details box: shown (and required) only after "Yes" to the named yes/no question.
    reveal_when_yes: str = ""
    # Staff's shorter label for the inspect view and exports; the model's verbose name if "".
    staff_label: str = ""

    def form_field(self):
        """A fresh form field with this question's words and messages."""
        form_field = self.make_field()
        form_field.label = self.label
        form_field.help_text = self.hint
        if self.required_message:
            form_field.error_messages["required"] = self.required_message
        if self.autocomplete:
            form_field.widget.attrs["autocomplete"] = self.autocomplete
        return form_field

    def display(self, submission):
        """The answer as a person reads it: choice labels, Yes/No, dates as 27 Mar 1995."""
        return display_value(submission, self.name)

    def title_for_staff(self, model):
        """The label staff see for this answer."""
        return self.staff_label or field_label(model, self.name)


@dataclass(frozen=True)
class Rule:
    """An eligibility rule held as data: the question it reads and why an answer fails.

    `problem(value, page, today)` returns the reason a person cannot apply, or None.
    `instead` lists what they can do instead (shown with the reason).
    """

    question: str
    problem: Callable
    instead: tuple = ()


@dataclass(frozen=True)
class Section:
    """One page of questions."""

    slug: str
    title: str
    questions: list
    intro: str = ""
    # Eligibility rules checked on this section; a failing rule stores nothing.
    rules: list = field(default_factory=list)

    def question(self, name):
        return next(q for q in self.questions if q.name == name)


@dataclass(frozen=True)
class Stage:
    """What the applicant is told about a staff status: the stage in plain words, and what
    happens next."""

    title: str
    next: str


@dataclass(frozen=True)
class Queue:
    """Everything that varies between recruitment queues, in one place."""

    key: str
    model: type
    page_model_name: str
    status_enum: type
    transitions: dict
    sections: list
    public_stages: dict
    # What the applicant calls it ("application", "registration").
    noun: str
    # RecruitmentSettings fields holding how long personal data is kept after a final status:
    # the default, and per status where it differs.
    retention_setting: str = ""
    retention_settings_by_status: dict = field(default_factory=dict)
    send_label: str = "Send"
    # Shown when the eligibility check fails, whatever the reason.
    ineligible_instead: tuple = ()

    @property
    def reference_prefix(self):
        return self.model.reference_prefix

    @property
    def questions(self):
        """Every question, in the order the applicant meets them."""
        return [q for section in self.sections for q in section.questions]

    @property
    def personal_fields(self):
        """The model fields holding personal data: derived from the questions, never listed."""
        return [q.name for q in self.questions if q.personal]

    def section(self, slug):
        """The section with this slug; KeyError when there is none."""
        for section in self.sections:
            if section.slug == slug:
                return section
        raise KeyError(slug)

    def section_after(self, slug):
        """The section that follows slug, or None after the last one."""
        slugs = [s.slug for s in self.sections]
        index = slugs.index(slug) + 1
        return self.sections[index] if index < len(slugs) else None

    def section_before(self, slug):
        """The section before slug, or None for the first one."""
        slugs = [s.slug for s in self.sections]
        index = slugs.index(slug) - 1
        return self.sections[index] if index >= 0 else None

    @property
    def eligibility(self):
        """The first section: eligibility questions only, asked before any personal data."""
        return self.sections[0]

    def stage(self, status):
        """The public stage for a staff status."""
        return self.public_stages[status]

    def retention_months(self, periods, status):
        """Months the personal data of a submission in a final status is kept."""
        name = self.retention_settings_by_status.get(status, self.retention_setting)
        return getattr(periods, name)


def display_value(submission, name):
    """One answer as people read it, for check your answers, the inspect view and exports."""
    try:
        model_field = submission._meta.get_field(name)
    except FieldDoesNotExist:
        model_field = None
    value = getattr(submission, name)
    if model_field is not None and model_field.choices and not isinstance(value, list):
        return str(getattr(submission, f"get_{name}_display")())
    if callable(value):
        value = value()
    if value is None:
        return ""
    if isinstance(value, bool):
        return "Yes" if value else "No"
    # One date format everywhere (recruitment/dates.py): "30 Nov 2026, 12:25".
    if isinstance(value, datetime.datetime):
        return uk_datetime(value)
    if isinstance(value, datetime.date):
        return uk_date(value)
    if isinstance(value, list):
        display = getattr(submission, f"{name}_display", None)
        return display() if display else ", ".join(str(v) for v in value)
    return str(value)


def field_label(model, name):
    """The label staff see for one model field or display method."""
    try:
        return str(capfirst(model._meta.get_field(name).verbose_name))
    except FieldDoesNotExist:
        attribute = getattr(model, name)
        return str(capfirst(getattr(attribute, "short_description", name.replace("_", " "))))
