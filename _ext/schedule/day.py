"""The day of a schedule: a ``YYYY-MM-DD`` date or the id of an important date.

Ids are looked up in the important-dates extension, never re-parsed here, so that a
schedule and the dates page always agree on the workshop day; literal dates go through
:func:`common.days.parse_day`, the same range as the important dates.
"""

import re
from datetime import date

import important_dates
from common.suggest import closest
from common.text import shorten
from sphinx.environment import BuildEnvironment

#: What a contributor means as a date rather than an id: digits and hyphens.
LOOKS_LIKE_A_DATE = re.compile(r"\d+-\d+-\d+")


def is_literal(text: str) -> bool:
    return bool(LOOKS_LIKE_A_DATE.fullmatch(text))


def resolve(env: BuildEnvironment, text: str) -> date | None:
    """The date ``:date:`` names (already checked when read), or None for an unknown id."""
    if is_literal(text):
        return date.fromisoformat(text)
    entry = important_dates.lookup(env, text)
    return entry.date if entry else None


def unknown_message(env: BuildEnvironment, text: str) -> str | None:
    """The fix for an id no important-dates block defines, with "did you mean" as ``{date}``
    gives it; None when the id's entry has a mistake (reported at its own line)."""
    if important_dates.unknown_id_message(env, text, ":date:") is None:
        return None
    known = important_dates.known_ids(env)
    close = closest(text[:64], known)
    if close:
        fix = f"did you mean {close!r}?"
    elif known:
        fix = f"write YYYY-MM-DD or one of the ids: {', '.join(known)}"
    else:
        fix = "write YYYY-MM-DD, or add an important-dates block with this id"
    return (
        f"the schedule's :date: {shorten(text)!r} is neither a date (YYYY-MM-DD) nor the id "
        f"of an important-dates entry; {fix}"
    )
