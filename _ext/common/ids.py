"""Anchors and ids: docutils' own ``make_id``, so that our ids follow the same rules as
the ids Sphinx gives headings (and collisions with them can be checked)."""

from docutils.nodes import make_id


def anchor(prefix: str, text: str) -> str:
    """'paper-4-5' for prefix 'paper' and text '4 5' (the prefix keeps leading digits)."""
    return make_id(f"{prefix}-{text}")


def suggest_slug(text: str, fallback: str) -> str:
    """A lowercase hyphenated id to suggest: 'Abstract deadline' -> 'abstract-deadline'."""
    return make_id(text) or fallback
