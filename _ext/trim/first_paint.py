"""The first paint is the final layout: nothing on the page moves after it.

Two inline head scripts, run before the body is parsed:

- Colour mode. pydata-sphinx-theme's head script sets ``data-theme="auto"`` and leaves
  the choice between light and dark to its deferred script, which runs after the first
  paint: until then both logos (``only-light``, ``only-dark``) take space, and the
  header moves when one is hidden (a layout shift on every page). This script makes
  the same choice at once: the visitor's saved mode, else the system's colour scheme.
- Whole-page parse. On a busy CPU Chromium may paint a half-parsed page (a header
  without its right-hand icons, an article without its table of contents) and then
  shift it when the rest arrives. A render-blocking ``<link rel="expect">`` naming an
  id that no page has holds the first paint until the whole document is parsed
  (HTML spec, "expect" link type; browsers without it ignore the link). It is added by
  script because the HTML checker does not know the ``blocking`` attribute on a link.
"""

from sphinx.application import Sphinx

SETTLE_MODE = (
    "(function(){var d=document.documentElement;"
    'if(d.dataset.theme==="auto"){'
    'd.dataset.theme=matchMedia("(prefers-color-scheme: dark)").matches?"dark":"light";}})();'
)

#: An id that no page uses, so the expectation ends only when parsing does.
PARSED_MARKER = "trim-parsed"

WAIT_FOR_PARSE = (
    '(function(){var l=document.createElement("link");l.rel="expect";'
    f'l.href="#{PARSED_MARKER}";l.setAttribute("blocking","render");'
    "document.head.appendChild(l);})();"
)


def setup_first_paint(app: Sphinx) -> None:
    # Priority below the default (500) puts them first among the page's scripts.
    app.add_js_file(None, body=SETTLE_MODE, priority=100)
    app.add_js_file(None, body=WAIT_FOR_PARSE, priority=101)
