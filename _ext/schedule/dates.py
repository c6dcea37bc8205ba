"""The day of a schedule: a ``YYYY-MM-DD`` date or the id of an important date.

Ids are looked up in the important-dates extension, never re-parsed here, so that a
schedule and the dates page always agree on the workshop day.
"""

import re
from datetime import date

import important_dates
from sphinx.environment import BuildEnvironment

ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def is_literal(text: str) -> bool:
    return bool(ISO_DATE.fullmatch(text))


def resolve(env: BuildEnvironment, text: str) -> date | None:
    """The date ``:date:`` names, or None for an id no important-dates block defines."""
    if is_literal(text):
        return date.fromisoformat(text)
    entry = important_dates.lookup(env, text)
    return entry.date if entry else None


def note_use(env: BuildEnvironment, docname: str, text: str) -> None:
    """The page is rewritten whenever the important date it names changes."""
    important_dates.note_use(env, docname, text)
