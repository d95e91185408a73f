"""What a programme page's call to action says about the form it points at.

Recruitment form pages live in the recruitment app, which cms must not import. They take
part by duck typing: the specific page has ``accepting_submissions`` (a bool: open, and its
closing date not passed) and ``closing_date`` (a date or None). Any other page, such as a
plain content page about registering interest, has neither and is treated as open.
"""

import datetime
import enum
from dataclasses import dataclass

from django.utils.dateformat import format as format_date


class ApplicationStatus(enum.StrEnum):
    OPEN = "open"
    CLOSING = "closing"
    CLOSED = "closed"


@dataclass(frozen=True)
class CallToAction:
    """The page a programme leads to and whether it takes applications now."""

    page: object
    status: ApplicationStatus
    closing_date: datetime.date | None = None

    @property
    def is_open(self):
        return self.status is not ApplicationStatus.CLOSED

    @property
    def status_text(self):
        """'Applications close on 31 March 2027', 'Applications are closed', or ''."""
        if self.status is ApplicationStatus.CLOSED:
            return "Applications are closed"
        if self.status is ApplicationStatus.CLOSING:
            return f"Applications close on {format_date(self.closing_date, 'j F Y')}"
        return ""


def application_status(target):
    """Read the recruitment form protocol from any object: (status, closing date).

    A target without ``accepting_submissions`` is open; without ``closing_date`` it has none.
    """
    accepting = getattr(target, "accepting_submissions", True)
    closing_date = getattr(target, "closing_date", None)
    if isinstance(closing_date, datetime.datetime):
        closing_date = closing_date.date()
    if not isinstance(closing_date, datetime.date):
        closing_date = None
    if not accepting:
        return ApplicationStatus.CLOSED, closing_date
    if closing_date is not None:
        return ApplicationStatus.CLOSING, closing_date
    return ApplicationStatus.OPEN, None


def call_to_action_for(target_page):
    """The call to action for a chosen page, or None when nothing live is chosen."""
    if target_page is None or not target_page.live:
        return None
    target = target_page.specific
    status, closing_date = application_status(target)
    return CallToAction(page=target, status=status, closing_date=closing_date)
