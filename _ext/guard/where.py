"""Where a node came from: the nearest line that a contributor can open."""

from docutils import nodes


def location_of(node: nodes.Node, docname: str) -> tuple[str, int | None]:
    """``(docname, line)`` of ``node``, or of its nearest ancestor that knows its line.

    Nodes made by roles (``{raw}`` in rST) carry no line of their own; their paragraph does.
    """
    current = node
    while current is not None:
        if current.line:
            return docname, current.line
        current = current.parent
    return docname, None
