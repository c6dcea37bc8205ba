"""Program schedule: the ``schedule`` directive renders a day's slots as a validated table,
in venue time and, at a click, in the visitor's own time, with a calendar feed."""

from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.util import logging

from .assets import setup_assets
from .calendar import setup_calendar
from .directive import is_zone, setup_directive
from .nodes import setup_nodes
from .render import setup_render
from .store import setup_store

__version__ = "1.0.0"

logger = logging.getLogger(__name__)


def check_config(app: Sphinx, config: Config) -> None:
    """An unknown ``schedule_timezone`` is a warning, and UTC applies."""
    if not is_zone(config.schedule_timezone):
        logger.warning(
            "unknown time zone %r in schedule_timezone (conf.py); use an IANA name such as "
            "'America/New_York'; falling back to 'UTC'",
            config.schedule_timezone,
            type="schedule",
            subtype="timezone",
        )
        config.schedule_timezone = "UTC"


def setup(app: Sphinx) -> dict:
    # A schedule's :date: may name an important date.
    app.setup_extension("important_dates")
    # The venue's zone: conf.py sets it from the edition facts.
    app.add_config_value("schedule_timezone", "UTC", "env", types=frozenset({str}))
    app.connect("config-inited", check_config)
    setup_nodes(app)
    setup_directive(app)
    setup_store(app)
    setup_render(app)
    setup_calendar(app)
    setup_assets(app)
    return {
        "version": __version__,
        "env_version": 1,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
