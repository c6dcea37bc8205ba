"""Phases: content that follows the important dates in every visitor's browser, without a
rebuild (``phase`` blocks), and the home page's status written from the dates
(``phase-status``)."""

from common.extension import metadata
from sphinx.application import Sphinx

from .assets import setup_assets
from .directive import setup_directive
from .nodes import setup_nodes
from .pages import setup_pages
from .resolve import setup_resolve
from .status import setup_status

__version__ = "1.0.0"


def setup(app: Sphinx) -> dict:
    app.setup_extension("important_dates")
    setup_nodes(app)
    setup_directive(app)
    setup_status(app)
    setup_resolve(app)
    setup_pages(app)
    setup_assets(app)
    return metadata(__version__)
