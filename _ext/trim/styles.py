"""The built site's stylesheets cut down to the rules its pages can match.

Pure functions of the output folder, without Sphinx (``trim.site`` reports what
they found as warnings).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from . import css, icons, pages, scripts, vocabulary


@dataclass(frozen=True)
class IconFont:
    """One file of an icon font's ``@font-face``, as a stylesheet names it."""

    stylesheet: Path
    url: str
    file: Path


@dataclass
class Pruned:
    """What pruning the stylesheets of a build found and did."""

    #: Stylesheets left without any rule: the pages no longer link them.
    empty: set[Path] = field(default_factory=set)
    #: Every character the kept ``content`` declarations can display.
    shown: set[str] = field(default_factory=set)
    #: The files of the icon fonts' ``@font-face`` rules.
    icon_fonts: list[IconFont] = field(default_factory=list)
    #: Stylesheets that could not be read, kept whole: (path, line, message).
    unreadable: list[tuple[Path, int, str]] = field(default_factory=list)


def prune_site(
    outdir: Path,
    built: list[Path],
    root: str,
    families: tuple[str, ...],
    safelist: tuple[str, ...] = (),
) -> Pruned:
    """Prune every stylesheet in ``outdir/_static`` to what the ``built`` pages can match.

    ``root`` is the URL path of the site's root (see ``pages.local_file``); ``families``
    the font families whose ``@font-face`` files are the icon fonts to subset;
    ``safelist`` classes to keep although no page or script names them.
    """
    page_vocabulary = vocabulary.vocabulary_of(outdir, built, root, safelist)
    result = Pruned()
    can_match = page_vocabulary.matcher()
    stylesheets = {}
    for stylesheet in sorted(outdir.joinpath("_static").rglob("*.css")):
        if not pages.is_inside(stylesheet, outdir):
            continue  # a link out of the output folder: not ours to rewrite
        text = stylesheet.read_text(encoding="utf-8")
        try:
            pruned, rules = css.prune_stylesheet_rules(text, can_match)
        except css.CSSSyntaxError:
            line, message = css.syntax_error_line(text) or (1, "unreadable")
            result.unreadable.append((stylesheet, line, message))
            continue
        stylesheets[pages.normal(stylesheet)] = pruned
        # The source map describes the stylesheet before pruning.
        source_map = stylesheet.with_name(stylesheet.name + ".map")
        if pages.is_inside(source_map, outdir):
            source_map.unlink(missing_ok=True)
        if not pruned:
            result.empty.add(pages.normal(stylesheet))
            continue
        result.shown |= icons.shown_characters(rules)
        result.icon_fonts += [
            IconFont(stylesheet, url, file)
            for url, file in icons.font_files(rules, families, stylesheet)
        ]
    for stylesheet, text in stylesheets.items():
        stylesheet.write_text(css.inline_imports(text, stylesheet, stylesheets), encoding="utf-8")
    for page in built:
        scripts.drop_stylesheet_links(page, result.empty, outdir, root)
    return result
