"""Hostile input at every public form and filter: never a 500, never a row for bad answers.

Hypothesis draws the input (profile in tests/security/conftest.py: 40 examples a test).
A 500 would raise inside the test client, so "no exception" is the main assertion.
"""

import json

import pytest
from django.forms import MultipleChoiceField
from django.urls import reverse
from hypothesis import event, given, settings
from hypothesis import strategies as st
from wagtail.contrib.forms.models import FormSubmission
from wagtail.contrib.forms.utils import get_field_clean_name
from wagtail.models import ModelLogEntry

from cms.factories import FEEDBACK_QUESTIONS
from recruitment.forms import SectionForm
from recruitment.models import Draft, MiniPoliceRegistration, SpecialConstableApplication
from recruitment.queues import QUEUES, queue_for
from tests.recruitment.conftest import step_posts

pytestmark = pytest.mark.django_db

# Any text the test client can encode: every code point but lone surrogates, NUL included.
any_text = st.text(st.characters(exclude_categories=("Cs",)), max_size=60)
huge_text = st.integers(min_value=1_000, max_value=200_000).map(lambda n: "x" * n)
value = st.one_of(any_text, huge_text, st.sampled_from(["\x00", "0", "-1", "1e309", "NaN"]))
# Raw bodies, including bytes that are not UTF-8 (a lone surrogate's encoding among them).
raw_body = st.one_of(
    st.binary(max_size=300),
    st.just(b"first_name=%ED%A0%80&email=%FF%FE&consent=on"),
    st.just(b'--boundary\r\nContent-Disposition: form-data; name="x"\r\n\r\nbroken'),
)
content_type = st.sampled_from(
    [
        "application/json",
        "multipart/form-data; boundary=boundary",
        "multipart/form-data",
        "text/plain",
        "application/x-www-form-urlencoded",
        "application/xml",
    ]
)
OK_STATUSES = {200, 302, 400, 403, 404, 405, 413, 429}


@pytest.fixture(scope="module")
def _shared_public_pages(_shared_home_page, _shared_areas, django_db_blocker):
    """Beside the form pages: the feedback form, and a news section with two pages of
    articles over two months, in an area and with a topic to filter by."""
    from datetime import datetime

    from cms.factories import FeedbackFormPageFactory
    from cms.models import Area
    from home.models import HomePage
    from news.factories import NewsIndexPageFactory
    from news.models import NEWS_PAGE_SIZE
    from tests.news.conftest import LONDON, build_article, bulk_articles

    with django_db_blocker.unblock():
        home = HomePage.objects.get(pk=_shared_home_page)
        feedback = FeedbackFormPageFactory(parent=home)
        news = NewsIndexPageFactory(parent=home)
        news.save_revision().publish()
        start = datetime(2026, 11, 20, 12, 0, tzinfo=LONDON)
        bulk_articles(news, Area.objects.get(slug="northvale"), NEWS_PAGE_SIZE, start=start)
        build_article(
            news,
            Area.objects.get(slug="force-wide"),
            topics=["Cadets"],
            when=datetime(2026, 10, 9, 14, 30, tzinfo=LONDON),
        )
        return feedback.pk


@pytest.fixture
def site(module_data, _shared_public_pages, form_pages, settings):
    """The public forms: Special Constables, Mini Police and feedback; and /news/."""
    # The limits have their own tests; here they would hide bugs.
    settings.RECRUITMENT_RATE_LIMIT = 0
    settings.RECRUITMENT_DRAFT_RATE_LIMIT = 0
    settings.RECRUITMENT_LINK_RATE_LIMIT = 0
    from cms.models import FeedbackFormPage

    specials, mini = form_pages
    return {
        "specials": specials,
        "mini": mini,
        "feedback": FeedbackFormPage.objects.get(pk=_shared_public_pages),
    }


