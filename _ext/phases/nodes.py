"""The nodes of a phase, and their HTML: a ``<div>`` carrying its UTC span in ``data-``
attributes, settled by a one-line script right after it, before the page is painted.

``hidden`` holds the build's answer, for visitors without JavaScript; the script gives
the visitor's own answer (the same for everyone at the same instant: UTC instants).
"""

from docutils import nodes
from sphinx.application import Sphinx

#: Runs as soon as the parser has read the block, so the first paint is already right.
#: The same text after every block: a Content-Security-Policy needs one hash for all.
SETTLE = "<script>phasesSettle(document.currentScript)</script>\n"


class phase(nodes.General, nodes.Element):  # noqa: N801 (docutils style)
    """A block shown while its conditions hold. Attributes: ``conditions`` (as written),
    then once resolved ``start`` and ``until`` (UTC ISO, or absent) and ``hidden``."""


class phase_countdown(nodes.inline):  # noqa: N801
    """The time left until ``to`` (UTC ISO), as of the build; the script keeps it current."""


def visit_phase_html(self, node: phase) -> None:
    data = {f"data-phases-{key}": node[key] for key in ("start", "until") if node.get(key)}
    if node.get("hidden"):
        data["hidden"] = ""
    self.body.append(self.starttag(node, "div", "", CLASS="phases", **data))


def depart_phase_html(self, node: phase) -> None:
    self.body.append("</div>\n" + SETTLE)


def visit_countdown_html(self, node: phase_countdown) -> None:
    self.body.append(
        self.starttag(node, "span", "", CLASS="phases-countdown", **{"data-phases-to": node["to"]})
    )


def depart_countdown_html(self, node: phase_countdown) -> None:
    self.body.append("</span>")


def visit_phase_other(self, node: phase) -> None:
    """Builders without a browser: the block as it stands at build time."""
    if node.get("hidden"):
        raise nodes.SkipNode


def depart_phase_other(self, node: phase) -> None:
    pass


def setup_nodes(app: Sphinx) -> None:
    other = (visit_phase_other, depart_phase_other)
    app.add_node(
        phase,
        html=(visit_phase_html, depart_phase_html),
        **{builder: other for builder in ("latex", "text", "man", "texinfo")},
    )
    app.add_node(phase_countdown, html=(visit_countdown_html, depart_countdown_html))
