"""A dirhtml build (every page is a folder's index.html): the search page is found by its
page name, so it keeps the search scripts, and search works in a browser."""

from pathlib import Path

import pytest
import webcheck
from conftest import warnings_of
from trim.scripts import NEEDED_BY

#: The scripts only the search page needs, by their file names.
SEARCH_ONLY = {name for name, needed in NEEDED_BY.items() if needed(True, "") != needed(False, "")}


def scripts_of(page: Path) -> set[str]:
    html = page.read_text(encoding="utf-8")
    return {name for name in NEEDED_BY if name in html}


@pytest.mark.sphinx("dirhtml", testroot="trim-search", freshenv=True)
def test_only_the_search_page_keeps_the_search_scripts(app):
    app.build()
    assert warnings_of(app) == []
    assert "searchtools.js" in SEARCH_ONLY
    assert scripts_of(app.outdir / "search" / "index.html") >= SEARCH_ONLY
    for page in (app.outdir / "index.html", app.outdir / "nebulae" / "index.html"):
        assert not scripts_of(page) & SEARCH_ONLY, page


@pytest.mark.browser
@pytest.mark.sphinx("dirhtml", testroot="trim-search", freshenv=True)
def test_search_works_in_a_dirhtml_build(app, browser):
    app.build()
    word = (app.srcdir / "nebulae.md").read_text().split()[-1].strip(".")
    with webcheck.serve(app.outdir) as url:
        page = browser.new_page()
        page.goto(f"{url}/search/?q={word}")
        results = page.locator("#search-results ul.search li a")
        results.first.wait_for()
        hrefs = results.evaluate_all("links => links.map((a) => a.getAttribute('href'))")
        page.close()
    assert any(href.split("?")[0].rstrip("/").endswith("nebulae") for href in hrefs), hrefs
