"""Wagtail's widget set-up, run by the blue-lamp-init Stimulus controller (static/js/admin-init.js).

Stimulus connects a controller again whenever its element is moved; the set-up must still run
once per widget, or a chooser opens two modals at once.
"""

from accounts.factories import EditorFactory
from cms.factories import ProgrammePageFactory


def test_a_moved_inline_panel_child_opens_one_chooser(page, sign_in, home_page):
    programme = ProgrammePageFactory(parent=home_page, title="Special Constables")
    editor = EditorFactory()
    sign_in(page, editor.username)

    page.goto(f"/admin/pages/{home_page.pk}/edit/")
    add = page.get_by_role("button", name="Add Programme")
    add.click()
    add.click()
    second = page.locator("#inline_child_programme_promos-1")
    second.locator("[data-inline-panel-child-move-up]").click()
    page.wait_for_function(
        "document.querySelector('#id_programme_promos-FORMS > [data-inline-panel-child]').id"
        " === 'inline_child_programme_promos-1'"
    )
    second.get_by_role("button", name="Choose a page").click()
    page.get_by_role("dialog").get_by_role("link", name=programme.title).first.wait_for()
    page.wait_for_load_state("networkidle")
    assert page.get_by_role("dialog").count() == 1
    page.get_by_role("dialog").get_by_role("link", name=programme.title).first.click()
    second.get_by_text(programme.title).first.wait_for()
