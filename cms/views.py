"""Views of the shared site layer that are not Wagtail pages: cookies and search."""

import hashlib
import re

from django.apps import apps
from django.conf import settings
from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Paginator
from django.http import HttpResponseForbidden, JsonResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.templatetags.static import static
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods
from wagtail.models import Page

from . import page_cache
from .consent import read_consent, safe_next_path, save_consent
from .models import SiteSettings
from .routing import public

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
SEARCH_MAX_TERMS = 12
# How many matches are ranked and paged through: far more than anyone reads.
SEARCH_MAX_RESULTS = 300
# Page types the site search covers, by label (cms imports no other app of ours), in the order
# results that match equally well are listed: the pages people come to act on before news.
SEARCHABLE_PAGE_TYPES = (
    "cms.ProgrammePage",
    "recruitment.SpecialConstableFormPage",
    "recruitment.MiniPoliceFormPage",
    "cms.ProgrammeIndexPage",
    "cms.ContentPage",
    "news.NewsArticlePage",
)
WORD = re.compile(r"\w+")


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


def search_terms(query):
    """The words searched for: letters and digits only, in lower case, at most 12.

    Quotes, brackets, `*`, `:` and the like never reach the full-text engine (SQLite's FTS5 and
    PostgreSQL read them as syntax), and lower case keeps AND, OR, NOT and NEAR plain words.
    """
    return [word.lower() for word in WORD.findall(query)][:SEARCH_MAX_TERMS]


def singular(word):
    """A plural's stem ("constables" -> "constable"), so a title prefix search finds both."""
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def type_rank(content_type_id, order):
    """Where a page type comes in SEARCHABLE_PAGE_TYPES: programmes and forms first."""
    page_class = ContentType.objects.get_for_id(content_type_id).model_class()
    return next((n for n, model in enumerate(order) if issubclass(page_class, model)), 99)


def matches(results):
    """(id, content type id) of each result, in the engine's order.

    The database backends hand over their query, so no page object is made (a few hundred
    per search were most of its cost); a search server's results are read as pages.
    """
    if hasattr(results, "get_queryset"):
        return list(results.get_queryset().values_list("pk", "content_type_id"))
    return [(page.pk, page.content_type_id) for page in results]


def search_pages(query):
    """The IDs of live, public pages of the searchable types that match, best first.

    Ranking: pages whose title holds every word (as a word start, so "constable" and
    "constables" both find "Special Constables") come first; then pages whose text holds every
    word, in the search engine's order. Within each, programme and form pages come before
    content pages and news (SEARCHABLE_PAGE_TYPES).

    The ranking is kept per page-cache generation for each set of words, so the next page of
    results, another visitor's same search and a search the page cache no longer holds cost
    no search query until something is published.
    """
    terms = search_terms(query)
    if not terms:
        return []
    return page_cache.remember(
        ranking_name(terms),
        lambda: _rank_pages(terms),
        timeout=settings.PAGE_CACHE_SECONDS or None,
    )


def ranking_name(terms):
    """What a search's ranking is kept under: the words, hashed (any length, any script)."""
    return "search:" + hashlib.sha256(" ".join(terms).encode()).hexdigest()


def _rank_pages(terms):
    models = searchable_page_models()
    pages = public(Page.objects.live().type(*models))
    by_title = pages.autocomplete(" ".join(singular(t) for t in terms), operator="and")
    by_text = pages.search(" ".join(terms), operator="and")
    ranked = []
    seen = set()
    for tier in (by_title[:SEARCH_MAX_RESULTS], by_text[:SEARCH_MAX_RESULTS]):
        tier = [(pk, kind) for pk, kind in matches(tier) if pk not in seen]
        tier.sort(key=lambda match: type_rank(match[1], models))  # stable: keeps relevance order
        ranked.extend(pk for pk, _kind in tier)
        seen.update(pk for pk, _kind in tier)
    return ranked[:SEARCH_MAX_RESULTS]


def with_specific(page_ids):
    """The specific pages for a list of page IDs, in the same order, one query per type."""
    specific = Page.objects.filter(pk__in=page_ids).specific().in_bulk()
    return [specific[pk] for pk in page_ids if pk in specific]


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
