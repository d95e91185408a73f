"""The site's own error pages: every page a visitor can meet carries the site and the quick exit.

400, 403 and 404 are Django's own handlers rendering templates/400.html, 403.html and
404.html. Here: the 500 page, which must render with the database down; the CSRF failure
page; and the middleware that gives a body to the empty 405 and 429 responses that Wagtail,
Django's method decorators and others return.
"""

from django.http import HttpResponseServerError
from django.template import loader
from django.template.response import TemplateResponse
from wagtail import hooks

from .models import DEFAULT_QUICK_EXIT_URL

# Error statuses whose empty responses get our page; the response keeps its own headers (Allow).
EMPTY_ERROR_TEMPLATES = {405: "405.html", 429: "429.html"}


def server_error(request):
    """The 500 page, rendered without a request context: no settings, no database, no session.

    The quick exit goes to the default neutral site, since the editors' choice is in the database.
    """
    body = loader.get_template("500.html").render({"quick_exit_url": DEFAULT_QUICK_EXIT_URL})
    return HttpResponseServerError(body)


def csrf_failure(request, reason=""):
    """A form sent without a valid security token: nothing was sent, and how to try again.

    Unless a `csrf_failure_response` hook knows better (a retried Send that was in fact
    received: recruitment) and returns its own response."""
    for hook in hooks.get_hooks("csrf_failure_response"):
        if (response := hook(request)) is not None:
            return response
    return TemplateResponse(request, "403_csrf.html", {"retry_url": request.path}, status=403)


class ErrorPageMiddleware:
    """Gives the site's page to an empty 405 or 429, keeping its status and headers."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        template = EMPTY_ERROR_TEMPLATES.get(response.status_code)
        if template is None or getattr(response, "streaming", False) or response.content:
            return response
        response.content = loader.get_template(template).render({}, request)
        response["Content-Type"] = "text/html; charset=utf-8"
        return response
