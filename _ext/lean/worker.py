"""The build's worker: prunes the stylesheets and subsets the icon fonts.

Started when the extension is set up (``python -m lean.worker``, see
``lean.channel``), it imports fontTools and reads the theme's stylesheets, scripts
and fonts while Sphinx reads and writes the pages; at the end of the build only
the pruning and the subsetting are left.

Messages: first what to read ahead, ``{"folders": [path, ...], "fonts": [path,
...]}``; then the work, ``{"outdir": path, "pages": [path, ...], "root": "/",
"icon_families": [name, ...]}``. Answer: ``{"empty": [path, ...], "unreadable":
[[path, line, message], ...], "icon_fonts": [path, ...], "fonts": {path: bytes}}``
or ``{"error": message}``.
"""

from __future__ import annotations

import os
from pathlib import Path

from . import styles
from .channel import serve
from .fonts import IconFonts  # the slow import, done while Sphinx builds


def read_ahead(message: dict) -> IconFonts:
    styles.read_ahead([Path(folder) for folder in message["folders"]])
    fonts = IconFonts()
    fonts.read_ahead([Path(font) for font in message["fonts"]])
    return fonts


def work(fonts: IconFonts, request: dict) -> dict:
    pruned = styles.prune_site(
        Path(request["outdir"]),
        [Path(page) for page in request["pages"]],
        request["root"],
        tuple(request["icon_families"]),
    )
    icon_fonts = sorted(set(pruned.icon_fonts))
    missing = [str(font) for font in icon_fonts if not font.is_file()]
    if missing:
        return {"error": f"icon font files not found: {missing}"}
    return {
        "empty": sorted(map(str, pruned.empty)),
        "unreadable": [[str(path), line, message] for path, line, message in pruned.unreadable],
        "icon_fonts": [str(font) for font in icon_fonts],
        "fonts": {str(font): fonts.subset(font, pruned.shown) for font in icon_fonts},
    }


if __name__ == "__main__":
    serve(read_ahead, work)
    # Leave without tearing down the fonts and caches object by object: the build is
    # waiting for this process to end, and the operating system frees it all at once.
    os._exit(0)
