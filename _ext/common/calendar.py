"""What the two calendar feeds (``important-dates.ics``, ``program.ics``) share.

RFC 5545 files written with ``icalendar``. It is imported when a feed is written, not
with the extensions: importing it takes longer than reading all the pages of the site.
Feeds are written at the end of an HTML build only, into the output folder, and are
byte-identical from one build to the next (a fixed DTSTAMP).
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sphinx.application import Sphinx

from .text import bad_character

if TYPE_CHECKING:
    from icalendar import Calendar


def new_calendar(project: str, name: str) -> Calendar:
    """An empty calendar named '<project>: <name>'."""
    from icalendar import Calendar

    calendar = Calendar()
    calendar.add("prodid", f"-//{project}//{name.capitalize()}//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", f"{project}: {name}")
    return calendar


def build_stamp(first_day: date) -> datetime:
    """The DTSTAMP of every event: midnight UTC of the feed's first day.

    A feed describes its events and nothing else: two builds of the same dates give the
    same file, whenever they run and whatever SOURCE_DATE_EPOCH says (the site's phases
    follow the build date; the feeds do not). A moved date is announced to calendar apps by
    the event's SEQUENCE, not by the stamp."""
    return datetime(first_day.year, first_day.month, first_day.day, tzinfo=UTC)


def slug(text: str, fallback: str) -> str:
    """Lowercase ASCII words joined by '-', for UIDs; ``fallback`` when none is left."""
    return "-".join(re.findall(r"[a-z0-9]+", text.lower())) or fallback


def text_value(value: str) -> str:
    """A TEXT value for the feed, without control characters.

    Fields with control characters are refused where they are written (located warnings,
    ``common.text``); this is the last guard, so that none reaches a calendar app even
    through a path that forgot the check: they become spaces.
    """
    if bad_character(value) is None:
        return value
    return "".join(" " if bad_character(character) else character for character in value)


def feed_path(app: Sphinx, exception: Exception | None, name: str) -> Path | None:
    """Where to write feed ``name`` at ``build-finished``: only after an HTML build that
    succeeded, in the output folder; None otherwise."""
    if exception is not None or app.builder.format != "html":
        return None
    return Path(app.outdir) / name
