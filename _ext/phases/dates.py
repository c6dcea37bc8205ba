"""What phases ask of the important-dates extension, in one place.

Only its public interface: ``lookup(env, id)`` for an entry, ``note_use`` so that a page
is rewritten when a date it depends on changes. The known ids are only needed for "did
you mean" in a message.
"""

import important_dates
from sphinx.environment import BuildEnvironment


def lookup(env: BuildEnvironment, date_id: str):
    return important_dates.lookup(env, date_id)


def note_use(env: BuildEnvironment, docname: str, date_id: str) -> None:
    important_dates.note_use(env, docname, date_id)


def known_ids(env: BuildEnvironment) -> list[str]:
    """Every id of the site, for suggestions; empty if the dates extension cannot list them.

    The dates extension publishes a listing as ``known_ids(env)`` or, in its older form,
    ``store.all_entries(env)``; without either, messages simply make no suggestion.
    """
    listing = getattr(important_dates, "known_ids", None)
    if listing is not None:
        return sorted(listing(env))
    store = getattr(important_dates, "store", None)
    entries = getattr(store, "all_entries", None)
    return sorted(entry.id for entry in entries(env)) if entries else []
