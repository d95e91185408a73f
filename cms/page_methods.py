"""Which HTTP methods a page answers, decided before the CSRF check reads the request.

Each page type says what it takes with Wagtail's own `Page.allowed_http_methods`: pages
without a form only read (READ_ONLY_PAGE_METHODS); form pages keep Wagtail's default. On top
of that nothing on the public site is changed by PUT, PATCH or DELETE. A method a page does not
take gets 405 with an Allow header (and the site's 405 page, cms/errors.py) rather than the
CSRF failure page, which would wrongly say a form was not sent.
"""

from http import HTTPMethod

from django.http import HttpResponseNotAllowed
from wagtail.models import Page

READ_ONLY_PAGE_METHODS = [HTTPMethod.GET, HTTPMethod.HEAD, HTTPMethod.OPTIONS]
WRITE_METHODS = {HTTPMethod.PUT, HTTPMethod.PATCH, HTTPMethod.DELETE}


def allowed_methods(page):
    """The methods a page (or page type) answers: its type's, never PUT, PATCH or DELETE."""
    return [m for m in page.allowed_http_method_names() if m not in WRITE_METHODS]


class PageMethodMiddleware:
    """Answers 405 to a method the page at the address does not take (above CsrfViewMiddleware)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.method in READ_ONLY_PAGE_METHODS:
            return None
        if request.resolver_match is None or request.resolver_match.url_name != "wagtail_serve":
            return None
        # Wagtail keeps the route on the request, so serving the page does not look it up again.
        route = Page.route_for_request(request, view_args[0] if view_args else "")
        if route is None:
            return None
        allowed = allowed_methods(route[0])
        if request.method not in allowed:
            return HttpResponseNotAllowed(allowed)
        return None
