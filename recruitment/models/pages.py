"""The recruitment form pages: the words around a code-defined form, open/closed, notify address."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, PageChooserPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page

# The pages serve the journey, which builds on the other models: the one direction.
from .. import journey

RICH_TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul", "h2", "h3"]


class RecruitmentFormPage(RoutablePageMixin, Page):
    """A page that serves one code-defined recruitment form. Editors own the words around it."""

    intro = RichTextField(blank=True, features=RICH_TEXT_FEATURES)
    eligibility = RichTextField(
        blank=True,
        features=RICH_TEXT_FEATURES,
        help_text="Who can apply, shown before the form.",
    )
    privacy_notice_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The privacy notice applicants agree to.",
    )
    privacy_notice_version = models.CharField(
        max_length=20,
        default="1",
        help_text="Recorded with each submission's consent. Raise it when the notice changes.",
    )
    thank_you_text = RichTextField(
        blank=True,
        features=RICH_TEXT_FEATURES,
        help_text="What happens next, shown with the reference number after sending.",
    )
    is_open = models.BooleanField(
        "Open for submissions",
        default=True,
        help_text="A closed form says so and accepts nothing.",
    )
    closing_date = models.DateField(
        null=True, blank=True, help_text="The last day the form accepts submissions."
    )
    closed_text = RichTextField(
        blank=True,
        features=RICH_TEXT_FEATURES,
        help_text="Shown instead of the form when it is closed.",
    )
    notify_email = models.EmailField(
        "Team notification address",
        blank=True,
        help_text="Told (without personal details) when something new arrives.",
    )

    content_panels = [
        *Page.content_panels,
        "intro",
        "eligibility",
        MultiFieldPanel(
            [PageChooserPanel("privacy_notice_page"), "privacy_notice_version"],
            heading="Privacy notice",
        ),
        "thank_you_text",
        MultiFieldPanel(
            ["is_open", "closing_date", "closed_text", "notify_email"], heading="Availability"
        ),
    ]
    parent_page_types = ["cms.ProgrammePage"]
    subpage_types = []

    class Meta:
        abstract = True

    @property
    def accepting_submissions(self):
        """True while the form is open and its closing date (if any) has not passed."""
        if not self.is_open:
            return False
        if self.closing_date is None:
            return True
        return timezone.localdate() <= self.closing_date

    # Serving lives in recruitment.journey so the page model stays about content.
    @path("")
    def start_route(self, request):
        return journey.start(self, request)

    @path("step/<slug:slug>/")
    def section_route(self, request, slug):
        return journey.section(self, request, slug)

    @path("check-your-answers/")
    def check_answers_route(self, request):
        return journey.check_answers(self, request)

    @path("thank-you/")
    def thank_you_route(self, request):
        return journey.thank_you(self, request)

    @path("save/")
    def save_route(self, request):
        return journey.save_for_later(self, request)

    @path("email-sent/")
    def link_sent_route(self, request):
        return journey.link_sent(self, request)

    @path("return/<str:token>/")
    def come_back_route(self, request, token):
        return journey.come_back(self, request, token)

    @path("delete/")
    def delete_route(self, request):
        return journey.delete_answers(self, request)

    @path("status/")
    def status_request_route(self, request):
        return journey.status_request(self, request)

    # Before the link's route, which would otherwise take "withdraw" for a token.
    @path("status/withdraw/")
    def withdraw_route(self, request):
        return journey.withdraw(self, request)

    @path("status/<str:token>/")
    def status_route(self, request, token):
        return journey.status(self, request, token)


class SpecialConstableFormPage(RecruitmentFormPage):
    minimum_age = models.PositiveSmallIntegerField(
        default=18, validators=[MinValueValidator(16), MaxValueValidator(99)]
    )

    content_panels = [*RecruitmentFormPage.content_panels, FieldPanel("minimum_age")]
    max_count = 1

    class Meta:
        verbose_name = "Special Constable application form"


class MiniPoliceFormPage(RecruitmentFormPage):
    max_count = 1

    class Meta:
        verbose_name = "Mini Police school registration form"