def mutate(answers, data):
    """The answers with some fields dropped, replaced by hostile values, or repeated."""
    mutated = dict(answers)
    for field in data.draw(st.lists(st.sampled_from(sorted(answers)), max_size=4, unique=True)):
        how = data.draw(st.sampled_from(["drop", "replace", "repeat"]))
        if how == "drop":
            mutated.pop(field)
        elif how == "replace":
            mutated[field] = data.draw(value)
        else:
            mutated[field] = data.draw(st.lists(value, min_size=2, max_size=3))
    mutated["website"] = ""  # a filled honeypot is thrown away before validation
    return mutated


def counts():
    return (
        SpecialConstableApplication.objects.count(),
        MiniPoliceRegistration.objects.count(),
        FormSubmission.objects.count(),
    )


def drafts():
    return sorted((str(d.pk), repr(d.answers)) for d in Draft.objects.all())


def _inputs(queue):
    """The queue's input names, and those of them that hold several values (ticks)."""
    names, several = set(), set()
    for section in queue.sections:
        form = SectionForm(section=section)
        for name, field in form.fields.items():
            names.update(form._inputs(name))
            if isinstance(field, MultipleChoiceField):
                several.add(name)
    return names, several


def assert_drafts_within_their_cap():
    """Every draft holds only its questions' inputs, one value each (a tick once per choice),
    and no more than Draft.MAX_CHARACTERS."""
    for draft in Draft.objects.all():
        names, several = _inputs(next(q for q in QUEUES if q.key == draft.queue_key))
        assert set(draft.answers) <= names, set(draft.answers) - names
        for name, values in draft.answers.items():
            if name in several:
                assert len(values) == len(set(values)), (name, values)
            else:
                assert len(values) == 1, (name, len(values))
        assert Draft.size(draft.answers) <= Draft.MAX_CHARACTERS


@given(data=st.data())
def test_every_step_of_both_forms_survives_hostile_answers(
    client, site, special_answers, mini_answers, data
):
    """Valid answers up to a step, then hostile ones at it: never a 500, and a page shown
    again (an error, or the ineligible page) or refused (an answer sent twice: 400) stores
    nothing, not even in the draft."""
    which = data.draw(st.sampled_from(["specials", "mini"]))
    page, answers = (
        (site["specials"], special_answers) if which == "specials" else (site["mini"], mini_answers)
    )
    posts = step_posts(page, answers)
    index = data.draw(st.integers(min_value=0, max_value=len(posts) - 1))
    for url, valid, headers in posts[:index]:
        assert client.post(url, valid, **headers).status_code == 302
    url, valid, headers = posts[index]
    before, kept = counts(), drafts()
    response = client.post(url, mutate(valid, data), **headers)
    assert response.status_code in (200, 302, 400), (url, response.status_code)
    if response.status_code in (200, 400):
        assert counts() == before, "an invalid submission was stored"
        assert drafts() == kept, "invalid answers were kept in the draft"
    assert_drafts_within_their_cap()


# Every address of the journey, as (method, path under the form page or None for the first
# page's POST, whether a token goes at the end).
JOURNEY = [
    ("POST", None, False),  # check you can apply
    ("POST", "step/{slug}/", False),
    ("POST", "step/{slug}/?change=1", False),
    ("POST", "check-your-answers/", False),
    ("POST", "save/", False),
    ("POST", "delete/", False),
    ("POST", "status/", False),
    ("GET", "thank-you/", False),
    ("GET", "return/", True),
    ("GET", "status/", True),
    ("POST", "status/", True),  # withdraw: status/<token>/withdraw/
]
# A body is the questions' own inputs and the journey's own fields, or any other name, each
# with hostile values, sent once or repeated; now and then far more fields than Django takes.
many = st.integers(min_value=2, max_value=3)


def hostile_body(queue):
    names = sorted(_inputs(queue)[0] | {"action", "consent", "website", "submission", "email"})
    key = st.one_of(st.sampled_from(names), any_text)
    values = st.one_of(value, st.lists(value, min_size=2, max_size=3))
    return st.one_of(
        st.dictionaries(key, values, max_size=8),
        st.builds(lambda k: {k: ["1"] * 1_500}, st.sampled_from(names)),
    )


token_text = st.one_of(any_text, huge_text.map(lambda t: t[:5_000]), st.just("\x00"))


