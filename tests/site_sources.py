"""What the site's sources say, read the way a contributor writes them (CONTRIBUTING.md).

The site tests take their expected values from here rather than from today's content, so a page,
a date, a person, a program or a paper added by a contributor is checked, never a failure. Every
function takes the site's folder, so the same reading serves the real site and an edited copy.
"""

from __future__ import annotations

import ast
import csv
import io
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import yaml

#: A MyST directive fenced with backticks or colons: fence, name, argument, body.
DIRECTIVE = re.compile(
    r"^(?P<fence>`{3,}|:{3,})\{(?P<name>[\w-]+)\}[ \t]*(?P<argument>[^\n]*)\n"
    r"(?P<body>.*?)^(?P=fence)[ \t]*$",
    re.S | re.M,
)
#: ``{date}`id``` in a page.
DATE_ROLE = re.compile(r"\{date\}`([^`]+)`")


def source_files(srcdir: Path) -> dict[str, str]:
    """The Markdown pages of the site folder (not its README or CONTRIBUTING), by page name."""
    skip = {"README", "CONTRIBUTING"}
    return {
        path.stem: path.read_text(encoding="utf-8")
        for path in sorted(Path(srcdir).glob("*.md"))
        if path.stem not in skip
    }


def directives(text: str, name: str) -> list[tuple[str, dict[str, str], str]]:
    """Every ``name`` directive of a page, nested ones too (a person inside a grid):
    (argument, options, body without the options), in order."""
    found = []
    for match in DIRECTIVE.finditer(text):
        if match["name"] != name:
            found += directives(match["body"], name)
            continue
        options, lines = {}, match["body"].splitlines(keepends=True)
        while lines and (option := re.match(r"^:([\w-]+):[ \t]*(.*)$", lines[0].rstrip("\n"))):
            options[option[1]] = option[2].strip()
            lines.pop(0)
        found.append((match["argument"].strip(), options, "".join(lines)))
    return found


# -- Pages ---------------------------------------------------------------------------


@dataclass(frozen=True)
class NavEntry:
    page: str
    #: The explicit title of the toctree entry ("About <about>"), else None.
    title: str | None


def navigation(srcdir: Path) -> list[NavEntry]:
    """The toctree entries of the home page, in order."""
    entries = []
    for _, _, body in directives(source_files(srcdir)["index"], "toctree"):
        for line in body.splitlines():
            line = line.strip()
            if not line:
                continue
            explicit = re.fullmatch(r"(.*\S)\s*<([^>]+)>", line)
            if explicit:
                entries.append(NavEntry(explicit[2].strip(), explicit[1]))
            else:
                entries.append(NavEntry(line, None))
    return entries


def pages(srcdir: Path) -> tuple[str, ...]:
    """The home page, the pages of its toctree, then the pages left out of the navigation
    (CONTRIBUTING allows a page that other pages link to), by name."""
    listed = ("index", *(entry.page for entry in navigation(srcdir)))
    return (*listed, *(page for page in source_files(srcdir) if page not in listed))


def heading(text: str) -> str:
    """The first level-1 heading of a page, as written (substitutions unexpanded)."""
    return re.search(r"^# (.+)$", text, re.M)[1].strip()


# -- Dates ---------------------------------------------------------------------------


@dataclass(frozen=True)
class DateEntry:
    id: str
    date: date
    label: str
    time: str | None
    extended_from: date | None


def _day(value) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value))


def important_dates(srcdir: Path) -> list[DateEntry]:
    """The entries of every important-dates block of the site, in order."""
    entries = []
    for text in source_files(srcdir).values():
        for _, _, body in directives(text, "important-dates"):
            for item in yaml.safe_load(body) or []:
                entries.append(
                    DateEntry(
                        str(item["id"]),
                        _day(item["date"]),
                        str(item["label"]),
                        item.get("time"),
                        _day(item["extended_from"]) if item.get("extended_from") else None,
                    )
                )
    return entries


def date_roles(srcdir: Path) -> dict[str, list[str]]:
    """The ids of the ``{date}`` roles of each page, in order of appearance."""
    return {page: DATE_ROLE.findall(text) for page, text in source_files(srcdir).items()}


def long_date(day: date) -> str:
    """How the site writes a day in the text: "May 16, 2022"."""
    return f"{day:%B} {day.day}, {day.year}"


# -- People --------------------------------------------------------------------------


@dataclass(frozen=True)
class Person:
    page: str
    name: str
    affiliation: str | None
    role: str | None
    photo: str | None


def people(srcdir: Path) -> list[Person]:
    """Every person block of the site, page by page, in order."""
    return [
        Person(page, name, options.get("affiliation"), options.get("role"), options.get("photo"))
        for page, text in source_files(srcdir).items()
        for name, options, _ in directives(text, "person")
    ]


# -- Program and papers --------------------------------------------------------------


def schedules(srcdir: Path) -> dict[str, list[list[dict]]]:
    """The slots of every schedule block, by page."""
    found: dict[str, list[list[dict]]] = {}
    for page, text in source_files(srcdir).items():
        for _, _, body in directives(text, "schedule"):
            found.setdefault(page, []).append(yaml.safe_load(body) or [])
    return found


@dataclass(frozen=True)
class Paper:
    id: str | None
    title: str


def papers(srcdir: Path) -> dict[str, list[Paper]]:
    """The papers of every papers block (its CSV read as CONTRIBUTING describes), by page."""
    found: dict[str, list[Paper]] = {}
    for page, text in source_files(srcdir).items():
        for argument, _, _ in directives(text, "papers"):
            raw = (Path(srcdir) / argument).read_text(encoding="utf-8-sig")
            rows = csv.DictReader(io.StringIO(raw, newline=""))
            for row in rows:
                cells = {
                    (key or "").strip().lower(): (value or "").strip() for key, value in row.items()
                }
                found.setdefault(page, []).append(Paper(cells.get("id") or None, cells["title"]))
    return found


# -- Edition facts (conf.py) ---------------------------------------------------------


def edition(srcdir: Path) -> dict[str, str]:
    """The edition block of conf.py (name, conference, city, repository, branch...)."""
    text = (Path(srcdir) / "conf.py").read_text(encoding="utf-8")
    block = re.search(r"^edition = (\{.*?^\})", text, re.S | re.M)[1]
    return ast.literal_eval(block)
