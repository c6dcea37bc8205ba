"""Is this a date the site handles, and how does it read? One answer for every extension.

Dates are written ``YYYY-MM-DD`` and must lie between :data:`FIRST_DAY` and
:data:`LAST_DAY`: the range that the site, the browser scripts (``Date``) and calendar
apps all handle the same way. English text comes from Babel (a Sphinx dependency), with
the locale fixed, so that the output never depends on the build machine.
"""

import re
from datetime import date, datetime

from babel.dates import format_date, format_datetime, format_time

ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
CLOCK = re.compile(r"([01]\d|2[0-3]):[0-5]\d")
#: A clock written without its leading zero, or with one digit for the minutes: '8:45'.
LOOSE_CLOCK = re.compile(r"(\d{1,2}):(\d{1,2})")
FIRST_DAY, LAST_DAY = date(1970, 1, 1), date(2999, 12, 31)
LOCALE = "en"


def parse_day(text: str) -> tuple[date | None, str | None]:
    """``(date, None)``, or ``(None, what to write instead)``."""
    if not ISO_DATE.fullmatch(text):
        return None, f"{text!r} is not a date; write YYYY-MM-DD"
    try:
        day = date.fromisoformat(text)
    except ValueError as error:
        return None, f"{text!r} is not a real calendar date ({error}); write YYYY-MM-DD"
    if not FIRST_DAY <= day <= LAST_DAY:
        return None, f"{text!r} is out of range; write a date from {FIRST_DAY} to {LAST_DAY}"
    return day, None


def clock_hint(text: str) -> str:
    """How to write a clock time that was written loosely: "write '08:45'", or ""."""
    match = LOOSE_CLOCK.fullmatch(text.strip())
    if not match:
        return ""
    hours, minutes = int(match[1]), int(match[2])
    if hours > 23 or minutes > 59:
        return ""
    return f"write {hours:02d}:{minutes:02d}"


def month_day(day: date) -> str:
    """'May 16' (the year is clear from the context)."""
    return format_date(day, "MMMM d", locale=LOCALE)


def short_date(day: date) -> str:
    """'May 16, 2022'."""
    return format_date(day, "MMMM d, y", locale=LOCALE)


def full_date(day: date) -> str:
    """'Monday, May 16, 2022'."""
    return format_date(day, "EEEE, MMMM d, y", locale=LOCALE)


def clock(moment: datetime) -> str:
    """'14:30' (24-hour clock, as the pages write times)."""
    return format_time(moment, "HH:mm", locale=LOCALE)


def weekday_clock(moment: datetime) -> str:
    """'Tuesday, May 17, 11:59' (the moment's own zone; the year is in the context)."""
    return format_datetime(moment, "EEEE, MMMM d, HH:mm", tzinfo=moment.tzinfo, locale=LOCALE)
