"""The site's URLs plus three that fail on purpose, for the error page tests."""

from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.urls import path

from config.urls import handler500
from config.urls import urlpatterns as site_urlpatterns

__all__ = ["handler500", "urlpatterns"]


def forbidden(request):
    raise PermissionDenied


def too_many(request):
    return HttpResponse(status=429)


def broken(request):
    raise RuntimeError("a bug")


urlpatterns = [
    path("test-403/", forbidden),
    path("test-429/", too_many),
    path("test-500/", broken),
    *site_urlpatterns,
]
