"""What the built pages can show: every element, class and id in them or in their scripts.

A CSS rule is kept when the vocabulary can match its selector (``Vocabulary.matcher``).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .css import requirements
from .pages import local_file

#: Words of a script: any of them may be a class name or an element it creates.
_JS_WORD = re.compile(r"[A-Za-z_][\w-]*")
#: Class-name prefixes completed at run time: `bs-${x}`, "kind-" + x.
_JS_PREFIX = re.compile(r"([A-Za-z][\w-]*-)(?:\$\{|[\"']\s*\+)")


@dataclass
class Vocabulary:
    """Every class, id and element name the built pages and their scripts can show."""

    classes: set[str] = field(default_factory=set)
    ids: set[str] = field(default_factory=set)
    tags: set[str] = field(default_factory=set)
    #: Scripts build some class names from a prefix: `bs-${name}-auto`.
    class_prefixes: set[str] = field(default_factory=set)

    def can_match(self, selector: str) -> bool:
        return self.matcher()(selector)

    def matcher(self) -> Callable[[str], bool]:
        """``can_match`` for the vocabulary as it is now: quicker, for a whole stylesheet."""
        classes, ids, tags = frozenset(self.classes), frozenset(self.ids), frozenset(self.tags)
        prefixes = tuple(sorted(self.class_prefixes))

        def has_class(name: str) -> bool:
            return name in classes or name.startswith(prefixes)

        def can_match(selector: str) -> bool:
            needed = requirements(selector)  # read ahead for the theme's selectors
            return (
                needed.ids <= ids
                and needed.tags <= tags
                and (needed.classes <= classes or all(map(has_class, needed.classes)))
            )

        return can_match


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
    words, prefixes = script_words(script)
    vocabulary.classes.update(words)
    vocabulary.ids.update(words)
    vocabulary.tags.update(word.lower() for word in words)
    vocabulary.class_prefixes.update(prefixes)


@functools.cache
def script_words(script: str) -> tuple[frozenset[str], frozenset[str]]:
    """The words of a script and the class-name prefixes it completes (cached by the text:
    the build's worker process reads the theme's scripts ahead)."""
    return frozenset(_JS_WORD.findall(script)), frozenset(_JS_PREFIX.findall(script))


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
