"""Accepted papers: the ``papers`` directive renders a CSV export as one filterable list."""

from pathlib import Path

from sphinx.application import Sphinx
from sphinx.config import Config

from .directive import setup_papers_directive
from .filterbox import setup_filterbox

__version__ = "1.0.0"

STATIC = Path(__file__).parent / "static"


def add_static_path(app: Sphinx, config: Config) -> None:
    config.html_static_path.append(str(STATIC))


def setup(app: Sphinx) -> dict:
    setup_papers_directive(app)
    setup_filterbox(app)
    app.connect("config-inited", add_static_path)
    return {
        "version": __version__,
        "env_version": 1,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
