"""Template helpers that render Django form fields the GOV.UK way: hint, error, then input."""

from django import template

register = template.Library()


@register.simple_tag
def field_widget(bound_field):
    """Render the widget with aria-describedby pointing at its hint and error message."""
    described = []
    if bound_field.help_text:
        described.append(f"{bound_field.auto_id}_helptext")
    if bound_field.errors:
        described.append(f"{bound_field.auto_id}_error")
    attrs = {"aria-describedby": " ".join(described)} if described else {}
    if bound_field.errors:
        attrs["aria-invalid"] = "true"
    return bound_field.as_widget(attrs=attrs)
