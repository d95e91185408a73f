"""Import news articles exported from a force's legacy website.

Two formats are found in the wild:

- YAML front matter (title, url, area, og description and image) in a ```yaml fence or
  between --- lines, followed by the article text;
- plain text scraped from the page, with the legacy site's chrome (quick exit, cookie
  messages, the beta banner, error messages) still in it.

`parse_legacy_article` turns one file's text into a `LegacyArticle` without touching the
database; `import_article` creates or updates the NewsArticlePage (found again by its legacy
URL, else its file name, so re-running never duplicates) and the redirect from the legacy path.
"""

import html
import re
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import transaction
from django.utils.text import Truncator, slugify
from wagtail.contrib.redirects.models import Redirect

from cms.models import Area

from .enums import ReviewStatus
from .models import NewsArticlePage, NewsIndexPage

IMPORTABLE_SUFFIXES = {".txt", ".md", ".markdown", ".yaml", ".yml"}
MAX_FILE_BYTES = 5 * 1024 * 1024
SUMMARY_LENGTH = 250
MAX_HEADING_WORDS = 10
MAX_HEADING_CHARS = 80
BINARY_CONTROL_SHARE = 0.02  # more control characters than this: not a text export

MONTH_NAMES = {
    name.lower(): number
    for number, name in enumerate(
        [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ],
        start=1,
    )
}
MONTH_NAMES.update({name[:3]: number for name, number in list(MONTH_NAMES.items())})

# The legacy site's chrome, wherever it appears in the text: matched against whole lines.
BOILERPLATE_PATTERNS = [
    r"quickly exit this site",
    r"leave this site$",
    r"skip to (main )?content",
    r"we use (some )?(essential )?cookies",
    r"you can manage your preferences and cookie settings",
    r"your cookie preferences have been saved",
    r"(accept|reject) (all |additional )?cookies$",
    r"customi[sz]e cookies$",
    r"sorry, there was a technical problem",
    r"this site is a beta",
    r"^beta$",
    r"share this page$",
    r"back to top$",
]
_BOILERPLATE = [re.compile(pattern, re.IGNORECASE) for pattern in BOILERPLATE_PATTERNS]
_DATE_LINE = re.compile(r"^(\d{1,2}):(\d{2})\s+(\d{1,2})/(\d{1,2})/(\d{4})$")
_URL_DATE = re.compile(r"/(\d{4})/([a-z]+|\d{1,2})/", re.IGNORECASE)
_FENCE_OPEN = re.compile(r"^```\s*ya?ml\s*$", re.IGNORECASE)
_TITLE_SUFFIX = re.compile(r"\s+\|\s+[^|]+$")


class ImportFileError(Exception):
    """A file that cannot be imported at all: empty, binary, unreadable."""


@dataclass
class LegacyArticle:
    """What was read from one legacy file, and what a person must check."""

    source: str
    title: str = ""
    published_at: datetime | None = None
    legacy_url: str = ""
    area_name: str = ""
    summary: str = ""
    image_url: str = ""
    paragraphs: list[tuple[str, str]] = field(default_factory=list)  # (kind, text)
    problems: list[str] = field(default_factory=list)

    @property
    def needs_review(self):
        return bool(self.problems)

    @property
    def key(self):
        """How the article is found again on a re-run: its legacy URL, else its file name."""
        return self.legacy_url or f"file:{Path(self.source).name}"


# --- Reading files ------------------------------------------------------------------------


def read_text(path):
    """The file's text, or ImportFileError naming why it cannot be read as an article."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ImportFileError(f"cannot read the file ({exc.strerror or exc})") from exc
    if len(data) > MAX_FILE_BYTES:
        raise ImportFileError(f"the file is larger than {MAX_FILE_BYTES // (1024 * 1024)} MB")
    if b"\x00" in data:
        raise ImportFileError("the file is binary, not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError as exc:
            raise ImportFileError("the file is not UTF-8 or Windows-1252 text") from exc
    if not text.strip():
        raise ImportFileError("the file is empty")
    controls = sum(1 for char in text if ord(char) < 32 and char not in "\t\n\r\f")
    if controls > len(text) * BINARY_CONTROL_SHARE:
        raise ImportFileError("the file is binary, not text")
    return text


def find_files(paths):
    """Expand the given files and folders (recursively) into a sorted list of files."""
    found = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found.extend(
                sorted(
                    child
                    for child in path.rglob("*")
                    if child.is_file() and child.suffix.lower() in IMPORTABLE_SUFFIXES
                )
            )
        else:
            found.append(path)
    return found


# --- Parsing ------------------------------------------------------------------------------


def split_front_matter(text):
    """(front matter lines, the rest) for a ```yaml fence or --- block at the top."""
    lines = text.splitlines()
    start = 0
    while start < len(lines) and not lines[start].strip():
        start += 1
    if start >= len(lines):
        return [], []
    first = lines[start].strip()
    if _FENCE_OPEN.match(first):
        closing = "```"
    elif first == "---":
        closing = "---"
    else:
        return [], lines
    for end in range(start + 1, len(lines)):
        if lines[end].strip() == closing:
            return lines[start + 1 : end], lines[end + 1 :]
    return [], lines  # no closing line: not front matter after all


