"""The news article's editing form in the admin."""

from wagtail.admin.forms import WagtailAdminPageForm

# The fields the legacy importer fills in to ask for a person's check (news/importer.py).
IMPORT_REVIEW_FIELDS = ("review_status", "review_note")


class NewsArticleAdminForm(WagtailAdminPageForm):
    """Shows the "Import review" fields only on articles the importer created.

    An article written in the admin has nothing to review, so the fields are left out of
    its form; Wagtail then hides their panel, and the article keeps "not needed".
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.instance.legacy_key:
            for name in IMPORT_REVIEW_FIELDS:
                self.fields.pop(name, None)
