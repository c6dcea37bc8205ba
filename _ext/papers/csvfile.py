"""Reading the accepted-papers CSV: one ``Paper`` per usable row, one ``Problem`` per mistake.

Pure functions over the file's bytes, so that every rule is testable without a build. The
file is what OpenReview, CMT or a spreadsheet exports:

- UTF-8 with or without a byte-order mark, any line ends; anything else is one problem at
  the line of the first byte that is not UTF-8, saying how to save the file as UTF-8;
- comma-, semicolon- or tab-separated: the separator is the one that splits the header line
  into the most cells;
- header names in any case, with spaces around them; columns the site does not use are
  returned in :attr:`Reading.ignored` (the build names them once), never a problem.

Line numbers are the file's own (header = line 1), counted by the csv module itself, so a
quoted title spanning two lines does not shift the rows after it. Every step is linear in
the size of the file.
"""

import csv
import io
import re
from dataclasses import dataclass, field

from common.ids import anchor
from common.links import check_link
from common.problems import Problem
from common.text import check_text, one_line

REQUIRED = ("title", "authors")
OPTIONAL = ("id", "pdf", "poster", "video", "openreview", "arxiv", "kind", "topic")
COLUMNS = REQUIRED + OPTIONAL
KINDS = ("oral", "spotlight", "poster")
#: Separators a spreadsheet may export with; a comma wins a tie.
SEPARATORS = {",": "comma", ";": "semicolon", "\t": "tab"}
#: The longest cell the site shows (a title, a list of authors): far above any real one.
MAX_CELL = 5000

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
    "openreview": (re.compile(r"[A-Za-z0-9_-]{6,40}"), "https://openreview.net/forum?id={}"),
    "arxiv": (re.compile(r"\d{4}\.\d{4,5}(v\d+)?"), "https://arxiv.org/abs/{}"),
}
ID_HINTS = {
    "openreview": ", or an OpenReview forum id",
    "arxiv": ", or an arXiv id such as 2206.01234",
}
#: Ids become anchors (#paper-<id>): letters, digits, '-' and '_'.
ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,99}")
SAVE_AS_UTF8 = (
    "save it as UTF-8 (in Excel: Save As > CSV UTF-8; in LibreOffice: Save As > Text CSV, "
    "character set Unicode (UTF-8))"
)


@dataclass(frozen=True)
class Paper:
    line: int
    title: str
    authors: str
    anchor: str | None  # None when the id repeats an earlier one: one anchor per page
    links: tuple[tuple[str, str], ...]  # (label, url)
    kind: str | None
    topic: str | None


@dataclass
class Reading:
    """What a CSV file gave: the papers, the problems, the columns left out."""

    papers: list[Paper] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    ignored: list[str] = field(default_factory=list)


def decode(data: bytes) -> tuple[str | None, Problem | None]:
    """The text of a UTF-8 file (a byte-order mark is dropped), or where it is not UTF-8."""
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        byte = data[error.start]
        message = (
            f"the file is not UTF-8 (byte 0x{byte:02X} on this line is not UTF-8 text); "
            + SAVE_AS_UTF8
        )
        return None, Problem(line, "encoding", message)


def read_papers(data: bytes | str) -> Reading:
    """Every usable paper of the CSV file, and every problem found, in file order."""
    reading = Reading()
    if isinstance(data, bytes):
        text, problem = decode(data)
        if problem:
            reading.problems.append(problem)
            return reading
    else:
        text = data.removeprefix("\ufeff")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=separator(text), strict=True)
    try:
        records = _records(reader)
        first = next(records, None)
        if first is None:
            reading.problems.append(Problem(1, "column", _missing_header_message()))
            return reading
        header = _header(*first, reading)
        if "title" not in header:
            return reading
        rows = _Rows(header, reading.problems)
        for line, cells in records:
            paper = rows.paper(line, cells)
            if paper:
                reading.papers.append(paper)
    except csv.Error as error:
        # The csv module stops at the first malformed record (e.g. a stray quote).
        if "field larger than field limit" in str(error):
            message = (
                f"a cell is longer than {csv.field_size_limit():,} characters (a quote that "
                "is never closed?); check this row, the rows after it are not read"
            )
        else:
            message = (
                f"not valid CSV ({error}); put cells holding commas or quotes in double quotes"
            )
        reading.problems.append(Problem(reader.line_num, "csv", message))
    return reading