def _unquote(value):
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1]
    return value


def parse_front_matter(lines):
    """The simple YAML of legacy exports: `key: value`, with one level of nested keys.

    Nested keys come back as "parent.child" (og.description). Anything fancier is ignored.
    """
    data = {}
    parent = None
    for line in lines:
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        indented = line[0] in " \t"
        key, sep, value = line.strip().partition(":")
        if not sep:
            continue
        key, value = key.strip().lower(), _unquote(value)
        if not indented:
            parent = key if not value else None
            if value:
                data[key] = value
        elif parent and value:
            data[f"{parent}.{key}"] = value
    return data


def is_boilerplate(line):
    """True for a line of the legacy site's chrome rather than the article."""
    return any(pattern.search(line) for pattern in _BOILERPLATE)


def parse_date_line(line):
    """A datetime (Europe/London) from an 'HH:MM DD/MM/YYYY' line, else None."""
    match = _DATE_LINE.match(line.strip())
    if not match:
        return None
    hour, minute, day, month, year = (int(part) for part in match.groups())
    try:
        return datetime(year, month, day, hour, minute, tzinfo=ZoneInfo(settings.TIME_ZONE))
    except ValueError:
        return None


def date_from_url(url):
    """The first of the month from a legacy URL's /YYYY/month/ segments, else None."""
    for match in _URL_DATE.finditer(urlsplit(url).path + "/"):
        year, month = int(match.group(1)), match.group(2).lower()
        number = int(month) if month.isdigit() else MONTH_NAMES.get(month)
        if number and 1 <= number <= 12 and 1990 <= year <= 2100:
            return datetime(year, number, 1, tzinfo=ZoneInfo(settings.TIME_ZONE))
    return None


def looks_like_heading(line, next_line):
    """A short line without closing punctuation, followed by more text, reads as a heading."""
    text = line.strip()
    return (
        next_line is not None
        and len(text) <= MAX_HEADING_CHARS
        and len(text.split()) <= MAX_HEADING_WORDS
        and text[-1] not in ".!?:;,\"'”’)"
    )


def parse_legacy_article(text, source="<text>"):
    """Read one legacy export into a LegacyArticle. Never touches the database."""
    article = LegacyArticle(source=str(source))
    front_lines, body_lines = split_front_matter(text)
    meta = parse_front_matter(front_lines)

    title = meta.get("og.title") or _TITLE_SUFFIX.sub("", meta.get("title", ""))
    article.title = html.unescape(title).strip()
    article.legacy_url = meta.get("url") or meta.get("og.url", "")
    article.area_name = meta.get("area", "")
    article.summary = html.unescape(meta.get("og.description") or meta.get("description", ""))
    article.image_url = html.unescape(meta.get("og.image", ""))
    for key in ("date", "published", "published_at"):
        if meta.get(key):
            article.published_at = parse_date_line(meta[key]) or _parse_iso(meta[key])
            if article.published_at:
                break

    lines = [" ".join(line.split()) for line in body_lines]
    lines = [line for line in lines if line and not is_boilerplate(line)]
    kept = []
    for line in lines:
        if _DATE_LINE.match(line):
            when = parse_date_line(line)
            if when is None:
                article.problems.append(f"the date ‘{line}’ is not a real date")
            article.published_at = article.published_at or when
            continue
        kept.append(line)

    if not article.published_at and article.legacy_url:
        article.published_at = date_from_url(article.legacy_url)
        if article.published_at:
            article.problems.append("only the month is known (from the legacy URL)")

    if not article.summary and kept:
        article.summary = Truncator(kept[0]).chars(SUMMARY_LENGTH)
    for position, line in enumerate(kept):
        if line == article.summary:
            continue  # shown as the summary already
        next_line = kept[position + 1] if position + 1 < len(kept) else None
        kind = "heading" if looks_like_heading(line, next_line) else "paragraph"
        article.paragraphs.append((kind, line))

    if not article.title:
        article.problems.append("no title found")
    if not article.published_at:
        article.problems.append("no publication date found")
    if not article.paragraphs and not article.summary:
        article.problems.append("no article text found")
    return article


