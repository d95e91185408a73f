"""In-process cost of uncached pages, search and the queues: CPU ms and queries per request.

usage (after bench/setup.sh):  bench/profile.sh [REPEAT=30]
        bench/profile_pages.py REPEAT --public --json   (public pages only, as JSON: what
        bench/profile.sh runs against an older commit to compare, BENCH_BEFORE=<commit>)
Each URL is requested once to warm (renditions, fragments), then REPEAT times through the
Django test client with the page cache off; prints one Markdown row per URL: median CPU ms
(process time, so other work on a shared machine counts less), median wall ms, queries and
the SQL time those queries took.
"""

import json
import statistics
import sys
import time

import django

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, override_settings  # noqa: E402

PAGES = [
    ("home", "/"),
    ("news index", "/news/"),
    ("news index, area filter", "/news/?area=northvale"),
    ("article", "/news/bench-article-5000/"),
    ("programme", "/volunteer/special-constables/"),
    ("search", "/search/?q=appeal+witnesses"),
    ("search, one word", "/search/?q=witnesses"),
    ("search, page 3", "/search/?q=appeal&page=3"),
    ("search, ranking kept", "/search/?q=appeal+witnesses"),
]
QUEUES = [
    ("queue list", "/admin/recruitment/specialconstableapplication/"),
    ("queue list, filtered", "/admin/recruitment/specialconstableapplication/?status=new"),
    ("queue list, search", "/admin/recruitment/specialconstableapplication/?q=smith"),
    ("mini police list", "/admin/recruitment/minipoliceregistration/"),
]


def recruiter_client():
    from django.contrib.auth import get_user_model
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    user = get_user_model().objects.get(username="recruiter")
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    device = device or TOTPDevice.objects.create(user=user, name="bench", confirmed=True)
    client = Client()
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return client


def inspect_url():
    from recruitment.models import SpecialConstableApplication

    pk = SpecialConstableApplication.objects.order_by("-pk").values_list("pk", flat=True)[5000]
    return f"/admin/recruitment/specialconstableapplication/inspect/{pk}/"


def forget_ranking(path):
    """Make the next request for this search rank its results again (cms.views keeps them)."""
    from urllib.parse import parse_qs, urlsplit

    from cms import page_cache

    try:
        from cms.views import clean_query, ranking_name, search_terms
    except ImportError:
        return  # older code (BENCH_BEFORE) keeps no ranking

    query = parse_qs(urlsplit(path).query).get("q", [""])[0]
    page_cache.forget(ranking_name(search_terms(clean_query(query))))


def measure(client, path, repeat, *, first_search=False):
    """(median CPU ms, median wall ms, queries, SQL ms) of REPEAT requests after one to warm.

    With first_search, each request ranks its search again, as the first search for those
    words after a publish does; without, the ranking kept per generation is used.
    """
    response = client.get(path)
    assert response.status_code == 200, (path, response.status_code)
    cpu, wall = [], []
    for _ in range(repeat):
        if first_search:
            forget_ranking(path)
        with CaptureQueriesContext(connection) as queries:
            c0, w0 = time.process_time(), time.perf_counter()
            response = client.get(path)
            cpu.append((time.process_time() - c0) * 1000)
            wall.append((time.perf_counter() - w0) * 1000)
        assert response.status_code == 200, path
    sql = sum(float(q["time"]) for q in queries.captured_queries) * 1000
    return statistics.median(cpu), statistics.median(wall), len(queries), sql


def main(repeat, public_only=False, as_json=False):
    rows = []
    with override_settings(PAGE_CACHE_SECONDS=0, DEBUG=False):
        anonymous = Client()
        for name, path in PAGES:
            first = name.startswith("search") and not name.endswith("kept")
            rows.append((name, path, *measure(anonymous, path, repeat, first_search=first)))
        if not public_only:
            recruiter = recruiter_client()
            for name, path in [*QUEUES, ("queue inspect", inspect_url())]:
                rows.append((name, path, *measure(recruiter, path, repeat)))
    if as_json:
        print(json.dumps(rows))
        return
    print(f"database {settings.DATABASES['default']['NAME']}, {repeat} requests each")
    print("| page | path | CPU ms (median) | wall ms (median) | queries | SQL ms |")
    print("| --- | --- | ---: | ---: | ---: | ---: |")
    for name, path, cpu, wall, count, sql in rows:
        print(f"| {name} | `{path}` | {cpu:.1f} | {wall:.1f} | {count} | {sql:.1f} |")


if __name__ == "__main__":
    numbers = [arg for arg in sys.argv[1:] if not arg.startswith("--")]
    main(int(numbers[0]) if numbers else 30, "--public" in sys.argv, "--json" in sys.argv)
