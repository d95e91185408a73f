"""The life of an appeal after it is published: resolving it, ending it, reviewing it.

Police media guidance asks that a missing or wanted person's image comes down everywhere once
they are found or arrested, and that open appeals are reviewed. Resolving here is one action:
the dated update, the images deleted (originals and renditions, so no cached URL still
works), the page republished, every cache that showed it purged and the history written.
"""

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone
from wagtail.contrib.frontend_cache.utils import PurgeBatch
from wagtail.log_actions import log
from wagtail.models import Site

from cms import page_cache
from cms.models import SiteSettings

from .enums import AppealOutcome, AppealStatus, AppealType
from .listing import for_listing
from .models import AppealPage, NewsIndexPage

logger = logging.getLogger(__name__)

RESOLVED_ACTION = "news.appeal_resolved"
ENDED_ACTION = "news.appeal_ended"
# Crimestoppers takes information anonymously; 101 is the police non-emergency number.
CRIMESTOPPERS_NUMBER = "0800 555 111"
NON_EMERGENCY_NUMBER = "101"


class AppealNotOpen(Exception):
    """Only an open, published appeal can be resolved or ended."""


def current_appeals(count=None):
    """Open, live appeals, newest first, ready for cards (constant queries however many)."""
    appeals = for_listing(AppealPage.objects.filter(status=AppealStatus.OPEN))
    return list(appeals[:count] if count else appeals)


def appeals_due_for_review(today=None):
    """Open, live appeals whose review-by date has come (today or earlier), oldest due first."""
    today = today or timezone.localdate()
    return list(
        AppealPage.objects.live()
        .filter(status=AppealStatus.OPEN, review_by__lte=today)
        .order_by("review_by", "pk")
    )


def other_pages_sharing_images(appeal):
    """Other appeals that use one of this appeal's images of the person: resolving this one
    deletes the image from them too, so the moderator is told first."""
    image_ids = [item.image_id for item in appeal.person_images()]
    return list(
        AppealPage.objects.filter(appeal_images__image_id__in=image_ids)
        .exclude(pk=appeal.pk)
        .distinct()
        .order_by("title")
    )


def _delete_person_images(appeal, when):
    """Delete the appeal's images of the person: rows, renditions and files (Wagtail removes
    the files once the transaction commits). Returns how many were deleted."""
    items = appeal.person_images()
    for item in items:
        item.image.delete()  # SET_NULL empties the item and any page's hero_image
    appeal.appeal_images.filter(pk__in=[item.pk for item in items]).update(removed_at=when)
    return len(items)


def _republish(appeal, user):
    """Publish the appeal as it now is, as a new revision by this user."""
    appeal.refresh_from_db()
    revision = appeal.save_revision(user=user, log_action=False)
    revision.publish(user=user, log_action=False)
    return revision


def resolve_appeal(appeal, *, outcome, public_update="", user=None):
    """Resolve an open appeal: dated update, images deleted everywhere, caches purged, logged.

    The live content is republished as it is with the update added (an unpublished draft,
    if any, stays in the history for editors to finish or discard).
    """
    if not appeal.live or appeal.status != AppealStatus.OPEN:
        raise AppealNotOpen("Only an open, published appeal can be resolved.")
    outcome = AppealOutcome(outcome)
    now = timezone.now()
    with transaction.atomic():
        removed = _delete_person_images(appeal, now)
        AppealPage.objects.filter(pk=appeal.pk).update(
            status=AppealStatus.RESOLVED,
            outcome=outcome,
            resolved_at=now,
            public_update=public_update.strip(),
        )
        _republish(appeal, user)
        log(
            instance=appeal,
            action=RESOLVED_ACTION,
            user=user,
            data={
                "outcome": outcome.value,
                "outcome_label": outcome.label,
                "public_update": public_update.strip(),
                "images_removed": removed,
            },
        )
        transaction.on_commit(lambda: purge_appeal(appeal))
    return appeal


def end_appeal(appeal, *, reason="", user=None):
    """End a missing-person appeal: images deleted, page unpublished, its address neutral."""
    if appeal.status != AppealStatus.OPEN or appeal.appeal_type != AppealType.MISSING:
        raise AppealNotOpen("Only an open missing-person appeal can be ended.")
    now = timezone.now()
    with transaction.atomic():
        removed = _delete_person_images(appeal, now)
        AppealPage.objects.filter(pk=appeal.pk).update(status=AppealStatus.ENDED, resolved_at=now)
        appeal.refresh_from_db()
        appeal.save_revision(user=user, log_action=False)
        appeal.unpublish(user=user, log_action=True)
        log(
            instance=appeal,
            action=ENDED_ACTION,
            user=user,
            data={"reason": reason.strip(), "images_removed": removed},
        )
        transaction.on_commit(lambda: purge_appeal(appeal))
    return appeal


def listing_urls(appeal):
    """Every public address whose page may have shown this appeal: the article, the home
    page, the news index (all news, appeals, its area and month) and the feeds."""
    index = appeal.get_parent().specific
    if not isinstance(index, NewsIndexPage):
        return []
    routes = NewsIndexPage.get_resolver()
    index_url = index.get_full_url()
    when = appeal.display_date
    paths = [
        "",
        "?type=appeals",
        f"?area={appeal.area.slug}",
        f"{when:%Y}/{when:%m}/",
        routes.reverse("feed"),
        routes.reverse("appeals_feed"),
        routes.reverse("area_feed", area_slug=appeal.area.slug),
    ]
    home = index.get_parent()
    return [home.get_full_url(), *(index_url + path for path in paths)]


def purge_appeal(appeal):
    """Forget every cached copy of the appeal and of the listings that showed it: the site's
    own page cache (every instance) and the frontend cache (CDN/proxy) when there is one."""
    page_cache.purge_all()
    batch = PurgeBatch()
    batch.add_page(appeal)
    batch.add_urls(listing_urls(appeal))
    batch.purge()


def review_reminder(due):
    """The reminder email (subject, text) for these due appeals: titles and admin links only."""
    base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    body = render_to_string(
        "news/email/appeals_review_reminder.txt",
        {"appeals": due, "admin_base": base, "today": timezone.localdate()},
    )
    count = len(due)
    subject = f"{count} appeal{'s' if count != 1 else ''} to review"
    return subject, body


def send_review_reminder(today=None):
    """Email the comms team the appeals due for review, if any and if an address is set.

    Returns the number of due appeals emailed about (0 when nothing was sent). A mail
    failure raises, so the task that called it is retried; nothing is lost, because the
    reminder is worked out afresh from the appeals each time.
    """
    site = Site.objects.filter(is_default_site=True).first()
    address = SiteSettings.for_site(site).comms_team_email if site else ""
    due = appeals_due_for_review(today)
    if not due or not address:
        return 0
    subject, body = review_reminder(due)
    send_mail(subject, body, None, [address])
    return len(due)