def _parse_iso(value):
    try:
        moment = datetime.fromisoformat(value.strip())
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=ZoneInfo(settings.TIME_ZONE))
    return moment


# --- Saving -------------------------------------------------------------------------------


@dataclass
class ImportResult:
    action: str  # "created", "updated" or "would create"/"would update" on a dry run
    page: NewsArticlePage | None
    article: LegacyArticle
    redirect: str = ""


def match_area(name, url=""):
    """The Area named in the export (by name or slug), else force-wide."""
    candidates = [name] if name else []
    if url:
        candidates.extend(segment for segment in urlsplit(url).path.split("/") if segment)
    for candidate in candidates:
        slug = slugify(candidate)
        area = (
            Area.objects.filter(slug=slug).first()
            or Area.objects.filter(name__iexact=candidate.strip()).first()
        )
        if area is not None:
            return area
        if slug.replace("-", "") == "forcewide":
            break
    area = Area.objects.filter(force_wide=True).first()
    if area is None:
        area, _ = Area.objects.get_or_create(
            slug="force-wide", defaults={"name": "Force-wide", "force_wide": True}
        )
    return area


def body_blocks(article):
    """StreamField data for the article's paragraphs and headings (text is escaped)."""
    blocks = []
    for kind, text in article.paragraphs:
        if kind == "heading":
            blocks.append(("heading", {"text": text[:120], "level": "h2"}))
        else:
            blocks.append(("paragraph", f"<p>{html.escape(text, quote=False)}</p>"))
    return blocks


def fallback_title(article):
    """A provisional title for an article without one: from its file name."""
    stem = Path(article.source).stem.replace("-", " ").replace("_", " ").strip()
    return (stem[:1].upper() + stem[1:]) if stem else "Untitled imported article"


def unique_slug(parent, base, exclude_pk=None):
    base = (slugify(base) or "article")[:200]
    siblings = parent.get_children()
    if exclude_pk:
        siblings = siblings.exclude(pk=exclude_pk)
    taken = set(siblings.filter(slug__startswith=base).values_list("slug", flat=True))
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return slug


def news_index():
    index = NewsIndexPage.objects.first()
    if index is None:
        raise ImportFileError("there is no news index page to import into")
    return index


def import_article(article, *, publish=False, dry_run=False):
    """Create or update the NewsArticlePage for a parsed legacy article.

    Articles with problems (no title, no date...) are saved as drafts flagged for review,
    even with `publish`. A redirect from the legacy path is created when the URL is known.
    """
    index = news_index()
    existing = NewsArticlePage.objects.filter(legacy_key=article.key).first()
    if dry_run:
        return ImportResult("would update" if existing else "would create", existing, article)

    with transaction.atomic():
        page = existing or NewsArticlePage(legacy_key=article.key, live=False)
        page.title = article.title or fallback_title(article)
        page.area = match_area(article.area_name, article.legacy_url)
        page.summary = Truncator(article.summary or page.title).chars(SUMMARY_LENGTH)
        page.body = body_blocks(article)
        page.published_at = article.published_at
        if article.needs_review:
            page.review_status = ReviewStatus.NEEDED
            page.review_note = "Imported from {}: {}.".format(
                Path(article.source).name, "; ".join(article.problems)
            )
        else:
            page.review_status = ReviewStatus.NOT_NEEDED
            page.review_note = ""
        if existing is None:
            page.slug = unique_slug(index, page.title)
            index.add_child(instance=page)
        revision = page.save_revision(clean=False)
        if publish and not article.needs_review:
            revision.publish()
            page.refresh_from_db()
        elif not page.live:
            page.save()  # a draft's own row shows the latest import in listings
        redirect = _legacy_redirect(article.legacy_url, page)
    return ImportResult("updated" if existing else "created", page, article, redirect)


def _legacy_redirect(url, page):
    if not url:
        return ""
    old_path = Redirect.normalise_path(url)
    if not old_path or old_path == "/":
        return ""
    Redirect.objects.update_or_create(
        old_path=old_path,
        site=None,
        defaults={"redirect_page": page, "redirect_link": "", "is_permanent": True},
    )
    return old_path
