"""The ``person`` directive: one committee member as a sphinx-design grid card.

Contributors write only the facts (name, affiliation, role, optional link and photo); the
card layout, the photo or the initials avatar, and the equal heights come from here, so
that adding a person is copying one short block.

Every fact is text, never markup: a name such as ``Marc <img src=x onerror=...>`` is shown
as written. The link goes through the site's one link check (``https:`` or ``mailto:``).
"""

from common.links import check_link
from common.text import check_text, one_line
from common.yaml_body import AnyOption, LocatedDirective
from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.application import Sphinx
from sphinx_design.grids import GridItemCardDirective
from sphinx_design.shared import PassthroughTextElement, create_component

from .avatar import initials, people_avatar
from .photos import DISPLAY_SIZE, people_photo, prepare
from .store import Person, add_person

#: The options a contributor writes, in the order CONTRIBUTING.md lists them.
OPTIONS = ("affiliation", "role", "url", "photo")


class PersonDirective(LocatedDirective, GridItemCardDirective):
    """A person card inside a ``{grid}``: the name is the argument, ``:affiliation:`` is
    required, ``:role:``, ``:url:`` and ``:photo:`` are optional."""

    warning_type = "people"
    required_arguments = 1  # the person's name
    optional_arguments = 0
    final_argument_whitespace = True
    has_content = False
    option_spec = AnyOption(dict.fromkeys(OPTIONS, directives.unchanged))

    def run_with_defaults(self) -> list[nodes.Node]:
        facts = self.known_options(OPTIONS)
        name = self._text("name", self.arguments[0], self.lineno)
        affiliation = self._text("affiliation", facts.get("affiliation", ""))
        role = self._text("role", facts.get("role", ""))
        if not affiliation:
            self.warn(
                self.lineno,
                "missing",
                f"person {name!r} has no affiliation; add a line ':affiliation: Institute'",
            )
        person = Person(
            name=name,
            affiliation=affiliation,
            role=role,
            url=self._url(name, facts.get("url", "")),
            photo=self._photo(name, facts.get("photo", "")),
            docname=self.env.docname,
            line=self.lineno,
        )
        add_person(self.env, person)
        return [self._card(person)]

    def _text(self, field: str, value: str, line: int | None = None) -> str:
        """The field as one line of text; a control character is a warning at its line
        (and is left out, so that the rest of the card still renders)."""
        line = self.option_line(field) if line is None else line
        problem = check_text(field, value)
        if problem:
            self.warn(line, "text", problem)
            value = "".join(c for c in value if check_text(field, c) is None)
        return one_line(value)

    def _url(self, name: str, written: str) -> str:
        if not written.strip():
            return ""
        url, problem = check_link(written, mailto=True)
        if problem:
            self.warn(self.option_line("url"), "link", f"person {name!r}: {problem}")
            return ""
        return url

    def _photo(self, name: str, written: str) -> str:
        if not written.strip():
            return ""
        published, problem = prepare(self.env, written.strip())
        if problem:
            self.warn(self.option_line("photo"), "photo", f"person {name!r}: {problem}")
            return ""
        return published

    def _card(self, person: Person) -> nodes.Element:
        # sphinx-design lays out the card from its own options only; the title is added
        # below as text, because sphinx-design would parse it as markup.
        self.arguments = []
        self.options = {"text-align": ["sd-text-center"], "class-card": ["people-card"]}
        if person.url:
            # The whole card becomes the link, named by the person's name.
            self.options.update({"link": person.url, "link-alt": person.name})
        (column,) = super().run_with_defaults()
        body = next(
            node
            for node in column.findall(nodes.Element)
            if "sd-card-body" in node.get("classes", [])
        )
        title = create_component("card-title", ["sd-card-title", "sd-font-weight-bold"])
        title += PassthroughTextElement(person.name, person.name)
        body.insert(0, title)
        body.insert(0, self._portrait(person))
        for text, cls in ((person.affiliation, "people-affiliation"), (person.role, "people-role")):
            if text:
                body += nodes.paragraph(text, text, classes=[cls, "sd-card-text"])
        for node in column.findall(nodes.Element):
            if node.line is None:
                self.set_source_info(node)
        return column

    def _portrait(self, person: Person) -> nodes.Element:
        if person.photo:
            portrait = people_photo(file=person.photo, size=DISPLAY_SIZE)
        else:
            portrait = people_avatar(initials=initials(person.name))
        wrapper = nodes.container(classes=["people-portrait"])
        wrapper += portrait
        return wrapper


def setup_person(app: Sphinx) -> None:
    app.add_directive("person", PersonDirective)
