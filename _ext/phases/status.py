"""The ``phase-status`` directive: where the workshop stands, written from the dates.

::

    :::{phase-status} abstract-deadline notification workshop
    :::

The ids are the milestones in chronological order, the last one the event itself. The
directive writes one phase per stretch of time: before the first milestone ("Abstract
submission closes in 18 days (on May 16, AoE)."), then the next milestone after each one
passes, the days left before the event, "today" during it, and where and when it took
place after it. Nothing to write by hand: move a date and every sentence follows.
"""

import important_dates
from common.days import month_day, short_date
from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.application import Sphinx
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from . import pages
from .clock import countdown
from .nodes import phase, phase_countdown
from .window import utc_iso, utc_text

logger = logging.getLogger(__name__)
#: "Abstract submission deadline" reads "Abstract submission closes in ...".
DEADLINE = " deadline"


class phase_status(nodes.General, nodes.Element):  # noqa: N801 (docutils style)
    """Waits for the site's dates; attributes ``date_ids`` and ``place``."""


class PhaseStatusDirective(SphinxDirective):
    required_arguments = 1
    final_argument_whitespace = True
    option_spec = {"place": directives.unchanged}

    def run(self) -> list[nodes.Node]:
        ids = self.arguments[0].split()
        substitutions = getattr(self.config, "myst_substitutions", None) or {}
        place = self.options.get("place", substitutions.get("city", ""))
        node = phase_status(date_ids=ids, place=str(place).strip())
        self.set_source_info(node)
        pages.note_page(self.env, self.env.docname, ids)
        for date_id in ids:
            important_dates.note_use(self.env, self.env.docname, date_id)
        return [node]


def _day(entry, year: bool = False) -> str:
    return short_date(entry.date) if year else month_day(entry.date)


def _on(entry) -> str:
    """'May 16, AoE', 'July 15, 23:00 Europe/Paris' or 'July 23, 2022'."""
    if entry.is_deadline:
        return f"{_day(entry)}, AoE"
    if not entry.all_day:
        return f"{_day(entry)}, {entry.start():%H:%M} {entry.start().tzname()}"
    return _day(entry, year=True)


def _block(conditions: list[tuple[str, str]], *parts, node: nodes.Element) -> phase:
    block = phase(conditions=conditions, written=" ".join(" ".join(c) for c in conditions))
    block.source, block.line = node.source, node.line
    paragraph = nodes.paragraph()
    for part in parts:
        paragraph += part if isinstance(part, nodes.Node) else nodes.Text(part)
    block += paragraph
    return block


def _left(entry, now) -> phase_countdown:
    moment = entry.end() if entry.is_deadline else entry.start()
    text = countdown((moment - now).total_seconds())
    return phase_countdown("", text, to=utc_iso(moment))


def _milestone(entry, now) -> list:
    label, when = entry.label, f" (on {_on(entry)})."
    if label.lower().endswith(DEADLINE):
        return [f"{label[: -len(DEADLINE)]} closes in ", _left(entry, now), when]
    return [f"Next: {label}, in ", _left(entry, now), when]


def expand(node: phase_status, env, now) -> nodes.Element:
    """The phases of a status, from the dates as they are now; problems are warnings."""
    entries = []
    for date_id in node["date_ids"]:
        entry = important_dates.lookup(env, date_id)
        if entry is None:
            message = important_dates.unknown_id_message(env, date_id, "phase-status")
            if message:
                logger.warning(message, location=node, type="phases", subtype="id")
            continue
        if entries and entry.end() < entries[-1].end():
            logger.warning(
                "phase-status lists %r (%s) after %r (%s); list the dates in chronological "
                "order (the status is written in that order)",
                entry.id, utc_text(entry.end()), entries[-1].id, utc_text(entries[-1].end()),
                location=node, type="phases", subtype="order",
            )  # fmt: skip
        entries.append(entry)
    entries.sort(key=lambda entry: entry.end())
    box = nodes.container(classes=["phases-status"])
    box.source, box.line = node.source, node.line
    if not entries:
        return box
    *milestones, event = entries
    previous = None
    for entry in milestones:
        conditions = ([("after", previous.id)] if previous else []) + [("before", entry.id)]
        box += _block(conditions, *_milestone(entry, now), node=node)
        previous = entry
    name = event.label[:1].lower() + event.label[1:]
    where = f", in {node['place']}" if node["place"] else ""
    before = ([("after", previous.id)] if previous else []) + [("before", event.id)]
    box += _block(before, f"The {name} is in ", _left(event, now), f" (on {_on(event)}{where}).",
                  node=node)  # fmt: skip
    if not event.is_deadline and event.end() > event.start():
        box += _block([("during", event.id)], f"The {name} is today{where}.", node=node)
    took = f"The {name} took place on {_day(event, year=True)}{where}."
    box += _block([("after", event.id)], took, node=node)
    return box


def setup_status(app: Sphinx) -> None:
    app.add_node(phase_status)
    app.add_directive("phase-status", PhaseStatusDirective)
