"""The build's worker process: prunes the stylesheets and subsets the icon fonts.

Started when the build starts (``python -m lean.worker``), it reads the theme's
stylesheets, scripts and fonts on another core while Sphinx reads and writes the
pages; at the end of the build only the pruning and subsetting are left, and the
main process waits for them instead of doing all of it on its own.

Protocol: one JSON document per line on stdin. First what to read ahead,
``{"folders": [path, ...], "fonts": [path, ...]}``; then the work, ``{"outdir":
path, "pages": [path, ...], "root": "/", "icon_families": [name, ...]}``, or
end of input if the build failed. It answers one JSON line on stdout:
``{"empty": [...], "unreadable": [[path, line, message], ...], "icon_fonts":
[...], "fonts": {path: bytes}, "warnings": [...]}``, or ``{"error": message}``.
"""

from __future__ import annotations

import gc
import json
import os
import sys
from pathlib import Path


def work(request: dict, fonts) -> dict:
    from . import styles

    families = tuple(request["icon_families"])
    pruned = styles.prune_site(
        Path(request["outdir"]), [Path(p) for p in request["pages"]], request["root"], families
    )
    answer = {
        "empty": sorted(map(str, pruned.empty)),
        "unreadable": [[str(path), line, message] for path, line, message in pruned.unreadable],
        "icon_fonts": sorted(map(str, pruned.icon_fonts)),
        "fonts": {},
    }
    missing = [str(font) for font in pruned.icon_fonts if not font.is_file()]
    if missing:
        return {"error": f"icon font files not found: {missing}"}
    for font in sorted(set(pruned.icon_fonts)):
        answer["fonts"][str(font)] = fonts.subset(font, pruned.shown)
    return answer


def main() -> None:
    from .fonts import IconFonts  # the slow import, done while Sphinx builds
    from .styles import read_ahead

    request = sys.stdin.readline()
    if not request:
        return
    ahead = json.loads(request)
    fonts = IconFonts()
    read_ahead([Path(folder) for folder in ahead["folders"]])
    fonts.read_ahead([Path(font) for font in ahead["fonts"]])
    # What was read ahead stays until the end: keep the garbage collector from going
    # through it again at every collection (a third of the time left at the end).
    gc.freeze()
    request = sys.stdin.readline()
    if not request:  # the build failed: nothing to do
        return
    try:
        answer = work(json.loads(request), fonts)
    except Exception as error:  # reported to the build, which fails with it
        answer = {"error": f"{type(error).__name__}: {error}"}
    print(json.dumps(answer), flush=True)


if __name__ == "__main__":
    main()
    # Leave without tearing down the fonts and caches one by one: the build is
    # waiting for this process to end, and the operating system frees it all at once.
    os._exit(0)
