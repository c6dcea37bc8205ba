"""The icon font cut down to the glyphs the pruned stylesheets can show.

An icon is drawn by a CSS ``content`` declaration, directly (``content: "\\f09b"``)
or through custom properties (FontAwesome 7: ``.fa-github{--fa:"\\f09b"}`` and
``.fa-brands:before{content:var(--fa)}``). After pruning, the only such rules left
are those of icons a page can show, so the characters they reach are exactly the
glyphs to keep.
"""

from __future__ import annotations

import os
import re
from collections import defaultdict
from pathlib import Path
from urllib.parse import unquote

from .css import declarations, unescape, walk_blocks

_STRING = re.compile(r"\"((?:\\.|[^\"\\])*)\"|'((?:\\.|[^'\\])*)'", re.S)
_VAR = re.compile(r"var\(\s*(--[\w-]+)")
#: A URL ends before any quote or parenthesis, so no match restarts a long scan.
_URL = re.compile(r"url\(\s*[\"']?([^\"'()]+)[\"']?\s*\)")


def shown_characters(rules: list) -> set[str]:
    """Every character the ``content`` declarations of ``rules`` can display."""
    definitions: dict[str, list[str]] = defaultdict(list)
    values: list[str] = []
    for block in walk_blocks(rules):
        if block.prelude.startswith("@"):
            continue
        for name, value in declarations(block.body):
            if name.startswith("--"):
                definitions[name].append(value)
            elif name.lower() == "content":
                values.append(value)
    seen: set[str] = set()
    pending = list(values)
    while pending:
        value = pending.pop()
        for name in _VAR.findall(value):
            if name not in seen:
                seen.add(name)
                pending.extend(definitions.get(name, ()))
        values.append(value)
    characters = set()
    for value in values:
        for double, single in _STRING.findall(value):
            characters.update(unescape(double or single))
    return characters


def font_files(rules: list, families: tuple[str, ...], stylesheet: Path) -> list[tuple[str, Path]]:
    """The URLs and files of the ``@font-face`` rules whose family starts with one of
    ``families`` (the files may lie anywhere: the caller checks where)."""
    files = []
    for block in walk_blocks(rules):
        if not block.prelude.lower().startswith("@font-face"):
            continue
        facts = dict((name.lower(), value) for name, value in declarations(block.body))
        family = unescape(facts.get("font-family", "")).strip("\"' ")
        if family.startswith(families):
            files.extend(
                (url, Path(os.path.normpath(stylesheet.parent / unquote(url.split("?")[0]))))
                for url in _URL.findall(facts.get("src", ""))
                if not url.startswith("data:")
            )
    return files
