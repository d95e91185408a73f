from django.conf import settings
from django.urls import include, path, re_path
from django.views.generic import TemplateView
from django.views.static import serve
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from cms import quick_exit
from cms import views as cms_views

# The 500 page renders without the database (400, 403, 404: Django's own, our templates).
handler500 = "cms.errors.server_error"

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("cookies/", cms_views.cookies, name="cookies"),
    path("search/", cms_views.search, name="search"),
    # The quick exit's path is also in cms.page_cache.EXCLUDED_PREFIXES: never cached, and
    # answered without the database.
    path("quick-exit/", quick_exit.leave, name="quick_exit"),
    path("sitemap.xml", sitemap, name="sitemap"),
    path("favicon.ico", cms_views.favicon, name="favicon"),
    path("", include("recruitment.urls")),
    path(
        "robots.txt",
        TemplateView.as_view(template_name="robots.txt", content_type="text/plain"),
        name="robots_txt",
    ),
]

if settings.SERVE_MEDIA:
    urlpatterns += [
        re_path(
            r"^{}(?P<path>.*)$".format(settings.MEDIA_URL.lstrip("/")),
            serve,
            {"document_root": settings.MEDIA_ROOT},
        )
    ]

urlpatterns += [path("", include(wagtail_urls))]
