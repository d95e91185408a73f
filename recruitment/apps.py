from django.apps import AppConfig


class RecruitmentConfig(AppConfig):
    name = "recruitment"

    def ready(self):
        from . import checks  # noqa: F401  (registers the start-up and deployment checks)
