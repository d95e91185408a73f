"""Fill a benchmark database with many news articles and submissions, fast.

Bulk inserts (one INSERT per thousand rows) instead of Wagtail's page-by-page add_child, so
10,000 articles and 100,000 submissions take seconds, not hours. Run again, it only tops up
to the requested numbers. It refuses any database whose name does not start with "bench"
unless given --force: this is never for a real site.
"""

import random
import uuid
from datetime import date, timedelta

from django.contrib.contenttypes.models import ContentType
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.utils import timezone
from wagtail.models import Locale, Page

from cms.models import Area
from news.models import NewsArticlePage, NewsIndexPage
from recruitment.models import (
    MiniPoliceFormPage,
    MiniPoliceRegistration,
    SpecialConstableApplication,
    SpecialConstableFormPage,
)

SLUG_PREFIX = "bench-article-"
BATCH = 1000
BENCH_YEAR = 2024  # references SC-2024-..., apart from the live forms' current year
WORDS = (
    "officers community patrol appeal witnesses road safety neighbourhood team arrest charge "
    "court volunteers specials cadets burglary scam fraud awareness event station public "
    "support information incident vehicle collision missing person found thanks residents"
).split()


def _sentence(rng, n=12):
    return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize() + "."


class Command(BaseCommand):
    help = "Bulk-insert fake news articles and submissions into a benchmark database."

    def add_arguments(self, parser):
        parser.add_argument("--articles", type=int, default=10_000)
        parser.add_argument("--submissions", type=int, default=100_000)
        parser.add_argument("--force", action="store_true", help="allow a non-bench database")

    def handle(self, *args, articles, submissions, force, **options):
        name = str(connection.settings_dict["NAME"])
        if not force and not name.rsplit("/", 1)[-1].startswith("bench"):
            raise CommandError(f"Database {name!r} is not a bench database (use --force).")
        rng = random.Random(7)
        made = self.fill_articles(articles, rng)
        self.stdout.write(f"articles: {made} added")
        made = self.fill_submissions(submissions, rng)
        self.stdout.write(f"submissions: {made} added")

    @transaction.atomic
    def fill_articles(self, target, rng):
        index = NewsIndexPage.objects.first()
        if index is None:
            raise CommandError("No news index: run load_demo_content first.")
        existing = NewsArticlePage.objects.filter(slug__startswith=SLUG_PREFIX).count()
        wanted = max(0, target - existing)
        if not wanted:
            return 0
        index = Page.objects.select_for_update().get(pk=index.pk)
        areas = list(Area.objects.all())
        content_type = ContentType.objects.get_for_model(NewsArticlePage)
        locale = Locale.get_default()
        now = timezone.now()
        page_fields = [f for f in Page._meta.concrete_fields if not f.primary_key]
        article_fields = [
            f for f in NewsArticlePage._meta.local_concrete_fields if f.name != "page_ptr"
        ]
        done = 0
        while done < wanted:
            count = min(BATCH, wanted - done)
            pages, articles = [], []
            for i in range(count):
                number = existing + done + i
                index.numchild += 1
                when = now - timedelta(hours=number * 3 + rng.randint(0, 2))
                slug = f"{SLUG_PREFIX}{number}"
                title = f"{_sentence(rng, 6)[:-1]} ({number})"
                article = NewsArticlePage(
                    title=title,
                    draft_title=title,
                    slug=slug,
                    content_type=content_type,
                    locale=locale,
                    path=Page._get_path(index.path, index.depth + 1, index.numchild),
                    depth=index.depth + 1,
                    numchild=0,
                    url_path=f"{index.url_path}{slug}/",
                    live=True,
                    has_unpublished_changes=False,
                    first_published_at=when,
                    last_published_at=when,
                    published_at=when,
                    area=rng.choice(areas),
                    summary=_sentence(rng, 20),
                    body=[
                        ("paragraph", f"<p>{_sentence(rng, 40)}</p>"),
                        ("paragraph", f"<p>{_sentence(rng, 60)}</p>"),
                    ],
                )
                pages.append(article)
            # Multi-table inheritance: the Page rows first (their ids come back), then ours.
            base_rows = [
                Page(**{f.attname: getattr(p, f.attname) for f in page_fields}) for p in pages
            ]
            Page.objects.bulk_create(base_rows)
            for base, article in zip(base_rows, pages, strict=True):
                article.page_ptr_id = article.pk = article.id = base.pk
                articles.append(article)
            NewsArticlePage._base_manager._insert(
                articles, fields=[NewsArticlePage._meta.pk, *article_fields], using="default"
            )
            done += count
        Page.objects.filter(pk=index.pk).update(numchild=index.numchild)
        return wanted

    def fill_submissions(self, target, rng):
        sc_page = SpecialConstableFormPage.objects.first()
        mp_page = MiniPoliceFormPage.objects.first()
        if sc_page is None or mp_page is None:
            raise CommandError("No recruitment form pages: run load_demo_content first.")
        areas = list(Area.objects.all())
        made = 0
        # Nine applications for every school registration, as a campaign would bring.
        for model, page, share in (
            (SpecialConstableApplication, sc_page, 0.9),
            (MiniPoliceRegistration, mp_page, 0.1),
        ):
            start = model.objects.filter(
                reference__startswith=f"{model.reference_prefix}-{BENCH_YEAR}-"
            ).count()
            wanted = max(0, int(target * share) - start)
            rows = []
            for i in range(wanted):
                n = start + i
                rows.append(self._submission(model, page, rng.choice(areas), n, rng))
                if len(rows) == BATCH * 5:
                    model.objects.bulk_create(rows)
                    rows = []
            model.objects.bulk_create(rows)
            made += wanted
        return made

    def _submission(self, model, page, area, n, rng):
        when = timezone.now() - timedelta(minutes=n * 5)
        common = {
            "reference": f"{model.reference_prefix}-{BENCH_YEAR}-{n:06d}",
            "idempotency_key": uuid.uuid4(),
            "page": page,
            "area": area,
            "email": f"applicant{n}@example.org",
            "phone": f"07700 9{n % 100000:05d}",
            "address_line_1": f"{n % 300 + 1} High Street",
            "town": "Exampleton",
            "postcode": "EX1 1AA",
            "consent_notice_version": "1",
            "consent_given_at": when,
            "submitted_at": when,
        }
        if model is SpecialConstableApplication:
            return model(
                **common,
                first_name=f"Alex{n}",
                last_name=rng.choice(["Smith", "Jones", "Patel", "Brown", "Evans", "Khan"]),
                date_of_birth=date(1970 + n % 35, n % 12 + 1, n % 28 + 1),
                lived_in_uk_3_years=True,
                nationality="British",
                right_to_remain=True,
                hours_per_month=16 + n % 20,
                preferred_role=model._meta.get_field("preferred_role").choices[n % 2][0],
                has_convictions=False,
                has_tattoos=False,
                has_business_interests=False,
                heard_about=model._meta.get_field("heard_about").choices[0][0],
            )
        return model(
            **common,
            school_name=f"Example Primary School {n}",
            urn=f"{100000 + n % 900000}",
            contact_name=f"Sam Teacher {n}",
            contact_role="Head teacher",
            year_groups=["5", "6"],
            number_of_pupils=30,
            preferred_start="2026-27",
        )
