"""What the built pages contain: their elements, classes and ids, and the scripts they load."""

from __future__ import annotations

import re
from html.parser import HTMLParser
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


class _Scanner(HTMLParser):
    def __init__(self, vocabulary: Vocabulary) -> None:
        super().__init__(convert_charrefs=True)
        self.vocabulary = vocabulary
        self.scripts: list[str] = []
        self.stylesheets: list[str] = []
        self.inline_js: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list) -> None:
        attributes = dict(attrs)
        self.vocabulary.tags.add(tag.lower())
        self.vocabulary.classes.update((attributes.get("class") or "").split())
        if attributes.get("id"):
            self.vocabulary.ids.add(attributes["id"])
        if tag == "script":
            if attributes.get("src"):
                self.scripts.append(attributes["src"])
            else:
                self._in_script = True
        elif tag == "link" and "stylesheet" in (attributes.get("rel") or "").split():
            self.stylesheets.append(attributes.get("href") or "")

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.inline_js.append(data)


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
        scanner = _Scanner(vocabulary)
        scanner.feed(page.read_text(encoding="utf-8"))
        scanner.close()
        for script in scanner.inline_js:
            add_script_words(vocabulary, script)
        scripts.update(
            path
            for url in scanner.scripts
            if (path := local_file(page, url, outdir, root)) is not None and path.is_file()
        )
    for script in sorted(scripts):
        add_script_words(vocabulary, script.read_text(encoding="utf-8"))
    return vocabulary
