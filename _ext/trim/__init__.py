"""Trim what the built pages load: scripts per page, unused CSS rules, unused icon glyphs.

Configuration (``conf.py``):

- ``trim_enabled`` (default ``True``): ``False`` ships every script, rule and glyph.
- ``trim_safelist``: classes that only appear at run time, added by a script the
  trimming does not read (e.g. one loaded from another site); their rules are kept.
- ``trim_icon_fonts``: the font families whose files are subset to the icons in use.

The pass itself is ``trim.site``; ``trim.first_paint`` adds two small head scripts so
that the first paint is the final layout.
"""

from common.extension import metadata
from sphinx.application import Sphinx

from .first_paint import setup_first_paint
from .site import trim_site

__version__ = "2.0.0"


def setup(app: Sphinx) -> dict:
    app.add_config_value("trim_enabled", True, "html", types=[bool])
    app.add_config_value("trim_safelist", [], "html", types=[list, tuple])
    app.add_config_value("trim_icon_fonts", ["Font Awesome"], "html", types=[list, tuple])
    setup_first_paint(app)
    # After the theme's handlers (priority 500, registered when the builder is made),
    # which still rewrite files of the output; before anything that reads the final
    # pages (e.g. a pass hashing their inline scripts, at 900).
    app.connect("build-finished", trim_site, priority=600)
    return metadata(__version__)
