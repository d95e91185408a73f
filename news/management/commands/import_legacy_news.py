"""manage.py import_legacy_news PATH [PATH ...]: bring a legacy site's news into Blue Lamp."""

from django.core.management.base import BaseCommand, CommandError

from news.importer import (
    ImportFileError,
    find_files,
    import_article,
    parse_legacy_article,
    read_text,
)

PROGRESS_EVERY = 25


class Command(BaseCommand):
    help = (
        "Import news articles exported from a legacy site (files or folders). Re-running "
        "updates the same articles. Articles without a title or date become drafts flagged "
        "for review."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", help="Export files, or folders of them.")
        parser.add_argument(
            "--dry-run", action="store_true", help="Read and report, but change nothing."
        )
        parser.add_argument(
            "--publish",
            action="store_true",
            help="Publish articles that need no review (others stay drafts).",
        )

    def handle(self, *args, paths, dry_run=False, publish=False, **options):
        files = find_files(paths)
        if not files:
            raise CommandError("No files to import in: " + ", ".join(paths))
        total, failed, flagged = len(files), 0, 0
        for number, path in enumerate(files, start=1):
            prefix = f"[{number}/{total}] " if total > 1 else ""
            try:
                article = parse_legacy_article(read_text(path), source=path)
                result = import_article(article, publish=publish, dry_run=dry_run)
            except ImportFileError as exc:
                failed += 1
                self.stderr.write(self.style.ERROR(f"{prefix}FAILED {path}: {exc}"))
                continue
            except Exception as exc:  # one bad file must not stop the run
                failed += 1
                self.stderr.write(
                    self.style.ERROR(f"{prefix}FAILED {path}: {type(exc).__name__}: {exc}")
                )
                continue
            title = result.page.title if result.page is not None else article.title
            title = title or "(no title)"
            state = "draft"
            if result.page is not None and result.page.live:
                state = "live"
            line = f"{prefix}{result.action} {state} ‘{title}’ from {path}"
            if result.redirect:
                line += f"; redirect from {result.redirect}"
            if article.image_url:
                line += "; its legacy image was not copied: choose a hero image"
            if article.needs_review:
                flagged += 1
                line += f" — NEEDS REVIEW: {'; '.join(article.problems)}"
                self.stdout.write(self.style.WARNING(line))
            else:
                self.stdout.write(line)
            if total >= PROGRESS_EVERY and number % PROGRESS_EVERY == 0:
                self.stderr.write(f"… {number} of {total} files done")
        summary = (
            f"{total - failed} of {total} file{'s' if total != 1 else ''} imported"
            f"{' (dry run: nothing saved)' if dry_run else ''}, {flagged} flagged for review, "
            f"{failed} failed."
        )
        if failed:
            raise CommandError(summary)
        self.stdout.write(self.style.SUCCESS(summary))
