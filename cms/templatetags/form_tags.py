"""Template helpers that render Django form fields the GOV.UK way: hint, error, then input."""

import copy

from django import template

register = template.Library()


@register.simple_tag
def describedby(bound_field):
    """The ids of the field's hint and error message, for aria-describedby."""
    ids = []
    if bound_field.help_text:
        ids.append(f"{bound_field.auto_id}_helptext")
    if bound_field.errors:
        ids.append(f"{bound_field.auto_id}_error")
    return " ".join(ids)


def invalid_subwidgets(bound_field):
    """Which inputs of a group (a MultiWidget) its first error is about; None for all of them.

    A field says so in the error's params["subwidgets"], a list of input indexes.
    """
    for error in bound_field.errors.as_data():
        if isinstance(error.params, dict) and error.params.get("subwidgets"):
            return sorted(error.params["subwidgets"])
    return None


@register.simple_tag
def field_widget(bound_field):
    """Render the widget tied to its hint and error message (Django marks it aria-invalid).

    A group of inputs that can mark only some of them (a widget with `invalid_subwidgets`)
    is told which ones its error is about.
    """
    attrs = {}
    ids = describedby(bound_field)
    if ids and not bound_field.use_fieldset:
        attrs["aria-describedby"] = ids
    widget = bound_field.field.widget
    parts = invalid_subwidgets(bound_field)
    if parts is not None and hasattr(widget, "invalid_subwidgets"):
        widget = copy.copy(widget)
        widget.invalid_subwidgets = parts
    return bound_field.as_widget(widget=widget, attrs=attrs)


@register.filter
def error_anchor(bound_field):
    """The id an error summary link should jump to: the input itself, or a group's first
    input, or the first input of the group that the error is about."""
    if bound_field.use_fieldset:
        parts = invalid_subwidgets(bound_field) or [0]
        return f"{bound_field.auto_id}_{parts[0]}"
    return bound_field.id_for_label or bound_field.auto_id
