"""What phases ask of the important-dates extension, in one place: its public interface
only (an entry by id, the known ids for "did you mean", and ``note_use`` so that a page
is rewritten when a date it depends on changes)."""

import important_dates
from sphinx.environment import BuildEnvironment


def lookup(env: BuildEnvironment, date_id: str):
    return important_dates.lookup(env, date_id)


def note_use(env: BuildEnvironment, docname: str, date_id: str) -> None:
    important_dates.note_use(env, docname, date_id)


def known_ids(env: BuildEnvironment) -> list[str]:
    return sorted(important_dates.known_ids(env))
