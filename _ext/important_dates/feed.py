"""The calendar feed ``important-dates.ics``: one event per entry (RFC 5545, icalendar).

The shared calendar helpers are in :mod:`common.calendar`; ``icalendar`` is imported when
a feed is written, not with the extension.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING

from common.calendar import build_stamp, feed_path, new_calendar, slug, text_value
from sphinx.application import Sphinx

from .domain import domain
from .entries import DateEntry
from .nodes import FEED

if TYPE_CHECKING:
    from icalendar import Event


def calendar_bytes(entries: list[DateEntry], project: str) -> bytes:
    calendar = new_calendar(project, "important dates")
    uid_domain = slug(project, "important-dates")
    first = min((entry.date for entry in entries), default=date(1970, 1, 1))
    stamp = build_stamp(first)
    for entry in sorted(entries, key=lambda entry: (entry.sort_key(), entry.id)):
        calendar.add_component(_event(entry, uid_domain, stamp))
    return calendar.to_ical()


def _event(entry: DateEntry, uid_domain: str, stamp: datetime) -> Event:
    from icalendar import Event

    event = Event()
    # The id is the identity: a calendar app updates the event when the date moves.
    event.add("uid", f"{entry.id}@{uid_domain}")
    event.add("dtstamp", stamp)
    # An extension is a new version of the same event.
    event.add("sequence", 1 if entry.extended_from else 0)
    event.add("summary", text_value(entry.label))
    if entry.all_day:
        event.add("dtstart", entry.date)
        event.add("dtend", entry.date + timedelta(days=1))
    else:
        # The exact instant, in UTC: no VTIMEZONE needed, and AoE has no IANA name.
        event.add("dtstart", entry.start().astimezone(UTC))
    event.add("description", text_value(_description(entry)))
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


def write_feed(app: Sphinx, exception: Exception | None) -> None:
    path = feed_path(app, exception, FEED)
    entries = domain(app.env).entries()
    if path is not None and entries:
        path.write_bytes(calendar_bytes(entries, app.config.project))


def setup_feed(app: Sphinx) -> None:
    app.connect("build-finished", write_feed)
