"""Paper anchors that no other element of the page has.

Each paper's anchor (``#paper-12``) is made with docutils' ``make_id``, the rule that also
names headings: a heading ``## Paper 12`` gets the same id. Once a page is read (its
headings named), :func:`check_page` finds every paper whose anchor another element of the
page already has; the paper gives its anchor up (the heading keeps its place in the page's
table of contents) and the clash is a warning at the paper's line in the CSV.
"""

from collections import Counter

from common.problems import warn
from docutils import nodes
from sphinx.application import Sphinx

#: Where a paper comes from ('/path/accepted.csv:7'), on the item that carries its anchor.
WHERE = "papers_where"


def mark_item(item: nodes.Element, anchor: str, where: str) -> None:
    item["ids"] = [anchor]
    item[WHERE] = where


def _name(node: nodes.Element) -> str:
    if isinstance(node, nodes.section) and node.children:
        return f"the heading {node[0].astext()!r}"
    return f"a {node.tagname} element"


def check_page(app: Sphinx, doctree: nodes.document) -> None:
    owners: dict[str, nodes.Element] = {}
    uses: Counter[str] = Counter()
    papers = []
    for node in doctree.findall(nodes.Element):
        for node_id in node.get("ids", []):
            uses[node_id] += 1
            if WHERE in node.attributes:
                papers.append((node, node_id))
            else:
                owners.setdefault(node_id, node)
    for item, node_id in papers:
        if uses[node_id] > 1 and node_id in owners:
            warn(
                item[WHERE],
                "papers",
                "anchor",
                f"this paper's anchor {node_id!r} is also the id of {_name(owners[node_id])} "
                "on the page; the paper keeps no anchor: give it another id, or rename the "
                "heading",
            )
            item["ids"].remove(node_id)


def setup_anchors(app: Sphinx) -> None:
    app.connect("doctree-read", check_page)
