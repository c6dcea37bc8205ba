"""Quiet builds: the build log says only what needs doing.

Two lines came with every build, and neither asked anything of the reader:

- "The configuration has changed" on every rebuild, even with nothing changed. Sphinx
  compares the configuration with the one the previous build saved; the theme,
  sphinx-design and our extensions then add their folders to ``html_static_path`` and
  ``templates_path`` and fill in ``html_css_files`` and ``html_permalinks_icon``. Saved as
  the build ends, those values differed from every new start (a plain pydata-sphinx-theme
  project shows the same). Here the environment is saved with the values ``conf.py`` (and
  ``-D``) set, and the build goes on with its own.
- "matplotlib is not installed, social cards will not be generated": a bare ``print`` that
  sphinxext-opengraph runs when imported, whether social cards are on or not (they are off
  in conf.py). It is imported here first with that line muted; list this extension before
  ``sphinxext.opengraph``.
"""

import contextlib
import copy
import io

from common.extension import metadata
from sphinx.application import Sphinx

with contextlib.redirect_stdout(io.StringIO()):
    import sphinxext.opengraph  # noqa: F401

__version__ = "1.0.0"


def setup(app: Sphinx) -> dict:
    as_configured, as_built = {}, {}

    def remember(app, config):
        as_configured.update({item.name: copy.deepcopy(item.value) for item in config})

    def save_as_configured(app, env):
        # env-updated is the last event before the environment is pickled.
        for name, value in as_configured.items():
            if app.config[name] != value:
                as_built[name] = app.config[name]
                setattr(app.config, name, value)

    def build_as_built(app, builder):
        for name, value in as_built.items():
            setattr(app.config, name, value)
        as_built.clear()

    app.connect("config-inited", remember, priority=999)
    app.connect("env-updated", save_as_configured, priority=999)
    app.connect("write-started", build_as_built, priority=0)
    return metadata(__version__)
