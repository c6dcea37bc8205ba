"""The browser side, loaded only on pages that hold a phase.

A small script in the head (inlined from ``static/phases.js``, so it runs before the
body is parsed and costs no request) defines ``phasesSettle``, which the one-line script
after each block calls; the stylesheet gives the home page's status its look.
"""

from pathlib import Path

from docutils import nodes
from sphinx.application import Sphinx

from .nodes import phase

STATIC = Path(__file__).parent / "static"
SCRIPT = STATIC / "phases.js"


def add_static_path(app: Sphinx) -> None:
    app.config.html_static_path.append(str(STATIC))


def add_page_assets(app: Sphinx, pagename: str, templatename, context, doctree) -> None:
    if doctree is None or not any(doctree.findall(phase)):
        return
    app.add_js_file(None, body=SCRIPT.read_text(encoding="utf-8"), priority=200)
    if any(doctree.findall(_is_status)):
        app.add_css_file("phases.css")


def _is_status(node) -> bool:
    return isinstance(node, nodes.Element) and "phases-status" in node["classes"]


def setup_assets(app: Sphinx) -> None:
    app.connect("builder-inited", add_static_path)
    app.connect("html-page-context", add_page_assets)
