"""The ``important-dates`` directive: the one place where the site's dates are written."""

import dataclasses

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.application import Sphinx
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from . import store, zones
from .checks import check_block
from .entries import DateEntry, full_date, utc_iso
from .nodes import dates_entry, dates_feed, dates_struck, dates_time
from .parse import Problem, read_block, validate

logger = logging.getLogger(__name__)

#: Shown until the browser script replaces it with the countdown (same height, no shift).
COUNTDOWN_FALLBACK = "Each date is in its own time zone, then in UTC."


class ImportantDatesDirective(SphinxDirective):
    """A YAML list of dates; every mistake is a warning at the entry's line."""

    has_content = True
    option_spec = {"timezone": directives.unchanged_required}

    def run(self) -> list[nodes.Node]:
        default_zone = self._default_zone()
        raw_entries, problems = read_block(self.body_text())
        for problem in problems:
            self._warn(problem)
        entries = []
        for raw in raw_entries:
            entry, problems = validate(raw, default_zone)
            for problem in problems:
                self._warn(problem)
            if entry is not None:
                line = self.body_line(raw.line)
                entries.append(dataclasses.replace(entry, docname=self.env.docname, line=line))
        entries = check_block(entries, self._warn_entry)
        store.add_entries(self.env, self.env.docname, entries)
        return [self._render(entries)]

    def is_myst(self) -> bool:
        return type(self.state).__module__.startswith("myst_parser")

    def body_text(self) -> str:
        """The body as written in the file.

        MyST splits a body with ``str.splitlines``, which also breaks at U+000B, U+001E,
        U+0085, U+2028... where the file has no line break: from MyST, take the body back
        from the directive's full text, so that line numbers count the file's own lines.
        """
        joined = "\n".join(self.content)
        if not self.is_myst():
            return joined
        first = 1 + self.content_offset  # the fence line, then the options
        written = "\n".join(self.block_text.split("\n")[first:-2])
        return written if written.splitlines() == joined.splitlines() else joined

    def body_line(self, index: int) -> int:
        """The file line of line ``index`` (from 0) of the body.

        docutils gives rST directives the 0-based offset of their body in the file; MyST
        gives the number of lines between the directive's first line and its body.
        """
        if self.is_myst():
            return self.lineno + self.content_offset + index + 1
        return self.content_offset + index + 1

    def _default_zone(self) -> str:
        zone = self.options.get("timezone", "").strip() or self.config.dates_timezone
        if zones.is_known(zone):
            return zone
        logger.warning(
            "%s; falling back to %s",
            zones.unknown_message(zone, " in the :timezone: option"),
            self.config.dates_timezone,
            location=(self.env.docname, self.lineno),
            type="dates",
            subtype="timezone",
        )
        return self.config.dates_timezone

    def _warn(self, problem: Problem) -> None:
        location = (self.env.docname, self.body_line(problem.line))
        logger.warning(problem.message, location=location, type="dates", subtype=problem.subtype)

    def _warn_entry(self, entry: DateEntry, subtype: str, message: str) -> None:
        location = (self.env.docname, entry.line)
        logger.warning(message, location=location, type="dates", subtype=subtype)

    # -- Rendering: complete without JavaScript ------------------------------------------

    def _render(self, entries: list[DateEntry]) -> nodes.Element:
        block = nodes.container(classes=["dates"])
        self.set_source_info(block)
        block += self._paragraph("dates-countdown", nodes.Text(COUNTDOWN_FALLBACK))
        listing = nodes.bullet_list(classes=["dates-list"])
        self.set_source_info(listing)
        listing.extend(self._render_entry(entry) for entry in entries)
        block += listing
        feed = dates_feed(classes=["dates-feed"])
        self.set_source_info(feed)
        feed += nodes.Text("Add to your calendar")
        block += feed
        return block

    def _render_entry(self, entry: DateEntry) -> dates_entry:
        item = dates_entry(
            ids=[f"date-{entry.id}"],
            classes=["dates-entry"],
            data={
                "id": entry.id,
                "kind": "deadline" if entry.is_deadline else "day" if entry.all_day else "time",
                "start": utc_iso(entry.start()),
                "end": utc_iso(entry.end()),
            },
        )
        item.source, item.line = self.env.doc2path(entry.docname), entry.line
        label = [nodes.strong(entry.label, entry.label)]
        if entry.extended_from:
            badge = nodes.inline("extended", "extended", classes=["dates-badge"])
            label += [nodes.Text(" "), badge]
        item += self._paragraph("dates-label", *label)
        when = [time_node(entry, entry.when())]
        if entry.extended_from:
            old = dates_struck()
            old += dates_time("", full_date(entry.extended_from), datetime=str(entry.extended_from))
            when += [nodes.Text(" (extended from "), old, nodes.Text(")")]
        item += self._paragraph("dates-when", *when)
        item += self._paragraph("dates-zone", nodes.Text(entry.zone_meaning()))
        item += self._paragraph("dates-local", nodes.Text(entry.in_utc()))
        if entry.url:
            link = nodes.reference(entry.url, entry.url, refuri=entry.url)
            item += self._paragraph("dates-url", link)
        if entry.note:
            item += self._paragraph("dates-note", nodes.Text(entry.note))
        return item

    def _paragraph(self, cls: str, *children: nodes.Node) -> nodes.paragraph:
        paragraph = nodes.paragraph("", "", *children, classes=[cls])
        self.set_source_info(paragraph)
        return paragraph


def time_node(entry: DateEntry, text: str) -> dates_time:
    return dates_time("", text, datetime=entry.datetime_attribute())


def setup_directive(app: Sphinx) -> None:
    app.add_directive("important-dates", ImportantDatesDirective)
