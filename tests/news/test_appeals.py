"""Appeals: open with the person's image and how to give information; resolved or ended in
one action, after which the image is gone from every public place."""

import json
import re
from datetime import timedelta
from pathlib import Path

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone
from wagtail.contrib.frontend_cache.backends import BaseBackend
from wagtail.models import PageLogEntry, WorkflowState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from news import appeals
from news.enums import AppealOutcome, AppealStatus, AppealType
from news.factories import AUTHORISED_BY, RELEASE_REASON, AppealPageFactory
from news.models import AppealPage

pytestmark = pytest.mark.urls("tests.news.media_urls")

REPORT_URL = "https://report.bluelamp.example/online"


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Images of these tests in their own folder, set before any page makes its images.

    The cache is emptied too: Wagtail caches renditions, with their URLs, by image id."""
    cache.clear()
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture
def person_image(media_root):
    from cms.demo import demo_image

    return demo_image("Photograph of Alex Example", size=(900, 1200), seed=3)


@pytest.fixture
def staff(db, django_user_model):
    """An editor and a moderator in Wagtail's default groups."""

    def make(username, group):
        user = django_user_model.objects.create_user(username, f"{username}@example.com", "x")
        user.groups.add(Group.objects.get(name=group))
        return user

    return {"editor": make("editor", "Editors"), "moderator": make("moderator", "Moderators")}


@pytest.fixture
def open_appeal(news_index, person_image, site_settings):
    site_settings.report_url = REPORT_URL
    site_settings.save()
    return AppealPageFactory(
        parent=news_index,
        title="Have you seen Alex, 15?",
        summary="Alex was last seen in Northvale on Sunday.",
        images=[person_image],
    )


def _stem(image):
    """The start of an image's file name, which every rendition's file name shares (Wagtail
    shortens the name in renditions)."""
    return Path(image.file.name).stem[:16]


def _public_pages(client, appeal):
    """The HTML or XML of every public place an appeal shows."""
    urls = [
        appeal.url,
        "/",
        "/news/",
        "/news/?type=appeals",
        "/news/feed/",
        "/news/appeals/feed/",
        "/search/?q=Alex",
    ]
    pages = {}
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        pages[url] = response.content.decode()
    return pages


def _media_urls(html):
    return set(re.findall(r"/media/[^\s\"'?,]+", html))


def _share_image(html):
    return re.search(r'<meta property="og:image" content="([^"]+)"', html).group(1)


def _json_ld(html):
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return json.loads(match.group(1))


def test_open_appeal_shows_the_person_and_how_to_give_information(client, open_appeal):
    html = client.get(open_appeal.url).content.decode()
    assert "How to give information" in html
    assert 'href="tel:101"' in html
    assert 'href="tel:0800555111"' in html and "anonymously" in html
    assert REPORT_URL in html
    assert "26-000123" in html
    stem = _stem(open_appeal.appeal_images.get().image)
    assert stem in _share_image(html)
    assert stem in _json_ld(html)["image"][0]
    for url in ("/", "/news/?type=appeals"):
        assert stem in client.get(url).content.decode(), url


def test_reason_for_release_never_appears_in_public_html(client, open_appeal):
    for url, html in _public_pages(client, open_appeal).items():
        assert RELEASE_REASON not in html, url
        assert AUTHORISED_BY not in html, url


