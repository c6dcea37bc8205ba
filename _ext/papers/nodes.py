"""Nodes of the papers list that only HTML renders: the filter box and a paper's links.

The box is in the served HTML from the start (hidden with ``visibility``, which keeps
its space) so that nothing moves when the script makes it visible.
"""

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.writers.html5 import HTML5Translator


class papers_filter(nodes.General, nodes.Element):  # noqa: N801 (docutils style)
    """Label, search input and the aria-live count of papers shown."""


class papers_links(nodes.Inline, nodes.Element):  # noqa: N801
    """A paper's links, ``links``: [(label, url)], written straight to HTML."""


def visit_links_html(self: HTML5Translator, node: papers_links) -> None:
    self.body.append(
        " ".join(
            f'<a class="papers-link reference external" href="{self.attval(url)}">'
            f"{self.encode(label)}</a>"
            for label, url in node["links"]
        )
    )
    raise nodes.SkipNode


def visit_links_text(self, node: papers_links) -> None:
    self.add_text(" ".join(f"{label}: {url}" for label, url in node["links"]))
    raise nodes.SkipNode


def count_text(shown: int, total: int) -> str:
    """Also written by papers.js: keep the two in step."""
    noun = "paper" if total == 1 else "papers"
    return f"{total} {noun}" if shown == total else f"{shown} of {total} {noun}"


def visit_filter_html(self: HTML5Translator, node: papers_filter) -> None:
    field = f"papers-filter-{node['serial']}"
    self.body.append(
        f'<div class="papers-filter" role="search">'
        f'<label for="{field}">Filter by title, author or topic</label>'
        f'<input type="search" id="{field}" class="papers-filter-input" autocomplete="off">'
        f'<p class="papers-count" aria-live="polite">{count_text(node["total"], node["total"])}</p>'
        f"</div>"
    )
    raise nodes.SkipNode


def skip(self, node: nodes.Node) -> None:
    # Only HTML has a script to run the filter.
    raise nodes.SkipNode


def setup_nodes(app: Sphinx) -> None:
    app.add_node(
        papers_filter,
        html=(visit_filter_html, None),
        latex=(skip, None),
        text=(skip, None),
        man=(skip, None),
        texinfo=(skip, None),
    )
    app.add_node(
        papers_links,
        html=(visit_links_html, None),
        text=(visit_links_text, None),
        latex=(skip, None),
        man=(skip, None),
        texinfo=(skip, None),
    )
