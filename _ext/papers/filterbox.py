"""The filter box above the list, and the script and style that bring it to life.

The box is in the served HTML from the start (hidden with ``visibility``, which keeps
its space) so that nothing moves when the script makes it visible.
"""

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.writers.html5 import HTML5Translator


class papers_filter(nodes.General, nodes.Element):  # noqa: N801 (docutils style)
    """Label, search input and the aria-live count of papers shown."""


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


def add_assets(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    """Load the filter's script and style only on the pages that have a papers list."""
    if doctree is not None and next(doctree.findall(papers_filter), None) is not None:
        app.add_css_file("papers.css")
        app.add_js_file("papers.js", loading_method="defer")


def setup_filterbox(app: Sphinx) -> None:
    app.add_node(
        papers_filter,
        html=(visit_filter_html, None),
        latex=(skip, None),
        text=(skip, None),
        man=(skip, None),
        texinfo=(skip, None),
    )
    app.connect("html-page-context", add_assets)