def test_resolving_removes_every_trace_of_the_image(
    client, open_appeal, staff, django_capture_on_commit_callbacks
):
    image = open_appeal.appeal_images.get().image
    stem = _stem(image)
    before = _public_pages(client, open_appeal)
    media = {url for html in before.values() for url in _media_urls(html) if stem in url}
    media.add(image.file.url)
    assert len(media) > 3  # the original, the page's pictures, cards and share renditions
    for url in media:
        assert client.get(url).status_code == 200, url

    with django_capture_on_commit_callbacks(execute=True):
        appeals.resolve_appeal(
            open_appeal, outcome=AppealOutcome.FOUND_SAFE, user=staff["moderator"]
        )

    after = _public_pages(client, open_appeal)
    for url, html in after.items():
        assert stem not in html, url
        assert "Photograph 1 of the person" not in html, url
    page = after[open_appeal.url]
    assert "has been found safe" in page and "Update " in page
    assert _share_image(page).endswith("/static/img/og-default.png")
    assert "image" not in _json_ld(page) or "og-default" in _json_ld(page)["image"][0]
    for url in media:
        assert client.get(url).status_code == 404, url
    # Resolved appeals drop out of the appeals filter, feed and the home page's panel.
    assert open_appeal.title not in after["/news/?type=appeals"]
    assert open_appeal.title not in after["/news/appeals/feed/"]
    assert 'class="current-appeals"' not in after["/"]
    # ...but stay in the news, as an article.
    assert open_appeal.title in after["/news/"]


def test_resolving_records_who_when_and_why_and_keeps_the_release_record(
    open_appeal, staff, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        appeals.resolve_appeal(
            open_appeal,
            outcome=AppealOutcome.ARRESTED,
            public_update="A 32-year-old man has been arrested.",
            user=staff["moderator"],
        )
    entry = PageLogEntry.objects.get(page=open_appeal, action=appeals.RESOLVED_ACTION)
    assert entry.user == staff["moderator"]
    assert entry.data["outcome"] == "arrested" and entry.data["images_removed"] == 1
    assert "Arrested" in entry.message and "32-year-old" in entry.message
    record = open_appeal.appeal_images.get()
    assert record.image is None and record.removed_at is not None
    assert record.reason_for_release == RELEASE_REASON
    first_revision = open_appeal.revisions.order_by("created_at").first()
    released = first_revision.content["appeal_images"][0]
    assert released["reason_for_release"] == RELEASE_REASON
    assert released["authorised_by"] == AUTHORISED_BY


def test_a_draft_written_before_resolving_does_not_reopen_the_appeal(open_appeal):
    draft = AppealPage.objects.get(pk=open_appeal.pk)
    draft.summary = "Changed while the appeal was open."
    old_revision = draft.save_revision()
    appeals.resolve_appeal(open_appeal, outcome=AppealOutcome.FOUND_SAFE)
    # Approved later, in another request: the revision is read afresh.
    type(old_revision).objects.get(pk=old_revision.pk).publish()
    appeal = AppealPage.objects.get(pk=open_appeal.pk)
    assert appeal.summary == "Changed while the appeal was open."
    assert appeal.status == AppealStatus.RESOLVED and appeal.outcome == "found_safe"
    assert appeal.hero_image is None and not appeal.person_images()


def test_moderator_marks_as_resolved_through_the_admin(client, news_index, open_appeal, staff):
    client.force_login(staff["moderator"])
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[open_appeal.pk]))
    url = reverse("news_resolve_appeal", args=[open_appeal.pk])
    assert url in edit.content.decode()
    listing = client.get(reverse("wagtailadmin_explore", args=[news_index.pk]))
    assert url in listing.content.decode()  # the page's "More" menu in the listing
    response = client.post(url, {"action": "resolve", "outcome": ""})
    assert response.status_code == 200
    assert "Choose the outcome of the appeal." in response.content.decode()
    response = client.post(
        url,
        {"action": "resolve", "outcome": "found_safe", "public_update": "Alex is home."},
    )
    assert response.status_code == 302
    open_appeal.refresh_from_db()
    assert open_appeal.status == AppealStatus.RESOLVED
    html = client.get(open_appeal.url).content.decode()
    assert re.search(
        r"Update <time[^>]*>\d\d:\d\d \d\d/\d\d/\d{4}</time>:</strong> Alex is home", html
    )


