"""From the text of an ``important-dates`` block to valid entries and located problems.

Pure functions, no Sphinx: the directive turns each :class:`Problem` into a warning.
Values are read from the YAML *text* of each scalar (``yaml.compose``), never from
YAML's own typing, so that ``2022-05-16`` and ``"2022-05-16"`` mean the same, ``14:00``
stays a time (YAML 1.1 reads it as the number 840) and ``2022-02-30`` is reported
rather than raised.
"""

import re
from dataclasses import dataclass
from datetime import date

import yaml

from . import zones
from .entries import DateEntry

#: Keys of an entry, in the order the contract lists them.
KEYS = ("id", "date", "label", "time", "timezone", "extended_from", "url", "note")
REQUIRED = {"id": "a-slug", "date": "YYYY-MM-DD", "label": "..."}

SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
CLOCK = re.compile(r"([01]\d|2[0-3]):[0-5]\d")
WEB_URL = re.compile(r"https?://\S+")
#: Dates the site, the browser script and calendar apps all handle the same way.
FIRST_DAY, LAST_DAY = date(1970, 1, 1), date(2999, 12, 31)

NULL_TAG = "tag:yaml.org,2002:null"


@dataclass(frozen=True)
class Problem:
    """One mistake: ``line`` counts from 0 at the first line of the block's body."""

    line: int
    subtype: str
    message: str


@dataclass
class RawEntry:
    """One item of the list, before validation: key -> (text, line)."""

    line: int
    position: int  # 1-based rank in the block, to name entries that have no usable id
    values: dict[str, tuple[str, int]]

    @property
    def name(self) -> str:
        text = self.values.get("id", ("", 0))[0]
        return f"entry {text!r}" if SLUG.fullmatch(text) else f"entry {self.position}"


def read_block(text: str) -> tuple[list[RawEntry], list[Problem]]:
    """Split the YAML body into raw entries; structural mistakes become problems."""
    if not text.strip():
        return [], [Problem(0, "syntax", "the important-dates block has no entries; " + _HINT)]
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        return [], [Problem(_line(text, mark), "syntax", _yaml_message(error))]
    except yaml.reader.ReaderError as error:  # a control character: located by its position
        line = text.count("\n", 0, error.position)
        code = error.character if isinstance(error.character, int) else ord(error.character)
        message = f"the important-dates block has a character YAML forbids (U+{code:04X})"
        return [], [Problem(line, "syntax", f"{message}; remove it")]
    if not isinstance(root, yaml.SequenceNode):
        found = _kind(root)
        message = f"the important-dates block must be a list of entries, not {found}; {_HINT}"
        return [], [Problem(_line(text, root.start_mark) if root else 0, "syntax", message)]
    entries, problems = [], []
    for position, item in enumerate(root.value, start=1):
        if not isinstance(item, yaml.MappingNode):
            message = f"entry {position} is {_kind(item)}, not 'key: value' lines; {_HINT}"
            problems.append(Problem(_line(text, item.start_mark), "syntax", message))
            continue
        entry = RawEntry(_line(text, item.start_mark), position, {})
        problems += _read_pairs(entry, item, text)
        entries.append(entry)
    return entries, problems


def _read_pairs(entry: RawEntry, item: yaml.MappingNode, text: str) -> list[Problem]:
    problems = []
    for key_node, value_node in item.value:
        line = _line(text, key_node.start_mark)
        key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
        if key not in KEYS:
            shown = key if key is not None else _kind(key_node)
            message = f"unknown key {shown!r}; allowed keys: {', '.join(KEYS)}"
            problems.append(Problem(line, "key", f"{entry.name}: {message}"))
        elif key in entry.values:
            message = f"key {key!r} is given twice; keep one"
            problems.append(Problem(line, "key", f"{entry.name}: {message}"))
        elif not isinstance(value_node, yaml.ScalarNode):
            message = f"{key!r} must be a single value, not {_kind(value_node)}"
            problems.append(Problem(line, "format", f"{entry.name}: {message}"))
        elif value_node.tag != NULL_TAG and value_node.value.strip():
            entry.values[key] = (value_node.value.strip(), line)
    return problems


