"""Which models' data public pages show: the one list the page cache invalidates from.

Saving or deleting a row of a model listed here starts a new page-cache generation, on every
instance, when the change commits (cms/page_cache.py `connect_purge_signals`). Models are
named by label, so this module imports no other app of ours.

Pages themselves need no entry: Wagtail's page signals (publish, unpublish, move, delete)
start generations, and the rows a page owns through a ParentalKey (its orderables, its
topics, its form fields) are written to their tables only when the page is published.

Every other model of our apps, Wagtail's and taggit's must be in one of the lists below, or
in NEVER_PUBLIC with the reason: tests/cms/test_public_models.py fails on any that is not, so
a new snippet or setting cannot be forgotten.
"""

# Saved: every kept page and fragment becomes stale (rendered again once each, the old copy
# served meanwhile). Deleted: withdrawn (never served again, not even stale).
SHOWN = {
    "cms.SiteSettings": "force name, banners, quick exit, contact details: on every page",
    "cms.Area": "an article's area, the news filters, area feeds, the recruitment forms",
    "taggit.Tag": "topic names in the news filters, on articles and in feeds",
    "wagtailimages.Image": "pictures on pages and cards; kept copies name their renditions",
    "wagtaildocs.Document": "document links in page bodies",
}

# Saved or deleted: withdrawn at once (they decide what may be shown, and where).
DECIDES_WHAT_IS_SHOWN = {
    "wagtailcore.Site": "host, port and root page: what every page routes from and links to",
    "wagtailcore.PageViewRestriction": "a page it covers must never be served from a copy",
}

NEVER_PUBLIC = {
    "recruitment.DecisionReason": "staff's reasons for a decision; the applicant's status "
    "page is per applicant, never cached",
    "recruitment.MessageTemplate": "staff's email templates",
    "recruitment.Draft": "one applicant's answers: pages showing them are never cached",
    "recruitment.Note": "staff notes",
    "recruitment.Notification": "the email outbox",
    "recruitment.RecruitmentSettings": "retention periods, used by the purge only",
    "recruitment.ReferenceSequence": "reference number counters",
    "recruitment.SpecialConstableApplication": "applications: staff only",
    "recruitment.MiniPoliceRegistration": "registrations: staff only",
    "wagtailforms.FormSubmission": "feedback answers: staff only",
    "wagtailredirects.Redirect": "acts only where a page answers 404, which is never kept",
    "wagtailembeds.Embed": "fetched while the page that embeds it renders; that page's "
    "publish starts a generation",
    "wagtailimages.Rendition": "made while a page renders; its image's save and delete start "
    "a generation",
    "wagtailusers.UserProfile": "staff preferences",
    "wagtailsearch.IndexEntry": "updated with its page, whose publish starts a generation",
    "wagtailsearch.SQLiteFTSIndexEntry": "updated with its page, whose publish starts a generation",
    "wagtailadmin.Admin": "holds the admin access permission, no data",
    "wagtailadmin.EditingSession": "who is editing what, in the admin",
    "wagtailadmin.FormState": "admin form state",
    "wagtailcore.Locale": "one language today (WAGTAIL_I18N_ENABLED off); a locale shows "
    "only through pages, published like any other",
    "wagtailcore.GroupSitePermission": "staff permissions",
    "wagtailcore.APIToken": "API credentials",
    "wagtailcore.ModelLogEntry": "admin history",
    "wagtailcore.PageLogEntry": "admin history",
    "wagtailcore.Revision": "a draft; only its publish (a page signal) changes pages",
    "wagtailcore.CollectionViewRestriction": "checked when a document is served, never part "
    "of a kept page",
    "wagtailcore.Collection": "admin folders for images and documents",
    "wagtailcore.GroupCollectionPermission": "staff permissions",
    "wagtailcore.GroupPagePermission": "staff permissions",
    "wagtailcore.UploadedFile": "an upload in progress in the admin",
    "wagtailcore.Workflow": "moderation; approval publishes (a page signal)",
    "wagtailcore.WorkflowContentType": "moderation",
    "wagtailcore.WorkflowPage": "moderation",
    "wagtailcore.WorkflowState": "moderation",
    "wagtailcore.WorkflowTask": "moderation",
    "wagtailcore.Task": "moderation",
    "wagtailcore.GroupApprovalTask": "moderation",
    "wagtailcore.TaskState": "moderation",
    "wagtailcore.Comment": "editors' comments in the admin",
    "wagtailcore.CommentReply": "editors' comments in the admin",
    "wagtailcore.PageSubscription": "editors' notification choices",
    "wagtailcore.ReferenceIndex": "the admin's usage index",
    "taggit.TaggedItem": "tags on images and documents, shown only in the admin",
}


def registered_labels():
    """Every label this module names, in any list."""
    return {*SHOWN, *DECIDES_WHAT_IS_SHOWN, *NEVER_PUBLIC}
