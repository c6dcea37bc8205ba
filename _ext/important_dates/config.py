"""``dates_timezone``: the zone of entries whose block gives none (conf.py)."""

from common import zones
from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.util import logging

logger = logging.getLogger(__name__)
DEFAULT = "AoE"


def check_config(app: Sphinx, config: Config) -> None:
    """An unknown ``dates_timezone`` is a warning, and the default applies."""
    if not zones.is_zone(config.dates_timezone):
        message = zones.unknown_message(config.dates_timezone, " in dates_timezone (conf.py)")
        logger.warning("%s; falling back to %r", message, DEFAULT, type="dates", subtype="timezone")
        config.dates_timezone = DEFAULT


def setup_config(app: Sphinx) -> None:
    app.add_config_value("dates_timezone", DEFAULT, "env", types=frozenset({str}))
    app.connect("config-inited", check_config)
