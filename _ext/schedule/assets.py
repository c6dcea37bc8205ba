"""The toggle's script and the table's styles, loaded only on pages with a schedule."""

from pathlib import Path

from sphinx.application import Sphinx

from .domain import ScheduleDomain

STATIC = Path(__file__).parent / "static"


def add_static_path(app: Sphinx) -> None:
    app.config.html_static_path.append(str(STATIC))


def add_page_assets(app: Sphinx, pagename: str, templatename, context, doctree) -> None:
    if ScheduleDomain.of(app.env).items_of(pagename):
        app.add_css_file("schedule.css")
        app.add_js_file("schedule.js", loading_method="defer")


def setup_assets(app: Sphinx) -> None:
    app.connect("builder-inited", add_static_path)
    app.connect("html-page-context", add_page_assets)