def separator(text: str) -> str:
    """The separator that splits the header row into the most cells (comma on a tie).

    The header is read as a CSV record, not as a line: a quoted header cell may hold a
    line break (a lone CR, too), and a malformed header counts as one cell, for the main
    reader to report at its line.
    """
    cells = {sep: _header_width(text, sep) for sep in SEPARATORS}
    return max(SEPARATORS, key=lambda sep: cells[sep])  # max keeps the first of equals


def _header_width(text: str, sep: str) -> int:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sep, strict=True)
    try:
        return len(next((cells for cells in reader if any(c.strip() for c in cells)), []))
    except csv.Error:
        return 1


def _records(reader):
    """(first line, cells) of each non-blank record, each cell one line of text."""
    last = 0
    for cells in reader:
        first, last = last + 1, reader.line_num
        if any(cell.strip() for cell in cells):
            # A title written over two lines in a spreadsheet is one line on the page.
            yield first, [one_line(cell) for cell in cells]


def _missing_header_message() -> str:
    columns = ", ".join(REQUIRED)
    return f"the file is empty; the first line must be a header row with the columns {columns}"


def _header(line: int, cells: list[str], reading: Reading) -> list[str]:
    """The column names (lowercase); ``None`` for a column the site does not use.
    Repeated and missing columns are problems."""
    names = [cell.lower() for cell in cells]
    for position, name in enumerate(names):
        if name not in COLUMNS:
            reading.ignored.append(cells[position] or f"(column {position + 1}, no name)")
        elif name in names[:position]:
            reading.problems.append(
                Problem(line, "column", f"column {name!r} appears twice in the header; keep one")
            )
    for name in REQUIRED:
        if name not in names:
            found = ", ".join(repr(cell) for cell in cells[:12])
            reading.problems.append(
                Problem(
                    line,
                    "column",
                    f"missing required column {name!r}; the header must have the columns "
                    f"{' and '.join(REQUIRED)} (found: {found})",
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
            if name in COLUMNS and name not in row:  # a repeated column: the first one counts
                row[name] = self._cell(line, name, cell)
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

    def _cell(self, line: int, column: str, value: str) -> str:
        """The cell as text the site can show: too long or with control characters, it is
        a problem (and left out, or cleaned, so that the row still renders)."""
        if len(value) > MAX_CELL:
            self.problem(
                line,
                "cell",
                f"{column} has {len(value):,} characters, more than the {MAX_CELL:,} a paper "
                "may show; shorten it",
            )
            return ""
        problem = check_text(column, value)
        if problem:
            self.problem(line, "text", problem)
            value = "".join(c for c in value if check_text(column, c) is None)
        return value

    def _anchor(self, line: int, paper_id: str, title: str) -> str | None:
        if paper_id:
            if not ID.fullmatch(paper_id):
                self.problem(
                    line,
                    "id",
                    f"id {paper_id[:100]!r} cannot be an anchor; use letters, digits, '-' "
                    "and '_' (at most 100)",
                )
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
            base = anchor("paper", paper_id[:100])
        else:
            # Without an id the title gives the anchor: stable as long as the title is.
            base = anchor("paper", title[:100])
        if base == "paper":  # nothing usable in the title or id (e.g. only punctuation)
            base = "paper-untitled"
        unique, number = base, 2
        while unique in self.anchors:
            unique, number = f"{base}-{number}", number + 1
        self.anchors.add(unique)
        return unique

    def _links(self, line: int, row: dict[str, str]):
        for column, label in LINKS.items():
            value = row.get(column, "")
            if not value:
                continue
            if column in ID_LINKS and ID_LINKS[column][0].fullmatch(value):
                yield label, ID_LINKS[column][1].format(value)
                continue
            url, problem = check_link(value)
            if problem:
                self.problem(line, "link", f"{column} {problem}{ID_HINTS.get(column, '')}")
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
