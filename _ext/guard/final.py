"""The last pass over the written pages: a Content-Security-Policy in each, and checks.

Runs when the build has finished, after every extension that rewrites pages (``_ext/trim``
trims the scripts of each page at ``build-finished`` too, at a lower priority), so that
the hashes are those of the scripts the visitor gets. Each page is read once (:mod:`.scan`) and:

- gets its policy (:mod:`.csp`);
- is checked for ids used twice (:mod:`.ids`), for ``on...=`` handler attributes and for
  ``javascript:`` URLs, which no part of the site writes: each is a warning located at the
  page's source (the line of the element, when the source has one).
"""

from pathlib import Path
from urllib.parse import urlsplit

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util import logging

from . import csp, ids
from .links import as_browser_reads
from .scan import scan_page

logger = logging.getLogger(__name__)

#: After every other ``build-finished`` handler that writes pages (see module docstring).
PRIORITY = 960


def built_pages(outdir: Path) -> list[Path]:
    """The HTML pages of the build; folders starting with ``_`` hold assets and templates."""
    return sorted(
        path
        for path in outdir.rglob("*.html")
        if not any(part.startswith("_") for part in path.relative_to(outdir).parts)
    )


#: Schemes whose URLs cannot run script; any other in the written HTML is reported.
#: (Links in pages are held to the stricter shared link check while they are read.)
NO_SCRIPT_SCHEMES = frozenset({"http", "https", "mailto"})


def is_script_url(value: str) -> bool:
    read = as_browser_reads(value)
    try:
        scheme = urlsplit(read).scheme.lower()
    except ValueError:  # an invalid IPv6 host
        return True
    return bool(scheme) and scheme not in NO_SCRIPT_SCHEMES and not read.startswith("data:image/")


def source_line(app: Sphinx, docname: str, anchor: str) -> int | None:
    """The source line of the node that has ``anchor`` among its ids, if there is one."""
    try:
        doctree = app.env.get_doctree(docname)
    except OSError:
        return None
    for node in doctree.findall(nodes.Element):
        if anchor in node.get("ids", ()):
            for candidate in node.findall(nodes.Element):
                if candidate.line:
                    return candidate.line
    return None


def docname_of(app: Sphinx, page: Path) -> str | None:
    """The source of a written page, or None for a page with no source (search, 404)."""
    pagename = page.relative_to(app.outdir).with_suffix("").as_posix()
    return pagename if pagename in app.env.all_docs else None


def located(app: Sphinx, page: Path, docname: str | None, page_line: int, anchor: str = ""):
    """The source file and line when the page has a source, else the written page's line."""
    if docname is None:
        return f"{page}:{page_line}"
    return docname, source_line(app, docname, anchor) if anchor else None


def check_page(app: Sphinx, page: Path) -> None:
    html = page.read_text(encoding="utf-8")
    scan = scan_page(html, is_script_url)
    docname = docname_of(app, page)
    for anchor, elements in ids.duplicates(scan.ids).items():
        logger.warning(
            "id %r is used by %d elements of %s: %s; a link to #%s reaches only the first. "
            "Rename the heading (or give the entry another id) so that each id is used once",
            anchor,
            len(elements),
            page.name,
            ", ".join(map(ids.describe, elements)),
            anchor,
            location=located(app, page, docname, elements[1].line, anchor),
            type="guard",
            subtype="duplicate-id",
        )
    for what, found in (("an event handler", scan.handlers), ("a script link", scan.script_urls)):
        for tag, attribute, line in found:
            logger.warning(
                "%s has %s (%s= on a <%s>, line %d of the page), which the site never writes; "
                "the page's policy blocks it, but the content that produced it must change",
                page.name,
                what,
                attribute,
                tag,
                line,
                location=located(app, page, docname, line),
                type="guard",
                subtype="script",
            )
    rewritten = csp.with_policy(html, scan.scripts)
    if rewritten is not None and rewritten != html:
        page.write_text(rewritten, encoding="utf-8")


def protect_pages(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or app.builder.format != "html" or app.builder.name == "epub":
        return
    for page in built_pages(Path(app.outdir)):
        check_page(app, page)


def setup_final(app: Sphinx) -> None:
    app.connect("build-finished", protect_pages, priority=PRIORITY)
