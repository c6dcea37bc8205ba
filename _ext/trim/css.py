"""Drop the CSS rules that no built page can match.

The stylesheets of the theme and of sphinx-design style every component they
offer; a page of this site uses a few of them. A rule is kept when each class,
id and element name its selector *requires* occurs somewhere in the built pages
or in the scripts those pages load (scripts add classes such as ``show`` or
``collapsing`` at run time). Everything a selector does not strictly require is
ignored, which keeps the rule: attribute selectors (dark mode is
``html[data-theme=dark]``), pseudo-classes and the insides of ``:not()``,
``:is()``, ``:where()``, ``:has()``. At-rules that hold rules (``@media``,
``@supports``...) are pruned inside; all other at-rules are kept whole.

Why a small scanner instead of tinycss2: measured on pydata-sphinx-theme's 378 KB
stylesheet, ``tinycss2.parse_stylesheet`` takes 0.39-0.42 s of CPU and this
scanner 0.025 s, while a whole plain build of the site's pages takes about 1.6 s:
tinycss2 alone would spend a quarter of the build-time budget. Block syntax is
simple (strings, escapes, comments, braces) and ``tests/test_trim_css.py`` checks
this scanner against tinycss2 on the theme's and sphinx-design's stylesheets.

Every pattern here matches in time linear in its input: an unterminated comment
or string runs to the end of the stylesheet (once), and no pattern can restart a
long scan at each following character. Grouping rules nested deeper than
``MAX_NESTING`` are a syntax error rather than a recursion error.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

#: Comments, strings and escapes first, so that braces inside them are skipped.
#: An unterminated comment or string ends with the stylesheet (``\Z``, quote optional).
_COMMENT_OR_STRING = re.compile(r"/\*.*?(?:\*/|\Z)|\"(?:\\.|[^\"\\])*\"?|'(?:\\.|[^'\\])*'?", re.S)
_TOKEN = re.compile(r"\"(?:\\.|[^\"\\])*\"?|'(?:\\.|[^'\\])*'?|\\.|[{};]", re.S)
#: Deeper nesting of grouping at-rules is refused (the pruning recurses into them).
MAX_NESTING = 32
#: At-rules whose block holds rules rather than declarations.
GROUPING_AT_RULES = frozenset(
    {"@media", "@supports", "@layer", "@container", "@document", "@scope", "@starting-style"}
)


@dataclass
class Statement:
    """An at-rule without a block: ``@import``, ``@charset``, ``@layer a, b;``."""

    text: str

    def css(self) -> str:
        return self.text


@dataclass
class Block:
    """A rule with a declaration block (or an at-rule kept whole, e.g. ``@font-face``)."""

    prelude: str
    body: str

    def css(self) -> str:
        return f"{self.prelude}{{{self.body}}}"


@dataclass
class Group:
    """A grouping at-rule and the rules inside it."""

    prelude: str
    children: list = field(default_factory=list)

    def css(self) -> str:
        return f"{self.prelude}{{{''.join(child.css() for child in self.children)}}}"


def strip_comments(css: str, keep_lines: bool = False) -> tuple[str, list[str]]:
    """The stylesheet without comments, and its license comments (``/*! ... */``).

    With ``keep_lines``, a comment leaves its line breaks behind, so that an offset
    in the result is on the same line as in ``css`` (for error messages).
    """
    licenses = []

    def replace(match: re.Match) -> str:
        text = match.group()
        if not text.startswith("/*"):
            return text
        if text.startswith("/*!"):
            licenses.append(text)
        return "\n" * text.count("\n") if keep_lines else ""

    return _COMMENT_OR_STRING.sub(replace, css), licenses


class CSSSyntaxError(ValueError):
    """Braces that do not balance, at ``offset`` in the comment-free stylesheet."""

    def __init__(self, message: str, offset: int) -> None:
        super().__init__(message)
        self.offset = offset


def parse(css: str) -> list:
    """The top-level rules of a comment-free stylesheet; CSSSyntaxError if braces do not balance."""
    frames: list[Group] = [Group("")]
    opened: list[int] = []  # offsets of the grouping at-rules still open
    pos = 0
    depth = 0  # > 0 while inside a declaration block (which may nest, e.g. @keyframes)
    block_start = 0
    block_prelude = ""
    for match in _TOKEN.finditer(css):
        token = match.group()
        if token not in "{};":
            continue
        if depth:
            if token == "{":
                depth += 1
            elif token == "}":
                depth -= 1
                if not depth:
                    frames[-1].children.append(
                        Block(block_prelude, css[block_start : match.start()])
                    )
                    pos = match.end()
            continue
        if token == ";":
            frames[-1].children.append(Statement(css[pos : match.end()].strip()))
        elif token == "{":
            prelude = css[pos : match.start()].strip()
            keyword = prelude.split(maxsplit=1)[:1]
            if keyword and keyword[0].lower() in GROUPING_AT_RULES:
                if len(frames) > MAX_NESTING:
                    raise CSSSyntaxError(
                        f"grouping rules are nested deeper than {MAX_NESTING} levels",
                        match.start(),
                    )
                frames.append(Group(prelude))
                opened.append(match.start())
            else:
                depth, block_start, block_prelude = 1, match.end(), prelude
        else:  # "}" closing a grouping at-rule
            if len(frames) == 1:
                raise CSSSyntaxError("a '}' closes nothing", match.start())
            group = frames.pop()
            opened.pop()
            frames[-1].children.append(group)
        pos = match.end()
    if depth:
        raise CSSSyntaxError("a '{' is never closed", block_start - 1)
    if opened:
        raise CSSSyntaxError("a '{' is never closed", opened[-1])
    rest = css[pos:]
    if rest.strip():
        offset = pos + len(rest) - len(rest.lstrip())
        raise CSSSyntaxError("text after the last rule is not a rule", offset)
    return frames[0].children


def syntax_error_line(css: str) -> tuple[int, str] | None:
    """The line (1-based) and message of the first brace that does not balance in ``css``."""
    text = strip_comments(css, keep_lines=True)[0]
    try:
        parse(text)
    except CSSSyntaxError as error:
        return text.count("\n", 0, error.offset) + 1, str(error)
    return None


def read(css: str) -> tuple[list, list[str]]:
    """The rules of ``css`` and its license comments."""
    text, licenses = strip_comments(css)
    return parse(text), licenses


_NESTED_OR_QUOTED = re.compile(r"[(\[\"'\\]")
#: The characters that matter when splitting a selector list or a declaration block.
_NESTING = re.compile(r"\"(?:\\.|[^\"\\])*\"?|'(?:\\.|[^'\\])*'?|\\.|[()\[\],;]", re.S)


def split_top_level(text: str, separator: str) -> list[str]:
    """``text`` split at ``separator`` outside strings, brackets and parentheses."""
    if not _NESTED_OR_QUOTED.search(text):  # the common case, much quicker
        return [part.strip() for part in text.split(separator) if part.strip()]
    parts, depth, start = [], 0, 0
    for match in _NESTING.finditer(text):
        token = match.group()
        if token in "([":
            depth += 1
        elif token in ")]":
            depth -= 1
        elif token == separator and not depth:
            parts.append(text[start : match.start()])
            start = match.end()
    parts.append(text[start:])
    return [part.strip() for part in parts if part.strip()]


_IDENT = r"(?:[\w-]|\\[0-9a-fA-F]{1,6}\s?|\\[^\n0-9a-fA-F])+"
_REQUIRED = re.compile(rf"(?P<kind>[.#]|::?|(?<![\w\\-]))(?P<name>{_IDENT})")
_ESCAPE = re.compile(r"\\([0-9a-fA-F]{1,6})\s?|\\(.)", re.S)


def unescape(text: str) -> str:
    """CSS escapes resolved: ``sd-col-1\\/2`` -> ``sd-col-1/2``, ``\\f09b`` -> U+F09B."""

    def replace(match: re.Match) -> str:
        if match.group(1):
            return chr(int(match.group(1), 16))
        return match.group(2)

    return _ESCAPE.sub(replace, text)


def _without_nested(selector: str) -> str:
    """The selector without what is inside (...) and [...]: nothing there is required."""
    if not _NESTED_OR_QUOTED.search(selector):
        return selector
    out, depth, start = [], 0, 0
    for match in _NESTING.finditer(selector):
        token = match.group()
        if token in "([":
            if not depth:
                out.append(selector[start : match.start()])
            depth += 1
        elif token in ")]":
            depth -= 1
            if not depth:
                out.append(" ")
                start = match.end()
    if not depth:
        out.append(selector[start:])
    return "".join(out)


@dataclass(frozen=True)
class Requirements:
    """What a selector needs on a page to match: classes, ids and element names."""

    classes: frozenset[str]
    ids: frozenset[str]
    tags: frozenset[str]


_ONE_CLASS = re.compile(r"\.[\w-]+")
_NOTHING: frozenset[str] = frozenset()


def requirements(selector: str) -> Requirements:
    if _ONE_CLASS.fullmatch(selector):  # a third of them, e.g. the icons' ".fa-github"
        return Requirements(frozenset((selector[1:],)), _NOTHING, _NOTHING)
    classes, ids, tags = set(), set(), set()
    for kind, name in _REQUIRED.findall(_without_nested(selector)):
        if "\\" in name:
            name = unescape(name)
        if kind == ".":
            classes.add(name)
        elif kind == "#":
            ids.add(name)
        elif not kind and not name[0].isdigit() and name[0] != "-":
            tags.add(name.lower())
    return Requirements(frozenset(classes), frozenset(ids), frozenset(tags))


def selectors(prelude: str) -> tuple[str, ...]:
    """The selectors of a rule's selector list."""
    return tuple(split_top_level(prelude, ","))


