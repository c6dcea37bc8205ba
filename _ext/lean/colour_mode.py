"""Settle the colour mode before the first paint.

pydata-sphinx-theme's head script sets ``data-theme="auto"`` and leaves the
choice between light and dark to its deferred script, which runs after the first
paint: until then both logos (``only-light``, ``only-dark``) take space, and the
header moves when one is hidden (a layout shift on every page). This inline
script, run in the head right after the theme's, makes the same choice at once:
the visitor's saved mode, else the system's colour scheme.
"""

from sphinx.application import Sphinx

SETTLE_MODE = (
    "(function(){var d=document.documentElement;"
    'if(d.dataset.theme==="auto"){'
    'd.dataset.theme=matchMedia("(prefers-color-scheme: dark)").matches?"dark":"light";}})();'
)


def setup_colour_mode(app: Sphinx) -> None:
    # Priority below the default (500) puts it first among the page's scripts.
    app.add_js_file(None, body=SETTLE_MODE, priority=100)
