"""Shared helpers and fixtures, one per job: reading warnings, parsing HTML, building the site,
measuring layout shift in a browser. The real site is built once per test session.

Tests that need a browser, Java or the npm tools get the ``browser`` marker here, from the
fixtures they use, so ``pytest -m "not browser"`` (``make check``) runs everything else.
"""

import io
import os
import re
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

# Test roots for our extensions: tests/roots/test-<scenario>/, used with
# @pytest.mark.sphinx("html", testroot="<scenario>"); visitor_fixtures serves the browser checks;
# canonical_fixtures builds the site with its Read the Docs URL.
pytest_plugins = ("sphinx.testing.fixtures", "visitor_fixtures", "canonical_fixtures")

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "_ext"))

import site_sources  # noqa: E402  (pytest puts this folder on sys.path for its conftest)
import webcheck  # noqa: E402

#: Pages of the site (the home page, then the toctree of index.md), read from the sources.
PAGES = site_sources.pages(REPO)

#: A fixed build date, so that two builds can be compared byte for byte.
SOURCE_DATE_EPOCH = "1650000000"

#: Fixtures that start Chromium or Java (directly or through other fixtures).
BROWSER_FIXTURES = {"browser", "java"}

ANSI = re.compile(r"\x1b\[[0-9;]*m")


# -- Property tests ------------------------------------------------------------------

#: ``make check``, the contributor's quick loop, sets QUICK_CHECK=1: each property test then
#: tries a third of its examples. ``make test``, which CI runs, tries them all.
QUICK_CHECK = os.environ.get("QUICK_CHECK") == "1"


def examples(full: int) -> int:
    """How many examples a property test tries: ``full`` in ``make test``."""
    return max(5, full // 3) if QUICK_CHECK else full


# -- Reading warnings ----------------------------------------------------------------


def warning_lines(output: str, srcdir: Path | str) -> list[str]:
    """The WARNING and ERROR lines of a build's output, without colours, the source folder
    written ``<src>/`` so that the lines read the same from any checkout."""
    text = ANSI.sub("", output).replace(str(srcdir).rstrip(os.sep) + os.sep, "<src>/")
    return [line for line in text.splitlines() if "WARNING" in line or "ERROR" in line]


def warnings_of(app) -> list[str]:
    """Warning lines of a test-root build (``sphinx.testing``'s app)."""
    return warning_lines(app.warning.getvalue(), app.srcdir)


@dataclass
class OnePage:
    """A built one-page project: its output folder and everything its warning stream said
    (every non-blank line, so a traceback or a stray print would show up too)."""

    outdir: Path
    warnings: list[str]

    @property
    def html(self) -> BeautifulSoup:
        return parse_html(self.outdir / "index.html")


def build_one_page(srcdir: Path, page: str, conf: str) -> OnePage:
    """Build a project of one page (``page`` as index.md, ``conf`` as conf.py) in ``srcdir``.
    Exceptions propagate to the test."""
    from sphinx.testing.util import SphinxTestApp

    srcdir.mkdir(parents=True, exist_ok=True)
    (srcdir / "conf.py").write_text(conf, encoding="utf-8")
    (srcdir / "index.md").write_text(page, encoding="utf-8")
    stream = io.StringIO()
    app = SphinxTestApp("html", srcdir=srcdir, status=io.StringIO(), warning=stream)
    try:
        app.build()
    finally:
        app.cleanup()  # unregister its nodes: a test may build several projects
    text = ANSI.sub("", stream.getvalue()).replace(str(srcdir).rstrip(os.sep) + os.sep, "<src>/")
    return OnePage(Path(app.outdir), [line for line in text.splitlines() if line.strip()])


# -- Parsing HTML --------------------------------------------------------------------


def parse_html(path: Path) -> BeautifulSoup:
    """A built page, parsed."""
    return BeautifulSoup(Path(path).read_text(encoding="utf-8"), "html.parser")


# -- Building the site ---------------------------------------------------------------


@dataclass
class BuiltSite:
    """The output of one build of a copy of the site (``srcdir``) into ``outdir``."""

    srcdir: Path
    outdir: Path
    returncode: int
    stdout: str
    stderr: str
    _soups: dict = field(default_factory=dict)

    def html(self, page: str) -> str:
        return (self.outdir / f"{page}.html").read_text(encoding="utf-8")

    def soup(self, page: str) -> BeautifulSoup:
        if page not in self._soups:
            self._soups[page] = parse_html(self.outdir / f"{page}.html")
        return self._soups[page]

    @property
    def warnings(self) -> list[str]:
        """Warning lines of the build, without colours and with the source dir as '<src>'."""
        return warning_lines(self.stderr, self.srcdir)


def build_site(
    outdir: Path, *extra: str, srcdir: Path = REPO, epoch: str = SOURCE_DATE_EPOCH
) -> BuiltSite:
    """Build the site in ``srcdir`` with the command Read the Docs runs (plus ``extra``),
    warnings as errors, into ``outdir/html`` (doctrees in ``outdir/doctrees``), on the build
    date ``epoch`` (SOURCE_DATE_EPOCH: what phases show without JavaScript)."""
    command = [
        sys.executable, "-m", "sphinx", "-T", "-n", "-W", "--keep-going", "-b", "html",
        "-d", str(outdir / "doctrees"), "-D", "language=en", *extra,
        str(srcdir), str(outdir / "html"),
    ]  # fmt: skip
    env = {**os.environ, "SOURCE_DATE_EPOCH": epoch}
    env.pop("READTHEDOCS_CANONICAL_URL", None)
    done = subprocess.run(command, capture_output=True, text=True, env=env, cwd=srcdir)
    return BuiltSite(Path(srcdir), outdir / "html", done.returncode, done.stdout, done.stderr)


@pytest.fixture(scope="session")
def rootdir() -> Path:
    return REPO / "tests" / "roots"


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> BuiltSite:
    """The real site, built once for the whole session; fails loudly if the build fails."""
    built = build_site(tmp_path_factory.mktemp("site"))
    assert built.returncode == 0, f"the site build failed:\n{built.stderr}"
    return built


# -- Browser: Chromium through Playwright, and the layout shift ---------------------
# The browser path and flags, and the static server, live in webcheck (the benchmarks use them).


def pytest_collection_modifyitems(items):
    """Mark every test that drives the browser or Java as ``browser``, whoever wrote it."""
    for item in items:
        if BROWSER_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.browser)


