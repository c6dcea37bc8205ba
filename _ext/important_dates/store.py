"""The dates in the Sphinx environment, kept right across incremental and parallel builds.

``env.dates_entries``: docname -> entries defined on that page, in source order.
``env.dates_uses``: docname -> ids the page shows through ``{date}`` (or ``note_use``).
Both are purged per page and merged from parallel readers; pages that show a date
are rewritten whenever that date changes, even when their own source did not.
"""

from collections.abc import Iterable

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.util import logging

from .entries import DateEntry

logger = logging.getLogger(__name__)


def entries_of(env: BuildEnvironment, docname: str) -> list[DateEntry]:
    return getattr(env, "dates_entries", {}).get(docname, [])


def all_entries(env: BuildEnvironment) -> list[DateEntry]:
    """Every entry of the site, first definition of each id only, in page then source order."""
    found: dict[str, DateEntry] = {}
    for docname in sorted(getattr(env, "dates_entries", {})):
        for entry in env.dates_entries[docname]:
            found.setdefault(entry.id, entry)
    return list(found.values())


def lookup(env: BuildEnvironment, date_id: str) -> DateEntry | None:
    """The entry with this id, for other extensions too (e.g. a schedule's ``:date:``)."""
    return next((entry for entry in all_entries(env) if entry.id == date_id), None)


def add_entries(env: BuildEnvironment, docname: str, entries: Iterable[DateEntry]) -> None:
    _data(env, "dates_entries").setdefault(docname, []).extend(entries)


def note_use(env: BuildEnvironment, docname: str, date_id: str) -> None:
    """Record that ``docname`` shows ``date_id``: it is rewritten when that date changes."""
    _data(env, "dates_uses").setdefault(docname, set()).add(date_id)


def _data(env: BuildEnvironment, name: str) -> dict:
    if not hasattr(env, name):
        setattr(env, name, {})
    return getattr(env, name)


def purge(app: Sphinx, env: BuildEnvironment, docname: str) -> None:
    for name in ("dates_entries", "dates_uses"):
        _data(env, name).pop(docname, None)


def merge(app: Sphinx, env: BuildEnvironment, docnames: set[str], other: BuildEnvironment):
    for name in ("dates_entries", "dates_uses"):
        mine, theirs = _data(env, name), _data(other, name)
        mine.update((docname, theirs[docname]) for docname in docnames if docname in theirs)


def _facts(env: BuildEnvironment) -> dict[str, tuple]:
    """What a page showing a date depends on: everything but where it is written."""
    return {
        entry.id: (entry.date, entry.time, entry.timezone, entry.label, entry.extended_from)
        for entry in all_entries(env)
    }


def remember_before_reading(app, env, added, changed, removed) -> list[str]:
    # env-get-outdated runs before any page is purged: the last build's dates are still here.
    env.dates_before = _facts(env)
    return []


def pages_to_rewrite(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """After reading: the pages showing a date that was added, removed or changed."""
    before, after = vars(env).pop("dates_before", {}), _facts(env)
    changed = {key for key in before.keys() | after.keys() if before.get(key) != after.get(key)}
    return sorted(doc for doc, ids in _data(env, "dates_uses").items() if ids & changed)


def check_duplicates_across_pages(app: Sphinx, env: BuildEnvironment) -> None:
    first: dict[str, DateEntry] = {}
    for docname in sorted(_data(env, "dates_entries")):
        for entry in env.dates_entries[docname]:
            if entry.id not in first:
                first[entry.id] = entry
            elif first[entry.id].docname != docname:
                where = f"{env.doc2path(first[entry.id].docname, False)}:{first[entry.id].line}"
                logger.warning(
                    "entry %r: duplicate id, already used at %s; give each date its own id",
                    entry.id,
                    where,
                    location=(docname, entry.line),
                    type="dates",
                    subtype="duplicate",
                )


def setup_store(app: Sphinx) -> None:
    app.connect("env-purge-doc", purge)
    app.connect("env-merge-info", merge)
    app.connect("env-get-outdated", remember_before_reading)
    app.connect("env-updated", pages_to_rewrite)
    app.connect("env-check-consistency", check_duplicates_across_pages)
