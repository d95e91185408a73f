"""The shared site layer: site settings, local policing areas, content and feedback pages."""

from django.core.validators import MinValueValidator
from django.db import models
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from modelcluster.fields import ParentalKey
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.models import AbstractForm, AbstractFormField
from wagtail.contrib.forms.panels import FormSubmissionsPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from . import page_cache
from .blocks import BaseStreamBlock, KeyFigureBlock, LinkBlock, ProgrammeStreamBlock
from .calls_to_action import call_to_action_for
from .page_methods import READ_ONLY_PAGE_METHODS
from .renditions import CARD_RENDITIONS, rendition_prefetch
from .routing import PublicPageMixin

# The one place the neutral site is written: the setting's default, and the 500 page's address
# when there is no database to read the setting from (cms/errors.py).
DEFAULT_QUICK_EXIT_URL = "https://www.bbc.co.uk/weather"


DEFAULT_FOOTER_LINKS = [
    ("Cookies", "/cookies/"),
    ("Privacy notice", "/privacy/"),
    ("Accessibility statement", "/accessibility/"),
    ("Staying safe online", "/safety/"),
    ("Feedback", "/feedback/"),
]


def default_footer_links():
    """The support links every force site carries, until editors change them."""
    return [
        ("link", {"text": text, "page": None, "url": url}) for text, url in DEFAULT_FOOTER_LINKS
    ]


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    """Per-site settings every page reads: identity, quick exit, consent and banners."""

    @classmethod
    def for_site(cls, site):
        """Read from the shared cache, once per page-cache generation (saving bumps it)."""
        if site is None:
            return super().for_site(site)
        return page_cache.remember(
            f"site-settings:{site.pk}", lambda: super(SiteSettings, cls).for_site(site)
        )

    force_name = models.CharField(max_length=120, default="Blue Lamp Constabulary")
    title_suffix = models.CharField(
        max_length=120,
        default="Blue Lamp Constabulary",
        help_text="Added after every page title in the browser tab and search results.",
    )
    quick_exit_url = models.URLField(
        "Quick exit address",
        default=DEFAULT_QUICK_EXIT_URL,
        help_text="The neutral site the 'Leave this site' button and the Escape key go to.",
    )
    keep_visit_out_of_history = models.BooleanField(
        "Keep the whole visit out of the browser's history",
        default=False,
        help_text="When on (and JavaScript runs), each page of this site replaces the one "
        "before in the browser's history, so after the quick exit, Back does not return to "
        "any page of ours. The safety page explains it.",
    )
    cookie_policy_version = models.PositiveIntegerField(
        default=1,
        validators=[MinValueValidator(1)],
        help_text="Raise this when the cookie policy changes: everyone is asked again.",
    )
    analytics_id = models.CharField(
        "Analytics measurement ID",
        max_length=40,
        blank=True,
        help_text="Google Analytics 4 ID such as G-ABC123. Loaded only for visitors "
        "who accept additional cookies. Leave empty for no analytics.",
    )
    phase_banner_enabled = models.BooleanField("Show the phase banner", default=True)
    phase_banner_tag = models.CharField(max_length=20, default="Beta")
    phase_banner_text = models.CharField(
        max_length=250,
        default="This site is a beta – your feedback helps us make things better.",
    )
    phase_banner_link_text = models.CharField(max_length=60, default="Give feedback")
    phase_banner_link_url = models.CharField(
        max_length=250,
        default="/feedback/",
        help_text="A path on this site, such as /feedback/, or a full address.",
    )
    emergency_notice = models.CharField(
        max_length=250,
        default="In an emergency call 999. For non-emergencies call 101.",
        blank=True,
    )
    contact_phone = models.CharField(max_length=40, default="101", blank=True)
    contact_email = models.EmailField(blank=True)
    contact_address = models.TextField(blank=True)
    report_url = models.URLField(
        "Online reporting address",
        blank=True,
        help_text="Where the public report a crime or give information online; linked from "
        "the navigation and from every appeal.",
    )
    comms_team_email = models.EmailField(
        "Communications team address",
        blank=True,
        help_text="Told each day when open appeals are past their review date.",
    )
    social_x = models.URLField("X (Twitter)", blank=True)
    social_facebook = models.URLField("Facebook", blank=True)
    social_instagram = models.URLField("Instagram", blank=True)
    social_youtube = models.URLField("YouTube", blank=True)
    footer_links = StreamField(
        [("link", LinkBlock())],
        blank=True,
        default=default_footer_links,
        help_text="The support links at the foot of every page, in this order.",
    )

    panels = [
        MultiFieldPanel(["force_name", "title_suffix"], heading="Identity"),
        MultiFieldPanel(["quick_exit_url", "keep_visit_out_of_history"], heading="Quick exit"),
        MultiFieldPanel(["cookie_policy_version", "analytics_id"], heading="Cookies"),
        MultiFieldPanel(
            [
                "phase_banner_enabled",
                FieldRowPanel(["phase_banner_tag", "phase_banner_link_text"]),
                "phase_banner_text",
                "phase_banner_link_url",
            ],
            heading="Phase banner",
        ),
        MultiFieldPanel(
            [
                "emergency_notice",
                "contact_phone",
                "contact_email",
                "contact_address",
                "report_url",
                "comms_team_email",
            ],
            heading="Contact",
        ),
        MultiFieldPanel(
            ["social_x", "social_facebook", "social_instagram", "social_youtube"],
            heading="Social media",
        ),
        FieldPanel("footer_links", heading="Footer links"),
    ]

    class Meta:
        verbose_name = "Site settings"

    @property
    def social_links(self):
        """The configured social accounts as (name, url) pairs, in display order."""
        links = [
            ("X (Twitter)", self.social_x),
            ("Facebook", self.social_facebook),
            ("Instagram", self.social_instagram),
            ("YouTube", self.social_youtube),
        ]
        return [(name, url) for name, url in links if url]


