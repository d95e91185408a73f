from django.apps import AppConfig


class CmsConfig(AppConfig):
    name = "cms"
    verbose_name = "Site"

    def ready(self):
        from .page_cache import connect_purge_signals

        connect_purge_signals()
