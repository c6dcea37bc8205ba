"""Trim what the built pages load: scripts per page, unused CSS rules, unused icon glyphs.

Runs on the finished HTML output (``build-finished``), so it follows whatever the
theme writes instead of copying its templates; anything it can no longer
recognise is reported as a ``lean`` warning, which fails the ``-W`` build.
"""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

from sphinx.application import Sphinx
from sphinx.errors import ExtensionError
from sphinx.util import logging

from . import css, icons, pages, scripts
from .seo import site_url

logger = logging.getLogger(__name__)

_WORKER = Path(__file__).with_name("subset_worker.py")


def _is_html(app: Sphinx) -> bool:
    return app.builder.format == "html" and app.builder.name != "epub"


def start_font_worker(app: Sphinx) -> None:
    """Start the font subsetter early, reading the theme's fonts ahead."""
    if not _is_html(app) or not app.config.lean_prune or not app.config.lean_icon_fonts:
        return
    sources = sorted(
        str(path)
        for directory in app.builder.theme.get_theme_dirs()
        for path in (Path(directory) / "static").rglob("*.woff2")
    )
    worker = subprocess.Popen(
        [sys.executable, str(_WORKER)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    worker.stdin.write(json.dumps({"preload": sources}) + "\n")
    worker.stdin.flush()
    app._lean_font_worker = (worker, sources)  # noqa: SLF001 (one build, one worker)


def _stop_font_worker(app: Sphinx) -> tuple[subprocess.Popen, list[str]] | None:
    started = getattr(app, "_lean_font_worker", None)
    app._lean_font_worker = None  # noqa: SLF001
    return started


def _digest(path: Path | str) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def subset_fonts(app: Sphinx, jobs: dict[Path, set[str]]) -> None:
    started = _stop_font_worker(app)
    if started is None:
        return
    worker, sources = started
    by_digest = {_digest(source): source for source in sources}
    request = [
        {
            "source": by_digest.get(_digest(target), str(target)),
            "target": str(target),
            "codepoints": sorted(ord(char) for char in characters),
        }
        for target, characters in sorted(jobs.items())
    ]
    answer, _ = worker.communicate(json.dumps({"jobs": request}) + "\n", timeout=120)
    result = json.loads(answer or '{"error": "the font subsetter stopped without answering"}')
    if "error" in result:
        raise ExtensionError(f"lean: subsetting the icon fonts failed: {result['error']}")


def trim_build(app: Sphinx, exception: Exception | None) -> None:
    started = getattr(app, "_lean_font_worker", None)
    if exception is not None or not _is_html(app):
        if started:
            _stop_font_worker(app)[0].communicate("", timeout=120)
        return
    outdir = Path(app.outdir)
    root = urlsplit(site_url(app)).path or "/"
    built = pages.built_pages(outdir)
    for page in built:
        scripts.trim_scripts(page)
    if app.config.lean_prune:
        prune_styles_and_icons(app, outdir, built, root)


def prune_styles_and_icons(app: Sphinx, outdir: Path, built: list[Path], root: str) -> None:
    vocabulary = pages.vocabulary_of(outdir, built, root)
    empty: set[Path] = set()
    shown: set[str] = set()
    icon_fonts: list[Path] = []
    families = tuple(app.config.lean_icon_fonts)
    stylesheets = {}
    for stylesheet in sorted(outdir.joinpath("_static").rglob("*.css")):
        pruned, rules = css.prune_stylesheet_rules(
            stylesheet.read_text(encoding="utf-8"), vocabulary.can_match
        )
        stylesheets[stylesheet.resolve()] = pruned
        # The source map describes the stylesheet before pruning.
        stylesheet.with_name(stylesheet.name + ".map").unlink(missing_ok=True)
        if not pruned:
            empty.add(stylesheet.resolve())
            continue
        shown |= icons.shown_characters(rules)
        icon_fonts += icons.font_files(rules, families, stylesheet)
    for stylesheet, text in stylesheets.items():
        stylesheet.write_text(css.inline_imports(text, stylesheet, stylesheets), encoding="utf-8")
    for page in built:
        scripts.drop_stylesheet_links(page, empty, outdir, root)

    if families and not icon_fonts:
        logger.warning(
            "no @font-face of the icon fonts %s in the built stylesheets: the icon font "
            "was not subset (did the theme change its icons?)",
            ", ".join(map(repr, families)),
            type="lean",
            subtype="icons",
        )
    missing = [font for font in icon_fonts if not font.is_file()]
    if missing:
        raise ExtensionError(f"lean: icon font files not found: {missing}")
    subset_fonts(app, {font: shown for font in icon_fonts})


def setup_assets(app: Sphinx) -> None:
    # False keeps every CSS rule and glyph (the browser tests compare both builds).
    app.add_config_value("lean_prune", True, "html", types=[bool])
    app.add_config_value("lean_icon_fonts", ["Font Awesome"], "html", types=[list, tuple])
    app.connect("builder-inited", start_font_worker)
    app.connect("build-finished", trim_build, priority=900)
