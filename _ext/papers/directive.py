"""The ``papers`` directive: the accepted papers of a CSV file as one filterable list."""

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from .csvfile import Paper, read_papers
from .nodes import papers_filter, papers_links

logger = logging.getLogger(__name__)


class PapersDirective(SphinxDirective):
    """``{papers} accepted.csv``: the CSV path is relative to the page."""

    required_arguments = 1
    final_argument_whitespace = True
    has_content = False

    def run(self) -> list[nodes.Node]:
        relative, absolute = self.env.relfn2path(self.arguments[0])
        # The page is rebuilt whenever the CSV changes, even on incremental builds.
        self.env.note_dependency(relative)
        try:
            with open(absolute, encoding="utf-8-sig") as csv_file:
                text = csv_file.read()
        except (OSError, UnicodeDecodeError) as error:
            logger.warning(
                "cannot read the papers file %r (%s); give a UTF-8 CSV file path "
                "relative to this page",
                self.arguments[0],
                getattr(error, "strerror", None) or error,
                location=self.get_location(),
                type="papers",
                subtype="file",
            )
            return []
        papers, problems = read_papers(text)
        for problem in problems:
            logger.warning(
                problem.message,
                location=f"{absolute}:{problem.line}",
                type="papers",
                subtype=problem.subtype,
            )
        container = nodes.container(classes=["papers"])
        self.set_source_info(container)
        box = papers_filter(total=len(papers), serial=self.env.new_serialno("papers"))
        self.set_source_info(box)
        container += box
        listing = nodes.bullet_list(classes=["papers-list"])
        listing.extend(self._item(paper) for paper in papers)
        container += listing
        return [container]

    def _item(self, paper: Paper) -> nodes.list_item:
        item = nodes.list_item(
            ids=[paper.anchor] if paper.anchor else [],
            classes=["papers-item"],
        )
        item += nodes.paragraph(
            "", "", nodes.strong(paper.title, paper.title), classes=["papers-title"]
        )
        if paper.authors:
            item += nodes.paragraph(paper.authors, paper.authors, classes=["papers-authors"])
        parts = []
        if paper.kind:
            badge = ["papers-badge", f"papers-kind-{paper.kind}"]
            parts.append(nodes.inline(paper.kind, paper.kind, classes=badge))
        if paper.topic:
            badge = ["papers-badge", "papers-topic"]
            parts.append(nodes.inline(paper.topic, paper.topic, classes=badge))
        if paper.links:
            # One node for all the links: at a thousand papers, every node per paper counts.
            parts.append(papers_links(links=list(paper.links)))
        if parts:
            details = nodes.paragraph(classes=["papers-details"])
            # Spaces between the parts, for text output; HTML spaces them with CSS.
            for part in parts:
                details += [nodes.Text(" "), part] if len(details) else [part]
            item += details
        return item


def setup_papers_directive(app: Sphinx) -> None:
    app.add_directive("papers", PapersDirective)
