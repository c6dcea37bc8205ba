"""The ``papers`` directive: the accepted papers of a CSV file as one filterable list.

The file goes through :func:`common.files.project_file` (inside the project, a regular file,
at most 10 MB): a path such as ``../../etc/passwd`` or ``/dev/zero`` is a warning that quotes
nothing of the file. Every problem of the file is a warning at its line in the CSV itself
(``accepted.csv:7``); the columns the site does not use are named once, as information.
"""

from pathlib import Path

from common.files import project_file
from common.problems import warn
from common.text import shorten
from common.yaml_body import AnyOption, LocatedDirective
from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util import logging

from .anchors import mark_item
from .csvfile import Paper, read_papers
from .nodes import papers_filter, papers_links

logger = logging.getLogger(__name__)


class PapersDirective(LocatedDirective):
    """``{papers} accepted.csv``: the CSV path is relative to the page."""

    warning_type = "papers"
    required_arguments = 1
    final_argument_whitespace = True
    has_content = False
    option_spec = AnyOption()

    def run(self) -> list[nodes.Node]:
        self.known_options(())
        written = self.arguments[0]
        path, problem = project_file(self.env, written)
        if problem:
            self.warn(self.lineno, "file", f"papers {problem}")
            return []
        # The page is rebuilt whenever the CSV changes, even on incremental builds.
        self.env.note_dependency(str(path))
        reading = read_papers(path.read_bytes())
        for problem in reading.problems:
            warn(f"{path}:{problem.line}", "papers", problem.subtype, problem.message)
        if reading.ignored:
            logger.info(
                "%s: columns not used by the site, ignored: %s",
                _shown(path, self.env.srcdir),
                ", ".join(repr(shorten(name)) for name in reading.ignored),
            )
        container = nodes.container(classes=["papers"])
        # Titles and names are shown as the CSV writes them: no curly quotes, so that what a
        # visitor types into the filter (and what the export says) matches the page.
        container["support_smartquotes"] = False
        self.set_source_info(container)
        box = papers_filter(total=len(reading.papers), serial=self.env.new_serialno("papers"))
        self.set_source_info(box)
        container += box
        listing = nodes.bullet_list(classes=["papers-list"])
        listing.extend(self._item(paper, path) for paper in reading.papers)
        container += listing
        return [container]

    def _item(self, paper: Paper, path: Path) -> nodes.list_item:
        item = nodes.list_item(classes=["papers-item"])
        if paper.anchor:
            mark_item(item, paper.anchor, f"{path}:{paper.line}")
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


def _shown(path: Path, srcdir) -> str:
    """The file as the build output names it: relative to the project."""
    return str(path.relative_to(Path(srcdir).resolve()))


def setup_papers_directive(app: Sphinx) -> None:
    app.add_directive("papers", PapersDirective)
