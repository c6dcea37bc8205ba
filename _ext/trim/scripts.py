"""Each built page loads only the scripts it uses.

The theme hard-codes the search scripts into every page (for a search-as-you-type
mode this site does not enable) and FontAwesome's JavaScript (only for custom
SVG icons, marked ``fa-custom``); Sphinx and sphinx-design add their scripts to
every page. Rewriting the built pages keeps this independent of the theme's
templates: a script tag is matched by the file it loads, whatever its attributes.
The search page is the builder's output file for the page named ``search``, so it
is found in ``html`` (``search.html``) and ``dirhtml`` (``search/index.html``) builds.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path, PurePosixPath
from urllib.parse import urlsplit

from .pages import local_file

_SEARCH_SCRIPTS = (
    "searchtools.js",
    "language_data.js",
    "searchindex.js",
    "doctools.js",  # only searchtools uses it (translations of its messages)
    "sphinx_highlight.js",  # highlights the words of a search
)

#: script file name -> does this page (is it the search page?, its HTML) need it?
NEEDED_BY: dict[str, Callable[[bool, str], bool]] = {
    **{name: (lambda is_search, html: is_search) for name in _SEARCH_SCRIPTS},
    "fontawesome.js": lambda is_search, html: "fa-custom" in html,
    "design-tabs.js": lambda is_search, html: "sd-tab-set" in html,
}

# A tag ends before the next "<" (Sphinx escapes "<" and ">" in attribute values): each
# match stops there, so the scan is linear in the page whatever the page holds.
_TAG = re.compile(r"<(script|link)\b([^<>]*)>", re.I)
_URL = re.compile(r'\b(?:src|href)="([^"<>]*)"')
_SCRIPT_CLOSE = re.compile(r"\s*</script\s*>", re.I)


def file_name(url: str) -> str:
    return PurePosixPath(urlsplit(url).path).name


def drop_tags(html: str, unwanted: Callable[[str], bool]) -> str:
    """``html`` without the ``<script src>`` and ``<link href>`` tags whose URL is
    ``unwanted``; a tag alone on its line takes its line with it."""
    out, position = [], 0
    for match in _TAG.finditer(html):
        if match.start() < position:
            continue
        url = _URL.search(match.group(2))
        if url is None or not unwanted(url.group(1)):
            continue
        start, end = match.start(), match.end()
        if match.group(1).lower() == "script":
            close = _SCRIPT_CLOSE.match(html, end)
            if close is None:
                continue  # not an empty script element: leave it
            end = close.end()
        line_start = html.rfind("\n", position, start) + 1
        if not html[max(line_start, position) : start].strip(" \t"):
            start = max(line_start, position)
            if html.startswith("\n", end):
                end += 1
        out.append(html[position:start])
        position = end
    out.append(html[position:])
    return "".join(out)


def trim_scripts(page: Path, is_search_page: bool) -> None:
    """Remove from ``page`` the scripts (and their preloads) it does not need."""
    html = page.read_text(encoding="utf-8")

    def unwanted(url: str) -> bool:
        needed = NEEDED_BY.get(file_name(url))
        return needed is not None and not needed(is_search_page, html)

    trimmed = drop_tags(html, unwanted)
    if trimmed != html:
        page.write_text(trimmed, encoding="utf-8")


def drop_stylesheet_links(page: Path, empty: set[Path], outdir: Path, root: str) -> None:
    """Remove from ``page`` the links to stylesheets left without any rule."""
    html = page.read_text(encoding="utf-8")

    def unwanted(url: str) -> bool:
        return local_file(page, url, outdir, root) in empty

    trimmed = drop_tags(html, unwanted)
    if trimmed != html:
        page.write_text(trimmed, encoding="utf-8")
