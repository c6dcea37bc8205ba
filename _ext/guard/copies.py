"""Images and downloads that a page names come from the project, and only from it.

An image from another site (``![x](https://...)``) is refused too: the page's
Content-Security-Policy would block it (the visitor would see a broken image) and it would
tell another site who reads the page.

Sphinx copies the file behind ``![alt](path)``, ``{image}``, ``{figure}`` and
``{download}`` into the published site from wherever the path points: ``../../etc/hostname``
or a symbolic link to a file of the build machine would be published. Each such path is
checked by the shared project-file rule (:func:`common.files.refused_source`); a refused
one is a located warning, the image is left out and a download becomes plain text.
"""

from common.files import refused_source
from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.transforms import SphinxTransform
from sphinx.util import logging

from .links import leaves_the_site
from .where import location_of

REMOTE = (
    "{uri!r} is on another site; save the image in _static/ (or next to the page) "
    "and write its path, e.g. ![alt](_static/picture.png)"
)

logger = logging.getLogger(__name__)


class RefuseOutsideCopies(SphinxTransform):
    """Removes images and downloads whose file is outside the project, warned."""

    # While the page is read, before Sphinx's collectors note the files to copy.
    default_priority = 100

    def apply(self, **kwargs) -> None:
        for node in list(self.document.findall(nodes.image)):
            uri = node.get("uri", "")
            if leaves_the_site(uri) and not uri.startswith("data:image/"):
                self._refuse(node, "image", REMOTE.format(uri=uri[:80]), [])
            else:
                self._check(node, uri, "image", [])
        for node in list(self.document.findall(addnodes.download_reference)):
            self._check(node, node.get("reftarget", ""), "download", node.children)

    def _check(self, node: nodes.Element, written: str, what: str, kept: list) -> None:
        problem = refused_source(self.env, written)
        if problem is not None:
            self._refuse(node, what, problem, kept)

    def _refuse(self, node: nodes.Element, what: str, problem: str, kept: list) -> None:
        logger.warning(
            "%s not published: %s",
            what,
            problem,
            location=location_of(node, self.env.docname),
            type="guard",
            subtype="file",
        )
        node.replace_self(nodes.inline("", "", *kept) if kept else [])


def setup_copies(app: Sphinx) -> None:
    app.add_transform(RefuseOutsideCopies)
