"""A link in a page's prose goes through the one link check of every field of the site.

Links to pages and files of the site (relative links, ``#anchors``) are published as
written. Any other link must pass :func:`common.links.check_link` (an absolute
``https://`` address, or ``mailto:``), as dates, slots, people and papers do; anything else
(``javascript:``, ``data:``, ``http:``, ``//host``, ``https:///x``...) is warned about and
published as plain text. Markdown already drops ``[x](javascript:...)``, but
reStructuredText pages and some MyST syntaxes hand any target to the writer. Browsers
ignore tabs and newlines inside a URL and spaces or control characters around it
(``java\\tscript:`` runs), so a link is read the way a browser reads it.
"""

import re
from urllib.parse import urlsplit

from common.links import check_link
from docutils import nodes
from sphinx.application import Sphinx
from sphinx.transforms import SphinxTransform
from sphinx.util import logging

from .where import location_of

logger = logging.getLogger(__name__)

#: What a browser removes before it reads a URL (WHATWG URL parser).
IGNORED_INSIDE = re.compile(r"[\t\n\r]")
IGNORED_AROUND = "".join(map(chr, range(0x21)))


def as_browser_reads(url: str) -> str:
    """``url`` without what a browser removes before it reads a URL."""
    return IGNORED_INSIDE.sub("", url).strip(IGNORED_AROUND)


def leaves_the_site(url: str) -> bool:
    """Whether ``url`` points outside the site: it has a scheme or starts with ``//``."""
    try:
        return bool(urlsplit(url).scheme) or url.startswith("//")
    except ValueError:  # an invalid IPv6 host: not a link to the site either
        return True


class CheckLinks(SphinxTransform):
    """Turns links that fail the shared link check into plain text, warned."""

    default_priority = 100

    def apply(self, **kwargs) -> None:
        for node in list(self.document.findall(nodes.reference)):
            uri = node.get("refuri")
            if uri is None:
                continue
            read = as_browser_reads(uri)
            if not leaves_the_site(read):
                continue
            url, fix = check_link(read, mailto=True)
            if url is not None:
                node["refuri"] = url
                continue
            logger.warning(
                "the link %r is not published: %s; or link to a page of the site",
                node.astext()[:60],
                fix,
                location=location_of(node, self.env.docname),
                type="guard",
                subtype="link",
            )
            node.replace_self(nodes.inline("", "", *node.children))


def setup_links(app: Sphinx) -> None:
    app.add_transform(CheckLinks)