def prune_rules(rules: list, keep: Callable[[str], bool]) -> list:
    """The rules with the selectors ``keep`` rejects removed, and empty rules dropped."""
    kept = []
    for rule in rules:
        if isinstance(rule, Group):
            children = prune_rules(rule.children, keep)
            if children:
                kept.append(Group(rule.prelude, children))
        elif isinstance(rule, Block) and not rule.prelude.startswith("@"):
            matching = [s for s in selectors(rule.prelude) if keep(s)]
            if matching:
                kept.append(Block(",".join(matching), rule.body))
        else:
            kept.append(rule)
    return kept


def prune_stylesheet(css: str, keep: Callable[[str], bool]) -> str:
    """The stylesheet with only the rules ``keep`` accepts; license comments stay on top.

    A stylesheet left without any rule becomes the empty string.
    """
    return prune_stylesheet_rules(css, keep)[0]


def prune_stylesheet_rules(css: str, keep: Callable[[str], bool]) -> tuple[str, list]:
    """The pruned stylesheet's text (see ``prune_stylesheet``) and its rules."""
    parsed, licenses = read(css)
    rules = prune_rules(parsed, keep)
    if all(isinstance(rule, Statement) and not rule.text.startswith("@import") for rule in rules):
        return "", []
    return "".join(licenses) + "\n" + "".join(rule.css() for rule in rules) + "\n", rules


