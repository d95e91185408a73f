"""The one recruitment address outside the page tree: the eligibility check's POST, which
must be exempt from the per-visitor CSRF token (Wagtail serves pages through one view)."""

from django.urls import path

from . import journey

urlpatterns = [
    path(
        "recruitment/<int:page_id>/check-you-can-apply/",
        journey.check_eligibility,
        name="recruitment_check_eligibility",
    ),
]
