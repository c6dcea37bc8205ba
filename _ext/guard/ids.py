"""Duplicate ids on a page: a link to ``#id`` reaches only the first of the elements.

Two parts of a page make ids on their own, so they can meet: headings (``## Paper 1`` is
``#paper-1``) and the anchors of our directives (the paper with id ``1`` is ``#paper-1``).
The written page is the only place where both are known, so the check reads it.
"""

from .scan import Element


def duplicates(ids: dict[str, list[Element]]) -> dict[str, list[Element]]:
    """The ids carried by more than one element, with those elements."""
    return {name: elements for name, elements in ids.items() if len(elements) > 1}


def describe(element: Element) -> str:
    text = f" {element.text!r}" if element.text else ""
    return f"<{element.tag}>{text} (line {element.line} of the page)"
