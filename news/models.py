"""News: the news index (with archives, filters and feeds) and its articles."""

from django.core.exceptions import ValidationError
from django.db import models
from django.http import Http404
from django.utils import timezone
from django.utils.functional import cached_property
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from cms import page_cache
from cms.blocks import BaseStreamBlock
from cms.models import Area
from cms.renditions import prefetch_stream_renditions
from cms.routing import PublicPageMixin

from . import listing
from .enums import ReviewStatus

NEWS_PAGE_SIZE = 12
RELATED_NEWS_COUNT = 3


class NewsTopicTag(TaggedItemBase):
    """A topic (taggit tag) on a news article."""

    content_object = ParentalKey(
        "news.NewsArticlePage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class NewsIndexPage(RoutablePageMixin, PublicPageMixin, Page):
    """The news section: newest first, filterable, with monthly archives and RSS feeds."""

    intro = models.TextField(blank=True)

    content_panels = [*Page.content_panels, "intro"]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["news.NewsArticlePage"]
    template = "news/news_index_page.html"

    class Meta:
        verbose_name = "news index page"

    def articles(self):
        """This section's live, public articles, newest first, ready for listing."""
        return listing.for_listing(NewsArticlePage.objects.child_of(self))

    def listing_response(self, request, *, year=None, month=None):
        """Render the index for the filters in the query string (and an archive's year/month)."""
        filters = listing.NewsFilters.from_request(request, year=year, month=month)
        if filters.archive and not filters.is_valid_archive():
            raise Http404("No such archive month.")
        articles = filters.apply(self.articles())
        page_obj = listing.paginate(
            articles,
            request.GET.get("page"),
            NEWS_PAGE_SIZE,
            count_key=f"{self.pk}:{filters.as_query()}",
        )
        index_url = self.get_url(request)
        context = {
            "index_url": index_url,
            "articles": page_obj,
            "filters": filters,
            "filter_options": listing.filter_options(self),
            "feed_links": feed_links(index_url, filters.area),
        }
        if filters.archive:
            archive_path = self.reverse_subpage(
                "archive_month", kwargs={"year": filters.year, "month": f"{filters.month:02d}"}
            )
            context["canonical_url"] = request.build_absolute_uri(index_url + archive_path)
            context["archive_label"] = filters.archive_label
        return self.render(request, context_overrides=context)

    def get_cached_paths(self):
        """What a frontend cache must purge when the list changes: the index and its feeds."""
        routes = self.get_resolver()
        feeds = [
            routes.reverse("area_feed", area_slug=slug)
            for slug in Area.objects.values_list("slug", flat=True)
        ]
        return ["/", routes.reverse("feed"), *feeds]

    @path("")
    def index_route(self, request):
        return self.listing_response(request)

    @re_path(r"^(?P<year>\d{4})/(?P<month>\d{2})/$", name="archive_month")
    def archive_month(self, request, year, month):
        return self.listing_response(request, year=int(year), month=int(month))

    @path("feed/", name="feed")
    def feed(self, request):
        from .feeds import NewsFeed

        return NewsFeed()(request, index=self)

    @path("feed/<slug:area_slug>/", name="area_feed")
    def area_feed(self, request, area_slug):
        from .feeds import NewsFeed

        return NewsFeed()(request, index=self, area_slug=area_slug)


def feed_links(index_url, area=None):
    """(title, url) pairs for the <link rel="alternate"> RSS links of a news section."""
    routes = NewsIndexPage.get_resolver()
    links = [("News", index_url + routes.reverse("feed"))]
    if area is not None:
        url = index_url + routes.reverse("area_feed", area_slug=area.slug)
        links.append((f"News for {area.name}", url))
    return links


class NewsArticlePage(PublicPageMixin, Page):
    """One news article: published time, area, topics, summary, hero image and body."""

    published_at = models.DateTimeField(
        "published",
        null=True,
        blank=True,
        db_index=True,
        help_text="Shown on the article. Leave empty to use the time it is first published.",
    )
    area = models.ForeignKey(
        "cms.Area",
        on_delete=models.PROTECT,
        related_name="news_articles",
        help_text="Force-wide, or the local policing area the article is about.",
    )
    topics = ClusterTaggableManager(through=NewsTopicTag, blank=True, verbose_name="topics")
    summary = models.TextField(
        max_length=300,
        help_text="One or two sentences. Shown on cards, in search results and when shared.",
    )
    hero_image = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    hero_image_alt = models.CharField(
        "hero image alt text",
        max_length=250,
        blank=True,
        help_text="Describe the image for people who cannot see it. Required with an image.",
    )
    body = StreamField(BaseStreamBlock(), blank=True)

    # Set by the legacy importer: how to find this article again, and whether a person
    # must check it before it goes live.
    legacy_key = models.CharField(max_length=500, blank=True, db_index=True, editable=False)
    review_status = models.CharField(
        max_length=20, choices=ReviewStatus.choices, default=ReviewStatus.NOT_NEEDED
    )
    review_note = models.TextField(blank=True)

    og_type = "article"

    content_panels = [
        *Page.content_panels,
        FieldRowPanel(["published_at", "area"]),
        "topics",
        "summary",
        MultiFieldPanel(["hero_image", "hero_image_alt"], heading="Hero image"),
        "body",
        MultiFieldPanel(["review_status", "review_note"], heading="Import review"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
        index.RelatedFields("area", [index.SearchField("name")]),
        index.RelatedFields("topics", [index.SearchField("name")]),
        index.FilterField("published_at"),
    ]
    parent_page_types = ["news.NewsIndexPage"]
    subpage_types = []
    template = "news/news_article_page.html"

    class Meta:
        verbose_name = "news article"
        indexes = [
            models.Index(fields=["-published_at", "-page_ptr"], name="news_published_newest"),
        ]

    def clean(self):
        super().clean()
        if self.hero_image_id and not self.hero_image_alt.strip():
            raise ValidationError({"hero_image_alt": "Describe the hero image for screen readers."})

    def save(self, *args, **kwargs):
        # The displayed time defaults to first publication (set just before this save by
        # Wagtail's publish action, including scheduled publishing).
        if self.published_at is None and self.first_published_at is not None:
            self.published_at = self.first_published_at
        return super().save(*args, **kwargs)

    @property
    def display_date(self):
        """The time shown to readers: the published time, else first publication, else now."""
        return self.published_at or self.first_published_at or timezone.now()

    @cached_property
    def topic_list(self):
        """The article's topics, fetched once for the page, its related news and its JSON-LD."""
        return list(self.topics.all())

    def related_articles(self, count=RELATED_NEWS_COUNT):
        """Newest live articles sharing this article's area or one of its topics.

        The newest few of each kind are taken from the newest-first index, then merged, so the
        cost does not grow with the number of articles in the area.
        """
        newest = (
            NewsArticlePage.objects.live()
            .exclude(pk=self.pk)
            .order_by(*listing.NEWEST_FIRST)
            .values_list("pk", flat=True)
        )
        ids = list(newest.filter(area_id=self.area_id)[:count])
        topic_ids = [tag.pk for tag in self.topic_list]
        if topic_ids:
            ids += newest.filter(tagged_items__tag_id__in=topic_ids).distinct()[:count]
        return list(listing.for_listing(NewsArticlePage.objects.filter(pk__in=ids))[:count])

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        prefetch_stream_renditions(self.body)
        # The areas are few and change rarely: read from the cache, not once per article.
        self.area = listing.areas_by_id().get(self.area_id) or self.area
        # The parent's address is this page's without its own slug (Wagtail builds URLs from
        # the tree), so no query for the parent.
        url = self.get_url(request)
        index_url = url[: len(url) - len(self.slug) - 1]
        context["index_url"] = index_url
        # Related news changes only when something is published: kept per generation.
        context["related_articles"] = page_cache.remember(
            f"related-news:{self.pk}", lambda: listing.cards_ready(self.related_articles())
        )
        context["feed_links"] = feed_links(index_url, self.area)
        return context

    def get_structured_data(self, share):
        """JSON-LD NewsArticle for search engines, from the page's share metadata."""
        data = {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": self.title[:110],
            "description": share.description,
            "datePublished": self.display_date.isoformat(),
            "dateModified": (self.last_published_at or self.display_date).isoformat(),
            "mainEntityOfPage": share.url,
            "author": {"@type": "Organization", "name": share.site_name},
            "publisher": {"@type": "Organization", "name": share.site_name},
            "articleSection": self.area.name,
        }
        if share.image_url:
            data["image"] = [share.image_url]
        keywords = [tag.name for tag in self.topic_list]
        if keywords:
            data["keywords"] = keywords
        return data
