"""A page's meta tags describe it; they never act on the visitor's browser.

MyST's ``html_meta`` front matter and reStructuredText's ``.. meta::`` write any
``<meta http-equiv=...>`` a page asks for: ``refresh`` sends every visitor of the page to
another site (or to a ``javascript:`` URL), ``set-cookie`` and a second
``Content-Security-Policy`` change how the browser treats the site. The site sets its own
policy (:mod:`.csp`) and needs no other ``http-equiv`` tag: each one a page writes is a
located warning and is not published. ``name=`` and ``property=`` tags (description,
keywords, share tags) are kept.
"""

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.transforms import SphinxTransform
from sphinx.util import logging

from .where import location_of

logger = logging.getLogger(__name__)


class RefuseHttpEquiv(SphinxTransform):
    """Removes ``<meta http-equiv>`` tags written by a page, warned."""

    default_priority = 100

    def apply(self, **kwargs) -> None:
        for node in list(self.document.findall(nodes.meta)):
            equiv = node.get("http-equiv")
            if equiv is None:
                continue
            docname, line = location_of(node, self.env.docname)
            logger.warning(
                "the meta tag 'http-equiv=%s' is not published: a page's meta tags may "
                "describe it (description, keywords) but not instruct the browser; remove it",
                str(equiv)[:40],
                location=(docname, line or 1),
                type="guard",
                subtype="meta",
            )
            node.parent.remove(node)


def setup_meta(app: Sphinx) -> None:
    app.add_transform(RefuseHttpEquiv)
