"""A directive that writes its own anchor, as the papers list does: ``{anchor} paper-1``."""

from docutils import nodes
from sphinx.util.docutils import SphinxDirective


class anchored(nodes.General, nodes.Element):
    pass


def visit_anchored(self, node):
    self.body.append(f'<div id="{node["anchor"]}">')


def depart_anchored(self, node):
    self.body.append("</div>")


class AnchorDirective(SphinxDirective):
    required_arguments = 1
    has_content = True

    def run(self):
        node = anchored(anchor=self.arguments[0])
        self.set_source_info(node)
        self.state.nested_parse(self.content, self.content_offset, node)
        return [node]


def setup(app):
    app.add_node(anchored, html=(visit_anchored, depart_anchored))
    app.add_directive("anchor", AnchorDirective)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
