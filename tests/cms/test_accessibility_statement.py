"""The accessibility statement says what the accessibility suite actually checks."""

import json
from pathlib import Path

LOCK = Path(__file__).resolve().parents[2] / "package-lock.json"


def test_statement_names_the_standard_the_tools_and_how_to_complain(client, demo_site):
    text = client.get("/accessibility/").content.decode()
    axe = json.loads(LOCK.read_text())["packages"]["node_modules/axe-core"]["version"]
    assert "WCAG) version 2.2 AA" in text
    assert f"axe-core {axe}" in text  # the version the suite runs, kept in step with the lock file
    assert "360 pixel" in text and "JavaScript turned on and turned off" in text
    assert 'href="/feedback/"' in text
    assert "Equality Advisory and Support Service (EASS)" in text
    assert "prepared on 22 November 2026" in text