def test_moderator_is_warned_when_another_appeal_uses_the_same_image(
    client, news_index, open_appeal, staff
):
    image = open_appeal.appeal_images.get().image
    other = AppealPageFactory(parent=news_index, title="Second appeal", images=[image])
    client.force_login(staff["moderator"])
    html = client.get(reverse("news_resolve_appeal", args=[open_appeal.pk])).content.decode()
    assert "used by 1 other appeal" in html and other.title in html


def test_editor_cannot_resolve(client, open_appeal, staff):
    client.force_login(staff["editor"])
    url = reverse("news_resolve_appeal", args=[open_appeal.pk])
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[open_appeal.pk]))
    assert url not in edit.content.decode()
    response = client.post(url, {"action": "resolve", "outcome": "found_safe"})
    assert response.status_code in (302, 403)
    open_appeal.refresh_from_db()
    assert open_appeal.status == AppealStatus.OPEN


def test_ended_missing_person_appeal_answers_a_neutral_page(
    client, open_appeal, staff, django_capture_on_commit_callbacks
):
    client.force_login(staff["moderator"])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("news_resolve_appeal", args=[open_appeal.pk]),
            {"action": "end", "reason": "Found safe; the family asked for it to come down."},
        )
    assert response.status_code == 302
    client.logout()
    open_appeal.refresh_from_db()
    assert not open_appeal.live and open_appeal.status == AppealStatus.ENDED
    response = client.get(open_appeal.url_path.replace("/home", "", 1))
    assert response.status_code == 410
    html = response.content.decode()
    assert "This appeal has ended" in html
    for trace in ("Alex", "Northvale", "/media/"):
        assert trace not in html
    assert '<meta name="robots" content="noindex">' in html
    assert PageLogEntry.objects.filter(page=open_appeal, action=appeals.ENDED_ACTION).exists()
    assert "Alex" not in client.get("/news/").content.decode()


def test_only_a_missing_person_appeal_can_be_ended(client, news_index, staff):
    witness = AppealPageFactory(parent=news_index, appeal_type=AppealType.WITNESS)
    client.force_login(staff["moderator"])
    url = reverse("news_resolve_appeal", args=[witness.pk])
    assert "End the appeal" not in client.get(url).content.decode()
    response = client.post(url, {"action": "end"})
    assert response.status_code == 200
    witness.refresh_from_db()
    assert witness.live and witness.status == AppealStatus.OPEN


def _appeal_form(news_index, image, **image_fields):
    item = {
        "image": image.pk,
        "alt_text": "Photograph of the person",
        "caption": "",
        "reason_for_release": "",
        "authorised_by": "",
        **image_fields,
    }
    return nested_form_data(
        {
            "title": "Have you seen Robin?",
            "slug": "have-you-seen-robin",
            "published_at": "",
            "area": _area_id(),
            "appeal_type": "missing",
            "reference": "26-000999",
            "review_by": (timezone.localdate() + timedelta(days=28)).isoformat(),
            "topics": "",
            "summary": "Robin was last seen on Monday.",
            "appeal_images": inline_formset([item]),
            "body": streamfield([]),
            "seo_title": "",
            "search_description": "",
            "go_live_at": "",
            "expire_at": "",
            "comments": inline_formset([]),
        }
    )


def _area_id():
    from cms.models import Area

    return Area.objects.get(slug="northvale").pk


def _add_url(news_index):
    return reverse("wagtailadmin_pages:add", args=["news", "appealpage", news_index.pk])


def test_reason_for_release_and_authority_are_required(client, news_index, person_image, staff):
    client.force_login(staff["editor"])
    data = _appeal_form(news_index, person_image)
    data["action-submit"] = "action-submit"
    response = client.post(_add_url(news_index), data)
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count("This field is required.") >= 2
    assert "Have you seen Robin?" in html  # what the editor typed is kept
    assert not AppealPage.objects.exists()


