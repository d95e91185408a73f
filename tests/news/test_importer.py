"""The legacy news importer, on the two real samples and on awkward files."""

from datetime import datetime
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from wagtail.contrib.redirects.models import Redirect

from news.enums import ReviewStatus
from news.importer import date_from_url, is_boilerplate, parse_date_line, parse_legacy_article
from news.models import NewsArticlePage

from .conftest import LONDON

# shared/ sits beside the repository (../shared/legacy-export/ from the repo root).
SAMPLES = Path(settings.BASE_DIR).parent / "shared" / "legacy-export"
VOLUNTEERS = SAMPLES / "national-volunteers-week.txt"
SPECIALS = SAMPLES / "specials-careers-pathway.txt"

needs_samples = pytest.mark.skipif(
    not SAMPLES.is_dir(), reason=f"the legacy export samples are not at {SAMPLES}"
)


def run(*args):
    out, err = StringIO(), StringIO()
    try:
        call_command("import_legacy_news", *map(str, args), stdout=out, stderr=err)
    except CommandError as exc:
        return 1, out.getvalue(), err.getvalue() + str(exc)
    return 0, out.getvalue(), err.getvalue()


def block_texts(page):
    return [
        block.value["text"] if block.block_type == "heading" else str(block.value)
        for block in page.body
    ]


@needs_samples
def test_front_matter_sample_becomes_a_complete_article(news_index):
    code, out, err = run(VOLUNTEERS, "--publish")
    assert code == 0, err
    page = NewsArticlePage.objects.get()
    assert page.live
    assert page.title == "National Volunteers Week - A Thank You From Chief Officers"
    assert page.published_at == datetime(2020, 6, 1, 16, 1, tzinfo=LONDON)
    assert page.area.force_wide  # "Derbyshire" is not one of our areas; the URL says forcewide
    assert page.summary.startswith("Chief officers have thanked our volunteers")
    texts = block_texts(page)
    assert texts[0] == "Thanks from our Chief Officers"  # a heading
    assert page.body[0].block_type == "heading"
    assert any("144 Specials" in text for text in texts)
    assert not any("Chief officers have thanked" in text for text in texts)  # it is the summary
    assert page.review_status == ReviewStatus.NOT_NEEDED
    assert "created live" in out
    redirect = Redirect.objects.get()
    assert redirect.redirect_page_id == page.pk
    assert redirect.old_path.startswith("/news/derbyshire/news/news/forcewide/2020/june/")


@needs_samples
def test_legacy_url_redirects_to_the_new_article(client, news_index):
    run(VOLUNTEERS, "--publish")
    page = NewsArticlePage.objects.get()
    response = client.get(
        "/news/derbyshire/news/news/forcewide/2020/june/"
        "national-volunteers-week---a-thank-you-from-chief-officers/"
    )
    assert response.status_code == 301
    assert response["Location"].endswith(page.url)


@needs_samples
def test_scraped_sample_loses_the_chrome_and_is_flagged_for_review(news_index):
    code, out, err = run(SPECIALS, "--publish")
    assert code == 0, err
    page = NewsArticlePage.objects.get()
    assert not page.live  # no title or date: a draft, even with --publish
    assert page.review_status == ReviewStatus.NEEDED
    assert "no title found" in page.review_note and "no publication date" in page.review_note
    assert "NEEDS REVIEW" in out and "no title found" in out
    assert page.title == "Specials careers pathway"
    assert page.summary.startswith("Hertfordshire Constabulary has been engaging")
    body = " ".join(block_texts(page))
    for chrome in ("Leave this site", "cookies", "technical problem", "This site is a beta"):
        assert chrome not in body
    assert "Special Superintendent Jo Reay" in body
    assert Redirect.objects.count() == 0  # no legacy URL known


@needs_samples
def test_running_twice_updates_and_never_duplicates(news_index):
    run(SAMPLES, "--publish")
    page = NewsArticlePage.objects.get(title__startswith="National")
    page.summary = "Edited by hand."
    page.save_revision().publish()
    code, out, err = run(SAMPLES, "--publish")
    assert code == 0, err
    assert NewsArticlePage.objects.count() == 2
    assert Redirect.objects.count() == 1
    assert out.count("updated") == 2
    page.refresh_from_db()
    assert page.summary.startswith("Chief officers")


