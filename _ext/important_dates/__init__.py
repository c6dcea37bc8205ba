"""Important dates: written once in an ``important-dates`` block, validated at build time,
shown on any page with ``{date}`id```, enhanced in the browser and offered as a calendar.

Other extensions use :func:`lookup` (an entry by id), :func:`note_use` (rewrite a page when
a date it shows changes), :func:`known_ids` and :func:`unknown_id_message` (what to say
where an unknown id is used, with "did you mean").
"""

from common.extension import metadata
from sphinx.application import Sphinx

from .assets import setup_assets
from .config import setup_config
from .directive import setup_directive
from .domain import known_ids, lookup, note_use, setup_domain, unknown_id_message
from .feed import setup_feed
from .nodes import setup_nodes
from .role import setup_role

__all__ = ["known_ids", "lookup", "note_use", "setup", "unknown_id_message"]
__version__ = "2.0.0"


def setup(app: Sphinx) -> dict:
    setup_config(app)
    setup_nodes(app)
    setup_domain(app)
    setup_directive(app)
    setup_role(app)
    setup_feed(app)
    setup_assets(app)
    return metadata(__version__, env_version=2)
