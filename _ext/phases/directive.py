"""The ``phase`` directive: content shown only while its conditions hold.

::

    :::{phase} after abstract-deadline before notification
    Submissions are closed; notification on {date}`notification`.
    :::

The words are checked here; the ids once every page has been read (see ``resolve``).
"""

import important_dates
from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from . import conditions, pages
from .nodes import phase

logger = logging.getLogger(__name__)


class PhaseDirective(SphinxDirective):
    has_content = True
    optional_arguments = 1
    final_argument_whitespace = True

    def run(self) -> list[nodes.Node]:
        text = self.arguments[0] if self.arguments else ""
        found, problems = conditions.parse(text)
        for subtype, message in problems:
            logger.warning(message, location=self.get_location(), type="phases", subtype=subtype)
        node = phase(conditions=[(c.word, c.date_id) for c in found], written=text)
        self.set_source_info(node)
        for condition in found:
            important_dates.note_use(self.env, self.env.docname, condition.date_id)
        pages.note_page(self.env, self.env.docname, [c.date_id for c in found])
        node += self.parse_content_to_nodes()
        return [node]


def setup_directive(app: Sphinx) -> None:
    app.add_directive("phase", PhaseDirective)
