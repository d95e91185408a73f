"""Factories for the news pages, for tests (AppealPageFactory(parent=index, images=[img]) too).

    index = NewsIndexPageFactory(parent=home_page)
    NewsArticlePageFactory(parent=index, topics=["Cadets"], with_image=True)
    NewsArticlePageFactory(parent=index, draft=True)

Articles are published through a revision, as an editor's would be; `draft=True` leaves one
saved but not live.
"""

import factory
import wagtail_factories

from cms.factories import AreaFactory
from cms.models import Area

from .enums import AppealType
from .models import AppealImage, AppealPage, NewsArticlePage, NewsIndexPage


class NewsIndexPageFactory(wagtail_factories.PageFactory):
    title = "News"
    slug = "news"
    show_in_menus = True

    class Meta:
        model = NewsIndexPage


class NewsArticlePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Article number {n}")
    area = factory.SubFactory(AreaFactory, name="Force-wide", force_wide=True)
    summary = factory.LazyAttribute(lambda article: f"Summary of {article.title}.")

    class Meta:
        model = NewsArticlePage
        skip_postgeneration_save = True  # the hooks below save (and publish) themselves

    class Params:
        draft = factory.Trait(live=False)
        with_image = factory.Trait(
            hero_image=factory.SubFactory(wagtail_factories.ImageFactory),
            hero_image_alt="A picture",
        )

    @factory.post_generation
    def topics(article, create, extracted, **kwargs):
        """Topic names (or tags): NewsArticlePageFactory(topics=["Cadets", "Fraud"])."""
        if extracted:
            article.topics.add(*extracted)
            if create:
                article.save()

    @factory.post_generation
    def publish(article, create, extracted, **kwargs):
        """Save a revision, and publish it unless the article is a draft."""
        if not create:
            return
        revision = article.save_revision()
        if article.live:
            revision.publish()
            article.refresh_from_db()


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