@register_snippet
class Area(index.Indexed, models.Model):
    """A local policing area, or the force as a whole. Shared by news and recruitment."""

    name = models.CharField(max_length=80, unique=True)
    slug = models.SlugField(max_length=80, unique=True)
    force_wide = models.BooleanField(
        default=False, help_text="The whole force rather than one local policing area."
    )
    description = models.TextField(blank=True)

    panels = ["name", "slug", "force_wide", "description"]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["-force_wide", "name"]
        verbose_name = "policing area"

    def __str__(self):
        return self.name


class ContentPage(PublicPageMixin, Page):
    """A plain page of text: privacy notice, accessibility statement, safety advice."""

    allowed_http_methods = READ_ONLY_PAGE_METHODS

    intro = models.TextField(blank=True, help_text="A sentence or two shown under the title.")
    body = StreamField(BaseStreamBlock(), blank=True)

    content_panels = [*Page.content_panels, "intro", "body"]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]
    template = "cms/content_page.html"
    parent_page_types = [
        "home.HomePage",
        "cms.ContentPage",
        "cms.ProgrammeIndexPage",
        "cms.ProgrammePage",
    ]
    subpage_types = ["cms.ContentPage"]

    class Meta:
        verbose_name = "content page"


class FeedbackFormField(AbstractFormField):
    page = ParentalKey("FeedbackFormPage", on_delete=models.CASCADE, related_name="form_fields")


class FeedbackFormPage(PublicPageMixin, AbstractForm):
    """Site feedback, built with Wagtail's form builder. Stored, never emailed."""

    intro = RichTextField(blank=True, features=["bold", "italic", "link"])
    thank_you_text = RichTextField(blank=True, features=["bold", "italic", "link"])

    content_panels = [
        FormSubmissionsPanel(),
        *AbstractForm.content_panels,
        "intro",
        InlinePanel("form_fields", label="Questions"),
        FieldPanel("thank_you_text"),
    ]
    template = "cms/feedback_form_page.html"
    landing_page_template = "cms/feedback_form_page_landing.html"
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = "feedback form"

    def get_form(self, *args, **kwargs):
        """The form, with errors that name the question rather than 'This field is required'."""
        form = super().get_form(*args, **kwargs)
        for field in form.fields.values():
            choose = getattr(field.widget, "input_type", "") in ("radio", "checkbox") or hasattr(
                field, "choices"
            )
            verb = "Select an answer to" if choose else "Enter an answer to"
            field.error_messages["required"] = f"{verb} ‘{field.label}’"
        return form

    def render_landing_page(self, request, form_submission=None, *args, **kwargs):
        # Post/redirect/get: a refresh of the thank-you page must not send the form again.
        return redirect(self.get_url(request) + "?sent=1")

    def serve(self, request, *args, **kwargs):
        if request.method == "GET" and request.GET.get("sent") == "1":
            return TemplateResponse(
                request, self.get_landing_page_template(request), self.get_context(request)
            )
        return super().serve(request, *args, **kwargs)


