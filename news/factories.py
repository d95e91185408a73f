"""Factories for the news page types, for tests: AppealPageFactory(parent=index, images=[img])."""

import factory

from cms.models import Area

from .enums import AppealType
from .models import AppealImage, AppealPage

RELEASE_REASON = "Vulnerable missing person; an image is the quickest way to find them."
AUTHORISED_BY = "Inspector Dana Okafor"


def _force_wide():
    area, _ = Area.objects.get_or_create(
        slug="force-wide", defaults={"name": "Force-wide", "force_wide": True}
    )
    return area


class AppealPageFactory(factory.Factory):
    """An appeal under `parent`, published through a revision (publish=False for a draft).

    `images` are wagtail images of the person, each released with a recorded reason.
    """

    title = factory.Sequence(lambda n: f"Have you seen person {n}?")
    slug = factory.Sequence(lambda n: f"appeal-{n}")
    appeal_type = AppealType.MISSING
    reference = "26-000123"
    summary = factory.LazyAttribute(lambda appeal: f"Summary of {appeal.title}")
    area = factory.LazyFunction(_force_wide)

    class Meta:
        model = AppealPage

    @classmethod
    def _create(cls, model_class, *, parent, images=(), publish=True, **fields):
        appeal = model_class(live=publish, **fields)
        appeal.appeal_images = [
            AppealImage(
                image=image,
                alt_text=f"Photograph {number} of the person",
                reason_for_release=RELEASE_REASON,
                authorised_by=AUTHORISED_BY,
            )
            for number, image in enumerate(images, start=1)
        ]
        parent.add_child(instance=appeal)
        revision = appeal.save_revision()
        if publish:
            revision.publish()
            appeal.refresh_from_db()
        return appeal
