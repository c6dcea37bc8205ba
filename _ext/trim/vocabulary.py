"""What the built pages can show: every element, class and id in them or in their scripts.

A CSS rule is kept when the vocabulary can match its selector (``Vocabulary.matcher``).

Every scan here is linear in the size of the page or script it reads, whatever it
holds (a page may contain a word of 400,000 letters, and the search index repeats
it): each pattern either consumes what it reads or stops at the next ``<``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from .css import requirements
from .pages import local_file


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
            needed = requirements(selector)
            return (
                needed.ids <= ids
                and needed.tags <= tags
                and (needed.classes <= classes or all(map(has_class, needed.classes)))
            )

        return can_match


# Sphinx writes its attributes double-quoted and escapes "<" and ">" inside them, so a
# tag ends before the next "<". The patterns may over-read (e.g. a tag written inside a
# comment): that only keeps a CSS rule more, never drops one.
_TAG = re.compile(r"<([a-zA-Z][\w-]*)([^<>]*)>")
_ATTRIBUTE = re.compile(r'\b(class|id|src)="([^"]*)"')
_SCRIPT_END = re.compile(r"</script", re.I)
#: A word of a script (any may be a class name or an element it creates), and what
#: follows it when it is a class-name prefix completed at run time: `bs-${x}`, "kind-" + x.
_JS_WORD = re.compile(r"([A-Za-z_][\w-]*)(\$\{|[\"']\s*\+)?")


def scan(html: str, vocabulary: Vocabulary) -> list[str]:
    """Add the page's elements, classes and ids to ``vocabulary``; return its script URLs."""
    scripts = []
    position = 0
    for match in _TAG.finditer(html):
        if match.start() < position:  # inside an inline script read below
            continue
        tag, attributes = match.group(1).lower(), match.group(2)
        vocabulary.tags.add(tag)
        has_src = False
        for name, value in _ATTRIBUTE.findall(attributes):
            if name == "class":
                vocabulary.classes.update(value.split())
            elif name == "id":
                vocabulary.ids.add(value)
            elif tag == "script":
                has_src = True
                scripts.append(value)
        if tag == "script":
            end = _SCRIPT_END.search(html, match.end())
            stop = end.start() if end else len(html)
            if not has_src:
                add_script_words(vocabulary, html[match.end() : stop])
            position = stop
    return scripts


def add_script_words(vocabulary: Vocabulary, script: str) -> None:
    words, prefixes = set(), set()
    for word, completed in _JS_WORD.findall(script):
        words.add(word)
        if completed and word.endswith("-"):
            prefixes.add(word)
    vocabulary.classes.update(words)
    vocabulary.ids.update(words)
    vocabulary.tags.update(word.lower() for word in words)
    vocabulary.class_prefixes.update(prefixes)


def vocabulary_of(
    outdir: Path, pages: list[Path], root: str = "/", safelist: Iterable[str] = ()
) -> Vocabulary:
    """All classes, ids and elements the pages show, or their scripts may add at run time,
    plus the ``safelist`` of classes that only scripts of other sites or the visitor add."""
    vocabulary = Vocabulary(classes=set(safelist))
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
