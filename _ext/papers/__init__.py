"""Accepted papers: the ``papers`` directive renders a CSV export as one filterable list."""

from common.extension import metadata
from sphinx.application import Sphinx

from .anchors import setup_anchors
from .assets import setup_assets
from .directive import setup_papers_directive
from .nodes import setup_nodes

__version__ = "2.0.0"


def setup(app: Sphinx) -> dict:
    setup_nodes(app)
    setup_papers_directive(app)
    setup_anchors(app)
    setup_assets(app)
    return metadata(__version__, env_version=2)
