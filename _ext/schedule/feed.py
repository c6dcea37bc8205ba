"""The calendar feed ``program.ics``: every slot of every schedule (RFC 5545, icalendar).

Times keep their venue zone (``DTSTART;TZID=America/New_York``) with the matching
VTIMEZONE, so calendar apps show each talk in the reader's zone and across DST rules;
AoE, which has no IANA name, is written in UTC. The shared calendar helpers are in
:mod:`common.calendar`.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import TYPE_CHECKING

from common.calendar import build_stamp, feed_path, new_calendar, slug, text_value
from sphinx.application import Sphinx

from . import day as days
from .domain import Schedule, ScheduleDomain
from .nodes import FEED
from .render import instant
from .slots import Slot

if TYPE_CHECKING:
    from icalendar import Event


def calendar_bytes(schedules: list[tuple[date, Schedule]], project: str) -> bytes:
    """``schedules``: (day, schedule) pairs of the schedules whose day is known."""
    calendar = new_calendar(project, "program")
    uid_domain = slug(project, "program")
    for day, schedule in schedules:
        stamp = build_stamp(day)
        for slot in schedule.slots:
            calendar.add_component(event(slot, day, schedule.timezone, uid_domain, stamp))
    calendar.add_missing_timezones()
    return calendar.to_ical()


def moment(day: date, clock: str, zone: str) -> datetime:
    found = instant(day, clock, zone)
    return found.astimezone(UTC) if zone == "AoE" else found


def event(slot: Slot, day: date, zone: str, uid_domain: str, stamp: datetime) -> Event:
    from icalendar import Event  # when the feed is written (see common.calendar)

    event = Event()
    # The day, start and title identify a slot: a calendar app updates it in place
    # when its speaker or room changes, and sees a new event when it moves.
    start = slot.start.replace(":", "")
    title = slug(slot.title, "slot")[:60]
    event.add("uid", f"{day.isoformat()}-{start}-{title}@{uid_domain}")
    event.add("dtstamp", stamp)
    event.add("dtstart", moment(day, slot.start, zone))
    event.add("dtend", moment(day, slot.end, zone))
    summary = slot.title + (f" ({slot.speaker})" if slot.speaker else "")
    event.add("summary", text_value(summary))
    who = ", ".join(part for part in (slot.speaker, slot.affiliation) if part)
    details = [part for part in (who, slot.note, slot.url) if part]
    if details:
        event.add("description", text_value("\n".join(details)))
    if slot.url:
        event.add("url", slot.url)
    return event


def write_feed(app: Sphinx, exception: Exception | None) -> None:
    path = feed_path(app, exception, FEED)
    if path is None:
        return
    schedules = []
    for _, schedule in ScheduleDomain.of(app.env).items():
        day = days.resolve(app.env, schedule.day) if schedule.day else None
        if day is not None and schedule.slots:
            schedules.append((day, schedule))
    if schedules:
        path.write_bytes(calendar_bytes(schedules, app.config.project))


def setup_feed(app: Sphinx) -> None:
    app.connect("build-finished", write_feed)
