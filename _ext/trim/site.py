"""Trim what the built pages load: scripts per page, unused CSS rules, unused icon glyphs.

Runs on the finished HTML output (``build-finished``), so it follows whatever the
theme writes instead of copying its templates; anything it can no longer
recognise is reported as a ``lean`` warning, which fails the ``-W`` build.

The build only trims the scripts itself. Pruning the stylesheets and subsetting the
icon fonts is the work of a helper process (``lean.worker``), started as soon as
this extension is set up: it reads the theme's files on the other core while Sphinx
builds, so that a build with pruning takes hardly longer than one without.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from sphinx.application import Sphinx
from sphinx.errors import ExtensionError
from sphinx.util import logging

from . import pages, scripts
from .channel import Helper
from .seo import site_url

logger = logging.getLogger(__name__)


def _is_html(app: Sphinx) -> bool:
    return app.builder.format == "html" and app.builder.name != "epub"


def start_worker(app: Sphinx) -> None:
    # Started when the extension is set up, before the builder and its theme are
    # known: it imports fontTools while Sphinx imports the other extensions, and
    # the builder tells it what to read ahead (read_ahead). Config values are read
    # from conf.py and -D before any extension is set up: lean_prune is known here.
    started = Helper("lean.worker") if app.config.lean_prune else None
    app._lean_worker = started  # noqa: SLF001 (one build, one worker)


def _worker_of(app: Sphinx) -> Helper | None:
    worker = getattr(app, "_lean_worker", None)
    app._lean_worker = None  # noqa: SLF001
    return worker


def read_ahead(app: Sphinx) -> None:
    """Tell the worker what the theme and the static folders hold (if it has work)."""
    worker = getattr(app, "_lean_worker", None)
    if worker is None or not _is_html(app) or not app.config.lean_prune:
        return  # wait_for_worker lets it go
    theme_static = [Path(d) / "static" for d in app.builder.theme.get_theme_dirs()]
    own_static = [Path(app.confdir) / path for path in app.config.html_static_path]
    folders = [folder for folder in theme_static + own_static if folder.is_dir()]
    fonts = sorted(font for folder in theme_static for font in folder.rglob("*.woff2"))
    worker.send({"folders": [str(f) for f in folders], "fonts": [str(f) for f in fonts]})


def trim_build(app: Sphinx, exception: Exception | None) -> None:
    """Trim the scripts of each page, then give the stylesheets and fonts to the worker."""
    worker = getattr(app, "_lean_worker", None)
    if exception is not None or not _is_html(app):
        return  # wait_for_worker lets the worker go
    outdir = Path(app.outdir)
    built = pages.built_pages(outdir)
    for page in built:
        scripts.trim_scripts(page)
    if worker and worker.sent == 1:  # it read ahead, and waits for this
        worker.send(
            {
                "outdir": str(outdir),
                "pages": [str(page) for page in built],
                "root": urlsplit(site_url(app)).path or "/",
                "icon_families": list(app.config.lean_icon_fonts),
            }
        )


def wait_for_worker(app: Sphinx, exception: Exception | None) -> None:
    worker = _worker_of(app)
    if worker is not None and (answer := worker.finish()) is not None:
        report(app, answer)


def report(app: Sphinx, answer: dict) -> None:
    """Warnings and errors of the worker's answer, as the build's own."""
    if "error" in answer:
        raise ExtensionError(
            f"lean: pruning the stylesheets and icon fonts failed: {answer['error']}"
        )
    for path, line, message in answer["unreadable"]:
        logger.warning(
            "%s: the braces of this stylesheet do not balance, so it is shipped unpruned",
            message,
            location=f"{_source_of(app, Path(path))}:{line}",
            type="lean",
            subtype="css",
        )
    if app.config.lean_icon_fonts and not answer["icon_fonts"]:
        logger.warning(
            "no @font-face of the icon fonts %s in the built stylesheets: the icon font "
            "was not subset (did the theme change its icons?)",
            ", ".join(map(repr, app.config.lean_icon_fonts)),
            type="lean",
            subtype="icons",
        )


def _source_of(app: Sphinx, built: Path) -> Path:
    """The file of html_static_path that was copied to ``built``, else ``built`` itself."""
    relative = built.relative_to(Path(app.outdir) / "_static")
    for folder in app.config.html_static_path:
        source = Path(app.confdir) / folder / relative
        if source.is_file():
            return source
    return built


def setup_assets(app: Sphinx) -> None:
    # False keeps every CSS rule and glyph (the browser tests compare both builds).
    app.add_config_value("lean_prune", True, "html", types=[bool])
    app.add_config_value("lean_icon_fonts", ["Font Awesome"], "html", types=[list, tuple])
    start_worker(app)
    # After the extensions that add their static folders when the builder starts.
    app.connect("builder-inited", read_ahead, priority=900)
    # Late, once the theme has written its last files (pydata-sphinx-theme rewrites
    # pygments.css when the build finishes): the pages and stylesheets are final.
    # The handlers between the two (priorities 801 to 949) run while the worker
    # works: they must not change a page or a stylesheet (the calendar feeds and
    # the sitemap do not).
    app.connect("build-finished", trim_build, priority=800)
    app.connect("build-finished", wait_for_worker, priority=950)
