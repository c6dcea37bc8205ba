"""A located mistake in a contributor's input, and how it becomes a Sphinx warning."""

from dataclasses import dataclass

from sphinx.util import logging

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Problem:
    """One mistake. ``line`` counts from 0 at the first line of the text that was read
    (a directive's body, a CSV file): the caller knows where that text starts."""

    line: int
    subtype: str
    message: str


def warn(location, kind: str, subtype: str, message: str) -> None:
    """A warning at ``location`` (``(docname, line)``, a node, or a file path)."""
    logger.warning(message, location=location, type=kind, subtype=subtype)
