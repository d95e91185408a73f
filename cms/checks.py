"""Start-up checks for what this project patches in Wagtail.

The CSP-safe admin (cms/admin_init.py) replaces a Wagtail method, overrides Wagtail templates,
names Wagtail's JavaScript constructors and registers a Stimulus controller with Wagtail's
application (static/js/admin-init.js). Each was written against one Wagtail release; on
any other, `manage.py check` (and so every start-up) stops with an error listing what to
compare with the new release before moving WAGTAIL_VERSION_PATCHED on.
"""

import wagtail
from django.core import checks

# The Wagtail release the overrides below were read against.
WAGTAIL_VERSION_PATCHED = "8.0.1"

# What to re-verify, each against its original in the new Wagtail. None has a supported
# replacement in 8.0.1 (docs/security.md says why): first see whether the new release renders
# these widgets and panels without inline scripts, and delete the override if it does.
OVERRIDES = [
    "cms/admin_init.py render_chooser: a copy of wagtail/admin/widgets/chooser.py "
    "BaseChooser.render (and AdminTaskChooser's createTaskChooser call), writing the call "
    "before the widget because Wagtail's Chooser binds its buttons when constructed",
    "templates/wagtailadmin/widgets/date_input.html, datetime_input.html, time_input.html: "
    "copies of Wagtail's own templates of the same names",
    "templates/wagtailadmin/panels/inline_panel.html, multiple_chooser_panel.html: "
    "their js_init block, against Wagtail's own templates of the same names",
    "static/js/admin-init.js INITIALISERS: the names of Wagtail's global initialisers and "
    "constructors (initDateChooser, InlinePanel, PageChooser, ...) and their arguments; "
    "window.wagtail.app.register and window.StimulusModule, which register its controller",
    "tests/browser/test_admin_csp.py and tests/security/test_admin_scripts.py: run them",
]


@checks.register(checks.Tags.compatibility)
def wagtail_overrides_match_the_installed_wagtail(app_configs=None, **kwargs):
    """An error unless the installed Wagtail is the release the CSP overrides were written for."""
    if wagtail.__version__ == WAGTAIL_VERSION_PATCHED:
        return []
    return [
        checks.Error(
            f"Wagtail {wagtail.__version__} is installed, but the CSP-safe admin overrides "
            f"were written against Wagtail {WAGTAIL_VERSION_PATCHED}.",
            hint="Re-verify each, then set WAGTAIL_VERSION_PATCHED in cms/checks.py: "
            + "; ".join(OVERRIDES)
            + ".",
            obj="cms.admin_init",
            id="cms.E001",
        )
    ]
