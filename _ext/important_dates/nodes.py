"""Nodes of the dates: HTML elements docutils has no node for (``<time>``, ``<del>``,
an ``<li>`` carrying ``data-`` instants), each falling back to a standard node elsewhere.

Sphinx's translators dispatch along the class hierarchy, so a builder without a visitor
of its own renders a ``dates_entry`` as a list item and a ``dates_time`` as inline text.
"""

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util.osutil import relative_uri

from .entries import utc_iso

#: The calendar feed, at the root of the HTML output.
FEED = "important-dates.ics"


class dates_time(nodes.inline):  # noqa: N801 (docutils style)
    """``<time datetime="...">``; attribute ``datetime``."""


class dates_struck(nodes.inline):  # noqa: N801
    """``<del>``: the date before an extension."""


class dates_entry(nodes.list_item):  # noqa: N801
    """One entry (attribute ``entry``, the :class:`DateEntry` itself); in HTML its UTC
    instants become ``data-`` attributes for the browser script."""


class dates_feed(nodes.paragraph):  # noqa: N801
    """The link to the calendar feed; HTML builders only (nothing to link to elsewhere)."""


def visit_time_html(self, node: dates_time) -> None:
    self.body.append(self.starttag(node, "time", "", datetime=node["datetime"]))


def depart_time_html(self, node: dates_time) -> None:
    self.body.append("</time>")


def visit_struck_html(self, node: dates_struck) -> None:
    self.body.append(self.starttag(node, "del", ""))


def depart_struck_html(self, node: dates_struck) -> None:
    self.body.append("</del>")


def visit_entry_html(self, node: dates_entry) -> None:
    entry = node["entry"]
    kind = "deadline" if entry.is_deadline else "day" if entry.all_day else "time"
    data = {
        "id": entry.id,
        "kind": kind,
        "start": utc_iso(entry.start()),
        "end": utc_iso(entry.end()),
    }
    attributes = {f"data-dates-{key}": value for key, value in data.items()}
    self.body.append(self.starttag(node, "li", "", **attributes))


def depart_entry_html(self, node: dates_entry) -> None:
    self.body.append("</li>\n")


def visit_feed_html(self, node: dates_feed) -> None:
    here = self.builder.get_target_uri(self.builder.current_docname)
    href = relative_uri(here, FEED)
    self.body.append(self.starttag(node, "p", ""))
    self.body.append(f'<a href="{href}" type="text/calendar" download="{FEED}">')


def depart_feed_html(self, node: dates_feed) -> None:
    self.body.append("</a></p>\n")


def skip(self, node: nodes.Node) -> None:
    raise nodes.SkipNode


def setup_nodes(app: Sphinx) -> None:
    app.add_node(dates_time, html=(visit_time_html, depart_time_html))
    app.add_node(dates_struck, html=(visit_struck_html, depart_struck_html))
    app.add_node(dates_entry, html=(visit_entry_html, depart_entry_html))
    app.add_node(
        dates_feed,
        html=(visit_feed_html, depart_feed_html),
        latex=(skip, None),
        text=(skip, None),
        man=(skip, None),
        texinfo=(skip, None),
    )
