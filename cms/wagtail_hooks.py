"""Admin wiring of the shared site layer."""

from django.templatetags.static import static
from django.utils.html import format_html
from wagtail import hooks


@hooks.register("insert_global_admin_js")
def admin_init_script():
    """The Stimulus controller running the set-up Wagtail writes inline (cms/admin_init.py)."""
    return format_html('<script src="{}"></script>', static("js/admin-init.js"))
