"""Formulas are refused: they would load MathJax from another site.

Sphinx renders ``{math}``, ``$...$`` and ``.. math::`` with MathJax, loaded from a CDN:
the pages load nothing from other sites (privacy, and the Content-Security-Policy blocks
it, so the formula would show as raw LaTeX after a policy violation). A formula is a
located warning and is published as its source text, in code style.
"""

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.transforms import SphinxTransform
from sphinx.util import logging

from .where import location_of

logger = logging.getLogger(__name__)


class RefuseFormulas(SphinxTransform):
    """Replaces math nodes by their LaTeX source, warned, before the math domain sees them."""

    default_priority = 100

    def apply(self, **kwargs) -> None:
        for node in list(self.document.findall(nodes.math)):
            self._refuse(node, nodes.literal(node.astext(), node.astext()))
        for node in list(self.document.findall(nodes.math_block)):
            self._refuse(node, nodes.literal_block(node.astext(), node.astext()))

    def _refuse(self, node: nodes.Element, text: nodes.Element) -> None:
        logger.warning(
            "a formula is published as its source text: it would need MathJax from another "
            "site, which the pages do not load; write it in words or Unicode (E = mc²), or as "
            "an image in _static/",
            location=location_of(node, self.env.docname),
            type="guard",
            subtype="formula",
        )
        node.replace_self(text)


def setup_formulas(app: Sphinx) -> None:
    app.add_transform(RefuseFormulas)
