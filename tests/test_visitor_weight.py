"""Every page is light: all the bytes the browser loads for it (HTML, CSS, JS, fonts, images),
compressed as a static host sends them, stay within the budget at either viewport.

The budget counts the site, not its content (``page_parts``): the site's own weight per page
stays within 65 KB, and content may add at most 15 KB per photo and 0.5 KB per paper. It is
checked on the real site and on a realistic copy of it (photos, a full program, 150 papers).
"""

import gzip

import page_parts
import pytest
import site_sources
import webcheck
from conftest import REPO
from realistic_site import PAPERS, PHOTOS, realistic_site
from visitor_fixtures import FIRST_VISIT_MODES, ids


def over_budget(visits, outdir) -> tuple[list[str], str]:
    """The pages over budget, and the figures of every page (for the failure message)."""
    found = [page_parts.parts(visit, outdir) for visit in visits]
    over = [f"  {p.path}: {', '.join(p.problems())}" for p in found if p.problems()]
    figures = "\n".join(
        f"  {p.path}: {p.total:,} bytes = site {p.site:,} + {p.photos} photos {p.photo_bytes:,}"
        f" + {p.papers} papers {p.paper_bytes:,} (budget {p.budget:,})"
        for p in found
    )
    return over, figures


@pytest.mark.browser
@pytest.mark.parametrize("mode", FIRST_VISIT_MODES, ids=ids)
@pytest.mark.parametrize("viewport", webcheck.VIEWPORTS, ids=ids)
def test_every_page_weighs_at_most_its_budget(site, visits, viewport, mode):
    over, figures = over_budget(visits(viewport, mode), site.outdir)
    assert not over, "\n".join(["over budget:", *over, "gzipped bytes per page:", figures])


@pytest.fixture(scope="module")
def realistic(tmp_path_factory):
    outdir, warnings = realistic_site(tmp_path_factory.mktemp("realistic") / "site")
    assert warnings == [], "the realistic site does not build cleanly"
    return outdir


@pytest.mark.browser
@pytest.mark.parametrize("viewport", webcheck.VIEWPORTS, ids=ids)
def test_a_realistic_site_keeps_the_site_and_content_budgets(realistic, browser, viewport):
    mode = FIRST_VISIT_MODES[0]
    paths = webcheck.site_pages(realistic)
    with webcheck.serve(realistic) as url:
        visitor = webcheck.Visitor(browser, url)
        try:
            visits = [visitor.visit(path, viewport, mode, axe=False) for path in paths]
        finally:
            visitor.close()
    found = [page_parts.parts(visit, realistic) for visit in visits]
    # The copy has what it claims: the photos and papers are on their pages.
    already = len([person for person in site_sources.people(REPO) if person.photo])
    assert max(p.photos for p in found) == PHOTOS + already
    assert max(p.papers for p in found) == PAPERS
    over, figures = over_budget(visits, realistic)
    assert not over, "\n".join(["over budget:", *over, "gzipped bytes per page:", figures])


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
