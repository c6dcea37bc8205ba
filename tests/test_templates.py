"""Each template override in _templates/ against the theme file it replaces.

An override silently drifts when the theme is upgraded; these tests fail then,
naming the file to compare again.
"""

import re
from pathlib import Path

import pydata_sphinx_theme
from conftest import PAGES, REPO

THEME = Path(pydata_sphinx_theme.__file__).parent / "theme" / "pydata_sphinx_theme"
OVERRIDES = REPO / "_templates"


def without_comments(template: str) -> list[str]:
    return [
        line.rstrip()
        for line in re.sub(r"\{#.*?#\}", "", template, flags=re.S).splitlines()
        if line.strip()
    ]


def test_every_override_is_known_to_these_tests():
    # 404.html is not an override: sphinx-notfound-page renders it (tests/test_seo.py).
    assert sorted(p.name for p in OVERRIDES.glob("*.html")) == [
        "404.html",
        "search-button-field.html",
    ]


def test_the_search_button_is_the_theme_s_minus_its_aria_label():
    theme = without_comments((THEME / "components" / "search-button-field.html").read_text())
    ours = without_comments((OVERRIDES / "search-button-field.html").read_text())
    expected = [line.replace(" aria-label=\"{{ _('Search') }}\"", "") for line in theme]
    assert expected != theme, "the theme's search button changed: compare the override again"
    assert ours == expected


def test_the_built_search_buttons_are_named_by_their_text(site):
    for page in PAGES:
        buttons = site.soup(page).select("button.search-button-field")
        assert len(buttons) == 2  # the header's and the phone layout's
        for button in buttons:
            assert not button.has_attr("aria-label")
            assert button.select_one(".search-button__default-text").get_text() == "Search"
