"""News: the news index (with archives, filters and feeds) and its articles."""

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.http import Http404
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.functional import cached_property
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.fields import StreamField
from wagtail.images import get_image_model
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail.url_routing import RouteResult

from cms import page_cache
from cms.blocks import BaseStreamBlock
from cms.models import Area
from cms.page_methods import READ_ONLY_PAGE_METHODS
from cms.renditions import prefetch_stream_renditions
from cms.routing import PublicPageMixin, public
from cms.seo import absolute_url

from . import listing
from .enums import OUTCOME_UPDATES, AppealOutcome, AppealStatus, AppealType, ReviewStatus
from .feeds import NewsFeed
from .forms import NewsArticleAdminForm

NEWS_PAGE_SIZE = 12
RELATED_NEWS_COUNT = 3


class NewsTopicTag(TaggedItemBase):
    """A topic (taggit tag) on a news article."""

    content_object = ParentalKey(
        "news.NewsArticlePage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class NewsIndexPage(RoutablePageMixin, PublicPageMixin, Page):
    """The news section: newest first, filterable, with monthly archives and RSS feeds."""

    allowed_http_methods = READ_ONLY_PAGE_METHODS

    intro = models.TextField(blank=True)

    content_panels = [*Page.content_panels, "intro"]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["news.NewsArticlePage", "news.AppealPage"]
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
            "filter_options": listing.filter_options(
                self, public(NewsArticlePage.objects.child_of(self).live())
            ),
            "feed_links": feed_links(index_url, filters.area, appeals=filters.appeals),
        }
        if filters.archive:
            archive_path = self.reverse_subpage(
                "archive_month", kwargs={"year": filters.year, "month": f"{filters.month:02d}"}
            )
            context["canonical_url"] = absolute_url(request, index_url + archive_path)
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
        return NewsFeed()(request, index=self)

    @path("appeals/feed/", name="appeals_feed")
    def appeals_feed(self, request):
        return NewsFeed()(request, index=self, appeals=True)

    @path("feed/<slug:area_slug>/", name="area_feed")
    def area_feed(self, request, area_slug):
        return NewsFeed()(request, index=self, area_slug=area_slug)


def feed_links(index_url, area=None, *, appeals=False):
    """(title, url) pairs for the <link rel="alternate"> RSS links of a news section."""
    routes = NewsIndexPage.get_resolver()
    links = [("News", index_url + routes.reverse("feed"))]
    if appeals:
        links.append(("Current appeals", index_url + routes.reverse("appeals_feed")))
    if area is not None:
        url = index_url + routes.reverse("area_feed", area_slug=area.slug)
        links.append((f"News for {area.name}", url))
    return links


class NewsArticlePage(PublicPageMixin, Page):
    """One news article: published time, area, topics, summary, hero image and body."""

    allowed_http_methods = READ_ONLY_PAGE_METHODS

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
        # Shown only on imported articles (NewsArticleAdminForm).
        MultiFieldPanel(["review_status", "review_note"], heading="Import review"),
    ]
    base_form_class = NewsArticleAdminForm
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

    @property
    def published_time(self):
        """The article's Open Graph `article:published_time` (cms/seo.py)."""
        return self.display_date

    @property
    def modified_time(self):
        """The article's Open Graph `article:modified_time`: its last publication."""
        return self.last_published_at or self.display_date

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
            "dateModified": self.modified_time.isoformat(),
            "mainEntityOfPage": share.url,
            "author": {"@type": "Organization", "name": share.site_name},
            "publisher": share.publisher,
            "articleSection": self.area.name,
        }
        images = share.structured_images or [share.image_url]
        if images:
            data["image"] = images
        keywords = [tag.name for tag in self.topic_list]
        if keywords:
            data["keywords"] = keywords
        return data


REVIEW_AFTER = datetime.timedelta(days=28)


def default_review_by():
    """An appeal is reviewed 28 days after it is written, unless the editor says otherwise."""
    return timezone.localdate() + REVIEW_AFTER


LIFECYCLE_FIELDS = ("status", "outcome", "resolved_at", "public_update")


