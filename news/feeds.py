"""RSS feeds of the latest news, site-wide and per area.

The news index page routes here and hands itself over; the feed reads its articles through
it, so this module depends on nothing in news/models.py.
"""

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.utils.feedgenerator import Rss201rev2Feed

from cms.models import Area
from cms.seo import absolute_url

from .listing import open_appeals

FEED_SIZE = 20


class NewsFeed(Feed):
    """The latest 20 articles of a news index, optionally for one area."""

    feed_type = Rss201rev2Feed

    def get_object(self, request, index, area_slug=None, appeals=False):
        self.request = request
        self.appeals = appeals
        area = None
        if area_slug is not None:
            area = Area.objects.filter(slug=area_slug).first()
            if area is None:
                raise Http404("No such area.")
        return index, area

    def title(self, obj):
        index, area = obj
        if self.appeals:
            return f"{index.title}: current appeals"
        return f"{index.title}: {area.name}" if area else index.title

    # Absolute addresses on the Site's own address, as sitemap.xml and canonical links use:
    # Django would otherwise put them on whatever host the request named.
    def link(self, obj):
        return absolute_url(self.request, obj[0].get_url(self.request))

    def feed_url(self, obj):
        return absolute_url(self.request, self.request.path)

    def description(self, obj):
        index, area = obj
        if self.appeals:
            return "Open witness, missing-person and wanted appeals, newest first."
        where = f" for {area.name}" if area else ""
        return f"The latest {FEED_SIZE} news articles{where}."

    def items(self, obj):
        index, area = obj
        articles = index.articles().prefetch_related("topics")  # each item's categories
        if area is not None:
            articles = articles.filter(area=area)
        if self.appeals:
            articles = open_appeals(articles)
        return articles[:FEED_SIZE]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return absolute_url(self.request, item.get_url(self.request))

    def item_pubdate(self, item):
        return item.display_date

    def item_updateddate(self, item):
        return item.last_published_at

    def item_categories(self, item):
        return [item.area.name, *(tag.name for tag in item.topics.all())]
