"""The calendar feed ``program.ics``: every slot of every schedule, RFC 5545 via icalendar.

Times keep their venue zone (``DTSTART;TZID=America/New_York``) with the matching
VTIMEZONE, so calendar apps show each talk in the reader's zone and across DST rules.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from important_dates.feed import build_stamp, new_calendar, slug
from sphinx.application import Sphinx

from . import dates, store
from .nodes import FEED
from .render import instant

if TYPE_CHECKING:
    from icalendar import Event


def calendar_bytes(schedules: list[tuple[object, dict]], project: str) -> bytes:
    """``schedules``: (date, block) pairs of the schedules whose day is known."""
    calendar = new_calendar(project, "program")
    domain = slug(project, "program")
    for day, block in schedules:
        stamp = build_stamp(day)
        for slot in block["slots"]:
            calendar.add_component(event(slot, day, block["timezone"], domain, stamp))
    calendar.add_missing_timezones()
    return calendar.to_ical()


def event(slot: dict, day, zone: str, domain: str, stamp: datetime) -> Event:
    from icalendar import Event  # when the feed is written (see important_dates.feed)

    event = Event()
    # The day, start and title identify a slot: a calendar app updates it in place
    # when its speaker or room changes, and sees a new event when it moves.
    start = slot["start"].replace(":", "")
    event.add("uid", f"{day.isoformat()}-{start}-{slug(slot['title'], 'slot')}@{domain}")
    event.add("dtstamp", stamp)
    event.add("dtstart", instant(day, slot["start"], zone))
    event.add("dtend", instant(day, slot["end"], zone))
    summary = slot["title"] + (f" ({slot['speaker']})" if slot["speaker"] else "")
    event.add("summary", summary)
    details = [
        ", ".join(part for part in (slot["speaker"], slot["affiliation"]) if part),
        slot["note"] or "",
        slot["url"] or "",
    ]
    if any(details):
        event.add("description", "\n".join(part for part in details if part))
    if slot["url"]:
        event.add("url", slot["url"])
    return event


def write_feed(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or app.builder.format != "html":
        return
    schedules = []
    for docname in sorted(store.blocks(app.env)):
        for block in store.blocks(app.env)[docname]:
            day = dates.resolve(app.env, block["date"]) if block["date"] else None
            if day is not None and block["slots"]:
                schedules.append((day, block))
    if schedules:
        (Path(app.outdir) / FEED).write_bytes(calendar_bytes(schedules, app.config.project))


def setup_calendar(app: Sphinx) -> None:
    # While _ext/lean's worker prunes the stylesheets (see lean.assets).
    app.connect("build-finished", write_feed, priority=900)
