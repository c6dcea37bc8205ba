"""Trimming takes time linear in the size of the output, whatever a contributor writes.

Measured before the scans were made linear: the vocabulary scan's script-word pattern took
0.10 s on a 5,000-letter word, 0.42 s on 10,000 and 1.65 s on 20,000 (quadratic): about
six minutes for 300,000 letters and eleven for 400,000. With linear scans, each build
below takes about 2 s (the search index holds the word too), so a bound of 60 s leaves a
wide margin for a busy machine and still fails a quadratic scan by minutes.
"""

import time

import pytest
from conftest import warnings_of
from trim import css, scripts, vocabulary

BUILD_BOUND = 60.0
#: Linear scans of the inputs below take well under 0.2 s each; quadratic ones, hours.
SCAN_BOUND = 5.0


@pytest.mark.parametrize("length", [300_000, 400_000])
def test_a_page_with_a_huge_word_builds_in_linear_time(make_app, tmp_path, length):
    srcdir = tmp_path / "huge"
    srcdir.mkdir()
    (srcdir / "conf.py").write_text(
        'extensions = ["myst_parser", "trim"]\ntrim_icon_fonts = []\nhtml_use_index = False\n'
    )
    word = ("astro-" * (length // 6 + 1))[:length]
    (srcdir / "index.md").write_text(f"# A huge word\n\n{word}\n\nThe end.\n")
    app = make_app("html", srcdir=srcdir)
    start = time.perf_counter()
    app.build()
    elapsed = time.perf_counter() - start
    assert warnings_of(app) == []
    assert elapsed < BUILD_BOUND, f"{length} letters: {elapsed:.1f} s"
    index = (app.outdir / "index.html").read_text()
    assert word in index  # the page is whole...
    assert "doctools.js" not in index  # ...and trimmed


HOSTILE_STYLESHEETS = {
    "unterminated comments": "/*" * 200_000,
    "unterminated strings": ".a{content:'" + "\\'" * 200_000,
    "urls without end": "@font-face{font-family:Icons;src:" + "url(" * 100_000 + "}",
    "deep nesting": "@media print{" * 50_000 + ".a{color:red}" + "}" * 50_000,
    "a huge selector": ".a" + "-b" * 200_000 + "{color:red}",
}


@pytest.mark.parametrize("sheet", HOSTILE_STYLESHEETS.values(), ids=HOSTILE_STYLESHEETS)
def test_hostile_stylesheets_are_read_in_linear_time(sheet):
    keep = vocabulary.Vocabulary({"a"}, set(), {"html"}).can_match
    start = time.perf_counter()
    try:
        css.prune_stylesheet(sheet, keep)
    except css.CSSSyntaxError:
        css.syntax_error_line(sheet)  # what the build does to report it
    assert time.perf_counter() - start < SCAN_BOUND


HOSTILE_PAGES = {
    "tags without end": "<a" * 200_000,
    "scripts without end": "<script>" * 100_000,
    "a huge script word": "<script>" + "x" * 400_000 + "-${y}</script>",
    "a huge indentation": " " * 400_000 + "<p>text</p>",
    "a huge attribute": '<div class="' + "c " * 200_000 + '">',
}


@pytest.mark.parametrize("html", HOSTILE_PAGES.values(), ids=HOSTILE_PAGES)
def test_hostile_pages_are_scanned_in_linear_time(html):
    start = time.perf_counter()
    vocabulary.scan(html, vocabulary.Vocabulary())
    scripts.drop_tags(html, lambda url: True)
    assert time.perf_counter() - start < SCAN_BOUND
