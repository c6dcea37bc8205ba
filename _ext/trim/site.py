"""The trimming step: one pass over the finished HTML output, in the build's own process.

Runs at ``build-finished`` (only for an HTML builder, and only when the build
succeeded), after the theme's own handlers have written their last files
(pydata-sphinx-theme rewrites ``pygments.css`` then): it trims each page's scripts,
prunes the stylesheets to the rules the pages can match, and subsets the icon fonts
to the glyphs those rules show. It follows whatever the theme writes instead of
copying its templates; what it can no longer recognise is a ``trim`` warning, which
fails the ``-W`` build. It rewrites files inside the output folder only.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from sphinx.application import Sphinx
from sphinx.builders.html import StandaloneHTMLBuilder
from sphinx.util import logging

from . import fonts, pages, scripts, styles

logger = logging.getLogger(__name__)


def is_html_build(app: Sphinx) -> bool:
    return isinstance(app.builder, StandaloneHTMLBuilder) and app.builder.name != "epub"


def site_root(app: Sphinx) -> str:
    """The URL path of the site's root ('/en/latest/' on Read the Docs, else '/')."""
    return urlsplit(app.config.html_baseurl or "").path.rstrip("/") + "/"


def trim_site(app: Sphinx, exception: Exception | None) -> None:
    """Trim the finished output of a successful HTML build, unless ``trim_enabled`` is off."""
    if exception is not None or not is_html_build(app) or not app.config.trim_enabled:
        return
    outdir = Path(app.outdir)
    built = pages.built_pages(outdir)
    search_page = pages.normal(Path(app.builder.get_outfilename("search")))
    for page in built:
        scripts.trim_scripts(page, pages.normal(page) == search_page)
    pruned = styles.prune_site(
        outdir,
        built,
        site_root(app),
        tuple(app.config.trim_icon_fonts),
        tuple(app.config.trim_safelist),
    )
    for path, line, message in pruned.unreadable:
        logger.warning(
            "%s, so this stylesheet is shipped unpruned",
            message,
            location=f"{_source_of(app, path)}:{line}",
            type="trim",
            subtype="css",
        )
    subset_icon_fonts(app, outdir, pruned)


def subset_icon_fonts(app: Sphinx, outdir: Path, pruned: styles.Pruned) -> None:
    """Subset each icon font file inside the output folder; warn about the others."""
    if app.config.trim_icon_fonts and not pruned.icon_fonts:
        logger.warning(
            "no @font-face of the icon fonts %s in the built stylesheets: the icon font "
            "was not subset (did the theme change its icons?)",
            ", ".join(map(repr, app.config.trim_icon_fonts)),
            type="trim",
            subtype="icons",
        )
    done: set[Path] = set()
    for font in pruned.icon_fonts:
        if font.file in done:
            continue
        done.add(font.file)
        if not pages.is_inside(font.file, outdir):
            problem = "points outside the output folder; that font is left alone"
        elif not font.file.is_file():
            problem = "is not a file of the build"
        else:
            fonts.subset_font(font.file, pruned.shown)
            continue
        source = _source_of(app, font.stylesheet)
        logger.warning(
            "the icon font 'url(%s)' of this @font-face %s (write a URL to a font file "
            "under _static/)",
            font.url,
            problem,
            location=_location(source, font.url),
            type="trim",
            subtype="font",
        )


def _source_of(app: Sphinx, built: Path) -> Path:
    """The file of html_static_path that was copied to ``built``, else ``built`` itself."""
    relative = built.relative_to(Path(app.outdir) / "_static")
    for folder in app.config.html_static_path:
        source = Path(app.confdir) / folder / relative
        if source.is_file():
            return source
    return built


def _location(path: Path, text: str) -> str:
    """``path:line`` of the first line of ``path`` where ``text`` appears (else ``path``).

    A file outside the project's pages, so a string (a ``(docname, line)`` pair would
    be read as a page)."""
    content = path.read_text(encoding="utf-8", errors="replace")
    found = content.find(text)
    return f"{path}:{content.count(chr(10), 0, found) + 1}" if found >= 0 else str(path)
