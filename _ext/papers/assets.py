"""The filter's script and style, loaded only on the pages that have a papers list."""

from pathlib import Path

from sphinx.application import Sphinx

from .nodes import papers_filter

STATIC = Path(__file__).parent / "static"


def add_static_path(app: Sphinx) -> None:
    app.config.html_static_path.append(str(STATIC))


def add_assets(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    """Load the filter's script and style only on the pages that have a papers list."""
    if doctree is not None and next(doctree.findall(papers_filter), None) is not None:
        app.add_css_file("papers.css")
        app.add_js_file("papers.js", loading_method="defer")


def setup_assets(app: Sphinx) -> None:
    app.connect("builder-inited", add_static_path)
    app.connect("html-page-context", add_assets)
