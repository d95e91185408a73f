"""Template helpers that render Django form fields the GOV.UK way: hint, error, then input."""

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


@register.simple_tag
def field_widget(bound_field):
    """Render the widget tied to its hint and error message, and marked invalid on error."""
    attrs = {}
    ids = describedby(bound_field)
    if ids and not bound_field.use_fieldset:
        attrs["aria-describedby"] = ids
    if bound_field.errors:
        attrs["aria-invalid"] = "true"
    return bound_field.as_widget(attrs=attrs)


@register.filter
def error_anchor(bound_field):
    """The id an error summary link should jump to: the input itself, or a group's first."""
    if bound_field.use_fieldset:
        return f"{bound_field.auto_id}_0"
    return bound_field.id_for_label or bound_field.auto_id
