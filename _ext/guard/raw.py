"""Raw HTML in a page is refused: a located warning, and the node is not published.

Raw HTML is the one way a page's Markdown or reStructuredText can put any element or
attribute into the site (``<img onerror=...>``, ``<script>``), and the site needs none:
Markdown and our directives render everything it shows. MyST turns HTML blocks and inline
HTML into the same ``raw`` node as the ``{raw} html`` directive and ``.. raw:: html``, so
one transform, run while each page is read, catches them all.

The markup MyST writes itself for Markdown syntax (a hard line break, strikethrough) is
also a ``raw`` node; those few exact strings are kept. An HTML comment (``<!-- note -->``)
is a note to the next editor: it is dropped without a warning, never published.
"""

import re

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.transforms import SphinxTransform
from sphinx.util import logging

from .where import location_of

logger = logging.getLogger(__name__)

#: Raw HTML that MyST itself writes for Markdown syntax: a hard break (a backslash or two
#: spaces at the end of a line) and ``~~strikethrough~~``. Harmless whoever wrote them.
MARKDOWN_MARKUP = frozenset({"<br />\n", "<s>", "</s>"})

FIRST_TAG = re.compile(r"<\s*(/?[A-Za-z][A-Za-z0-9-]{0,30})")

ADVICE = (
    "write Markdown instead (**bold**, [text](https://example.org), ![alt](image.png)) "
    "or use one of the site's directives"
)


def is_html(node: nodes.raw) -> bool:
    """True when the HTML writer would publish the node (as Sphinx's writer decides)."""
    return "html" in node.get("format", "").split()


def only_comments(text: str) -> bool:
    """True when ``text`` is nothing but HTML comments and white space (read in linear time)."""
    position, text = 0, text.strip()
    while position < len(text):
        if not text.startswith("<!--", position):
            return False
        end = text.find("-->", position + 4)
        if end < 0:
            return False
        position = end + 3
        while position < len(text) and text[position].isspace():
            position += 1
    return bool(text)


def describe(node: nodes.raw) -> str:
    """What the raw node holds, without quoting it: its first tag, if any.

    Never the text itself: a ``.. raw:: html`` with ``:file:`` holds a file's contents,
    and the build log is public.
    """
    if node.get("source"):  # read from a file or a URL by ``:file:`` / ``:url:``
        return "raw HTML read from a file"
    found = FIRST_TAG.search(node.astext())
    return f"raw HTML (<{found.group(1)}>)" if found else "raw HTML"


class RefuseRawHtml(SphinxTransform):
    """Removes every raw HTML node of a page, with one located warning each."""

    # Before docutils' substitutions (220): a raw node inside a substitution definition is
    # refused once, at its own line, rather than once per use.
    default_priority = 100

    def apply(self, **kwargs) -> None:
        for node in list(self.document.findall(nodes.raw)):
            if not is_html(node) or node.astext() in MARKDOWN_MARKUP:
                continue
            if only_comments(node.astext()):
                node.parent.remove(node)
                continue
            logger.warning(
                "%s is not published: pages may not contain HTML; %s",
                describe(node),
                ADVICE,
                location=location_of(node, self.env.docname),
                type="guard",
                subtype="raw-html",
            )
            node.parent.remove(node)


def setup_raw(app: Sphinx) -> None:
    app.add_transform(RefuseRawHtml)