#: Collects layout shifts from the first paint on (add with page.add_init_script).
RECORD_LAYOUT_SHIFTS = """
window.__shifts = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    if (!entry.hadRecentInput) {
      window.__shifts.push(entry.value);
      window.__shiftSources = (window.__shiftSources || []).concat(
        entry.sources.map((source) => source.node ? source.node.outerHTML.slice(0, 120) : "?"),
      );
    }
  }
}).observe({ type: "layout-shift", buffered: true });
"""


def layout_shift(page) -> float:
    """The cumulative layout shift so far of a page opened with RECORD_LAYOUT_SHIFTS, not
    counting shifts right after user input; prints what moved, for the failure report."""
    shift = page.evaluate("window.__shifts.reduce((sum, value) => sum + value, 0)")
    if shift:
        print("layout shift sources:", page.evaluate("window.__shiftSources"))
    return shift


@pytest.fixture(scope="session")
def served_site(site):
    """The session's site build, served on 127.0.0.1 at a free port; yields the base URL.

    Like a static host, it answers a missing path with the site's 404.html when there is one.
    """
    with webcheck.serve(site.outdir) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for the session. Missing Chromium fails loudly, never skips."""
    if not os.access(webcheck.CHROMIUM, os.X_OK):
        pytest.fail(
            "Chromium is needed for the browser tests and was not found at "
            f"{webcheck.CHROMIUM}: install it (Debian/Ubuntu: apt-get install chromium) "
            "or set CHROMIUM=/path/to/chromium",
            pytrace=False,
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = webcheck.launch(playwright)
        yield chromium
        chromium.close()
