"""Admin wiring for two-factor authentication: its pages and a link from the account page."""

from django.urls import path, reverse
from wagtail import hooks

from . import views


@hooks.register("register_admin_urls")
def register_two_factor_urls():
    return [
        path("two-factor/", views.manage, name="two_factor_manage"),
        path("two-factor/setup/", views.setup, name="two_factor_setup"),
        path("two-factor/verify/", views.verify, name="two_factor_verify"),
    ]


@hooks.register("register_account_menu_item")
def two_factor_account_item(request):
    return {
        "url": reverse("two_factor_manage"),
        "label": "Two-factor authentication",
        "help_text": "Your authenticator app: set one up, or replace it.",
    }