@settings(max_examples=30)
@given(data=st.data())
def test_every_journey_address_survives_hostile_bodies(
    client, site, special_answers, mini_answers, data
):
    """The browser is part of the way through a journey, then any address of it gets a hostile
    body (or token): never a 500, and no draft ever holds more than its questions' inputs,
    once each, within its cap."""
    from urllib.parse import quote

    which = data.draw(st.sampled_from(["specials", "mini"]))
    page, answers = (
        (site["specials"], special_answers) if which == "specials" else (site["mini"], mini_answers)
    )
    queue = queue_for(page)
    posts = step_posts(page, answers)
    for url, valid, headers in posts[: data.draw(st.integers(0, len(posts) - 1))]:
        client.post(url, valid, **headers)
    method, path, with_token = data.draw(st.sampled_from(JOURNEY))
    if path is None:
        url = reverse("recruitment_check_eligibility", args=[page.pk])
    else:
        slug = data.draw(st.sampled_from([s.slug for s in queue.sections] + ["nope"]))
        url = f"{page.url}{path.format(slug=slug)}"
    if with_token:
        url += f"{quote(data.draw(token_text), safe='') or 'x'}/"
        if method == "POST":
            url += "withdraw/"
    body = data.draw(hostile_body(queue))
    submissions = counts()
    if method == "GET":
        response = client.get(url, body)
    else:
        response = client.post(url, body, HTTP_ORIGIN="http://testserver")
    event(f"{method} {path} {response.status_code}")
    assert response.status_code in OK_STATUSES, (method, url, response.status_code)
    assert_drafts_within_their_cap()
    assert counts()[2] == submissions[2]
    assert sum(counts()[:2]) <= sum(submissions[:2]) + 1


# A date box holds anything: text, numbers of any size, or the box sent more than once.
date_part = st.one_of(
    value,
    st.integers(min_value=-10, max_value=10**12).map(str),
    st.lists(value, min_size=2, max_size=3),
)


@given(parts=st.tuples(date_part, date_part, date_part))
def test_date_of_birth_boxes_survive_any_text(client, site, special_answers, parts):
    boxes = ("date_of_birth_day", "date_of_birth_month", "date_of_birth_year")
    url, valid, headers = step_posts(site["specials"], special_answers)[0]
    response = client.post(url, {**valid, **dict(zip(boxes, parts, strict=True))}, **headers)
    assert response.status_code in (200, 302, 400), response.status_code  # 400: a box twice
    if response.status_code in (200, 400):
        assert not Draft.objects.exists(), "an invalid or ineligible date of birth was kept"


# The questions' own names as well as any other: hostile answers to the real questions too.
feedback_name = st.one_of(
    st.sampled_from([get_field_clean_name(label) for label, _, _ in FEEDBACK_QUESTIONS]),
    any_text,
)


@given(
    fields=st.dictionaries(feedback_name, st.one_of(value, st.lists(value, max_size=3)), max_size=6)
)
def test_feedback_form_survives_hostile_answers(client, site, fields):
    before = counts()
    response = client.post(site["feedback"].url, fields)
    assert response.status_code in (200, 302)
    if response.status_code == 200:
        assert counts() == before


# Each example is sent to nine addresses; the draws that matter are few (three kinds of body,
# six content types, three methods), so 20 examples (180 requests) instead of the profile's 40.
@settings(max_examples=20)
@given(body=raw_body, kind=content_type, method=st.sampled_from(["POST", "PUT", "PATCH"]))
def test_forms_and_cookies_survive_wrong_bodies_and_content_types(client, site, body, kind, method):
    before = counts()
    from django.urls import reverse

    urls = [site["specials"].url, site["mini"].url, site["feedback"].url, "/cookies/"]
    urls += [
        reverse("recruitment_check_eligibility", args=[site["specials"].pk]),
        f"{site['specials'].url}step/about-you/",
        f"{site['specials'].url}check-your-answers/",
        f"{site['mini'].url}save/",
        f"{site['mini'].url}status/",
    ]
    for url in urls:
        response = client.generic(
            method, url, body, content_type=kind, HTTP_ORIGIN="http://testserver"
        )
        assert response.status_code in OK_STATUSES, (url, response.status_code)
    assert counts() == before


