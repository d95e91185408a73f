"""The demo site's appeals: an open witness appeal, an open missing-person appeal with a
photo, and one resolved as found safe with its photo gone."""

from news.enums import AppealStatus, AppealType
from news.models import AppealPage


def test_demo_has_open_and_resolved_appeals(client, demo_site):
    appeals = {appeal.slug: appeal for appeal in AppealPage.objects.all()}
    witness = appeals["witnesses-sought-eastmoor-road-collision"]
    missing = appeals["missing-northvale-teenager-sam"]
    found = appeals["missing-riverside-man-jon"]
    assert witness.appeal_type == AppealType.WITNESS and witness.is_open
    assert missing.is_open and missing.person_images()
    assert found.status == AppealStatus.RESOLVED and not found.person_images()
    assert found.appeal_images.get().reason_for_release  # the record stays
    home = client.get("/").content.decode()
    panel = home[home.index('class="current-appeals"') : home.index('class="latest-news"')]
    assert missing.title in panel and witness.title in panel
    assert found.title not in panel
    assert "has been found safe" in client.get(found.url).content.decode()
