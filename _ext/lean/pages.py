"""What the built pages contain: their elements, classes and ids, and the scripts they load."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

from .css import Vocabulary

#: Words of a script: any of them may be a class name or an element it creates.
_JS_WORD = re.compile(r"[A-Za-z_][\w-]*")
#: Class-name prefixes completed at run time: `bs-${x}`, "kind-" + x.
_JS_PREFIX = re.compile(r"([A-Za-z][\w-]*-)(?:\$\{|[\"']\s*\+)")


def built_pages(outdir: Path) -> list[Path]:
    """Every HTML page of the build (the theme's templates copied into _static are not pages)."""
    return sorted(
        path for path in outdir.rglob("*.html") if "_static" not in path.relative_to(outdir).parts
    )


def local_file(page: Path, url: str, outdir: Path, root: str = "/") -> Path | None:
    """The file in ``outdir`` that ``url``, written in ``page``, points to (None if external).

    ``root`` is the URL path of the site's root: the 404 page links with absolute
    paths under it (``/en/latest/_static/...``), so that it works at any depth.
    """
    parts = urlsplit(url)
    if parts.scheme or parts.netloc or not parts.path:
        return None
    path = unquote(parts.path)
    if path.startswith("/"):
        if not path.startswith(root):
            return None
        target = (outdir / path[len(root) :]).resolve()
    else:
        target = (page.parent / path).resolve()
    return target if target.is_relative_to(outdir.resolve()) else None


# Sphinx writes its attributes double-quoted. The patterns may over-read (e.g. a tag
# written inside a comment): that only keeps a CSS rule more, never drops one.
_TAG = re.compile(r"""<([a-zA-Z][\w-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>""")
_ATTRIBUTE = re.compile(r'\b(class|id|src|href|rel)="([^"]*)"')
_INLINE_SCRIPT = re.compile(r"<script\b(?![^>]*\bsrc=)[^>]*>(.*?)</script>", re.S)


def scan(html: str, vocabulary: Vocabulary) -> list[str]:
    """Add the page's elements, classes and ids to ``vocabulary``; return its script URLs."""
    scripts = []
    for tag, attributes in _TAG.findall(html):
        vocabulary.tags.add(tag.lower())
        for name, value in _ATTRIBUTE.findall(attributes):
            if name == "class":
                vocabulary.classes.update(value.split())
            elif name == "id":
                vocabulary.ids.add(value)
            elif name == "src" and tag.lower() == "script":
                scripts.append(value)
    for script in _INLINE_SCRIPT.findall(html):
        add_script_words(vocabulary, script)
    return scripts


def add_script_words(vocabulary: Vocabulary, script: str) -> None:
    words = set(_JS_WORD.findall(script))
    vocabulary.classes.update(words)
    vocabulary.ids.update(words)
    vocabulary.tags.update(word.lower() for word in words)
    vocabulary.class_prefixes.update(_JS_PREFIX.findall(script))


def vocabulary_of(outdir: Path, pages: list[Path], root: str = "/") -> Vocabulary:
    """All classes, ids and elements the pages show, or their scripts may add at run time."""
    vocabulary = Vocabulary()
    scripts: set[Path] = set()
    for page in pages:
        scripts.update(
            path
            for url in scan(page.read_text(encoding="utf-8"), vocabulary)
            if (path := local_file(page, url, outdir, root)) is not None and path.is_file()
        )
    for script in sorted(scripts):
        add_script_words(vocabulary, script.read_text(encoding="utf-8"))
    return vocabulary
