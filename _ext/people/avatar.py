"""The initials avatar shown on a card that has no photo yet."""

from docutils import nodes
from sphinx.application import Sphinx


class people_avatar(nodes.General, nodes.Inline, nodes.Element):  # noqa: N801 (docutils style)
    """A circle with a person's initials, standing in for a missing photo."""


def initials(name: str) -> str:
    """Initials of the first and the last word: 'Marc Huertas-Company' -> 'MH'."""
    words = [word for word in name.split() if word[:1].isalpha()]
    if not words:
        return "?"
    picked = words[:1] + words[1:][-1:]
    return "".join(word[0] for word in picked).upper()


def visit_avatar_html(self, node: people_avatar) -> None:
    # The name is written right below the avatar, so the avatar is decorative:
    # hide it from screen readers instead of having them read the initials.
    self.body.append(
        self.starttag(node, "span", "", CLASS="people-avatar", **{"aria-hidden": "true"})
    )
    self.body.append(self.encode(node["initials"]))


def depart_avatar_html(self, node: people_avatar) -> None:
    self.body.append("</span>")


def skip_avatar(self, node: people_avatar) -> None:
    raise nodes.SkipNode


def setup_avatar(app: Sphinx) -> None:
    app.add_node(
        people_avatar,
        html=(visit_avatar_html, depart_avatar_html),
        latex=(skip_avatar, None),
        text=(skip_avatar, None),
        man=(skip_avatar, None),
        texinfo=(skip_avatar, None),
    )
