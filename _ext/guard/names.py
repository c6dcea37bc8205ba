"""Page file names are letters, digits, ``-`` and ``_`` (and ``/`` between folders).

A page's name is written into the theme's inline ``DOCUMENTATION_OPTIONS`` script and into
every link to it, without escaping: ``x';alert(1);'.md`` would run script on its own page.
Such a page is warned about and left out of the build, before it is read.
"""

import re

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.util import logging

logger = logging.getLogger(__name__)

SAFE_NAME = re.compile(r"[A-Za-z0-9_-]+(?:/[A-Za-z0-9_-]+)*")


def suggest(docname: str) -> str:
    """A safe name close to ``docname``: every other character becomes ``-``."""
    parts = [
        re.sub(r"[^A-Za-z0-9_-]+", "-", part).strip("-") or "page" for part in docname.split("/")
    ]
    return "/".join(parts)


def leave_out_unsafe_pages(app: Sphinx, env: BuildEnvironment, docnames: list[str]) -> None:
    """Warn about each page with an unsafe name and remove it from this build."""
    for docname in sorted(env.found_docs):
        if SAFE_NAME.fullmatch(docname):
            continue
        source = env.doc2path(docname)
        logger.warning(
            "page file name %r is not built: page names may only use letters, digits, '-' "
            "and '_'; rename the file, e.g. to '%s%s'",
            source.name,
            suggest(docname),
            source.suffix,
            location=(docname, None),
            type="guard",
            subtype="page-name",
        )
        env.project.docnames.discard(docname)
        if docname in docnames:
            docnames.remove(docname)


def setup_names(app: Sphinx) -> None:
    app.connect("env-before-read-docs", leave_out_unsafe_pages)