def test_json_instead_of_a_form_is_refused_clearly(client, site, special_answers):
    url, _valid, headers = step_posts(site["specials"], special_answers)[0]
    response = client.post(
        url, json.dumps(special_answers), content_type="application/json", **headers
    )
    assert response.status_code == 200
    assert "There is a problem" in response.content.decode()
    assert SpecialConstableApplication.objects.filter(email=special_answers["email"]).count() == 0


def test_wrong_methods_on_every_public_url(client, site):
    urls = [site["specials"].url, site["mini"].url, site["feedback"].url]
    urls += ["/cookies/", "/search/?q=police", "/news/?page=2"]
    for method in ["PUT", "PATCH", "DELETE", "OPTIONS", "HEAD", "TRACE"]:
        for url in urls:
            response = client.generic(method, url)
            assert response.status_code in OK_STATUSES, (url, method, response.status_code)


@given(
    cookies=st.fixed_dictionaries(
        {}, optional={"cookies": value, "analytics": value, "next": value}
    ),
    next_get=value,
)
def test_cookies_view_survives_hostile_choices(client, site, cookies, next_get):
    response = client.post(f"/cookies/?next={next_get[:200]}", cookies)
    assert response.status_code in (200, 302, 400)
    if response.status_code == 400:
        assert "Select yes if you want to accept analytics cookies" in response.content.decode()
    if response.status_code == 302:
        location = response["Location"]
        assert location.startswith("/"), location
        assert not location.startswith("//"), location


@given(q=st.one_of(value, st.lists(value, min_size=2, max_size=3)), page=value)
def test_search_survives_hostile_queries_and_pages(client, site, q, page):
    response = client.get("/search/", {"q": q, "page": page})
    assert response.status_code == 200


@given(
    params=st.fixed_dictionaries(
        {},
        optional={
            k: st.one_of(value, st.lists(value, max_size=3))
            for k in ("area", "topic", "year", "month", "page")
        },
    ),
    path=st.sampled_from(["/news/", "/news/2026/11/", "/news/1/13/", "/news/feed/"]),
)
def test_news_filters_and_pagination_survive_hostile_values(client, site, params, path):
    response = client.get(path, params)
    assert response.status_code in (200, 404), (path, params, response.status_code)


@pytest.fixture
def manager(login_as):
    """A recruitment manager, with submissions in both queues for the data request screen."""
    from recruitment.factories import (
        MiniPoliceRegistrationFactory,
        SpecialConstableApplicationFactory,
    )

    SpecialConstableApplicationFactory.create_batch(3)
    MiniPoliceRegistrationFactory.create_batch(2)
    return login_as("manager")


def held():
    """Submissions of both queues whose personal data is still held."""
    return (
        SpecialConstableApplication.objects.exclude(email="").count(),
        MiniPoliceRegistration.objects.exclude(email="").count(),
    )


@given(data=st.data())
def test_data_request_screen_survives_hostile_posts(client, manager, data):
    """The manager's data request URLs: hostile or missing addresses, formats and confirmations
    give a page or a clear message, never a 500, and never erase anything."""
    client.force_login(manager)
    before = held()
    url = data.draw(
        st.sampled_from(
            [
                "/admin/recruitment/data-requests/",
                "/admin/recruitment/data-requests/export/",
                "/admin/recruitment/data-requests/erase/",
            ]
        )
    )
    fields = {"email": value, "format": value, "confirm": value}
    body = {
        name: data.draw(st.one_of(strategy, st.lists(strategy, min_size=2, max_size=3)))
        for name, strategy in fields.items()
        if data.draw(st.booleans())
    }
    response = client.post(url, body)
    assert response.status_code in OK_STATUSES, (url, response.status_code)
    assert held() == before == (3, 2)
    assert not ModelLogEntry.objects.filter(action="recruitment.erase").exists()
