"""What phases ask of the important-dates extension, in one place: its public interface
only (an entry by id, its message for an unknown id, and ``note_use`` so that a page
is rewritten when a date it depends on changes)."""

import important_dates
from sphinx.environment import BuildEnvironment


def lookup(env: BuildEnvironment, date_id: str):
    return important_dates.lookup(env, date_id)


def note_use(env: BuildEnvironment, docname: str, date_id: str) -> None:
    important_dates.note_use(env, docname, date_id)


def unknown_id_message(env: BuildEnvironment, date_id: str, where: str) -> str | None:
    """The dates' own message for an unknown id (None: its entry's mistake is reported)."""
    return important_dates.unknown_id_message(env, date_id, where)
