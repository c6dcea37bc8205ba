"""Each built page loads only the scripts it uses.

The theme hard-codes the search scripts into every page (for a search-as-you-type
mode this site does not enable) and FontAwesome's JavaScript (only for custom
SVG icons, marked ``fa-custom``); Sphinx and sphinx-design add their helpers to
every page. Rewriting the built pages keeps this independent of the theme's
templates: a script tag is matched by the file it loads, whatever its attributes.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path, PurePosixPath
from urllib.parse import urlsplit

from .pages import local_file

#: The name of Sphinx's search page.
SEARCH_PAGE = "search.html"
_SEARCH_SCRIPTS = (
    "searchtools.js",
    "language_data.js",
    "searchindex.js",
    "doctools.js",  # only searchtools uses it (translations of its messages)
    "sphinx_highlight.js",  # highlights the words of a search
)

#: script file name -> does this page (file name, HTML) need it?
NEEDED_BY: dict[str, Callable[[str, str], bool]] = {
    **{name: (lambda page, html: page == SEARCH_PAGE) for name in _SEARCH_SCRIPTS},
    "fontawesome.js": lambda page, html: "fa-custom" in html,
    "design-tabs.js": lambda page, html: "sd-tab-set" in html,
}

_SCRIPT_TAG = re.compile(
    r"[ \t]*<script\b[^>]*\bsrc=\"(?P<url>[^\"]+)\"[^>]*>\s*</script>[ \t]*\n?"
)
_LINK_TAG = re.compile(r"[ \t]*<link\b[^>]*\bhref=\"(?P<url>[^\"]+)\"[^>]*>[ \t]*\n?")


def file_name(url: str) -> str:
    return PurePosixPath(urlsplit(url).path).name


def drop_tags(html: str, pattern: re.Pattern, unwanted: Callable[[str], bool]) -> str:
    """``html`` without the tags of ``pattern`` whose URL is ``unwanted``."""
    return pattern.sub(lambda m: "" if unwanted(m.group("url")) else m.group(), html)


def trim_scripts(page: Path) -> None:
    """Remove from ``page`` the scripts (and their preloads) it does not need."""
    html = page.read_text(encoding="utf-8")

    def unwanted(url: str) -> bool:
        needed = NEEDED_BY.get(file_name(url))
        return needed is not None and not needed(page.name, html)

    trimmed = drop_tags(drop_tags(html, _SCRIPT_TAG, unwanted), _LINK_TAG, unwanted)
    if trimmed != html:
        page.write_text(trimmed, encoding="utf-8")


def drop_stylesheet_links(page: Path, empty: set[Path], outdir: Path, root: str) -> None:
    """Remove from ``page`` the links to stylesheets left without any rule."""
    html = page.read_text(encoding="utf-8")

    def unwanted(url: str) -> bool:
        return local_file(page, url, outdir, root) in empty

    trimmed = drop_tags(html, _LINK_TAG, unwanted)
    if trimmed != html:
        page.write_text(trimmed, encoding="utf-8")
