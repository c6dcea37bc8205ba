"""From the text of an ``important-dates`` block to valid entries and located problems.

Pure functions, no Sphinx: the directive turns each :class:`~common.problems.Problem` into
a warning. The block is read by :func:`common.yaml_body.read_records` (values as written,
never YAML's own typing, so that ``2022-05-16`` and ``"2022-05-16"`` mean the same and
``14:00`` stays a time); this module knows what an entry is.
"""

import re

from common import zones
from common.days import CLOCK, clock_hint, parse_day
from common.ids import suggest_slug
from common.links import link_field
from common.problems import Problem
from common.text import check_text, one_line, shorten
from common.yaml_body import Record, read_records

from .entries import DateEntry

#: Keys of an entry, in the order the contract lists them.
KEYS = ("id", "date", "label", "time", "timezone", "extended_from", "url", "note")
REQUIRED = {"id": "a-slug", "date": "YYYY-MM-DD", "label": "..."}
SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
HINT = "write one '- id: ...' entry per date, with 'date:' and 'label:' lines under it"


def name_of(record: Record) -> str:
    """How messages name an entry: by its id when it is valid, else by its rank."""
    text = record.text("id", "")
    return f"entry {shorten(text)!r}" if SLUG.fullmatch(text) else f"entry {record.position}"


def read_block(text: str) -> tuple[list[Record], list[Problem]]:
    """The entries of the block as records; structural mistakes and unknown keys as problems."""
    return read_records(
        text, what="the important-dates block", item="entry", keys=KEYS, hint=HINT, name=name_of
    )


def validate(record: Record, default_zone: str) -> tuple[DateEntry | None, list[Problem]]:
    """A valid entry, or None when a value it cannot do without is wrong."""
    problems = []

    def problem(key: str, subtype: str, message: str) -> None:
        problems.append(Problem(record.line_of(key), subtype, f"{name_of(record)}: {message}"))

    for key, example in REQUIRED.items():
        if record.text(key) is None:
            problem(key, "key", f"the required key {key!r} is missing; add '{key}: {example}'")
    entry_id = record.text("id")
    if entry_id is not None and not SLUG.fullmatch(entry_id):
        shown, slug = shorten(entry_id), suggest_slug(entry_id.lower(), "abstract-deadline")
        message = (
            f"id {shown!r} is not valid; use lowercase letters, digits and hyphens, "
            f"such as {shorten(slug)!r}"
        )
        problem("id", "format", message)
    day = _date(record, "date", problem)
    clock = record.text("time")
    if clock is not None and not CLOCK.fullmatch(clock):
        fix = clock_hint(clock) or 'write "HH:MM" (24-hour clock)'
        problem("time", "format", f"time {shorten(clock)!r} is not a time; {fix}")
    zone = record.text("timezone", default_zone)
    if not zones.is_zone(zone):
        problem("timezone", "timezone", zones.unknown_message(zone))
    label = _text(record, "label", problem)
    if problems or label is None:
        return None, problems
    # Optional extras: a mistake there is reported, the entry still renders without it.
    extended_from = _date(record, "extended_from", problem)
    if extended_from is not None and extended_from >= day:
        message = (
            f"extended_from {record.text('extended_from')!r} is not earlier than the date "
            f"{record.text('date')!r}; extended_from is the old date, before the extension"
        )
        problem("extended_from", "order", message)
        extended_from = None
    url = link_field("url", record.text("url"), lambda *report: problem("url", *report))
    entry = DateEntry(
        id=entry_id,
        label=label,
        date=day,
        timezone=zone,
        time=clock,
        extended_from=extended_from,
        url=url,
        note=_text(record, "note", problem),
    )
    return entry, problems


def _text(record: Record, key: str, problem) -> str | None:
    """A text field on one line, or None (reported) when it has a control character."""
    value = record.text(key)
    if value is None:
        return None
    message = check_text(key, value)
    if message:
        problem(key, "text", message)
        return None
    return one_line(value)


def _date(record: Record, key: str, problem):
    text = record.text(key)
    if text is None:
        return None
    day, message = parse_day(text)
    if message:
        # parse_day quotes the value: a shortened one keeps the message one readable line.
        problem(key, "format", f"{key} {parse_day(shorten(text))[1] or message}")
    return day
