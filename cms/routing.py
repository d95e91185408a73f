"""Cheap routing and view-restriction checks for public pages.

Wagtail finds a page one tree level at a time (a query per level, then one for the specific
page) and checks view restrictions with two more queries per page, and `public()` runs one
more per listing. The site's tree is shallow and has few restrictions, so:

- `FastRoutingMixin` (on the site's root page) fetches every page whose URL is a prefix of
  the requested one in one query and hands over to the deepest, keeping Wagtail's rule that a
  routable page (the news index) answers its own sub-routes before its children;
- `SiteMiddleware` finds the request's Wagtail `Site`, with its root page already specific,
  in the per-generation cache: Wagtail would query both on every request;
- `restrictions()` keeps the tree paths of restricted pages in the cache, keyed on the page
  cache's generations (adding or removing a restriction withdraws cached pages), so
  `PublicPageMixin.get_view_restrictions` and `public()` need no query when nothing restricts
  a page — which is every page on this site today.
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.urls import Resolver404
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page, PageViewRestriction, Site

from . import page_cache


def _load_restrictions():
    paths = list(PageViewRestriction.objects.values_list("page__path", flat=True))
    return {"paths": paths, "aliases": Page.objects.filter(alias_of__isnull=False).exists()}


def restrictions():
    """{'paths': tree paths of restricted pages, 'aliases': whether any alias page exists}."""
    return page_cache.remember("view-restrictions", _load_restrictions)


def public(queryset):
    """The pages of the queryset that no view restriction covers (Wagtail's `public()`)."""
    paths = restrictions()["paths"]
    if not paths:
        return queryset
    covered = Q()
    for path in paths:
        covered |= Q(path__startswith=path)
    return queryset.exclude(covered)


class PublicPageMixin:
    """A page whose view-restriction check costs no query when no restriction covers it."""

    def get_view_restrictions(self):
        state = restrictions()
        if (
            state["aliases"]
            or self.alias_of_id
            or any(self.path.startswith(p) for p in state["paths"])
        ):
            return super().get_view_restrictions()
        return PageViewRestriction.objects.none()


def _load_site(request):
    site = Site._find_for_request(request)
    if site is not None:
        site.root_page = site.root_page.specific  # what routing starts from, in one fetch
    return site


class SiteMiddleware:
    """Give each public request its Wagtail Site (as `Site.find_for_request` keeps it on the
    request) from the per-generation cache. A publish, move or Site change starts a new
    generation, so the root page kept with it is never older than the tree."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path.startswith(page_cache.EXCLUDED_PREFIXES):
            # get_host() refuses a host outside ALLOWED_HOSTS (a 400) before it names a key.
            name = f"site:{request.get_host()}:{request.get_port()}"
            request._wagtail_site = page_cache.remember(name, lambda: _load_site(request))
        return self.get_response(request)


def _is_routable(page):
    model = ContentType.objects.get_for_id(page.content_type_id).model_class()
    return model is not None and issubclass(model, RoutablePageMixin)


def _resolves_subpage(page, components):
    model = ContentType.objects.get_for_id(page.content_type_id).model_class()
    try:
        model.get_resolver().resolve("/" + "/".join(components) + "/")
    except Resolver404:
        return False
    return True


class FastRoutingMixin:
    """Route a URL with one query for the pages on its way, not one per tree level."""

    def route(self, request, path_components):
        if not path_components:
            return super().route(request, path_components)
        prefixes = [
            self.url_path + "".join(f"{part}/" for part in path_components[:count])
            for count in range(1, len(path_components) + 1)
        ]
        # By slug, which Wagtail indexes (url_path is not), then to the exact URL prefixes.
        chain = [
            page
            for page in Page.objects.filter(slug__in=path_components, path__startswith=self.path)
            .only("id", "path", "depth", "url_path", "content_type_id", "live")
            .order_by("depth")
            if page.url_path in prefixes
        ]
        # Keep only an unbroken line of children from this page down.
        line, parent = [], self
        for page in chain:
            if page.depth != parent.depth + 1 or not page.path.startswith(parent.path):
                break
            line.append(page)
            parent = page
        for page in [self, *line]:
            remaining = path_components[page.depth - self.depth :]
            if page is not self and remaining and _is_routable(page):
                if page.live and _resolves_subpage(page, remaining):
                    return page.specific.route(request, remaining)
        if not line:
            return super().route(request, path_components)
        deepest = line[-1]
        return deepest.specific.route(request, path_components[deepest.depth - self.depth :])
