"""Guard: nothing a page's author writes can run script on the site.

Pages are written by contributors the organizers may not know, and Read the Docs
publishes every pull request. This extension refuses what could carry script into a
page, and adds a second line of defence to every page written:

- :mod:`.raw`: raw HTML in a page (MyST HTML blocks and inline HTML, ``{raw} html``,
  ``.. raw:: html``) is a located warning and is not published;
- :mod:`.links`: a link in a page's prose that fails the site's one link check (``javascript:``,
  ``vbscript:``, ``data:``...) is a located warning and is published as plain text;
- :mod:`.files`: directives that would read a file the page names (``include``,
  ``literalinclude``, ``csv-table :file:``) are refused: file insertion is off;
- :mod:`.copies`: images and downloads whose file is outside the project, and images
  from other sites, are refused;
- :mod:`.meta`: ``<meta http-equiv>`` tags a page writes (``refresh``...) are refused;
- :mod:`.formulas`: a formula is published as its source text (it would load MathJax
  from another site);
- :mod:`.names`: a page whose file name is not letters, digits, ``-`` and ``_`` is a
  warning and is not built (its name would be written into an inline script);
- :mod:`.final`: once every page is written, each page gets a Content-Security-Policy
  (:mod:`.csp`) and is checked for duplicate ids and inline event handlers
  (:mod:`.scan`, :mod:`.ids`).

Warnings have type ``guard``, so ``-W`` stops the build.
"""

from common.extension import metadata
from sphinx.application import Sphinx

from .copies import setup_copies
from .files import setup_files
from .final import setup_final
from .formulas import setup_formulas
from .links import setup_links
from .meta import setup_meta
from .names import setup_names
from .raw import setup_raw

__version__ = "1.0.0"


def setup(app: Sphinx) -> dict:
    setup_raw(app)
    setup_links(app)
    setup_names(app)
    setup_files(app)
    setup_formulas(app)
    setup_copies(app)
    setup_meta(app)
    setup_final(app)
    return metadata(__version__)