class AppealPage(NewsArticlePage):
    """A witness, missing-person or wanted appeal: a news article with a lifecycle.

    It is open until a moderator resolves it (news/appeals.py): then a dated update leads
    the page and the person's images are deleted from everywhere. A missing-person appeal
    can instead be ended: unpublished, its address answering a neutral page.

    The card and share image is the first image of the person (kept in `hero_image`, which
    editors do not set on an appeal), so every listing and the share metadata read it the
    way they read any article's, and lose it the moment the image is deleted.
    """

    appeal_type = models.CharField(max_length=20, choices=AppealType.choices)
    reference = models.CharField(
        "incident or crime reference",
        max_length=60,
        blank=True,
        help_text="What people should quote when they get in touch, such as 26000123456.",
    )
    review_by = models.DateField(
        default=default_review_by,
        help_text="When comms must check this appeal is still needed (28 days by default).",
    )
    status = models.CharField(
        max_length=20, choices=AppealStatus.choices, default=AppealStatus.OPEN, editable=False
    )
    outcome = models.CharField(
        max_length=20, choices=AppealOutcome.choices, blank=True, editable=False
    )
    resolved_at = models.DateTimeField(null=True, blank=True, editable=False)
    public_update = models.TextField(blank=True, editable=False)

    content_panels = [
        *Page.content_panels,
        FieldRowPanel(["published_at", "area"]),
        MultiFieldPanel(["appeal_type", "reference", "review_by"], heading="Appeal"),
        "topics",
        "summary",
        InlinePanel(
            "appeal_images",
            heading="Images of the person",
            label="Image of the person",
            help_text="Each is deleted from the site when the appeal is resolved. The reason "
            "for release and who authorised it are kept in the page history, never shown.",
        ),
        "body",
    ]
    parent_page_types = ["news.NewsIndexPage"]
    subpage_types = []
    template = "news/appeal_page.html"

    class Meta:
        verbose_name = "appeal"

    @property
    def is_open(self):
        return self.status == AppealStatus.OPEN

    @property
    def is_ended(self):
        return self.status == AppealStatus.ENDED

    @property
    def update_text(self):
        """The public update that leads a resolved appeal: the editor's, else the outcome's."""
        if self.status != AppealStatus.RESOLVED:
            return ""
        return self.public_update or OUTCOME_UPDATES.get(self.outcome, "")

    def person_images(self):
        """The appeal's images of the person that still exist, in the editor's order."""
        return [item for item in self.appeal_images.all() if item.image_id]

    def with_content_json(self, content):
        # The lifecycle is not editorial content: publishing a draft written before the
        # appeal was resolved or ended must not reopen it.
        page = super().with_content_json(content)
        for name in LIFECYCLE_FIELDS:
            setattr(page, name, getattr(self, name))
        return page

    def clean(self):
        # Skips the article's hero-image check: an appeal's hero image is not edited but
        # copied from its images of the person, whose own alt text is required.
        super(NewsArticlePage, self).clean()

    def _forget_deleted_images(self):
        # A revision written before the appeal was resolved still names the deleted images:
        # reverting to it must not bring back a dangling reference (and fail to save).
        items = list(self.appeal_images.all())
        ids = {item.image_id for item in items if item.image_id}
        if not ids:
            return
        alive = set(get_image_model().objects.filter(pk__in=ids).values_list("pk", flat=True))
        for item in items:
            if item.image_id not in alive:
                item.image = None

    def save(self, *args, **kwargs):
        self._forget_deleted_images()
        # Only an open appeal shows the person, on its cards and when shared.
        first = next(iter(self.person_images()), None) if self.is_open else None
        self.hero_image = first.image if first else None
        self.hero_image_alt = first.alt_text if first else ""
        return super().save(*args, **kwargs)

    def route(self, request, path_components):
        # An ended appeal is unpublished, but its address answers the neutral page (serve).
        if not path_components and not self.live and self.is_ended:
            return RouteResult(self)
        return super().route(request, path_components)

    def serve(self, request, *args, **kwargs):
        if self.is_ended and not self.live:
            # 410 Gone, not 200: search engines drop the address at once, and the page says
            # nothing about who or what the appeal was.
            return TemplateResponse(
                request,
                "news/appeal_ended.html",
                {"page_title": "This appeal has ended", "noindex": True},
                status=410,
            )
        return super().serve(request, *args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["person_images"] = self.person_images()
        return context


class AppealImage(Orderable):
    """An image of the person an appeal is about, with why it was released and who said so.

    The reason and the authority are for the force's records (the page history keeps them in
    every revision); no template shows them. Resolving the appeal deletes the image itself
    (SET_NULL keeps this record, with when it was removed).
    """

    page = ParentalKey(AppealPage, on_delete=models.CASCADE, related_name="appeal_images")
    image = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=False, on_delete=models.SET_NULL, related_name="+"
    )
    alt_text = models.CharField(
        max_length=250, help_text="Describe the person as seen in the image, for screen readers."
    )
    caption = models.CharField(
        max_length=250, blank=True, help_text="Shown under the image, such as when it was taken."
    )
    reason_for_release = models.TextField(
        help_text="Why publishing this image is necessary and proportionate. Never shown publicly."
    )
    authorised_by = models.CharField(
        max_length=200,
        help_text="Name, rank and role of the officer who authorised release. Never shown "
        "publicly.",
    )
    removed_at = models.DateTimeField(null=True, blank=True, editable=False)

    panels = ["image", "alt_text", "caption", "reason_for_release", "authorised_by"]

    def __str__(self):
        return self.alt_text
