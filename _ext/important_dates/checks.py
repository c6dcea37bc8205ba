"""Checks across the entries of one block: duplicates, order, and far-away years."""

from collections.abc import Callable
from datetime import date

from .entries import DateEntry

#: Dates this far from the others are most likely a typo in the year.
MAX_YEARS_APART = 2


def check_block(entries: list[DateEntry], warn: Callable[[DateEntry, str, str], None]) -> list:
    """The entries to keep (duplicates dropped); problems go to ``warn(entry, subtype, msg)``."""
    kept: dict[str, DateEntry] = {}
    for entry in entries:
        if entry.id in kept:
            first = kept[entry.id]
            message = (
                f"entry {entry.id!r}: duplicate id, already used on line {first.line}; "
                "give each date its own id"
            )
            warn(entry, "duplicate", message)
        else:
            kept[entry.id] = entry
    entries = list(kept.values())
    _check_order(entries, warn)
    _check_spread(entries, warn)
    return entries


def _check_order(entries: list[DateEntry], warn) -> None:
    latest = None
    for entry in entries:
        if latest is not None and entry.sort_key() < latest.sort_key():
            message = (
                f"entry {entry.summary()} is listed after {latest.summary()} but comes earlier; "
                "list the entries in chronological order"
            )
            warn(entry, "order", message)
        else:
            latest = entry


def _check_spread(entries: list[DateEntry], warn) -> None:
    if len(entries) < 2:
        return
    days = sorted(entry.date for entry in entries)
    middle = days[(len(days) - 1) // 2]
    for entry in entries:
        if not _within_years(entry.date, middle):
            message = (
                f"entry {entry.id!r}: {entry.date} is more than {MAX_YEARS_APART} years away "
                f"from the other dates (around {middle}); check the year"
            )
            warn(entry, "range", message)


def _within_years(day: date, middle: date) -> bool:
    earlier, later = sorted((day, middle))
    try:
        limit = later.replace(year=later.year - MAX_YEARS_APART)
    except ValueError:  # February 29 two years back does not exist
        limit = later.replace(year=later.year - MAX_YEARS_APART, day=28)
    return earlier >= limit
