"""Env data kept per page, the way Sphinx's own extensions keep it (``sphinx.ext.todo``).

A :class:`PerPageDomain` holds, for each page, the items that page defines, in source
order. Sphinx calls ``clear_doc`` when a page is re-read or removed and
``merge_domaindata`` when parallel readers hand their pages back, so incremental and
parallel builds keep exactly one copy of each item. Items must pickle (dataclasses of plain
values): the environment is pickled between builds and between processes.
"""

from collections.abc import Iterator
from typing import Any

from sphinx.domains import Domain
from sphinx.environment import BuildEnvironment


class PerPageDomain(Domain):
    """A domain whose data is ``{"pages": {docname: [item, ...]}}``.

    Subclasses set ``name`` and ``label`` (and bump ``data_version`` when their items
    change shape); :meth:`of` finds the domain of an environment.
    """

    initial_data: dict[str, Any] = {"pages": {}}

    @classmethod
    def of(cls, env: BuildEnvironment) -> "PerPageDomain":
        return env.get_domain(cls.name)

    @property
    def pages(self) -> dict[str, list]:
        return self.data.setdefault("pages", {})

    def add(self, docname: str, item: Any) -> None:
        self.pages.setdefault(docname, []).append(item)

    def items_of(self, docname: str) -> list:
        return list(self.pages.get(docname, []))

    def items(self) -> Iterator[tuple[str, Any]]:
        """``(docname, item)`` for every item, pages in name order, items in source order."""
        for docname in sorted(self.pages):
            for item in self.pages[docname]:
                yield docname, item

    def clear_doc(self, docname: str) -> None:
        self.pages.pop(docname, None)

    def merge_domaindata(self, docnames: set[str], otherdata: dict) -> None:
        theirs = otherdata.get("pages", {})
        for docname in docnames:
            if docname in theirs:
                self.pages[docname] = theirs[docname]

    def resolve_any_xref(self, env, fromdocname, builder, target, node, contnode) -> list:
        return []  # no cross-references of its own: ``:any:`` finds nothing here
