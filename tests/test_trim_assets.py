"""What the built pages load after _ext/trim trimmed them: scripts, stylesheets, icon glyphs."""

import re
from pathlib import Path

import pydata_sphinx_theme
import pytest
from conftest import PAGES
from fontTools.ttLib import TTFont
from trim import css, pages

THEME = Path(pydata_sphinx_theme.__file__).parent / "theme" / "pydata_sphinx_theme"
THEME_STATIC = THEME / "static"
ALL_PAGES = (*PAGES, "search", "404")
SEARCH_SCRIPTS = {"searchtools.js", "language_data.js", "searchindex.js", "doctools.js"}


def loaded(site, page: str, tag: str, attribute: str) -> list[str]:
    """File names of what ``page`` loads through ``tag`` (query strings dropped)."""
    found = []
    for element in site.soup(page).find_all(tag):
        if tag == "link" and "stylesheet" not in element.get("rel", []):
            continue
        if element.get(attribute):
            found.append(Path(element[attribute].split("?")[0]).name)
    return found


@pytest.mark.parametrize("page", ALL_PAGES)
def test_no_page_loads_fontawesome_javascript(site, page):
    assert "fontawesome.js" not in loaded(site, page, "script", "src")


@pytest.mark.parametrize("page", PAGES + ("404",))
def test_search_scripts_are_not_loaded_outside_the_search_page(site, page):
    assert SEARCH_SCRIPTS.isdisjoint(loaded(site, page, "script", "src"))


def test_the_search_page_loads_the_search_scripts(site):
    assert set(loaded(site, "search", "script", "src")) >= SEARCH_SCRIPTS


@pytest.mark.parametrize("page", ALL_PAGES)
def test_nothing_unneeded_is_preloaded(site, page):
    preloaded = [
        Path(link["href"].split("?")[0]).name
        for link in site.soup(page).find_all("link", rel="preload")
    ]
    scripts = loaded(site, page, "script", "src")
    assert preloaded and set(preloaded) <= set(scripts)


@pytest.mark.parametrize("page", ALL_PAGES)
def test_every_linked_stylesheet_has_rules(site, page):
    for link in site.soup(page).find_all("link", rel="stylesheet"):
        target = pages.local_file(site.outdir / f"{page}.html", link["href"], site.outdir)
        assert target is not None and target.read_text(encoding="utf-8").strip(), link["href"]


def test_the_theme_stylesheet_is_pruned_and_keeps_dark_mode(site):
    pruned = (site.outdir / "_static" / "styles" / "pydata-sphinx-theme.css").read_text()
    original = (THEME_STATIC / "styles" / "pydata-sphinx-theme.css").read_text()
    assert len(pruned) < len(original) / 2
    assert "html[data-theme=dark]" in pruned
    assert "sourceMappingURL" not in pruned
    assert not (site.outdir / "_static" / "styles" / "pydata-sphinx-theme.css.map").exists()


def test_the_code_colours_are_the_theme_s_light_and_dark_ones(site):
    # pydata-sphinx-theme rewrites pygments.css when the build finishes; pruning it
    # before that (or at the same time) would ship Sphinx's default, light-only colours.
    pygments = (site.outdir / "_static" / "pygments.css").read_text()
    assert 'html[data-theme="light"] .highlight' in pygments
    assert 'html[data-theme="dark"] .highlight' in pygments


def glyph_rules(stylesheet: str) -> dict[str, str]:
    """Icon class -> its character, from the theme's own (unpruned) FontAwesome rules."""
    text, _ = css.strip_comments(stylesheet)
    glyphs = {}
    for block in css.walk_blocks(css.parse(text)):
        for name, value in css.declarations(block.body):
            match = re.fullmatch(r'"(\\[0-9a-fA-F]+\s?)"', value)
            selectors = css.split_top_level(block.prelude, ",")
            if name == "--fa" and match and all(re.fullmatch(r"\.fa-[\w-]+", s) for s in selectors):
                glyphs.update((s[1:], css.unescape(match.group(1))) for s in selectors)
    return glyphs


def test_every_icon_in_use_is_in_the_subset_font(site):
    glyphs = glyph_rules((THEME_STATIC / "styles" / "pydata-sphinx-theme.css").read_text())
    assert len(glyphs) > 1000  # guards against a theme file this test no longer understands
    fonts = site.outdir / "_static" / "vendor" / "fontawesome" / "webfonts"
    cmaps = {
        "fa-brands": set(TTFont(fonts / "fa-brands-400.woff2").getBestCmap()),
        "fa-solid": set(TTFont(fonts / "fa-solid-900.woff2").getBestCmap()),
    }
    used = set()
    for page in ALL_PAGES:
        for element in site.soup(page).select(".fa-solid, .fa-brands"):
            style = "fa-brands" if "fa-brands" in element["class"] else "fa-solid"
            icons = [c for c in element["class"] if c in glyphs]
            assert len(icons) == 1, element
            used.add((style, icons[0]))
    assert ("fa-brands", "fa-github") in used and ("fa-solid", "fa-moon") in used
    for style, icon in sorted(used):
        assert ord(glyphs[icon]) in cmaps[style], f"{icon} ({style}) is missing from the subset"


def test_the_subset_fonts_are_small(site):
    fonts = site.outdir / "_static" / "vendor" / "fontawesome" / "webfonts"
    for font in fonts.glob("*.woff2"):
        original = THEME_STATIC / "vendor" / "fontawesome" / "webfonts" / font.name
        assert font.stat().st_size < 4000 < original.stat().st_size, font.name
        assert TTFont(font)["name"].getDebugName(0)  # the copyright notice is kept
