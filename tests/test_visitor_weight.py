"""Every page is light: all the bytes the browser loads for it (HTML, CSS, JS, fonts, images),
compressed as a static host sends them, stay within the budget at either viewport."""

import gzip

import pytest
import webcheck
from visitor_fixtures import FIRST_VISIT_MODES, ids

#: Budgets in bytes (1 KB = 1000 bytes, the strict reading of "65 KB").
BUDGET = 65_000
#: The search page also loads the search scripts and the index.
SEARCH_BUDGET = 80_000


def budget(path: str) -> int:
    return SEARCH_BUDGET if path == "search.html" else BUDGET


@pytest.mark.browser
@pytest.mark.parametrize("mode", FIRST_VISIT_MODES, ids=ids)
@pytest.mark.parametrize("viewport", webcheck.VIEWPORTS, ids=ids)
def test_every_page_weighs_at_most_its_budget(visits, viewport, mode):
    pages = visits(viewport, mode)
    over = [visit for visit in pages if visit.weight > budget(visit.path)]
    figures = "\n".join(
        f"  {visit.path}: {visit.weight:,} bytes (budget {budget(visit.path):,})" for visit in pages
    )
    biggest = "\n".join(
        f"  {visit.path}: " + ", ".join(f"{r.name} {r.served:,}" for r in visit.biggest())
        for visit in over
    )
    assert not over, f"gzipped bytes per page:\n{figures}\nbiggest resources:\n{biggest}"


def test_text_is_weighed_gzipped_and_compressed_formats_as_they_are():
    text = b"body { color: black; }\n" * 200
    assert webcheck.served_size(text, "text/css; charset=utf-8") == len(
        gzip.compress(text, compresslevel=6)
    )
    assert webcheck.served_size(text, "text/css") < len(text) / 10
    assert webcheck.served_size(text, "image/svg+xml") < len(text) / 10
    font = bytes(range(256)) * 40
    assert webcheck.served_size(font, "font/woff2") == len(font)
    assert webcheck.served_size(font, "image/png") == len(font)


def test_the_static_server_gzips_text_and_answers_a_missing_page_with_404_html(tmp_path):
    import urllib.error
    import urllib.request

    (tmp_path / "index.html").write_text("<p>home</p>" * 100)
    (tmp_path / "404.html").write_text("<p>not here</p>")
    (tmp_path / "logo.png").write_bytes(b"\x89PNG" + bytes(100))
    with webcheck.serve(tmp_path, compress=True) as url:

        def get(path):
            request = urllib.request.Request(url + path, headers={"Accept-Encoding": "gzip"})
            try:
                response = urllib.request.urlopen(request)
            except urllib.error.HTTPError as error:
                response = error
            with response:
                return response.status, response.headers.get("Content-Encoding"), response.read()

        status, encoding, body = get("/")
        assert (status, encoding, gzip.decompress(body)) == (200, "gzip", b"<p>home</p>" * 100)
        status, encoding, body = get("/logo.png")
        assert (status, encoding, body) == (200, None, b"\x89PNG" + bytes(100))
        status, encoding, body = get("/a/b/c/missing.html")
        assert (status, encoding, gzip.decompress(body)) == (404, "gzip", b"<p>not here</p>")
