"""Editors build the volunteer section in the Wagtail admin, within a sensible page tree."""

from django.contrib.auth import get_user_model
from wagtail.models import Page, Site
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from cms.factories import ContentPageFactory, ProgrammeIndexPageFactory, ProgrammePageFactory
from cms.models import ContentPage, FeedbackFormPage, ProgrammeIndexPage, ProgrammePage
from home.demo import load_home
from home.models import HomePage


def programme_form_data(title, call_to_action_page=None):
    return nested_form_data(
        {
            "title": title,
            "summary": "Help at community events and in stations.",
            "intro": "A new way to volunteer.",
            "key_figures": streamfield(
                [("figure", {"figure": "40", "label": "community volunteers"})]
            ),
            "eligibility": streamfield([("requirement", "You are 18 or over.")]),
            "what_you_will_do": rich_text("<p>Meet people.</p>"),
            "time_commitment": "A few hours a month.",
            "body": streamfield(
                [
                    (
                        "accordion",
                        {
                            "heading": "Questions people ask",
                            "items": streamfield(
                                [
                                    (
                                        "item",
                                        {
                                            "heading": "Is it paid?",
                                            "content": rich_text("<p>No, expenses are.</p>"),
                                        },
                                    )
                                ]
                            ),
                        },
                    )
                ]
            ),
            "call_to_action_heading": "Register your interest",
            "call_to_action_text": "",
            "call_to_action_page": call_to_action_page.pk if call_to_action_page else "",
            "call_to_action_link_text": "Apply online",
            "news_topic": "volunteering",
        }
    )


class PageTreeRulesTests(WagtailPageTestCase):
    """Each page type lives only where it makes sense."""

    def test_programmes_live_only_in_the_volunteer_section(self):
        self.assertAllowedParentPageTypes(ProgrammePage, {ProgrammeIndexPage})
        self.assertAllowedSubpageTypes(ProgrammeIndexPage, {ProgrammePage, ContentPage})

    def test_volunteer_section_and_feedback_form_sit_below_the_home_page(self):
        self.assertAllowedParentPageTypes(ProgrammeIndexPage, {HomePage})
        self.assertAllowedParentPageTypes(FeedbackFormPage, {HomePage})
        self.assertAllowedSubpageTypes(FeedbackFormPage, set())

    def test_content_pages_nest_under_home_sections_and_programmes(self):
        self.assertAllowedParentPageTypes(
            ContentPage, {HomePage, ContentPage, ProgrammeIndexPage, ProgrammePage}
        )
        self.assertAllowedSubpageTypes(ContentPage, {ContentPage})

    def test_home_page_is_a_site_root(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})
        self.assertCanNotCreateAt(ProgrammeIndexPage, HomePage)
        self.assertCanNotCreateAt(ContentPage, ProgrammePage)
        self.assertCanNotCreateAt(HomePage, ProgrammePage)


class EditorsCreatePagesTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, _site = load_home()
        cls.index = ProgrammeIndexPageFactory(parent=cls.home)
        cls.admin_user = get_user_model().objects.create_superuser("boss", "b@example.com", "x")

    def setUp(self):
        self.client.force_login(self.admin_user)

    def test_programme_page_with_figures_faq_and_call_to_action(self):
        programme = ProgrammePageFactory(parent=self.index, title="Specials")
        form_page = ContentPageFactory(parent=programme, title="Apply", slug="apply")
        self.assertCanCreate(
            self.index, ProgrammePage, programme_form_data("Community Volunteers", form_page)
        )
        page = ProgrammePage.objects.get(slug="community-volunteers")
        assert page.call_to_action().page.pk == form_page.pk
        assert page.key_figure_values()[0]["figure"] == "40"

    def test_content_page(self):
        self.assertCanCreate(
            self.home,
            ContentPage,
            nested_form_data(
                {
                    "title": "Freedom of information",
                    "intro": "What you can ask us for.",
                    "body": streamfield([("paragraph", rich_text("<p>Ask us.</p>"))]),
                }
            ),
        )

    def test_feedback_form_page(self):
        self.assertCanCreate(
            self.home,
            FeedbackFormPage,
            nested_form_data(
                {
                    "title": "Tell us what you think",
                    "intro": rich_text("<p>Help us.</p>"),
                    "thank_you_text": rich_text("<p>Thanks.</p>"),
                    "form_fields": inline_formset(
                        [{"label": "Comments", "field_type": "multiline", "required": "on"}]
                    ),
                }
            ),
        )

    def test_programme_index_page(self):
        self.index.delete()
        self.assertCanCreate(
            self.home,
            ProgrammeIndexPage,
            nested_form_data({"title": "Volunteer with us", "intro": "Programmes."}),
        )

    def test_home_page(self):
        Site.objects.all().delete()
        HomePage.objects.all().delete()
        self.assertCanCreate(
            Page.get_first_root_node(),
            HomePage,
            nested_form_data(
                {
                    "title": "Home",
                    "slug": "new-home",
                    "hero_heading": "Keeping you safe",
                    "hero_text": "Welcome.",
                    "hero_link_page": "",
                    "hero_link_text": "",
                    "quick_links_heading": "How can we help?",
                    "quick_links": streamfield(
                        [("link", {"text": "News", "page": "", "url": "/news/", "description": ""})]
                    ),
                    "promos_heading": "Volunteer with us",
                    "promos_intro": "",
                    "programme_promos": inline_formset([]),
                    "body": streamfield([]),
                }
            ),
        )
