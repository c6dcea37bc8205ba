"""The ``person`` directive: one committee member as a sphinx-design grid card.

Contributors write only the facts (name, affiliation, role, optional photo); the
card layout, the photo or the initials avatar, and the equal heights come from here,
so that adding a person is copying one short block.
"""

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.application import Sphinx
from sphinx.util import logging
from sphinx_design.grids import GridItemCardDirective

from .avatar import initials, people_avatar
from .store import add_person

logger = logging.getLogger(__name__)

#: Photos are shown at this size (CSS pixels); fixed so the page never shifts.
PHOTO_SIZE = 128


class PersonDirective(GridItemCardDirective):
    """A person card inside a ``{grid}``: ``:affiliation:`` is required."""

    required_arguments = 1  # the person's name
    optional_arguments = 0
    has_content = False
    option_spec = {
        "affiliation": directives.unchanged,
        "role": directives.unchanged,
        "photo": directives.uri,
        "url": directives.uri,
    }

    def run_with_defaults(self) -> list[nodes.Node]:
        name = self.arguments[0].strip()
        facts = dict(self.options)
        affiliation = (facts.get("affiliation") or "").strip()
        if not affiliation:
            logger.warning(
                "person %r has no affiliation; add a line ':affiliation: Institute'",
                name,
                location=(self.env.docname, self.lineno),
                type="people",
                subtype="missing",
            )
        add_person(
            self.env,
            {
                "name": name,
                "affiliation": affiliation,
                "role": (facts.get("role") or "").strip(),
                "docname": self.env.docname,
                "lineno": self.lineno,
            },
        )
        # Hand sphinx-design only its own options; ours become the card's body.
        self.options = {"text-align": ["sd-text-center"], "class-card": ["people-card"]}
        if facts.get("url"):
            self.options.update({"link": facts["url"], "link-alt": name})
        (column,) = super().run_with_defaults()
        body = next(
            node
            for node in column.findall(nodes.Element)
            if "sd-card-body" in node.get("classes", [])
        )
        body.insert(0, self._portrait(name, facts.get("photo")))
        for text, cls in ((affiliation, "people-affiliation"), (facts.get("role"), "people-role")):
            if text:
                paragraph = nodes.paragraph(text, text, classes=[cls, "sd-card-text"])
                self.set_source_info(paragraph)
                body.append(paragraph)
        return [column]

    def _portrait(self, name: str, photo: str | None) -> nodes.Element:
        if photo:
            # The name is written under the photo: alt="" keeps screen readers
            # from announcing it twice. Width and height reserve the space.
            portrait = nodes.image(
                uri=photo,
                alt="",
                width=f"{PHOTO_SIZE}px",
                height=f"{PHOTO_SIZE}px",
                classes=["people-photo"],
            )
        else:
            portrait = people_avatar(initials=initials(name))
        self.set_source_info(portrait)
        wrapper = nodes.container(classes=["people-portrait"])
        wrapper += portrait
        return wrapper


def setup_person(app: Sphinx) -> None:
    app.add_directive("person", PersonDirective)