class ProgrammeIndexPage(PublicPageMixin, Page):
    """The 'Volunteer with us' section: lists its programmes as cards."""

    allowed_http_methods = READ_ONLY_PAGE_METHODS

    intro = models.TextField(blank=True)

    content_panels = [*Page.content_panels, "intro"]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["cms.ProgrammePage", "cms.ContentPage"]
    max_count = 1
    show_in_menus_default = True
    template = "cms/programme_index_page.html"

    class Meta:
        verbose_name = "programme index page"

    def programmes(self):
        """Live, public programme pages in this section, in the editors' order, with images."""
        return (
            ProgrammePage.objects.child_of(self)
            .live()
            .public()
            .select_related("image")
            .prefetch_related(rendition_prefetch("image__renditions", *CARD_RENDITIONS))
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["programmes"] = self.programmes()
        return context


class ProgrammePage(PublicPageMixin, Page):
    """One volunteer programme (Special Constables, Cadets...) leading to its form.

    Recruitment form pages are created as its children; subpage_types stays unset because
    Wagtail cannot resolve a page type from an app that does not define it yet.
    """

    allowed_http_methods = READ_ONLY_PAGE_METHODS

    summary = models.CharField(
        max_length=250, help_text="One line, shown on the programme's card and in search."
    )
    intro = models.TextField(blank=True)
    image = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    key_figures = StreamField(
        [("figure", KeyFigureBlock())],
        blank=True,
        max_num=6,
        help_text="Up to six facts at a glance, e.g. '16 hours' / 'a month, at least'.",
    )
    eligibility = StreamField(
        [("requirement", blocks.CharBlock(max_length=250, icon="tick"))],
        blank=True,
        verbose_name="who can join",
        help_text="One requirement per item, e.g. 'You are 18 or over'.",
    )
    what_you_will_do = RichTextField(
        blank=True, features=["bold", "italic", "link", "ol", "ul"], verbose_name="what you will do"
    )
    time_commitment = models.CharField(
        max_length=250, blank=True, help_text="e.g. 'At least 16 hours a month'."
    )
    body = StreamField(
        ProgrammeStreamBlock(), blank=True, help_text="More about the programme, and its FAQs."
    )
    call_to_action_heading = models.CharField(
        "heading", max_length=120, default="Register your interest"
    )
    call_to_action_text = models.TextField("text", blank=True)
    call_to_action_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="form page",
        help_text="The programme's recruitment form, usually a page below this one. "
        "Its closing date, or that it is closed, is shown with the button.",
    )
    call_to_action_link_text = models.CharField(
        "button text", max_length=60, default="Apply online"
    )
    news_topic = models.CharField(
        max_length=100,
        blank=True,
        help_text="The news topic (its name or slug) whose articles appear as related news.",
    )

    content_panels = [
        *Page.content_panels,
        "summary",
        "intro",
        "image",
        "key_figures",
        MultiFieldPanel(
            ["eligibility", "what_you_will_do", "time_commitment"], heading="About the role"
        ),
        "body",
        MultiFieldPanel(
            [
                "call_to_action_heading",
                "call_to_action_text",
                FieldPanel("call_to_action_page"),
                "call_to_action_link_text",
            ],
            heading="Call to action",
        ),
        "news_topic",
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("intro"),
        index.SearchField("what_you_will_do"),
        index.SearchField("body"),
    ]
    parent_page_types = ["cms.ProgrammeIndexPage"]
    show_in_menus_default = True
    template = "cms/programme_page.html"

    class Meta:
        verbose_name = "programme page"

    def key_figure_values(self):
        """The key figures as plain values (figure, label), for the shared template."""
        return [child.value for child in self.key_figures]

    def call_to_action(self):
        """Where the button goes and whether applications are open; None without a live page.

        The chosen page is kept per page-cache generation (publishing it starts a new one);
        whether it is open today is worked out from it on every call.
        """
        page_id = self.call_to_action_page_id
        if page_id is None:
            return None
        target = page_cache.remember(
            f"call-to-action-page:{page_id}",
            lambda: Page.objects.filter(pk=page_id).specific().first(),
        )
        return call_to_action_for(target)
