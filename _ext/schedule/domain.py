"""The schedules in the Sphinx environment: for the calendar feed and the page assets.

A :class:`Schedule` is made once by the directive and is the same object in the
environment (a :class:`ScheduleDomain`, purged per page and merged from parallel readers
by Sphinx) and on the page's node, which the renderer turns into a table.
"""

from dataclasses import dataclass

from common.pages import PerPageDomain
from sphinx.application import Sphinx

from .slots import Slot


@dataclass(frozen=True)
class Schedule:
    """One ``schedule`` block as read."""

    day: str | None  # the :date: as written when usable: YYYY-MM-DD or an important-dates id
    timezone: str  # a name common.zones accepts
    slots: tuple[Slot, ...]
    docname: str
    line: int  # the file line of the directive
    day_line: int  # the file line of its :date: option


class ScheduleDomain(PerPageDomain):
    """Items: the :class:`Schedule` blocks of each page, in source order."""

    name = "schedule"
    label = "Program schedule"
    data_version = 2


def setup_domain(app: Sphinx) -> None:
    app.add_domain(ScheduleDomain)
