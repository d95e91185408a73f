"""Admin wiring for two-factor authentication: its pages and a link from the account page."""

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.widgets.button import Button

from . import views
from .two_factor import RESET_ACTION


@hooks.register("register_admin_urls")
def register_two_factor_urls():
    return [
        path("two-factor/", views.manage, name="two_factor_manage"),
        path("two-factor/setup/", views.setup, name="two_factor_setup"),
        path("two-factor/verify/", views.verify, name="two_factor_verify"),
        path(
            "two-factor/users/<int:user_id>/reset/",
            views.reset_user,
            name="two_factor_reset_user",
        ),
    ]


@hooks.register("register_account_menu_item")
def two_factor_account_item(request):
    return {
        "url": reverse("two_factor_manage"),
        "label": "Two-factor authentication",
        "help_text": "Your authenticator app: set one up, or replace it.",
    }


@hooks.register("register_user_listing_buttons")
def reset_two_factor_button(user, request_user):
    """In the Users listing's "More" menu, for superusers: reset that user's app."""
    if not request_user.is_superuser:
        return []
    return [
        Button(
            "Reset two-factor authentication",
            url=reverse("two_factor_reset_user", args=[user.pk]),
            icon_name="key",
            priority=90,
        )
    ]


@hooks.register("register_log_actions")
def register_two_factor_log_actions(actions):
    actions.register_action(RESET_ACTION, "Reset two-factor", "Authenticator app removed")
