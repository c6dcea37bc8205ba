"""Suggestions for a mistyped word: the same "did you mean" in every message."""

import difflib
from collections.abc import Iterable


def closest(word: str, choices: Iterable[str]) -> str | None:
    """The known choice closest to ``word``, or None when none is close.

    Case is ignored for the comparison ("Speaker" is close to "speaker"); a word that
    only one choice starts with is close to it ("tim" to "timezone").
    """
    by_lower = {choice.lower(): choice for choice in choices}
    found = difflib.get_close_matches(word.lower(), list(by_lower), n=1, cutoff=0.6)
    if found:
        return by_lower[found[0]]
    # A word cut short ('tim' for 'timezone') is far from it by difflib's ratio, but
    # names it when no other choice starts the same way.
    starting = [lower for lower in by_lower if len(word) >= 3 and lower.startswith(word.lower())]
    return by_lower[starting[0]] if len(starting) == 1 else None


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """``"; did you mean 'speaker'?"``, or ``""`` when no choice is close."""
    found = closest(word, choices)
    return f"; did you mean {found!r}?" if found else ""


def unknown(what: str, word: str, choices: Iterable[str]) -> str:
    """``"unknown key 'speakr'; did you mean 'speaker'?"``, or, when none is close,
    ``"unknown key 'x'; allowed keys: a, b, c"``."""
    choices = list(choices)
    hint = did_you_mean(word, choices)
    return f"unknown {what} {word!r}" + (hint or f"; allowed {what}s: {', '.join(choices)}")
