"""Phases resolved once every page is read: ids looked up, spans computed, problems
reported at the block's line, and the build's answer noted (``hidden``): visitors without
JavaScript see it, and builders without a browser (text, LaTeX) keep or drop the block.
"""

import important_dates
from sphinx.application import Sphinx
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util import logging

from . import pages
from .conditions import Condition
from .nodes import phase
from .status import expand, phase_status
from .window import of_conditions, utc_iso

logger = logging.getLogger(__name__)


class ResolvePhases(SphinxPostTransform):
    # Before the {date} role's own post-transform (100): both only read the dates.
    default_priority = 90

    def run(self, **kwargs) -> None:
        now = pages.build_instant(self.env)
        for node in list(self.document.findall(phase_status)):
            node.replace_self(expand(node, self.env, now))
        for node in self.document.findall(phase):
            self.resolve(node, now)

    def resolve(self, node: phase, now) -> None:
        conditions = [Condition(word, date_id) for word, date_id in node["conditions"]]
        window, problems = of_conditions(
            conditions,
            lambda date_id: important_dates.lookup(self.env, date_id),
            lambda date_id, where: important_dates.unknown_id_message(self.env, date_id, where),
        )
        for subtype, message in problems:
            logger.warning(message, location=node, type="phases", subtype=subtype)
        if window.start:
            node["start"] = utc_iso(window.start)
        if window.until:
            node["until"] = utc_iso(window.until)
        node["hidden"] = not window.holds_at(now)


def setup_resolve(app: Sphinx) -> None:
    app.add_post_transform(ResolvePhases)