def test_editor_creates_and_submits_moderator_approves(client, news_index, person_image, staff):
    client.force_login(staff["editor"])
    data = _appeal_form(
        news_index,
        person_image,
        reason_for_release="Robin is 14 and vulnerable.",
        authorised_by="Inspector Lee",
    )
    data["action-publish"] = "action-publish"
    client.post(_add_url(news_index), data)
    appeal = AppealPage.objects.get()
    assert not appeal.live  # an editor cannot publish
    data["action-submit"] = "action-submit"
    del data["action-publish"]
    response = client.post(reverse("wagtailadmin_pages:edit", args=[appeal.pk]), data)
    assert response.status_code == 302
    state = WorkflowState.objects.get(object_id=str(appeal.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS

    client.force_login(staff["moderator"])
    response = client.post(
        reverse(
            "wagtailadmin_pages:workflow_action",
            args=(appeal.pk, "approve", state.current_task_state.pk),
        ),
        {"comment": ""},
    )
    assert response.status_code == 302
    appeal.refresh_from_db()
    assert appeal.live and appeal.hero_image_id == person_image.pk
    assert "Have you seen Robin?" in client.get("/").content.decode()


def test_a_draft_saved_half_done_can_then_be_submitted(client, news_index, person_image, staff):
    """Wagtail saves drafts (and autosaves) without the required fields; the appeal's card
    image copied from a half-done image row must not block the finished form."""
    client.force_login(staff["editor"])
    draft = _appeal_form(news_index, person_image, alt_text="")
    client.post(_add_url(news_index), draft)
    appeal = AppealPage.objects.get()
    data = _appeal_form(
        news_index, person_image, reason_for_release="Vulnerable.", authorised_by="Insp Lee"
    )
    data["action-submit"] = "action-submit"
    response = client.post(reverse("wagtailadmin_pages:edit", args=[appeal.pk]), data)
    assert response.status_code == 302
    assert WorkflowState.objects.filter(object_id=str(appeal.pk)).exists()


def test_current_appeals_open_only_newest_first(client, news_index, staff):
    now = timezone.now()
    older = AppealPageFactory(
        parent=news_index, title="Older appeal", published_at=now - timedelta(days=2)
    )
    newer = AppealPageFactory(
        parent=news_index, title="Newer appeal", published_at=now - timedelta(days=1)
    )
    done = AppealPageFactory(parent=news_index, title="Resolved appeal")
    appeals.resolve_appeal(done, outcome=AppealOutcome.NO_LONGER_NEEDED, user=staff["moderator"])
    html = client.get("/").content.decode()
    panel = html[html.index('class="current-appeals"') : html.index('class="latest-news"')]
    assert panel.index(newer.title) < panel.index(older.title)
    assert done.title not in panel
    listing = client.get("/news/", {"type": "appeals"}).content.decode()
    assert "2 articles for current appeals" in listing
    assert done.title not in listing


def test_review_panel_and_daily_email_pick_exactly_the_due_appeals(
    client, news_index, staff, site_settings
):
    site_settings.comms_team_email = "comms@bluelamp.example"
    site_settings.save()
    today = timezone.localdate()
    due = AppealPageFactory(
        parent=news_index, title="Due yesterday", review_by=today - timedelta(days=1)
    )
    due_today = AppealPageFactory(parent=news_index, title="Due today", review_by=today)
    AppealPageFactory(parent=news_index, title="Due tomorrow", review_by=today + timedelta(days=1))
    resolved = AppealPageFactory(
        parent=news_index, title="Resolved but old", review_by=today - timedelta(days=9)
    )
    appeals.resolve_appeal(resolved, outcome=AppealOutcome.WITHDRAWN)
    AppealPageFactory(
        parent=news_index, title="Draft and old", review_by=today - timedelta(days=9), publish=False
    )

    assert appeals.appeals_due_for_review() == [due, due_today]

    for role in ("editor", "moderator"):
        client.force_login(staff[role])
        html = client.get(reverse("wagtailadmin_home")).content.decode()
        panel = html[html.index("Appeals to review") :]
        assert "Due yesterday" in panel and "Due today" in panel
        for other in ("Due tomorrow", "Resolved but old", "Draft and old"):
            assert other not in panel

    mail.outbox.clear()
    assert appeals.send_review_reminder() == 2
    [message] = mail.outbox
    assert message.to == ["comms@bluelamp.example"]
    assert message.subject == "2 appeals to review"
    assert "Due yesterday" in message.body and "Due today" in message.body
    assert "Due tomorrow" not in message.body and "Resolved" not in message.body
    assert f"http://testserver/admin/pages/{due.pk}/edit/" in message.body


def test_no_reminder_when_nothing_is_due(news_index, site_settings):
    site_settings.comms_team_email = "comms@bluelamp.example"
    site_settings.save()
    AppealPageFactory(parent=news_index, review_by=timezone.localdate() + timedelta(days=3))
    mail.outbox.clear()
    assert appeals.send_review_reminder() == 0
    assert mail.outbox == []


def test_a_failed_reminder_is_retried_later(news_index, site_settings, settings, monkeypatch):
    from django_tasks import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    from news import tasks

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    site_settings.comms_team_email = "comms@bluelamp.example"
    site_settings.save()
    AppealPageFactory(parent=news_index, review_by=timezone.localdate())

    def refuse(*args, **kwargs):
        raise OSError("mail server down")

    monkeypatch.setattr(appeals, "send_mail", refuse)
    with pytest.raises(OSError):
        tasks.send_or_retry()
    retry = DBTaskResult.objects.get(task_path=tasks.retry_appeals_reminder.module_path)
    assert retry.status == TaskResultStatus.READY
    assert retry.run_after > timezone.now() + timedelta(minutes=25)
    monkeypatch.undo()
    mail.outbox.clear()
    assert tasks.send_or_retry(attempt=2) == {"appeals": 1}
    assert len(mail.outbox) == 1


def _queries(client, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(url)  # warm: renditions made, caches filled
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


@pytest.mark.parametrize("url", ["/", "/news/?type=appeals", "/news/appeals/feed/"])
def test_appeal_listings_cost_the_same_however_many_appeals(client, news_index, url):
    from cms.demo import demo_image

    def add(count):
        for number in range(count):
            image = demo_image(f"Appeal picture {number}", size=(400, 500), seed=number + 1)
            AppealPageFactory(parent=news_index, images=[image])

    add(2)
    few = _queries(client, url)
    add(5)
    assert _queries(client, url) == few


class RecordingBackend(BaseBackend):
    """A frontend cache (CDN) that only writes down what it was asked to purge."""

    purged = []

    def purge_batch(self, urls):
        self.purged.extend(urls)

    def purge(self, url):
        self.purged.append(url)


def test_resolving_purges_the_page_cache_and_the_frontend_cache_of_every_listing(
    client, settings, open_appeal, staff, django_capture_on_commit_callbacks
):
    settings.PAGE_CACHE_SECONDS = 300
    settings.WAGTAILFRONTENDCACHE = {"cdn": {"BACKEND": "tests.news.test_appeals.RecordingBackend"}}
    RecordingBackend.purged.clear()
    stem = _stem(open_appeal.appeal_images.get().image)
    for url in (open_appeal.url, "/", "/news/?type=appeals"):
        client.get(url)
        cached = client.get(url)
        assert cached["X-Page-Cache"] == "hit" and stem in cached.content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        appeals.resolve_appeal(open_appeal, outcome=AppealOutcome.FOUND_SAFE)

    for url in (open_appeal.url, "/", "/news/?type=appeals"):
        assert stem not in client.get(url).content.decode(), url
    purged = set(RecordingBackend.purged)
    base = open_appeal.get_site().root_url
    for path in ("/", "/news/", "/news/?type=appeals", "/news/feed/", "/news/appeals/feed/"):
        assert base + path in purged, path
    assert base + open_appeal.url in purged
