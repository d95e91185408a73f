"""Admin wiring of the shared site layer."""

from django.templatetags.static import static
from django.utils.html import format_html
from wagtail import hooks


@hooks.register("insert_global_admin_js")
def admin_init_script():
    """Runs the widget and panel set-up that Wagtail would write inline (cms/admin_init.py)."""
    return format_html('<script src="{}"></script>', static("js/admin-init.js"))