def validate(raw: RawEntry, default_zone: str) -> tuple[DateEntry | None, list[Problem]]:
    """A valid entry, or None when a value it cannot do without is wrong."""
    problems = []
    values = {key: text for key, (text, _) in raw.values.items()}

    def problem(key: str, subtype: str, message: str) -> None:
        line = raw.values[key][1] if key in raw.values else raw.line
        problems.append(Problem(line, subtype, f"{raw.name}: {message}"))

    for key, example in REQUIRED.items():
        if key not in values:
            problem(key, "key", f"the required key {key!r} is missing; add '{key}: {example}'")
    if "id" in values and not SLUG.fullmatch(values["id"]):
        message = (
            f"id {values['id']!r} is not valid; use lowercase letters, digits and hyphens, "
            f"such as {_slugify(values['id'])!r}"
        )
        problem("id", "format", message)
    day = _date(values, "date", problem)
    clock = values.get("time")
    if clock is not None and not CLOCK.fullmatch(clock):
        problem("time", "format", f'time {clock!r} is not a time; write "HH:MM" (24-hour clock)')
    zone = values.get("timezone", default_zone)
    if not zones.is_known(zone):
        problem("timezone", "timezone", zones.unknown_message(zone))
    if problems:
        return None, problems
    # Optional extras: a mistake there is reported, the entry still renders without it.
    extended_from = _date(values, "extended_from", problem)
    if extended_from is not None and extended_from >= day:
        message = (
            f"extended_from {values['extended_from']!r} is not earlier than the date "
            f"{values['date']!r}; extended_from is the old date, before the extension"
        )
        problem("extended_from", "order", message)
        extended_from = None
    url = values.get("url")
    if url is not None and not WEB_URL.fullmatch(url):
        problem("url", "format", f"url {url!r} is not a web address; write https://...")
        url = None
    entry = DateEntry(
        id=values["id"],
        label=values["label"],
        date=day,
        timezone=zone,
        time=clock,
        extended_from=extended_from,
        url=url,
        note=values.get("note"),
    )
    return entry, problems


def _date(values: dict, key: str, problem) -> date | None:
    text = values.get(key)
    if text is None:
        return None
    if not ISO_DATE.fullmatch(text):
        problem(key, "format", f"{key} {text!r} is not a date; write YYYY-MM-DD")
        return None
    try:
        day = date.fromisoformat(text)
    except ValueError as error:
        message = f"{key} {text!r} is not a real calendar date ({error}); write YYYY-MM-DD"
        problem(key, "format", message)
        return None
    if not FIRST_DAY <= day <= LAST_DAY:
        message = f"{key} {text!r} is out of range; write a date from {FIRST_DAY} to {LAST_DAY}"
        problem(key, "format", message)
        return None
    return day


def _line(text: str, mark: yaml.Mark) -> int:
    """The line of a mark, counted as Sphinx does: YAML also breaks lines at U+0085,
    U+2028 and U+2029, so its own ``mark.line`` can be ahead of the file's."""
    return text.count("\n", 0, mark.index)


_HINT = "write one '- id: ...' entry per date, with 'date:' and 'label:' lines under it"


def _yaml_message(error: yaml.MarkedYAMLError) -> str:
    # One line: a warning is one line of the build log.
    what = " ".join(" ".join(part.split()) for part in (error.context, error.problem) if part)
    return f"the important-dates block is not valid YAML ({what}); {_HINT}"


def _kind(node) -> str:
    if isinstance(node, yaml.SequenceNode):
        return "a list"
    if isinstance(node, yaml.MappingNode):
        return "a mapping"
    if node is None or node.tag == NULL_TAG:
        return "empty"
    return f"the text {node.value!r}"


def _slugify(text: str) -> str:
    return "-".join(re.findall(r"[a-z0-9]+", text.lower())) or "abstract-deadline"
