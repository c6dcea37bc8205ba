"""Nodes of a schedule: the block as read, and the HTML-only pieces of the rendered table."""

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util.osutil import relative_uri
from sphinx.writers.html5 import HTML5Translator

#: The calendar feed of all the schedules, at the site root.
FEED = "program.ics"


class schedule_block(nodes.General, nodes.Element):  # noqa: N801 (docutils style)
    """A schedule as read: attribute ``schedule``, the :class:`~.domain.Schedule` itself.

    Replaced by a table once every page is read, because its date may come from an
    important-dates entry written on another page.
    """


class schedule_time(nodes.Inline, nodes.TextElement):  # noqa: N801
    """A clock time with its exact instant: ``<time datetime="2022-07-23T08:30-04:00">``."""


class schedule_controls(nodes.General, nodes.Element):  # noqa: N801
    """The time zone toggle and the calendar link above the table (HTML only)."""


def visit_time_html(self: HTML5Translator, node: schedule_time) -> None:
    self.body.append(self.starttag(node, "time", "", datetime=node["datetime"]))


def depart_time_html(self: HTML5Translator, node: schedule_time) -> None:
    self.body.append("</time>")


def visit_controls_html(self: HTML5Translator, node: schedule_controls) -> None:
    # The button is in the page from the start, its space kept while hidden
    # (visibility, not display): the script only makes it visible, nothing moves.
    here = self.builder.get_target_uri(self.builder.current_docname)
    self.body.append(
        '<div class="schedule-controls">'
        '<button type="button" class="schedule-toggle" aria-pressed="false">'
        "Show in my time zone</button>"
        f'<a class="schedule-feed" href="{self.encode(relative_uri(here, FEED))}" download>'
        "Add to your calendar</a></div>"
    )
    raise nodes.SkipNode


def skip(self, node: nodes.Node) -> None:
    raise nodes.SkipNode


def visit_time_text(self, node: schedule_time) -> None:
    pass  # other builders write the clock time as plain text


def setup_nodes(app: Sphinx) -> None:
    others = {name: (skip, None) for name in ("latex", "text", "man", "texinfo")}
    app.add_node(schedule_block, html=(skip, None), **others)
    app.add_node(schedule_controls, html=(visit_controls_html, None), **others)
    app.add_node(
        schedule_time,
        html=(visit_time_html, depart_time_html),
        **{name: (visit_time_text, visit_time_text) for name in others},
    )