@needs_samples
def test_dry_run_changes_nothing(news_index):
    code, out, _err = run(SAMPLES, "--dry-run")
    assert code == 0
    assert "would create" in out and "dry run" in out
    assert NewsArticlePage.objects.count() == 0 and Redirect.objects.count() == 0


def test_bad_files_are_named_and_the_run_carries_on(news_index, tmp_path):
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (tmp_path / "good.txt").write_text(
        "```yaml\ntitle: A good story | Old Force\nurl: https://old.example/news/2021/march/good\n```\n"
        "09:30 02/03/2021\n\nOfficers did good things.\n\nMore about them.\n"
    )
    code, out, err = run(tmp_path)
    assert code == 1
    assert "FAILED" in err and "empty.txt: the file is empty" in err
    assert "binary.txt: the file is binary" in err
    assert "2 failed" in err
    page = NewsArticlePage.objects.get()
    assert page.title == "A good story"
    assert page.published_at == datetime(2021, 3, 2, 9, 30, tzinfo=LONDON)
    assert "[3/3]" in out or "[2/3]" in out or "[1/3]" in out


def test_missing_file_is_an_error(news_index, tmp_path):
    code, _out, err = run(tmp_path / "nope.txt")
    assert code == 1 and "nope.txt" in err


def test_no_news_index_is_a_clear_error(home_page, tmp_path):
    from news.models import NewsIndexPage

    NewsIndexPage.objects.all().delete()  # the one this module's other tests share
    (tmp_path / "a.txt").write_text("title: x\n\nSome text.\n")
    code, _out, err = run(tmp_path / "a.txt")
    assert code == 1 and "no news index" in err


def test_front_matter_without_a_date_takes_the_month_from_the_url(news_index, tmp_path):
    (tmp_path / "monthly.txt").write_text(
        "---\ntitle: Monthly story\nurl: https://old.example/news/riverside/2019/november/story/\n---\n"
        "Something happened in Riverside.\n"
    )
    code, out, _err = run(tmp_path / "monthly.txt", "--publish")
    assert code == 0
    page = NewsArticlePage.objects.get()
    assert page.published_at == datetime(2019, 11, 1, tzinfo=LONDON)
    assert page.area.slug == "riverside"
    assert page.review_status == ReviewStatus.NEEDED  # only the month is known
    assert "only the month is known" in out


def test_odd_dates_are_flagged_not_guessed():
    article = parse_legacy_article("title: Odd\n\n25:99 45/13/2020\n\nText of the story.\n")
    assert article.published_at is None
    assert any("not a real date" in problem for problem in article.problems)
    assert "no publication date found" in article.problems
    assert ("paragraph", "Text of the story.") in article.paragraphs


def test_text_is_escaped_into_paragraphs(news_index, tmp_path):
    (tmp_path / "html.txt").write_text(
        "---\ntitle: Tags <b>here</b>\ndate: 2024-05-01T10:00:00\n---\n"
        "The lead paragraph.\n\nText with <script>alert(1)</script> in it.\n"
    )
    code, _out, err = run(tmp_path / "html.txt")
    assert code == 0, err
    page = NewsArticlePage.objects.get()
    rendered = str(page.body[0].value)
    assert "<script>" not in rendered and "&lt;script&gt;" in rendered


@pytest.mark.parametrize(
    ("line", "chrome"),
    [
        ("Quickly exit this site by pressing the Escape key Leave this site", True),
        ("Your cookie preferences have been saved. You can update them.", True),
        ("Sorry, there was a technical problem. Please try again.", True),
        ("This site is a beta, which means it's a work in progress.", True),
        ("Customise Cookies", True),
        ("Officers thanked the volunteers who left this site of the crash.", False),
    ],
)
def test_boilerplate_lines(line, chrome):
    assert is_boilerplate(line) is chrome


def test_date_parsing():
    assert parse_date_line("16:01 01/06/2020") == datetime(2020, 6, 1, 16, 1, tzinfo=LONDON)
    assert parse_date_line("16:01 31/02/2020") is None
    assert parse_date_line("yesterday") is None
    assert date_from_url("https://x/news/2020/june/a/") == datetime(2020, 6, 1, tzinfo=LONDON)
    assert date_from_url("https://x/news/2020/13/a/") is None
    assert date_from_url("https://x/news/about/") is None
