"""A link in a page's prose that could run script is refused: warned, published as text.

Markdown already drops ``[x](javascript:...)``, but reStructuredText pages and some MyST
syntaxes hand any target to the writer. Browsers ignore tabs and newlines inside a URL and
spaces or control characters around it (``java\\tscript:`` runs), so the scheme is read the
way a browser reads it. Relative links and the schemes below are published as written.
"""

import re
from urllib.parse import urlsplit

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.transforms import SphinxTransform
from sphinx.util import logging

from .where import location_of

logger = logging.getLogger(__name__)

#: Schemes a page may link to. Anything else (``javascript:``, ``vbscript:``, ``data:``,
#: ``file:``...) is refused.
SAFE_SCHEMES = frozenset({"http", "https", "mailto"})

#: What a browser removes before it reads a URL (WHATWG URL parser).
IGNORED_INSIDE = re.compile(r"[\t\n\r]")
IGNORED_AROUND = "".join(map(chr, range(0x21)))


def browser_scheme(url: str) -> str:
    """The scheme a browser would see in ``url``, lowercase ('' for a relative link)."""
    cleaned = IGNORED_INSIDE.sub("", url).strip(IGNORED_AROUND)
    try:
        return urlsplit(cleaned).scheme.lower()
    except ValueError:  # an invalid IPv6 host: not a link a browser follows either
        return "invalid"


class RefuseScriptLinks(SphinxTransform):
    """Turns links with a scheme outside :data:`SAFE_SCHEMES` into plain text, warned."""

    default_priority = 100

    def apply(self, **kwargs) -> None:
        for node in list(self.document.findall(nodes.reference)):
            uri = node.get("refuri")
            if uri is None:
                continue
            scheme = browser_scheme(uri)
            if not scheme or scheme in SAFE_SCHEMES:
                continue
            logger.warning(
                "the link %r is not published (a %s: link can run script or hide a page); "
                "link to an https:// address or to a page of the site",
                node.astext()[:60],
                scheme,
                location=location_of(node, self.env.docname),
                type="guard",
                subtype="link",
            )
            node.replace_self(nodes.inline("", "", *node.children))


def setup_links(app: Sphinx) -> None:
    app.add_transform(RefuseScriptLinks)
