"""Django's default limit on the number of fields a request may send, for the public site.

`DATA_UPLOAD_MAX_NUMBER_FIELDS` is one setting for every request, and Wagtail's page editor
needs far more than Django's default of 1,000: it posts about 40 fields plus 5 a paragraph
or heading block and 6 an accordion item, so a page of 180 such blocks, or three accordions
of 55 questions, cannot be saved under it (measured: 280 blocks, 1,536 fields, answered 400
and the editor's changes were lost). So the setting stays at Wagtail's recommended 10,000 for
the admin, and this middleware holds every other request to PUBLIC_MAX_NUMBER_FIELDS
(Django's 1,000; no public form sends more than about 60): a request with more is refused
with the 400 page before anything parses it, as Django would refuse it.
"""

from django.conf import settings
from django.core.exceptions import TooManyFieldsSent

# Where the setting's own, higher limit applies: Wagtail's admin (page editor, bulk actions).
ADMIN_PREFIXES = ("/admin/",)


def _fields_in_body(request):
    """How many fields the body holds, counted as Django's parsers split it (None: not a form
    body, or too big to read here; Django's own limits then apply)."""
    length = request.META.get("CONTENT_LENGTH") or "0"
    if not length.isdigit() or int(length) > settings.DATA_UPLOAD_MAX_MEMORY_SIZE:
        return None
    if request.content_type == "application/x-www-form-urlencoded":
        return request.body.count(b"&") + 1 if request.body else 0
    if request.content_type == "multipart/form-data":
        boundary = request.content_params.get("boundary", "").encode()
        return request.body.count(b"--" + boundary) - 1 if boundary else None
    return None


class PublicFieldLimitMiddleware:
    """Refuses (400) a public request with more than PUBLIC_MAX_NUMBER_FIELDS fields in its
    query string or form body. Above anything that reads request.POST (the CSRF check)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        limit = settings.PUBLIC_MAX_NUMBER_FIELDS
        if limit is not None and not request.path.startswith(ADMIN_PREFIXES):
            query = request.META.get("QUERY_STRING", "")
            fields = [query.count("&") + 1 if query else 0]
            if request.method == "POST":
                fields.append(_fields_in_body(request) or 0)
            if max(fields) > limit:
                raise TooManyFieldsSent(
                    "The number of GET/POST parameters exceeded PUBLIC_MAX_NUMBER_FIELDS."
                )
        return self.get_response(request)
