"""When a phase holds: its conditions turned into one span of UTC instants.

``before ID`` holds until the entry begins; a deadline until it passes (the end of its
day, AoE). ``during ID`` holds from an event's start to its end. ``after ID`` holds once
the entry is over. All conditions of a block must hold, so the span is their
intersection: ``[start, until)``, either side open (None) when no condition bounds it.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime

from .conditions import Condition


@dataclass(frozen=True)
class Window:
    """The instants between which a phase holds: ``start <= now < until``."""

    start: datetime | None = None
    until: datetime | None = None

    def holds_at(self, now: datetime) -> bool:
        return (self.start is None or self.start <= now) and (
            self.until is None or now < self.until
        )

    def boundaries(self) -> list[datetime]:
        return [moment for moment in (self.start, self.until) if moment is not None]

    def narrowed(self, other: "Window") -> "Window":
        starts = [m for m in (self.start, other.start) if m is not None]
        untils = [m for m in (self.until, other.until) if m is not None]
        return Window(max(starts, default=None), min(untils, default=None))

    @property
    def empty(self) -> bool:
        return self.start is not None and self.until is not None and self.start >= self.until


def utc_iso(moment: datetime) -> str:
    """'2022-05-17T12:00:00Z', the form the browser script reads."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def utc_text(moment: datetime) -> str:
    """'2022-05-17 12:00 UTC', for messages."""
    return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")


def of_condition(condition: Condition, entry) -> tuple[Window | None, tuple[str, str] | None]:
    """The span of one condition on an important-dates entry, or a problem."""
    start, end = entry.start().astimezone(UTC), entry.end().astimezone(UTC)
    if condition.word == "before":
        return Window(until=end if entry.is_deadline else start), None
    if condition.word == "after":
        return Window(start=end), None
    if entry.is_deadline:
        return None, (
            "during",
            f"'during {entry.id}': {entry.id!r} is a deadline, a moment rather than a span "
            f"(it passes at {utc_text(end)}); write 'before {entry.id}' or 'after {entry.id}'",
        )
    if end <= start:
        return None, (
            "during",
            f"'during {entry.id}': {entry.id!r} is a moment ({utc_text(start)}), not a span; "
            f"write 'before {entry.id}' or 'after {entry.id}', or make it an all-day entry",
        )
    return Window(start, end), None


def of_conditions(
    conditions: Iterable[Condition],
    lookup: Callable[[str], object | None],
    unknown_id: Callable[[str, str], str | None],
) -> tuple[Window, list[tuple[str, str]]]:
    """The span where every condition holds, and the problems as ``(subtype, message)``.

    A condition that cannot be resolved is left out of the span (and reported).
    """
    window, problems, used = Window(), [], []
    for condition in conditions:
        entry = lookup(condition.date_id)
        if entry is None:
            message = unknown_id(condition.date_id, f"phase condition '{condition}'")
            if message:
                problems.append(("id", message))
            continue
        span, problem = of_condition(condition, entry)
        if problem:
            problems.append(problem)
            continue
        narrowed = window.narrowed(span)
        if narrowed.empty:
            problems.append(("never", _never(used, condition, window, span)))
            continue
        window = narrowed
        used.append(condition)
    return window, problems


def _never(used: list[Condition], condition: Condition, before: Window, span: Window) -> str:
    together = " ".join(map(str, [*used, condition]))
    start = max(m for m in (before.start, span.start) if m is not None)
    until = min(m for m in (before.until, span.until) if m is not None)
    return (
        f"phase '{together}' can never hold: it would begin at {utc_text(start)} and end at "
        f"{utc_text(until)}; check the words and the order of the dates"
    )
