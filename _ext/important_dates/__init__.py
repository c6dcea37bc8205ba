"""Important dates: written once in an ``important-dates`` block, validated at build time,
shown on any page with ``{date}`id```, enhanced in the browser and offered as a calendar."""

from sphinx.application import Sphinx

from .assets import setup_assets
from .directive import setup_directive
from .feed import setup_feed
from .nodes import setup_nodes
from .role import setup_role
from .store import lookup, note_use, setup_store
from .zones import setup_config

__all__ = ["lookup", "note_use", "setup"]
__version__ = "1.0.0"


def setup(app: Sphinx) -> dict:
    setup_config(app)
    setup_nodes(app)
    setup_directive(app)
    setup_role(app)
    setup_store(app)
    setup_feed(app)
    setup_assets(app)
    return {
        "version": __version__,
        "env_version": 1,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
