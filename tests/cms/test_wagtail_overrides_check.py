"""Start-up stops when Wagtail is not the release the CSP-safe admin overrides were written for."""

import wagtail

from cms.checks import WAGTAIL_VERSION_PATCHED, wagtail_overrides_match_the_installed_wagtail


def test_the_installed_wagtail_is_the_one_the_overrides_were_written_for():
    assert wagtail.__version__ == WAGTAIL_VERSION_PATCHED
    assert wagtail_overrides_match_the_installed_wagtail() == []


def test_another_wagtail_stops_start_up_naming_what_to_re_verify(monkeypatch):
    monkeypatch.setattr(wagtail, "__version__", "8.1.0")
    [error] = wagtail_overrides_match_the_installed_wagtail()
    assert error.id == "cms.E001" and error.is_serious()
    assert "Wagtail 8.1.0 is installed" in error.msg
    for what in ["BaseChooser.render", "date_input.html", "inline_panel.html", "admin-init.js"]:
        assert what in error.hint
