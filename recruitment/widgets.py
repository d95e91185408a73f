"""Form widgets of the recruitment forms."""

from django import forms
from django_recaptcha.widgets import ReCaptchaV2Checkbox


class RecaptchaWidget(ReCaptchaV2Checkbox):
    """reCAPTCHA's checkbox without the inline script (the page head loads api.js)."""

    template_name = "recruitment/widgets/recaptcha.html"


def _part(width, autocomplete):
    return forms.TextInput(
        attrs={
            "class": f"date-input__input date-input__input--width-{width}",
            "inputmode": "numeric",
            "spellcheck": "false",
            "autocomplete": autocomplete,
        }
    )


class MemorableDateWidget(forms.MultiWidget):
    """GOV.UK's date input: Day, Month and Year text boxes, each with its own label.

    The boxes post as NAME_day, NAME_month and NAME_year and render what was typed, even when
    it is not a date. Autocomplete tokens are for a birthday, the one memorable date asked.
    On an error Django marks every box aria-invalid; when invalid_subwidgets lists the boxes
    at fault (cms's field_widget tag sets it from the error), only those stay marked.
    """

    template_name = "recruitment/widgets/memorable_date.html"
    labels = ("Day", "Month", "Year")
    invalid_subwidgets = None

    def __init__(self, attrs=None):
        widgets = {
            "day": _part(2, "bday-day"),
            "month": _part(2, "bday-month"),
            "year": _part(4, "bday-year"),
        }
        super().__init__(widgets, attrs)

    def decompress(self, value):
        if value:
            return [str(value.day), str(value.month), str(value.year)]
        return [None, None, None]

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        subwidgets = context["widget"]["subwidgets"]
        for index, (subwidget, label) in enumerate(zip(subwidgets, self.labels, strict=True)):
            subwidget["label"] = label
            if self.invalid_subwidgets is not None and index not in self.invalid_subwidgets:
                subwidget["attrs"].pop("aria-invalid", None)
        return context
