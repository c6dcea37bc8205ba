"""Reading the accepted-papers CSV: one ``Paper`` per usable row, one ``Problem`` per mistake.

Pure functions over the file's text, so that every rule is testable without a build.
Line numbers are the file's own (header = line 1), counted by the csv module itself,
so a quoted title spanning two lines does not shift the rows after it.
"""

import csv
import io
import re
from dataclasses import dataclass
from urllib.parse import urlsplit

REQUIRED = ("title", "authors")
OPTIONAL = ("id", "pdf", "poster", "video", "openreview", "arxiv", "kind", "topic")
COLUMNS = REQUIRED + OPTIONAL
KINDS = ("oral", "spotlight", "poster")

#: Link columns and the label a visitor sees on the link.
LINKS = {
    "pdf": "PDF",
    "poster": "Poster",
    "video": "Video",
    "openreview": "OpenReview",
    "arxiv": "arXiv",
}
#: An OpenReview or arXiv export often holds the bare id: these turn it into the link.
ID_LINKS = {
    "openreview": (re.compile(r"[A-Za-z0-9_-]{6,}"), "https://openreview.net/forum?id={}"),
    "arxiv": (re.compile(r"\d{4}\.\d{4,5}(v\d+)?"), "https://arxiv.org/abs/{}"),
}
#: Ids become anchors (#paper-<id>): keep them to characters that need no escaping in a URL.
ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]*")


@dataclass(frozen=True)
class Paper:
    line: int
    title: str
    authors: str
    anchor: str | None  # None when the id repeats an earlier one: one anchor per page
    links: tuple[tuple[str, str], ...]  # (label, url)
    kind: str | None
    topic: str | None


@dataclass(frozen=True)
class Problem:
    line: int
    subtype: str
    message: str


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "untitled"


def link(column: str, value: str) -> str | None:
    """The URL for a link cell, or None when the value is not a usable link."""
    if column in ID_LINKS:
        pattern, template = ID_LINKS[column]
        if pattern.fullmatch(value):
            return template.format(value)
    parts = urlsplit(value)
    if parts.scheme in ("http", "https") and parts.netloc and " " not in value:
        return value
    return None


def _link_hint(column: str) -> str:
    if column == "openreview":
        return "an https:// URL or an OpenReview forum id"
    if column == "arxiv":
        return "an https:// URL or an arXiv id such as 2206.01234"
    return "an absolute https:// URL"


def _records(reader):
    """(first line, cells) of each non-blank record, cells stripped."""
    last = 0
    for cells in reader:
        first, last = last + 1, reader.line_num
        if any(cell.strip() for cell in cells):
            # A title written over two lines in a spreadsheet is one line on the page.
            yield first, [" ".join(cell.split()) for cell in cells]


def read_papers(text: str) -> tuple[list[Paper], list[Problem]]:
    """Every usable paper of the CSV text, and every problem found, in file order."""
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    papers: list[Paper] = []
    problems: list[Problem] = []
    try:
        records = _records(reader)
        first = next(records, None)
        if first is None:
            problems.append(Problem(1, "column", _missing_header_message()))
            return papers, problems
        header = _header(*first, problems)
        if "title" not in header:
            return papers, problems
        rows = _Rows(header, problems)
        for line, cells in records:
            paper = rows.paper(line, cells)
            if paper:
                papers.append(paper)
    except csv.Error as error:
        # The csv module stops at the first malformed record (e.g. a stray quote).
        problems.append(
            Problem(
                reader.line_num,
                "csv",
                f"not valid CSV ({error}); put cells holding commas or quotes in double quotes",
            )
        )
    return papers, problems


def _missing_header_message() -> str:
    columns = ", ".join(REQUIRED)
    return f"the file is empty; the first line must be a header row with the columns {columns}"


def _header(line: int, cells: list[str], problems: list[Problem]) -> list[str]:
    """The column names (lowercase); unknown, repeated and missing columns are problems."""
    names = [cell.lower() for cell in cells]
    for position, name in enumerate(names):
        if name not in COLUMNS:
            problems.append(
                Problem(
                    line,
                    "column",
                    f"unknown column {cells[position]!r}; valid columns are: {', '.join(COLUMNS)}",
                )
            )
        elif name in names[:position]:
            problems.append(Problem(line, "column", f"column {name!r} appears twice in the header"))
    for name in REQUIRED:
        if name not in names:
            problems.append(
                Problem(
                    line,
                    "column",
                    f"missing required column {name!r}; the header must have the columns "
                    f"{' and '.join(REQUIRED)}",
                )
            )
    return names


class _Rows:
    """Turns data rows into papers, remembering ids and anchors across rows."""

    def __init__(self, header: list[str], problems: list[Problem]) -> None:
        self.header = header
        self.problems = problems
        self.ids: dict[str, int] = {}  # id -> line where it was first seen
        self.anchors: set[str] = set()

    def problem(self, line: int, subtype: str, message: str) -> None:
        self.problems.append(Problem(line, subtype, message))

    def paper(self, line: int, cells: list[str]) -> Paper | None:
        # Fewer cells are empty trailing columns; more cells mean an unquoted comma
        # has shifted the cells: none of them can be trusted, so the row is left out.
        if len(cells) > len(self.header):
            self.problem(
                line,
                "row",
                f"this row has {len(cells)} cells but the header has {len(self.header)}; "
                "put cells holding commas in double quotes",
            )
            return None
        row = {}
        for name, cell in zip(self.header, cells, strict=False):
            row.setdefault(name, cell)  # a repeated column: the first one counts
        title = row.get("title", "")
        if not title:
            self.problem(line, "title", "this paper has an empty title; every paper needs one")
            return None
        return Paper(
            line=line,
            title=title,
            authors=row.get("authors", ""),
            anchor=self._anchor(line, row.get("id", ""), title),
            links=tuple(self._links(line, row)),
            kind=self._kind(line, row.get("kind", "")),
            topic=row.get("topic") or None,
        )

    def _anchor(self, line: int, paper_id: str, title: str) -> str | None:
        if paper_id:
            if not ID.fullmatch(paper_id):
                self.problem(
                    line,
                    "id",
                    f"id {paper_id!r} cannot be an anchor; use letters, digits, '-' and '_'",
                )
                paper_id = slug(paper_id)
            elif paper_id in self.ids:
                self.problem(
                    line,
                    "duplicate",
                    f"duplicate id {paper_id!r} (first on line {self.ids[paper_id]}); "
                    "each paper needs its own id",
                )
                return None
            else:
                self.ids[paper_id] = line
            anchor = f"paper-{paper_id}"
        else:
            # Without an id the title gives the anchor: stable as long as the title is.
            anchor = f"paper-{slug(title)}"
        unique, number = anchor, 2
        while unique in self.anchors:
            unique, number = f"{anchor}-{number}", number + 1
        self.anchors.add(unique)
        return unique

    def _links(self, line: int, row: dict[str, str]):
        for column, label in LINKS.items():
            value = row.get(column, "")
            if not value:
                continue
            url = link(column, value)
            if url is None:
                self.problem(
                    line,
                    "link",
                    f"{column} {value!r} is not a link; write {_link_hint(column)}",
                )
            else:
                yield label, url

    def _kind(self, line: int, kind: str) -> str | None:
        if not kind:
            return None
        if kind.lower() not in KINDS:
            self.problem(
                line, "kind", f"unknown kind {kind!r}; valid kinds are: {', '.join(KINDS)}"
            )
            return None
        return kind.lower()
