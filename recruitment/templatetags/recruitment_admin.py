"""Template tags for the recruitment admin: the one UK date format (see recruitment.dates) and
the queue's table of rows."""

from django import template
from django.contrib.admin.templatetags.admin_list import result_headers
from django.forms.utils import flatatt
from django.utils.safestring import mark_safe

from .. import dates

register = template.Library()
register.filter("uk_datetime", dates.uk_datetime)
register.filter("uk_date", dates.uk_date)


@register.filter
def history_actor(entry):
    """Who made a history entry: a member of staff, the applicant, retention (the period
    ended), or the system."""
    if entry.user:
        return entry.user.get_full_name() or entry.user.get_username()
    if (entry.data or {}).get("by_applicant") or entry.action == "recruitment.submit":
        return "the applicant"
    if entry.action == "recruitment.anonymise":
        return "retention"
    return "the system"


@register.inclusion_tag("recruitment/admin/result_list.html", takes_context=True)
def queue_result_list(context):
    """modeladmin's {% result_list %}, the same markup, with the cells from the queue's
    row_cells() and every row written by this one template (modeladmin renders an inclusion
    tag per row and another per cell: 225 template renders for a page of 25)."""
    view = context["view"]
    model_admin = view.model_admin
    rows = []
    for index, obj in enumerate(context["object_list"]):
        attrs = model_admin.get_extra_attrs_for_row(obj, context)
        attrs["data-object-pk"] = obj.pk
        odd_or_even = "odd" if index % 2 == 0 else "even"
        attrs["class"] = f"{attrs['class']} {odd_or_even}" if "class" in attrs else odd_or_even
        rows.append((mark_safe(flatatt(attrs)), model_admin.row_cells(obj)))  # flatatt escapes
    context.update({"result_headers": list(result_headers(view)), "rows": rows})
    return context
