"""`{% latest_news %}`: cards of the newest articles, for any page to show."""

import itertools

from django import template
from django.db.models import Q
from taggit.models import Tag

from cms import page_cache
from cms.models import Area
from news import appeals
from news.listing import cards_ready, for_listing
from news.models import NewsArticlePage, NewsIndexPage

register = template.Library()
_section_ids = itertools.count(1)


def _area_filter(area):
    if isinstance(area, Area):
        return {"area": area}
    return {"area__slug": area}


def _topic_filter(topic):
    if isinstance(topic, Tag):
        return {"tagged_items__tag": topic}
    tags = Tag.objects.filter(Q(slug=topic) | Q(name__iexact=topic))
    return {"tagged_items__tag__in": tags}


def latest_articles(count=3, area=None, topic=None, exclude=None):
    """The newest live articles, optionally of one area (Area or slug) and one topic (Tag, slug
    or name), leaving out `exclude` (a page or its id). Constant queries however many show."""
    articles = NewsArticlePage.objects.all()
    if area:
        articles = articles.filter(**_area_filter(area))
    if topic:
        articles = articles.filter(**_topic_filter(topic))
    if exclude:
        articles = articles.exclude(pk=getattr(exclude, "pk", exclude))
    return list(for_listing(articles)[: max(0, int(count))])


@register.inclusion_tag("news/includes/latest_news.html", takes_context=True)
def latest_news(context, count=3, area=None, topic=None, exclude=None, heading="Latest news"):
    """{% latest_news count=3 area=None topic=None exclude=None %} renders news cards."""
    request = context.get("request")

    def load():
        index = NewsIndexPage.objects.live().first()
        index_url = index.get_url(request) if index else ""
        return cards_ready(latest_articles(count, area, topic, exclude)), index_url

    # The cards change only when something is published: kept per page-cache generation.
    key = ":".join(str(getattr(value, "pk", value)) for value in (count, area, topic, exclude))
    articles, index_url = page_cache.remember(f"latest-news:{key}", load)
    return {
        "articles": articles,
        "heading": heading,
        "index_url": index_url,
        "section_id": next(_section_ids),
        "request": request,
    }


@register.inclusion_tag("news/includes/current_appeals.html", takes_context=True)
def current_appeals(context, count=6):
    """{% current_appeals count=6 %}: cards of the open appeals, newest first; nothing if none."""
    request = context.get("request")

    def load():
        index = NewsIndexPage.objects.live().first()
        appeals_url = f"{index.get_url(request)}?type=appeals" if index else ""
        return cards_ready(appeals.current_appeals(count)), appeals_url

    # Resolving or publishing an appeal starts a new page-cache generation, so this follows.
    current, appeals_url = page_cache.remember(f"current-appeals:{count}", load)
    return {
        "appeals": current,
        "appeals_url": appeals_url,
        "request": request,
    }
