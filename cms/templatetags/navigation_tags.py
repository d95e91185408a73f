"""The main menu: the home page's in-menu children, each with its own in-menu children."""

from dataclasses import dataclass, field

from django import template
from django.db.models import Exists, OuterRef, Q, Subquery
from wagtail.models import Page, PageViewRestriction, Site

from cms import page_cache

register = template.Library()

# The menu appears on every page, twice (phone and desktop layouts): query it once per request.
MENU_CACHE_ATTR = "_blue_lamp_menu_pages"


@dataclass
class MenuItem:
    title: str
    url: str
    current: str = ""  # "page" for the page being read, "true" for a page in its section
    children: list = field(default_factory=list)

    @property
    def in_current_section(self):
        return bool(self.current) or any(child.current for child in self.children)


def menu_pages(site):
    """Live, public, in-menu pages one and two levels below the site's root: one query.

    View restrictions are checked inside the same query (on the page itself, its parent or
    the home page), where Wagtail's public() would run a query of its own first.
    """
    root = Page.objects.filter(pk=site.root_page_id)
    root_depth = Subquery(root.values("depth")[:1])
    restricted = PageViewRestriction.objects.filter(
        Q(page_id=OuterRef("pk")) | Q(page_id=site.root_page_id)
    )
    return list(
        Page.objects.filter(
            path__startswith=Subquery(root.values("path")[:1]),
            depth__gt=root_depth,
            depth__lte=root_depth + 2,
        )
        .live()
        .in_menu()
        .filter(~Exists(restricted))
        .only("id", "title", "path", "depth", "url_path", "slug", "content_type_id")
        .order_by("path")
    )


def current_marker(item_path, item_url, page, request_path):
    """How the menu marks an item for the page being read: 'page', 'true' (its section) or ''.

    On Wagtail pages the tree decides; on other views (search, cookies) the address does.
    """
    if page is not None and getattr(page, "path", None):
        if page.path == item_path:
            return "page"
        return "true" if page.path.startswith(item_path) else ""
    if item_url and request_path == item_url:
        return "page"
    return "true" if item_url and item_url != "/" and request_path.startswith(item_url) else ""


def build_menu(pages, page, request):
    """Turn the flat, tree-ordered pages into Home + sections with their children."""
    items = [
        MenuItem(
            "Home",
            "/",
            "page" if (page is not None and page.depth == 2) or request.path == "/" else "",
        )
    ]
    sections = {}
    top_depth = min((p.depth for p in pages), default=0)
    for menu_page in pages:
        url = menu_page.get_url(request) or ""
        item = MenuItem(
            menu_page.title, url, current_marker(menu_page.path, url, page, request.path)
        )
        if menu_page.depth == top_depth:
            sections[menu_page.path] = item
            items.append(item)
        else:
            parent = sections.get(menu_page.path[: -Page.steplen])
            if parent is not None:  # a child of a section that is not in the menu stays out
                parent.children.append(item)
    return items


def _load_breadcrumbs(page, request):
    return [
        ("Home" if ancestor.depth == 2 else ancestor.title, ancestor.get_url(request))
        for ancestor in page.get_ancestors()[1:]
    ]


@register.simple_tag(takes_context=True)
def breadcrumbs(context, page):
    """(text, url) for each ancestor of the page below the root: the same for every page of
    a section, so kept per parent and page-cache generation."""
    request = context.get("request")
    parent_path = page.path[: -Page.steplen]
    host = request.get_host() if request else ""
    return page_cache.remember(
        f"breadcrumbs:{host}:{parent_path}", lambda: _load_breadcrumbs(page, request)
    )


@register.simple_tag(takes_context=True)
def menu_state(context):
    """Everything the rendered menu depends on for this request, as a fragment key: the host
    (its links) and which item is the page or its section. '' off the page tree (search, a
    form's later steps, error pages), where the address decides: render those afresh."""
    request = context.get("request")
    page = context.get("page")
    if request is None or not isinstance(page, Page) or not page.path:
        return ""
    site = Site.find_for_request(request)
    if site is None:
        return ""
    # Menu items are one and two levels below the root: below that, only the section counts.
    deepest = (site.root_page.depth + 2) * Page.steplen
    section = page.path if len(page.path) <= deepest else page.path[:deepest] + "+"
    return f"{request.get_host()}:{section}:{int(request.path == '/')}"


@register.simple_tag(takes_context=True)
def main_menu(context):
    """The menu items for this request: Home, then the home page's in-menu sections."""
    request = context.get("request")
    if request is None:
        return []
    pages = getattr(request, MENU_CACHE_ATTR, None)
    if pages is None:
        site = Site.find_for_request(request)
        pages = (
            page_cache.remember(f"menu-pages:{site.pk}", lambda: menu_pages(site)) if site else []
        )
        setattr(request, MENU_CACHE_ATTR, pages)
    page = context.get("page")
    return build_menu(pages, page if isinstance(page, Page) else None, request)
