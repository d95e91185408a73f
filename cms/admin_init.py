"""The Wagtail admin without inline scripts, so its Content-Security-Policy can refuse them.

Wagtail 8.0.1 initialises some widgets and panels with inline `<script>` calls: the date and
time pickers, inline panels, multiple-chooser panels (templates, overridden in
templates/wagtailadmin/) and every chooser widget (`BaseChooser.render`, replaced below).
Wagtail offers no other way to render these: the templates and `BaseChooser.render` write the
`<script>` themselves, and its Stimulus controllers and telepath adapters do not cover widgets
rendered on the server. Here each call is written as inert data instead (this module imports
Wagtail's admin widgets, so only CmsConfig.ready and template tags import it),

    <script type="application/json" data-controller="blue-lamp-init"
      data-blue-lamp-init-initialiser-value="initDateChooser">["id_date", {...}]</script>

for `blue-lamp-init`, the Stimulus controller that static/js/admin-init.js adds to Wagtail's
own Stimulus application, which connects it for each such element the page holds or later
gains (a new inline panel child, a chooser modal). The controller calls only the initialisers
it lists, with the JSON as arguments. The arguments stay in the element's text, not in an
attribute: InlinePanel makes a new child by replacing each `__prefix__` in its template's
HTML together with everything up to the next quote, and in an attribute JSON's quotes are
escaped, so a second `__prefix__` there (two ids in one call) would be skipped.
"""

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from wagtail.admin.widgets.chooser import BaseChooser
from wagtail.admin.widgets.workflows import AdminTaskChooser

# As Django's json_script: nothing in the data can end the element or start markup.
JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def init_script(initialiser, *args):
    """An inert element asking admin-init.js's controller to call `initialiser(*args)`."""
    data = json.dumps(args, cls=DjangoJSONEncoder).translate(JSON_SCRIPT_ESCAPES)
    return format_html(
        '<script type="application/json" data-controller="blue-lamp-init" '
        'data-blue-lamp-init-initialiser-value="{}">{}</script>',
        initialiser,
        mark_safe(data),  # noqa: S308 - JSON with <, > and & escaped, as json_script
    )


def render_chooser(self, name, value, attrs=None, renderer=None):
    """BaseChooser.render, with its `new Chooser(id, options)` call written as data first."""
    try:
        id_ = attrs["id"]
    except (KeyError, TypeError) as e:
        raise TypeError("BaseChooser cannot be rendered without an 'id' attribute") from e
    value_data = self.get_value_data(value)
    widget_html = self.render_html(name, value_data, attrs)
    if isinstance(self, AdminTaskChooser):  # its own call: createTaskChooser(id)
        script = init_script("createTaskChooser", id_)
    else:
        options = self.get_js_init_options(id_, name, value_data)
        script = init_script(self.js_constructor, id_, options)
    # Before the widget, where Wagtail writes it after: Stimulus connects controllers in
    # document order, and the chooser must bind its buttons before the widget's own Actions
    # menu (w-dropdown) connects and takes them out of the page until opened.
    return mark_safe(script + widget_html)  # noqa: S308 - as BaseChooser.render


def install():
    """Make every chooser widget write its initialisation as data (called from CmsConfig)."""
    BaseChooser.render = render_chooser
