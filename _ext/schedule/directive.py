"""The ``schedule`` directive: a day's program as a YAML list of slots."""

import important_dates
from common.days import parse_day
from common.text import shorten
from common.yaml_body import AnyOption, YamlBlockDirective
from docutils import nodes
from sphinx.application import Sphinx

from . import day
from .domain import Schedule, ScheduleDomain
from .nodes import schedule_block
from .slots import read_slots

OPTIONS = ("date", "timezone")


class ScheduleDirective(YamlBlockDirective):
    """A day's slots; every mistake is a warning at its own line."""

    warning_type = "schedule"
    option_spec = AnyOption({name: str for name in OPTIONS})

    def run(self) -> list[nodes.Node]:
        options = self.known_options(OPTIONS)
        slots, problems = read_slots(self.body_text())
        for problem in problems:
            self.warn_problem(problem)
        schedule = Schedule(
            day=self._day(options.get("date", "").strip()),
            timezone=self.zone_option(
                options.get("timezone", "").strip(), self.config.schedule_timezone
            ),
            slots=tuple(slots),
            docname=self.env.docname,
            line=self.lineno,
            day_line=self.option_line("date"),
        )
        ScheduleDomain.of(self.env).add(self.env.docname, schedule)
        block = schedule_block(schedule=schedule)
        self.set_source_info(block)
        return [block]

    def _day(self, text: str) -> str | None:
        """The ``:date:`` as written when it can be used: a valid date or an id."""
        if not text:
            self.warn(
                self.lineno,
                "date",
                "the schedule has no :date:; add ':date: workshop' (an important-dates id) "
                "or ':date: YYYY-MM-DD'",
            )
            return None
        if day.is_literal(text):
            _, message = parse_day(text)
            if message:
                # A shortened value keeps a 300,000-digit mistake one readable line.
                message = parse_day(shorten(text))[1] or message
                self.warn(self.option_line("date"), "date", f":date: {message}")
                return None
            return text
        # An important-dates id: checked once every page is read (it may be defined later),
        # and this page is rewritten whenever that date changes.
        important_dates.note_use(self.env, self.env.docname, text)
        return text


def setup_directive(app: Sphinx) -> None:
    app.add_directive("schedule", ScheduleDirective)
