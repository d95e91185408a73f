"""Views of the shared site layer that are not Wagtail pages: cookies and search."""

from django.apps import apps
from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpResponseForbidden, JsonResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.templatetags.static import static
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods
from wagtail.models import Page

from .consent import read_consent, safe_next_path, save_consent
from .models import SiteSettings

BANNER_CHOICES = {"accept": True, "reject": False}
PAGE_CHOICES = {"yes": True, "no": False}
# Tags that route each confirmation to one place: the banner, or the cookies page itself.
BANNER_MESSAGE_TAG = "cookie-banner"
SETTINGS_MESSAGE_TAG = "cookie-settings"


def _wants_json(request):
    return "application/json" in request.headers.get("Accept", "")


# The consent form appears on every page, which must stay cacheable for anonymous visitors,
# so it carries no CSRF token. A forged cross-site post could at worst change a cookie
# preference; browsers that say a post is cross-site are refused outright.
@csrf_exempt
@require_http_methods(["GET", "POST"])
def cookies(request):
    """The cookies page: what each cookie is for, and the visitor's choice (works without JS)."""
    site_settings = SiteSettings.for_request(request)
    version = site_settings.cookie_policy_version
    current = read_consent(request, version)
    error = ""
    next_path = safe_next_path(request, request.GET.get("next", ""), fallback="")

    if request.method == "POST":
        if request.headers.get("Sec-Fetch-Site") == "cross-site":
            return HttpResponseForbidden("Cookie preferences can only be set from this site.")
        banner_choice = request.POST.get("cookies", "")
        page_choice = request.POST.get("analytics", "")
        from_banner = banner_choice in BANNER_CHOICES
        if from_banner:
            analytics = BANNER_CHOICES[banner_choice]
        elif page_choice in PAGE_CHOICES:
            analytics = PAGE_CHOICES[page_choice]
        else:
            error = "Select yes if you want to accept analytics cookies"

        if not error:
            if from_banner:
                text = (
                    "You’ve accepted additional cookies."
                    if analytics
                    else "You’ve rejected additional cookies."
                )
                target = safe_next_path(request, request.POST.get("next", ""))
                tag = BANNER_MESSAGE_TAG
            else:
                text = "You’ve set your cookie preferences."
                back = safe_next_path(request, request.POST.get("next", ""), fallback="")
                target = request.path + (f"?next={back}" if back else "")
                tag = SETTINGS_MESSAGE_TAG
            if _wants_json(request):
                response = JsonResponse({"analytics": analytics, "message": text})
            else:
                messages.success(request, text, extra_tags=tag)
                response = redirect(target)
            save_consent(request, response, analytics=analytics, policy_version=version)
            return response
        if _wants_json(request):
            return JsonResponse({"error": error}, status=400)
        next_path = safe_next_path(request, request.POST.get("next", ""), fallback="")

    context = {
        "page_title": "Cookies",
        # The choice is made on this page itself, so the banner would only repeat it.
        "on_cookies_page": True,
        "current_consent": current,
        "analytics_checked": "yes" if current and current.analytics else "no",
        "error": error,
        "next_path": next_path,
        "settings_message_tag": SETTINGS_MESSAGE_TAG,
    }
    return TemplateResponse(request, "cms/cookies.html", context, status=400 if error else 200)


SEARCH_PAGE_SIZE = 10
SEARCH_MAX_QUERY = 200
# Page types the site search covers, by label: cms imports no other app of ours.
SEARCHABLE_PAGE_TYPES = (
    "news.NewsArticlePage",
    "cms.ProgrammePage",
    "cms.ProgrammeIndexPage",
    "cms.ContentPage",
)


def searchable_page_models():
    """The installed page models that site search covers."""
    found = []
    for label in SEARCHABLE_PAGE_TYPES:
        try:
            found.append(apps.get_model(label))
        except LookupError:
            continue
    return found


def clean_query(raw):
    """The query as searched: printable characters only, spaces collapsed, at most 200."""
    printable = "".join(char if char.isprintable() else " " for char in raw)
    return " ".join(printable.split())[:SEARCH_MAX_QUERY]


def search_pages(query):
    """Live, public pages of the searchable types that match the query, best first."""
    return (
        Page.objects.live().public().type(*searchable_page_models()).search(query, operator="and")
    )


def with_specific(pages):
    """The specific pages for a list of base pages, in the same order, one query per type."""
    specific = Page.objects.filter(pk__in=[page.pk for page in pages]).specific().in_bulk()
    return [specific[page.pk] for page in pages if page.pk in specific]


def search(request):
    """Site search over live, public news, programme and content pages, ten results a page.

    A bad or out-of-range page number gives the first or last page; long queries are cut.
    """
    query = clean_query(request.GET.get("q", ""))
    results = None
    pages = []
    if query:
        paginator = Paginator(search_pages(query), SEARCH_PAGE_SIZE)
        results = paginator.get_page(request.GET.get("page"))
        pages = with_specific(list(results.object_list))
    return TemplateResponse(
        request,
        "cms/search.html",
        {
            "page_title": f"Search results for {query}" if query else "Search",
            "query": query,
            "results": results,
            "result_pages": pages,
            "noindex": True,
        },
    )


def favicon(request):
    """/favicon.ico, which browsers and crawlers ask for whatever the page links to."""
    # Not permanent: the static file's name changes with its content in production.
    return redirect(static("img/favicon.ico"))
