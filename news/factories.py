"""Factories for the news pages, for tests.

    index = NewsIndexPageFactory(parent=home_page)
    NewsArticlePageFactory(parent=index, topics=["Cadets"], with_image=True)
    NewsArticlePageFactory(parent=index, draft=True)

Articles are published through a revision, as an editor's would be; `draft=True` leaves one
saved but not live.
"""

import factory
import wagtail_factories

from cms.factories import AreaFactory

from .models import NewsArticlePage, NewsIndexPage


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
