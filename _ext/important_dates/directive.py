"""The ``important-dates`` directive: the one place where the site's dates are written."""

import dataclasses

from common.days import full_date
from common.yaml_body import AnyOption, YamlBlockDirective
from docutils import nodes
from sphinx.application import Sphinx

from .checks import check_block
from .domain import FaultyEntry, domain
from .entries import DateEntry
from .nodes import dates_entry, dates_feed, dates_struck, dates_time
from .parse import SLUG, read_block, validate

#: Shown until the browser script replaces it with the countdown (same height, no shift).
COUNTDOWN_FALLBACK = "Each date is in its own time zone, then in UTC."


class ImportantDatesDirective(YamlBlockDirective):
    """A YAML list of dates; every mistake is a warning at its own line."""

    warning_type = "dates"
    option_spec = AnyOption({"timezone": str})

    def run(self) -> list[nodes.Node]:
        options = self.known_options(["timezone"])
        written_zone = options.get("timezone", "").strip()
        default_zone = self.zone_option(written_zone, self.config.dates_timezone)
        records, problems = read_block(self.body_text())
        for problem in problems:
            self.warn_problem(problem)
        entries = []
        for record in records:
            entry, problems = validate(record, default_zone)
            for problem in problems:
                self.warn_problem(problem)
            line = self.body_line(record.line)
            if entry is not None:
                entries.append(dataclasses.replace(entry, docname=self.env.docname, line=line))
            elif SLUG.fullmatch(record.text("id") or ""):
                domain(self.env).add(self.env.docname, FaultyEntry(record.text("id"), line))
        entries = check_block(entries, self._warn_entry)
        for entry in entries:
            domain(self.env).add(self.env.docname, entry)
        return [self._render(entries)]

    def _warn_entry(self, entry: DateEntry, subtype: str, message: str) -> None:
        self.warn(entry.line, subtype, message)

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
        item = dates_entry(ids=[f"date-{entry.id}"], classes=["dates-entry"], entry=entry)
        item.source, item.line = self.env.doc2path(entry.docname), entry.line
        label = [nodes.strong(entry.label, entry.label)]
        if entry.extended_from:
            badge = nodes.inline("extended", "extended", classes=["dates-badge"])
            label += [nodes.Text(" "), badge]
        item += self._paragraph("dates-label", *label)
        when = [dates_time("", entry.when(), datetime=entry.datetime_attribute())]
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


def setup_directive(app: Sphinx) -> None:
    app.add_directive("important-dates", ImportantDatesDirective)