_IMPORT = re.compile(r"""@import\s+(?:url\(\s*)?["']?([^"')\s;]+)["']?\s*\)?\s*;""")


def inline_imports(text: str, path: Path, stylesheets: dict[Path, str]) -> str:
    """``text`` with each unconditional ``@import`` of a sibling stylesheet replaced by it.

    A chain of imports delays the first paint by one request per link (pydata's
    theme.css only imports Sphinx's basic.css). An imported stylesheet with ``url()``
    references cannot move: its relative URLs would point elsewhere. Then no import
    of ``text`` is inlined, since an ``@import`` after a rule is ignored.
    """
    imported = []
    for match in _IMPORT.finditer(text):
        target = stylesheets.get(Path(os.path.normpath(path.parent / match.group(1))))
        if target is None or "url(" in target or "@import" in target:
            return text
        imported.append(target.strip())
    replacements = iter(imported)
    return _IMPORT.sub(lambda match: next(replacements), text)


def declarations(body: str) -> tuple[tuple[str, str], ...]:
    """``(property, value)`` pairs of a declaration block."""
    pairs = []
    for declaration in split_top_level(body, ";"):
        name, colon, value = declaration.partition(":")
        if colon:
            pairs.append((name.strip(), value.strip()))
    return tuple(pairs)


def walk_blocks(rules: list):
    for rule in rules:
        if isinstance(rule, Group):
            yield from walk_blocks(rule.children)
        elif isinstance(rule, Block):
            yield rule
