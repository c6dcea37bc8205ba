"""The browser script and styles of the dates, loaded only on pages that list dates."""

from pathlib import Path

from sphinx.application import Sphinx

from .domain import domain

STATIC = Path(__file__).parent / "static"


def add_static_path(app: Sphinx) -> None:
    app.config.html_static_path.append(str(STATIC))


def add_page_assets(app: Sphinx, pagename: str, templatename, context, doctree) -> None:
    # Per page: the other pages stay as light as they were.
    if domain(app.env).entries_of(pagename):
        app.add_css_file("important-dates.css")
        app.add_js_file("important-dates.js", loading_method="defer")


def setup_assets(app: Sphinx) -> None:
    app.connect("builder-inited", add_static_path)
    app.connect("html-page-context", add_page_assets)
