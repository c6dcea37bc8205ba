"""Icon fonts cut down to the glyphs the pages show, with fontTools.

fontTools is imported only when a build has an icon font to subset (about a tenth
of a second). Its progress messages are INFO records, which the build would print:
pydata-sphinx-theme imports a11y_pygments, which sets the root logger to INFO.
"""

from __future__ import annotations

import logging
from pathlib import Path


def subset_font(target: Path, characters: set[str]) -> int:
    """Rewrite the font file ``target`` with only ``characters``; its new size in bytes."""
    from fontTools import subset

    logging.getLogger("fontTools").setLevel(logging.WARNING)
    options = subset.Options()
    options.flavor = "woff2"
    options.layout_features = []  # icons are drawn by code point, not by ligature
    options.name_IDs = ["*"]  # keep the names, and with them the license notice
    font = subset.load_font(str(target), options)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=sorted(map(ord, characters)))
    subsetter.subset(font)
    # Keep the font's own date: the output must not depend on when it is built.
    font.recalcTimestamp = False
    subset.save_font(font, str(target), options)
    return target.stat().st_size
