"""The ``schedule`` directive: a day's program as a YAML list of slots."""

import dataclasses
import zoneinfo
from datetime import date

from docutils import nodes
from docutils.parsers.rst import directives
from important_dates.directive import ImportantDatesDirective
from sphinx.application import Sphinx
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from . import dates, store
from .body import read_items
from .nodes import schedule_block
from .slots import read_slots

logger = logging.getLogger(__name__)


def is_zone(name: str) -> bool:
    try:
        zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return False
    return True


class ScheduleDirective(SphinxDirective):
    """A day's slots; every mistake is a warning at the slot's line."""

    has_content = True
    option_spec = {
        "date": directives.unchanged_required,
        "timezone": directives.unchanged_required,
    }

    def run(self) -> list[nodes.Node]:
        items, structure = read_items(self.body_text())
        for line, subtype, message in structure:
            self.warn(self.body_line(line), subtype, message)
        slots, problems = read_slots(items)
        for problem in problems:
            self.warn(self.body_line(problem.line), problem.subtype, problem.message)
        block = schedule_block(
            date=self._date(),
            timezone=self._zone(),
            slots=[
                dataclasses.asdict(dataclasses.replace(slot, line=self.body_line(slot.line)))
                for slot in slots
            ],
        )
        self.set_source_info(block)
        store.add_block(self.env, self.env.docname, block)
        return [block]

    # A YAML body is read and located exactly as an important-dates block is: the body
    # as written in the file, and the file line of each of its lines (MyST and rST differ).
    is_myst = ImportantDatesDirective.is_myst
    body_text = ImportantDatesDirective.body_text
    body_line = ImportantDatesDirective.body_line

    def warn(self, line: int, subtype: str, message: str) -> None:
        logger.warning(message, location=(self.env.docname, line), type="schedule", subtype=subtype)

    def _date(self) -> str | None:
        """The ``:date:`` as written when it can be used: a valid date or an id."""
        text = self.options.get("date", "").strip()
        if not text:
            self.warn(
                self.lineno,
                "date",
                "the schedule has no :date:; add ':date: workshop' (an important-dates id) "
                "or ':date: YYYY-MM-DD'",
            )
            return None
        if dates.is_literal(text):
            try:
                date.fromisoformat(text)
            except ValueError as error:
                self.warn(self.lineno, "date", f":date: {text!r} is not a real date ({error})")
                return None
            return text
        # An important-dates id: checked once every page is read (it may be defined later),
        # and this page is rewritten whenever that date changes.
        dates.note_use(self.env, self.env.docname, text)
        return text

    def _zone(self) -> str:
        zone = self.options.get("timezone", "").strip() or self.config.schedule_timezone
        if is_zone(zone):
            return zone
        self.warn(
            self.lineno,
            "timezone",
            f"unknown time zone {zone!r} in :timezone:; use an IANA name such as "
            f"'America/New_York'; falling back to {self.config.schedule_timezone!r}",
        )
        return self.config.schedule_timezone


def setup_directive(app: Sphinx) -> None:
    app.add_directive("schedule", ScheduleDirective)
