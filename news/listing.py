"""Listing news: the query every list of articles uses, the index's filters and pagination."""

import calendar
from dataclasses import dataclass, field

from django.core.paginator import Paginator
from django.http import QueryDict
from taggit.models import Tag

from cms import page_cache
from cms.models import Area
from cms.renditions import CARD_RENDITIONS, rendition_prefetch, with_renditions
from cms.routing import public

from .enums import AppealStatus

MONTHS = [(number, calendar.month_name[number]) for number in range(1, 13)]
# Newest first, served by the news_published_newest index. Every published article has
# published_at (NewsArticlePage.save fills it from its first publication), so where a database
# sorts NULL (only never-published drafts have it) does not matter.
NEWEST_FIRST = ("-published_at", "-page_ptr_id")
EARLIEST_YEAR = 1990
LATEST_YEAR = 2100


def for_listing(queryset):
    """Live, public articles, newest first, with everything a card shows fetched up front.

    The number of queries does not depend on the number of articles: area and hero image are
    joined, card renditions fetched in one query. Cards show no topics; what lists them (the
    feeds) prefetches them itself.
    """
    return (
        public(queryset.live())
        .select_related("area", "hero_image")
        .prefetch_related(rendition_prefetch("hero_image__renditions", *CARD_RENDITIONS))
        .order_by(*NEWEST_FIRST)
    )


class CountedPaginator(Paginator):
    """A paginator whose total is known already (counting 10,000 articles costs 20 ms)."""

    def __init__(self, object_list, per_page, *, count):
        super().__init__(object_list, per_page)
        self._known_count = count

    @property
    def count(self):
        return self._known_count


def cards_ready(articles):
    """The articles with every card rendition made, for a list kept in the cache."""
    with_renditions([a.hero_image for a in articles if a.hero_image_id], *CARD_RENDITIONS)
    return articles


def paginate(queryset, page_number, per_page, *, count_key=None):
    """The requested page; a bad number gives the first page, one past the end the last.

    With `count_key`, the total is kept in the cache per page-cache generation (a publish
    changes it), so only the page's own rows are queried.
    """
    if count_key is None:
        return Paginator(queryset, per_page).get_page(page_number)
    count = page_cache.remember(f"news-count:{count_key}", queryset.count)
    return CountedPaginator(queryset, per_page, count=count).get_page(page_number)


def _load_areas():
    return {area.pk: area for area in Area.objects.all()}


def areas_by_id():
    """Every area by id, from the cache (saving an area starts a new generation)."""
    return page_cache.remember("areas", _load_areas)


def _printable(value):
    """The value without control characters (PostgreSQL refuses NUL in a query)."""
    return "".join(char for char in value if char.isprintable()).strip()


def _int_or_none(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def open_appeals(queryset):
    """Only the appeals still open (resolved and ended ones drop out), from any article query."""
    return queryset.filter(appealpage__status=AppealStatus.OPEN)


@dataclass
class NewsFilters:
    """The filters a reader chose: area, topic, year, month and current appeals. They combine."""

    appeals: bool = False
    area: Area | None = None
    topic: Tag | None = None
    year: int | None = None
    month: int | None = None
    archive: bool = False
    ignored: list[str] = field(default_factory=list)

    @classmethod
    def from_request(cls, request, *, year=None, month=None):
        """Read the filters from the query string; an archive route's year and month win.

        Values that match nothing are ignored (and listed in `ignored`), never an error.
        """
        params = request.GET
        filters = cls(archive=year is not None, appeals=params.get("type") == "appeals")
        area_slug = _printable(params.get("area", ""))[:80]
        if area_slug:
            filters.area = Area.objects.filter(slug=area_slug).first()
            if filters.area is None:
                filters.ignored.append("area")
        topic_slug = _printable(params.get("topic", ""))[:100]
        if topic_slug:
            filters.topic = Tag.objects.filter(slug=topic_slug).first()
            if filters.topic is None:
                filters.ignored.append("topic")
        if filters.archive:
            filters.year, filters.month = year, month
            return filters
        filters.year = _int_or_none(params.get("year"))
        if filters.year is not None and not EARLIEST_YEAR <= filters.year <= LATEST_YEAR:
            filters.year = None
            filters.ignored.append("year")
        filters.month = _int_or_none(params.get("month"))
        if filters.month is not None and not 1 <= filters.month <= 12:
            filters.month = None
            filters.ignored.append("month")
        return filters

    def is_valid_archive(self):
        return (
            self.year is not None
            and EARLIEST_YEAR <= self.year <= LATEST_YEAR
            and self.month is not None
            and 1 <= self.month <= 12
        )

    @property
    def is_active(self):
        return self.appeals or any(
            value is not None for value in (self.area, self.topic, self.year, self.month)
        )

    @property
    def archive_label(self):
        """'March 2026' for an archive month."""
        if self.year and self.month:
            return f"{calendar.month_name[self.month]} {self.year}"
        return ""

    def describe(self):
        """The active filters in words, for the results summary."""
        parts = ["current appeals"] if self.appeals else []
        if self.area is not None:
            parts.append(self.area.name)
        if self.topic is not None:
            parts.append(f"topic ‘{self.topic.name}’")
        if self.month and self.year:
            parts.append(self.archive_label)
        elif self.month:
            parts.append(f"{calendar.month_name[self.month]} of any year")
        elif self.year:
            parts.append(str(self.year))
        return ", ".join(parts)

    def apply(self, queryset):
        """Narrow the articles to the chosen filters (dates in the site's time zone)."""
        if self.appeals:
            queryset = open_appeals(queryset)
        if self.area is not None:
            queryset = queryset.filter(area=self.area)
        if self.topic is not None:
            queryset = queryset.filter(tagged_items__tag=self.topic)
        if self.year is not None:
            queryset = queryset.filter(published_at__year=self.year)
        if self.month is not None:
            queryset = queryset.filter(published_at__month=self.month)
        return queryset

    def as_query(self):
        """The filters as a query string, such as 'area=northvale&year=2026'."""
        query = QueryDict(mutable=True)
        if self.appeals:
            query["type"] = "appeals"
        if self.area is not None:
            query["area"] = self.area.slug
        if self.topic is not None:
            query["topic"] = self.topic.slug
        if self.year is not None:
            query["year"] = str(self.year)
        if self.month is not None:
            query["month"] = str(self.month)
        return query.urlencode()


def filter_options(index_page, articles):
    """The choices the filter form offers for a section's live, public articles (a lazy
    query): areas, topics in use, years with articles.

    They change only when something is published: kept in the cache per generation.
    """
    return page_cache.remember(
        f"news-filter-options:{index_page.pk}", lambda: _load_filter_options(articles)
    )


def _load_filter_options(articles):
    topics = (
        Tag.objects.filter(news_newstopictag_items__content_object__in=articles)
        .distinct()
        .order_by("name")
    )
    years = [moment.year for moment in articles.datetimes("published_at", "year", order="DESC")]
    return {
        "areas": list(Area.objects.all()),
        "topics": list(topics),
        "years": years,
        "months": MONTHS,
    }
