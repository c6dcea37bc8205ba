"""From the text of a ``schedule`` block to valid slots and located problems.

Pure functions, no Sphinx. The block is read by :func:`common.yaml_body.read_records`
(the text of each YAML scalar, never YAML's own typing: ``08:30`` would be a number in
YAML 1.1); this module knows what a slot is. Lines count from 0 at the first line of the
block's body, as in :class:`~common.problems.Problem`.

A :class:`Slot` is made once, here, and is the same object in the environment, on the
page's node, in the rendered table and in the calendar feed.
"""

import re
from dataclasses import dataclass

from common.days import clock_hint
from common.links import link_field
from common.problems import Problem
from common.suggest import unknown
from common.text import check_text, one_line, shorten
from common.yaml_body import Record, read_records

KEYS = ("time", "title", "speaker", "affiliation", "kind", "url", "note")
REQUIRED = {"time": '"HH:MM-HH:MM"', "title": "..."}
TEXT_FIELDS = ("speaker", "affiliation", "note")
KINDS = ("talk", "invited", "contributed", "poster", "panel", "break", "other")
#: How a kind reads in the table; a plain "talk" needs no badge.
KIND_LABELS = {
    "invited": "Invited talk",
    "contributed": "Contributed talk",
    "poster": "Poster session",
    "panel": "Panel",
    "break": "Break",
}
CLOCK = r"([01]\d|2[0-3]):([0-5]\d)"
TIME_RANGE = re.compile(rf"{CLOCK}\s*[-–]\s*{CLOCK}")
HINT = "write one '- time: \"HH:MM-HH:MM\"' item per slot, with a 'title:' line under it"


@dataclass(frozen=True)
class Slot:
    line: int  # from 0 in the body, like Problem.line
    start: str  # "HH:MM"
    end: str
    title: str
    speaker: str | None = None
    affiliation: str | None = None
    kind: str | None = None
    url: str | None = None
    note: str | None = None

    @property
    def name(self) -> str:
        """How messages name a slot: "'09:00-09:30 Coffee break'"."""
        return f"'{self.start}-{self.end} {shorten(self.title)}'"


def minutes(clock: str) -> int:
    hours, mins = clock.split(":")
    return int(hours) * 60 + int(mins)


def name_of(record: Record) -> str:
    """How messages name a slot being read: by its title, else by its rank."""
    title = record.text("title")
    return f"slot {shorten(title)!r}" if title else f"slot {record.position}"


def read_slots(text: str) -> tuple[list[Slot], list[Problem]]:
    """Valid slots of a block's body, in the block's order, and every problem found."""
    records, problems = read_records(
        text, what="the schedule", item="slot", keys=KEYS, hint=HINT, name=name_of
    )
    slots = []
    for record in records:
        slot = _slot(record, problems)
        if slot is not None:
            slots.append(slot)
    problems += check_sequence(slots)
    return slots, sorted(problems, key=lambda problem: problem.line)


def time_fix(text: str) -> str:
    """What to write instead of a time that is not "HH:MM-HH:MM"."""
    parts = re.split(r"\s*[-–]\s*", text.strip())
    written = [clock_hint(part).removeprefix("write ") for part in parts]
    if len(parts) == 2 and all(written):
        return f'write "{written[0]}-{written[1]}"'
    if len(parts) == 1 and written[0]:
        return f'write its start and its end, "{written[0]}-HH:MM"'
    return 'write "HH:MM-HH:MM" (24-hour clock), such as "08:30-08:45"'


def _slot(record: Record, problems: list[Problem]) -> Slot | None:
    def problem(key: str, subtype: str, message: str) -> None:
        problems.append(Problem(record.line_of(key), subtype, f"{name_of(record)}: {message}"))

    for key, example in REQUIRED.items():
        if record.text(key) is None:
            problem(key, "missing", f"the required key {key!r} is missing; add '{key}: {example}'")
    time_text = record.text("time", "")
    match = TIME_RANGE.fullmatch(time_text)
    if time_text and not match:
        shown = shorten(time_text)
        problem("time", "time", f"time {shown!r} is not a time range; {time_fix(time_text)}")
    if match:
        start, end = f"{match[1]}:{match[2]}", f"{match[3]}:{match[4]}"
        if minutes(end) <= minutes(start):
            problem(
                "time",
                "time",
                f"time {time_text!r} ends at {end}, not after its start {start}; "
                "a slot ends later on the same day",
            )
            match = None
    texts = {}
    for key in ("title", *TEXT_FIELDS):
        value = record.text(key)
        message = check_text(key, value) if value is not None else None
        if message:
            problem(key, "text", message)
        elif value is not None:
            texts[key] = one_line(value)
    kind = record.text("kind")
    if kind is not None and kind not in KINDS:
        problem("kind", "kind", unknown("kind", shorten(kind), KINDS))
        kind = None
    url = link_field("url", record.text("url"), lambda *report: problem("url", *report))
    if not (match and "title" in texts):
        return None
    return Slot(line=record.line, start=start, end=end, kind=kind, url=url, **texts)


def check_sequence(slots: list[Slot]) -> list[Problem]:
    """Each slot starts after the one above it has started (order) and ended (overlap)."""
    problems = []
    for before, slot in zip(slots, slots[1:], strict=False):
        if minutes(slot.start) < minutes(before.start):
            message = (
                f"slot {slot.name} starts before the slot above it, {before.name}; "
                "list the slots in time order"
            )
            problems.append(Problem(slot.line, "order", message))
        elif minutes(slot.start) < minutes(before.end):
            message = (
                f"slot {slot.name} overlaps the slot above it, {before.name}; "
                f"start it at {before.end} or later, or end the other one earlier"
            )
            problems.append(Problem(slot.line, "overlap", message))
    return problems
