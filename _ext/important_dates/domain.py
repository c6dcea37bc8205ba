"""The dates in the Sphinx environment, kept right across incremental and parallel builds.

A :class:`DatesDomain` holds, per page, the entries the page defines and the ids it shows
(through ``{date}``, a schedule's ``:date:`` or another extension's ``note_use``). Sphinx
purges a page's items when it re-reads it and merges them from parallel readers. Pages
that show a date are rewritten whenever that date changes, even when their own source did
not.
"""

from dataclasses import dataclass

from common.pages import PerPageDomain
from common.suggest import closest
from common.text import shorten
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.util import logging

from .entries import DateEntry

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class FaultyEntry:
    """An entry with an id but a mistake that keeps it from being shown (already reported
    at ``line``): pages that refer to it are not told again that the id is unknown."""

    id: str
    line: int


@dataclass(frozen=True)
class DateUse:
    """A page shows the date with this id: it is rewritten when that date changes."""

    id: str


class DatesDomain(PerPageDomain):
    """Items: :class:`DateEntry` (defined on the page) and :class:`DateUse` (shown there)."""

    name = "dates"
    label = "Important dates"
    data_version = 2

    def entries_of(self, docname: str) -> list[DateEntry]:
        return [item for item in self.items_of(docname) if isinstance(item, DateEntry)]

    def entries(self) -> list[DateEntry]:
        """Every entry of the site, the first definition of each id, in page then source order."""
        found: dict[str, DateEntry] = {}
        for _, item in self.items():
            if isinstance(item, DateEntry):
                found.setdefault(item.id, item)
        return list(found.values())

    def faulty_ids(self) -> set[str]:
        return {item.id for _, item in self.items() if isinstance(item, FaultyEntry)}

    def uses(self) -> dict[str, set[str]]:
        """docname -> the ids that page shows."""
        shown: dict[str, set[str]] = {}
        for docname, item in self.items():
            if isinstance(item, DateUse):
                shown.setdefault(docname, set()).add(item.id)
        return shown

    def check_consistency(self) -> None:
        """An id defined on two pages (duplicates on one page are reported by the block)."""
        first: dict[str, DateEntry] = {}
        for docname, item in self.items():
            if not isinstance(item, DateEntry):
                continue
            earlier = first.setdefault(item.id, item)
            if earlier is not item and earlier.docname != docname:
                where = f"{self.env.doc2path(earlier.docname, False)}:{earlier.line}"
                logger.warning(
                    "entry %r: duplicate id, already used at %s; give each date its own id",
                    item.id,
                    where,
                    location=(docname, item.line),
                    type="dates",
                    subtype="duplicate",
                )


def domain(env: BuildEnvironment) -> DatesDomain:
    return DatesDomain.of(env)


def lookup(env: BuildEnvironment, date_id: str) -> DateEntry | None:
    """The entry with this id, for other extensions too (a schedule's ``:date:``, phases)."""
    return next((entry for entry in domain(env).entries() if entry.id == date_id), None)


def known_ids(env: BuildEnvironment) -> list[str]:
    """Every id of the site, sorted: for "did you mean" in other extensions' messages."""
    return sorted(entry.id for entry in domain(env).entries())


def unknown_id_message(env: BuildEnvironment, date_id: str, where: str) -> str | None:
    """What to say where an id that no valid entry has is used, for every extension alike:
    "unknown date id 'x' in {date}; did you mean 'y'? known ids: ...". None when the id's
    entry exists but has a mistake: that mistake is reported at its own line, and one
    wrong date must not become a warning on every page that shows it."""
    if date_id in domain(env).faulty_ids():
        return None
    known = known_ids(env)
    close = closest(date_id[:64], known)
    hint = f"did you mean {close!r}? " if close else ""
    listed = ", ".join(known) if known else "none yet: add an important-dates block"
    return f"unknown date id {shorten(date_id)!r} in {where}; {hint}known ids: {listed}"


def note_use(env: BuildEnvironment, docname: str, date_id: str) -> None:
    """Record that ``docname`` shows ``date_id``: it is rewritten when that date changes."""
    domain(env).add(docname, DateUse(date_id))


def _facts(env: BuildEnvironment) -> dict[str, tuple]:
    """What a page showing a date depends on: everything but where it is written."""
    return {
        entry.id: (entry.date, entry.time, entry.timezone, entry.label, entry.extended_from)
        for entry in domain(env).entries()
    }


def remember_before_reading(app: Sphinx, env: BuildEnvironment, added, changed, removed):
    # env-get-outdated runs before any page is purged: the last build's dates are still here.
    env.dates_before = _facts(env)
    return []


def pages_to_rewrite(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """After reading: the pages showing a date that was added, removed or changed."""
    before, after = vars(env).pop("dates_before", {}), _facts(env)
    changed = {key for key in before.keys() | after.keys() if before.get(key) != after.get(key)}
    return sorted(doc for doc, ids in domain(env).uses().items() if ids & changed)


def setup_domain(app: Sphinx) -> None:
    app.add_domain(DatesDomain)
    app.connect("env-get-outdated", remember_before_reading)
    app.connect("env-updated", pages_to_rewrite)
