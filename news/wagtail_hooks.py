"""Wagtail wiring of the news app: related news below other pages, resolving appeals, their
history entries, the review panel."""

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.action_menu import ActionMenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.menus.pages import PageMenuItem
from wagtail.log_actions import LogFormatter
from wagtail.permission_policies.pages import PagePermissionPolicy

from . import admin_views, appeals
from .models import AppealPage
from .templatetags.news_tags import latest_news

RESOLVE_URL_NAME = "news_resolve_appeal"
RESOLVE_LABEL = "Mark as resolved"


def _resolvable(page, user):
    page = page.specific_deferred
    return (
        isinstance(page, AppealPage)
        and page.live
        and page.is_open
        and admin_views.can_resolve(user, page)
    )


@hooks.register("register_admin_urls")
def appeal_admin_urls():
    return [
        path(
            "appeals/<int:page_id>/resolve/",
            admin_views.resolve_appeal,
            name=RESOLVE_URL_NAME,
        )
    ]


class ResolveAppealButton(PageMenuItem):
    label = RESOLVE_LABEL
    icon_name = "tick"
    url_name = RESOLVE_URL_NAME
    priority = 45


@hooks.register("register_page_header_buttons")
def resolve_header_button(page, user, view_name, next_url=None):
    if _resolvable(page, user):
        yield ResolveAppealButton(page=page)


@hooks.register("register_page_listing_more_buttons")
def resolve_listing_button(page, user, next_url=None):
    if _resolvable(page, user):
        yield ResolveAppealButton(page=page)


class ResolveAppealMenuItem(ActionMenuItem):
    label = RESOLVE_LABEL
    name = "action-resolve-appeal"
    icon_name = "tick"

    def is_shown(self, context):
        return context["view"] == "edit" and _resolvable(context["page"], context["request"].user)

    def get_url(self, parent_context):
        return reverse(RESOLVE_URL_NAME, args=[parent_context["page"].pk])


@hooks.register("register_page_action_menu_item")
def resolve_action_menu_item():
    return ResolveAppealMenuItem(order=60)


@hooks.register("register_log_actions")
def appeal_log_actions(actions):
    @actions.register_action(appeals.RESOLVED_ACTION)
    class ResolvedFormatter(LogFormatter):
        label = "Resolve appeal"

        def format_message(self, log_entry):
            data = log_entry.data
            message = (
                f"Appeal resolved: {data.get('outcome_label', '')}; "
                f"{data.get('images_removed', 0)} image(s) of the person deleted"
            )
            if data.get("public_update"):
                message += f". Update: “{data['public_update']}”"
            return message

    @actions.register_action(appeals.ENDED_ACTION)
    class EndedFormatter(LogFormatter):
        label = "End appeal"

        def format_message(self, log_entry):
            data = log_entry.data
            message = (
                f"Appeal ended and taken offline; {data.get('images_removed', 0)} image(s) "
                "of the person deleted"
            )
            if data.get("reason"):
                message += f". Reason: “{data['reason']}”"
            return message


class AppealsToReviewPanel(Component):
    """Dashboard panel: open appeals past their review-by date."""

    name = "appeals_to_review"
    template_name = "news/admin/appeals_panel.html"
    order = 90

    def get_context_data(self, parent_context):
        due = appeals.appeals_due_for_review()
        return {"appeals": due, "heading": f"Appeals to review ({len(due)})"}


@hooks.register("construct_homepage_panels")
def add_appeals_panel(request, panels):
    # Editors and moderators: whoever may edit or publish pages.
    if PagePermissionPolicy().user_has_any_permission(request.user, {"change", "publish"}):
        panels.append(AppealsToReviewPanel())


@hooks.register("related_content")
def related_news(context, page):
    """Cards of the newest articles in the page's `news_topic`, for {% related_content %}."""
    topic = getattr(page, "news_topic", "")
    if not topic:
        return ""
    values = latest_news(context, count=3, topic=topic, heading="Related news")
    template = context.template.engine.get_template("news/includes/latest_news.html")
    return template.render(context.new(values))
