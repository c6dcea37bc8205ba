"""The ``{date}`` role: shows an entry's date anywhere on the site, resolved at write time
so that every page agrees with the ``important-dates`` block."""

from common.days import short_date
from docutils import nodes
from sphinx.application import Sphinx
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util import logging
from sphinx.util.docutils import SphinxRole

from .domain import lookup, note_use, unknown_id_message
from .nodes import dates_time

logger = logging.getLogger(__name__)


class dates_ref(nodes.Inline, nodes.Element):  # noqa: N801 (docutils style)
    """A ``{date}`` waiting for the dates of the whole site; attribute ``date_id``."""


class DateRole(SphinxRole):
    def run(self) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        date_id = self.text.strip()
        node = dates_ref(self.rawtext, date_id=date_id)
        self.set_source_info(node)
        note_use(self.env, self.env.docname, date_id)
        return [node], []


class ResolveDates(SphinxPostTransform):
    """Replaces each ``dates_ref`` with the entry's date in a ``<time>`` element."""

    default_priority = 100

    def run(self, **kwargs) -> None:
        for node in list(self.document.findall(dates_ref)):
            entry = lookup(self.env, node["date_id"])
            if entry is None:
                message = unknown_id_message(self.env, node["date_id"], "{date}")
                if message:
                    logger.warning(message, location=node, type="dates", subtype="ref")
                node.replace_self(nodes.literal(node["date_id"], node["date_id"]))
                continue
            text = short_date(entry.date)
            node.replace_self(dates_time("", text, datetime=entry.datetime_attribute()))


def setup_role(app: Sphinx) -> None:
    app.add_node(dates_ref)
    app.add_role("date", DateRole())
    app.add_post_transform(ResolveDates)
