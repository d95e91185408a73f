import pytest

from cms.factories import ProgrammeIndexPageFactory, ProgrammePageFactory


@pytest.fixture
def volunteer_index(home_page):
    index = ProgrammeIndexPageFactory(parent=home_page)
    index.save_revision().publish()
    return index


@pytest.fixture
def programme(volunteer_index):
    page = ProgrammePageFactory(parent=volunteer_index, title="Special Constables")
    page.save_revision().publish()
    return page
