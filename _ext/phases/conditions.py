"""A phase's conditions, as written: ``before ID``, ``during ID``, ``after ID``, one or two.

Pure parsing, without Sphinx and without the dates: ids are checked later, once every
page has been read (an id may be defined on a page read after this one).
"""

from dataclasses import dataclass

from common.suggest import closest

WORDS = ("before", "during", "after")
#: A block takes one or two conditions: "after a before b" is a span, more is never needed.
MOST = 2


@dataclass(frozen=True)
class Condition:
    """``word date_id``: before, during or after the important date ``date_id``."""

    word: str
    date_id: str

    def __str__(self) -> str:
        return f"{self.word} {self.date_id}"


def parse(text: str) -> tuple[list[Condition], list[tuple[str, str]]]:
    """The conditions of ``text`` and the problems found, as ``(subtype, message)``.

    A condition with an unknown word is dropped (and reported); the others are kept, so
    that a block with one typo still shows at the right time once it is fixed.
    """
    tokens = text.split()
    if not tokens:
        return [], [("syntax", f"a phase needs a condition; write e.g. {_example()}")]
    conditions, problems = [], []
    for index in range(0, len(tokens), 2):
        word, date_id = tokens[index], tokens[index + 1] if index + 1 < len(tokens) else None
        if word.lower() not in WORDS:
            problems.append(("word", _unknown_word(word, text)))
            continue
        if date_id is None or date_id.lower() in WORDS:
            problems.append(
                (
                    "syntax",
                    f"condition {word!r} in {text!r} names no date; write {word} ID, "
                    "with the id of an entry of the important-dates block",
                )
            )
            if date_id is not None:
                return conditions, problems  # the rest is out of step: one message is enough
            continue
        conditions.append(Condition(word.lower(), date_id))
    if len(conditions) > MOST:
        problems.append(
            (
                "syntax",
                f"{len(conditions)} conditions in {text!r}; a phase takes one or two "
                "(e.g. 'after abstract-deadline before notification')",
            )
        )
        return conditions[:MOST], problems
    repeated = _repeated(conditions, text)
    if repeated:
        problems.append(("repeated", repeated))
        conditions = list(dict.fromkeys(conditions))  # the same condition twice holds as once
    return conditions, problems


def _repeated(conditions: list[Condition], text: str) -> str | None:
    """A word written twice: the same condition twice says nothing more, and two ``after``
    (or two ``before``) conditions are one condition too many: only the later (earlier) holds."""
    for index, condition in enumerate(conditions):
        for other in conditions[:index]:
            if other == condition:
                return f"condition {str(condition)!r} is written twice in {text!r}; write it once"
            if other.word == condition.word:
                return (
                    f"{condition.word!r} twice in {text!r} ({str(other)!r} and "
                    f"{str(condition)!r}); all conditions must hold, so keep one "
                    f"{condition.word!r} condition (for a span, write 'after ID before ID')"
                )
    return None


def _unknown_word(word: str, text: str) -> str:
    close = closest(word, WORDS)
    hint = f"did you mean {close!r}? " if close else ""
    return (
        f"unknown word {word!r} in phase condition {text!r}; "
        f"{hint}write before, during or after, then a date id"
    )


def _example() -> str:
    return "'before abstract-deadline' or 'after workshop'"
