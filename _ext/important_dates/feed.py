"""The calendar feed ``important-dates.ics``: RFC 5545, written with ``icalendar``.

``icalendar`` is imported when a feed is written, not with the extension: importing
it takes longer than reading all the pages of the site, and at the end of the build
it runs while _ext/lean's worker prunes the stylesheets.
"""

from __future__ import annotations

import os
import re
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from sphinx.application import Sphinx
from sphinx.util import logging

from . import store
from .entries import DateEntry
from .nodes import FEED

if TYPE_CHECKING:
    from icalendar import Calendar, Event

logger = logging.getLogger(__name__)


def new_calendar(project: str, name: str) -> Calendar:
    """An empty RFC 5545 calendar named '<project>: <name>' (shared with the program feed)."""
    from icalendar import Calendar

    calendar = Calendar()
    calendar.add("prodid", f"-//{project}//{name.capitalize()}//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", f"{project}: {name}")
    return calendar


def calendar_bytes(entries: list[DateEntry], project: str) -> bytes:
    calendar = new_calendar(project, "important dates")
    domain = slug(project, "important-dates")
    first = min((entry.date for entry in entries), default=date(1970, 1, 1))
    stamp = build_stamp(first)
    for entry in sorted(entries, key=lambda entry: (entry.sort_key(), entry.id)):
        calendar.add_component(_event(entry, domain, stamp))
    return calendar.to_ical()


def _event(entry: DateEntry, domain: str, stamp: datetime) -> Event:
    from icalendar import Event

    event = Event()
    # The id is the identity: a calendar app updates the event when the date moves.
    event.add("uid", f"{entry.id}@{domain}")
    event.add("dtstamp", stamp)
    # An extension is a new version of the same event.
    event.add("sequence", 1 if entry.extended_from else 0)
    event.add("summary", entry.label)
    if entry.all_day:
        event.add("dtstart", entry.date)
        event.add("dtend", entry.date + timedelta(days=1))
    else:
        # The exact instant, in UTC: no VTIMEZONE needed, and AoE has no IANA name.
        event.add("dtstart", entry.start().astimezone(UTC))
    event.add("description", _description(entry))
    if entry.url:
        event.add("url", entry.url)
    return event


def _description(entry: DateEntry) -> str:
    lines = [f"{entry.when()}, {entry.zone_meaning()} {entry.in_utc()}."]
    if entry.extended_from:
        lines.append(f"Extended from {entry.extended_from}.")
    if entry.note:
        lines.append(entry.note)
    if entry.url:
        lines.append(entry.url)
    return "\n".join(lines)


def build_stamp(fallback: date) -> datetime:
    """A build-independent DTSTAMP, so two builds give the same file:
    SOURCE_DATE_EPOCH when set, else midnight UTC of ``fallback``."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    if epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), UTC)
    return datetime(fallback.year, fallback.month, fallback.day, tzinfo=UTC)


def slug(text: str, fallback: str) -> str:
    """Lowercase ASCII words joined by '-', for UIDs; ``fallback`` when none is left."""
    return "-".join(re.findall(r"[a-z0-9]+", text.lower())) or fallback


def write_feed(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or app.builder.format != "html":
        return
    entries = store.all_entries(app.env)
    if not entries:
        return
    path = Path(app.outdir) / FEED
    path.write_bytes(calendar_bytes(entries, app.config.project))


def setup_feed(app: Sphinx) -> None:
    # While _ext/lean's worker prunes the stylesheets (see lean.assets): a feed
    # touches no page or stylesheet.
    app.connect("build-finished", write_feed, priority=900)
