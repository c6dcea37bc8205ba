"""From the items of a ``schedule`` block to valid slots and located problems.

Pure functions, no Sphinx. An item arrives as its first line and ``key -> (text, line)``
(the text of each YAML scalar, never YAML's own typing: ``08:30`` would be a number in
YAML 1.1). Lines count from 0 at the first line of the block's body.
"""

import re
from dataclasses import dataclass

KEYS = ("time", "title", "speaker", "affiliation", "kind", "url", "note")
REQUIRED = {"time": '"HH:MM-HH:MM"', "title": "..."}
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
WEB_URL = re.compile(r"https?://[^\s/]+\S*")


@dataclass(frozen=True)
class Problem:
    line: int
    subtype: str
    message: str


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
        """How messages name a slot: '09:00-09:30 Coffee break'."""
        return f"'{self.start}-{self.end} {self.title}'"


def minutes(clock: str) -> int:
    hours, mins = clock.split(":")
    return int(hours) * 60 + int(mins)


def read_slots(items) -> tuple[list[Slot], list[Problem]]:
    """Valid slots of the block, in the block's order, and every problem found."""
    slots: list[Slot] = []
    problems: list[Problem] = []
    for position, (line, values) in enumerate(items, start=1):
        slot = _slot(position, line, values, problems)
        if slot is not None:
            slots.append(slot)
    problems += check_sequence(slots)
    return slots, sorted(problems, key=lambda problem: problem.line)


def _slot(position: int, line: int, values: dict, problems: list[Problem]) -> Slot | None:
    title = values.get("title", ("", line))[0]
    name = f"slot {title!r}" if title else f"slot {position}"

    def problem(key: str | None, subtype: str, message: str) -> None:
        # Located at the slot's first line, whichever of its keys is wrong.
        problems.append(Problem(line, subtype, f"{name}: {message}"))

    for key in values:
        if key not in KEYS:
            problem(key, "key", f"unknown key {key!r}; allowed keys: {', '.join(KEYS)}")
    for key, example in REQUIRED.items():
        if key not in values:
            problem(key, "missing", f"the required key {key!r} is missing; add '{key}: {example}'")
    time_text = values.get("time", ("", line))[0]
    match = TIME_RANGE.fullmatch(time_text)
    if time_text and not match:
        problem(
            "time",
            "time",
            f'time {time_text!r} is not a time range; write "HH:MM-HH:MM" (24-hour clock), '
            'such as "08:30-08:45"',
        )
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
    kind = values.get("kind", (None, line))[0]
    if kind is not None and kind not in KINDS:
        problem("kind", "kind", f"unknown kind {kind!r}; allowed kinds: {', '.join(KINDS)}")
        kind = None
    url = values.get("url", (None, line))[0]
    if url is not None and not WEB_URL.fullmatch(url):
        problem("url", "url", f"url {url!r} is not a web address; write https://...")
        url = None
    if not (match and title):
        return None
    return Slot(
        line=line,
        start=start,
        end=end,
        title=title,
        speaker=values.get("speaker", (None,))[0],
        affiliation=values.get("affiliation", (None,))[0],
        kind=kind,
        url=url,
        note=values.get("note", (None,))[0],
    )


def check_sequence(slots: list[Slot]) -> list[Problem]:
    """Each slot starts after the one above it has started (order) and ended (overlap)."""
    problems = []
    for before, slot in zip(slots, slots[1:], strict=False):
        if minutes(slot.start) < minutes(before.start):
            problems.append(
                Problem(
                    slot.line,
                    "order",
                    f"slot {slot.name} starts before the slot above it, {before.name}; "
                    "list the slots in time order",
                )
            )
        elif minutes(slot.start) < minutes(before.end):
            problems.append(
                Problem(
                    slot.line,
                    "overlap",
                    f"slot {slot.name} overlaps the slot above it, {before.name}; "
                    f"start it at {before.end} or later, or end the other one earlier",
                )
            )
    return problems
