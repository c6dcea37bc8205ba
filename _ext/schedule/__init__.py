"""Program schedule: the ``schedule`` directive renders a day's slots as a validated table,
in venue time and, at a click, in the visitor's own time, with a calendar feed."""

from common import zones
from common.extension import metadata
from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.util import logging

from .assets import setup_assets
from .directive import setup_directive
from .domain import setup_domain
from .feed import setup_feed
from .nodes import setup_nodes
from .render import setup_render

__version__ = "2.0.0"
DEFAULT = "UTC"

logger = logging.getLogger(__name__)


def check_config(app: Sphinx, config: Config) -> None:
    """An unknown ``schedule_timezone`` is a warning, and UTC applies."""
    if not zones.is_zone(config.schedule_timezone):
        message = zones.unknown_message(config.schedule_timezone, " in schedule_timezone (conf.py)")
        logger.warning(
            "%s; falling back to %r", message, DEFAULT, type="schedule", subtype="timezone"
        )
        config.schedule_timezone = DEFAULT


def setup(app: Sphinx) -> dict:
    # A schedule's :date: may name an important date.
    app.setup_extension("important_dates")
    # The venue's zone: conf.py sets it from the edition facts.
    app.add_config_value("schedule_timezone", DEFAULT, "env", types=frozenset({str}))
    app.connect("config-inited", check_config)
    setup_nodes(app)
    setup_domain(app)
    setup_directive(app)
    setup_render(app)
    setup_feed(app)
    setup_assets(app)
    return metadata(__version__, env_version=2)
