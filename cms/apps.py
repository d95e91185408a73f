from django.apps import AppConfig


class CmsConfig(AppConfig):
    name = "cms"
    verbose_name = "Site"

    def ready(self):
        from . import admin_init, checks  # noqa: F401 - checks registers itself
        from .page_cache import connect_purge_signals

        connect_purge_signals()
        admin_init.install()
