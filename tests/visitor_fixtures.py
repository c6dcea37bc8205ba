"""Fixtures of the visitor checks (``tests/test_visitor_*.py``), loaded by conftest.

Every page of the session's build is loaded once per (viewport, colour mode) and the visits are
shared by all checks: the accessibility, network, layout and weight tests read the same loads.
"""

import shutil

import pytest
import webcheck
from conftest import PAGES

#: A path that does not exist, several folders deep: the host answers it with the 404 page,
#: whose links and assets must then work from there too.
MISSING = "no/such/folder/page.html"

#: First visits, which follow the system's colour scheme: axe-core runs and bytes are measured
#: here. A stored choice gives the same final page, so it only adds the layout and network checks.
FIRST_VISIT_MODES = [mode for mode in webcheck.MODES if mode.stored is None]


def ids(value) -> str:
    return value.name


def require_file(path, what: str):
    if not path.is_file():
        pytest.fail(
            f"{what} is needed by the visitor checks and {path.relative_to(webcheck.REPO)} is "
            "missing: `make test` installs it (npm ci --ignore-scripts; npm comes with Node.js, "
            "Debian/Ubuntu: apt-get install npm)",
            pytrace=False,
        )


def visit_one_page(browser, folder, html: str, **measure) -> webcheck.Visit:
    """Visit a single page of ``html`` served from ``folder``: checks the checks themselves."""
    (folder / "page.html").write_text(html, encoding="utf-8")
    with webcheck.serve(folder) as url:
        visitor = webcheck.Visitor(browser, url)
        try:
            return visitor.visit("page.html", webcheck.VIEWPORTS[0], webcheck.MODES[0], **measure)
        finally:
            visitor.close()


@pytest.fixture(scope="session")
def visitor_paths(site) -> list[str]:
    """Every page of the build (found in its output), and a missing page if there is a 404 page."""
    paths = webcheck.site_pages(site.outdir)
    # Guards against a discovery that finds nothing, which would make every check pass.
    expected = {f"{page}.html" for page in PAGES} | {"search.html"}
    assert expected <= set(paths), f"pages not found in the build: {expected - set(paths)}"
    return paths + ([MISSING] if "404.html" in paths else [])


@pytest.fixture(scope="session")
def visitor(browser, served_site):
    """Loads pages of the session's build (one browser context per viewport and colour mode)."""
    require_file(webcheck.AXE_JS, "axe-core")
    visitor = webcheck.Visitor(browser, served_site)
    yield visitor
    visitor.close()


@pytest.fixture(scope="session")
def visits(visitor, visitor_paths):
    """``visits(viewport, mode)``: the visits of every page, in page order.

    On first use every page is loaded in every (viewport, mode), one tab per pair (see
    ``Visitor.visit_side_by_side``), once for the whole session.
    """
    runs = [
        webcheck.Run(viewport, mode, axe=mode in FIRST_VISIT_MODES, weigh=mode in FIRST_VISIT_MODES)
        for viewport in webcheck.VIEWPORTS
        for mode in webcheck.MODES
    ]
    done: dict[tuple, list[webcheck.Visit]] = {}

    def visits_at(viewport, mode) -> list[webcheck.Visit]:
        if not done:
            for run in runs:
                done[run.viewport, run.mode] = []
            for path in visitor_paths:
                for visit in visitor.visit_side_by_side(path, runs):
                    done[visit.viewport, visit.mode].append(visit)
        return done[viewport, mode]

    return visits_at


@pytest.fixture(scope="session")
def java() -> str:
    """The java command, for the HTML checker; missing Java fails loudly, never skips."""
    found = shutil.which("java")
    if found is None:
        pytest.fail(
            "a Java runtime (17 or newer) is needed for the W3C HTML checker (vnu.jar) and `java` "
            "is not on PATH: install it (Debian/Ubuntu: apt-get install default-jre-headless)",
            pytrace=False,
        )
    require_file(webcheck.VNU_JAR, "the W3C Nu Html Checker")
    return found
