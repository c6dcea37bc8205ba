"""Icon fonts cut down to the glyphs the pages show, with fontTools.

fontTools takes about a tenth of a second to import and as much to read the
theme's fonts: the build's worker process (``lean.worker``) does both ahead
(``IconFonts``), while Sphinx is still building, and only the subsetting is left
for the end.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from fontTools import subset


def _options() -> subset.Options:
    options = subset.Options()
    options.flavor = "woff2"
    options.layout_features = []  # icons are drawn by code point, not by ligature
    options.name_IDs = ["*"]  # keep the names, and with them the license notice
    return options


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


class IconFonts:
    """Fonts read ahead, found again by their content when the build asks for a subset."""

    def __init__(self) -> None:
        self._read: dict[str, subset.TTFont] = {}

    def read_ahead(self, paths: list[Path]) -> None:
        for path in paths:
            font = subset.load_font(str(path), _options(), lazy=False)
            font.ensureDecompiled()
            self._read[_digest(path)] = font

    def subset(self, target: Path, characters: set[str]) -> int:
        """Rewrite the font file ``target`` with only ``characters``; its new size in bytes."""
        font = self._read.pop(_digest(target), None)
        if font is None:  # not one of the fonts read ahead
            font = subset.load_font(str(target), _options())
        subsetter = subset.Subsetter(_options())
        subsetter.populate(unicodes=sorted(map(ord, characters)))
        subsetter.subset(font)
        # Keep the font's own date: the output must not depend on when it is built.
        font.recalcTimestamp = False
        subset.save_font(font, str(target), _options())
        return target.stat().st_size
