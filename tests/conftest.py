"""Shared fixtures: the real site is built once per test session and shared by all tests."""

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
# lean_fixtures builds the site with its Read the Docs URL.
pytest_plugins = ("sphinx.testing.fixtures", "visitor_fixtures", "lean_fixtures")

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "_ext"))

import webcheck  # noqa: E402  (pytest puts this folder on sys.path for its conftest)

#: Pages of the site, in navigation order after the home page.
PAGES = ("index", "about", "dates", "soc", "program")

#: A fixed build date, so that two builds can be compared byte for byte.
SOURCE_DATE_EPOCH = "1650000000"

ANSI = re.compile(r"\x1b\[[0-9;]*m")


def warnings_of(app) -> list[str]:
    """Warning lines of a test-root build without colours, the source dir written '<src>'."""
    text = ANSI.sub("", app.warning.getvalue()).replace(str(app.srcdir) + os.sep, "<src>/")
    return [line for line in text.splitlines() if line.strip()]


@pytest.fixture(scope="session")
def rootdir() -> Path:
    return REPO / "tests" / "roots"


@dataclass
class BuiltSite:
    """The output of one build of the real site."""

    outdir: Path
    returncode: int
    stdout: str
    stderr: str
    _soups: dict = field(default_factory=dict)

    def html(self, page: str) -> str:
        return (self.outdir / f"{page}.html").read_text(encoding="utf-8")

    def soup(self, page: str) -> BeautifulSoup:
        if page not in self._soups:
            self._soups[page] = BeautifulSoup(self.html(page), "html.parser")
        return self._soups[page]

    @property
    def warnings(self) -> list[str]:
        """Warning lines of the build, without colours and with the source dir as '<src>'."""
        text = ANSI.sub("", self.stderr).replace(str(REPO) + os.sep, "<src>/")
        return [line for line in text.splitlines() if "WARNING" in line or "ERROR" in line]


def build_site(outdir: Path, *extra: str) -> BuiltSite:
    """Build the site with the exact command Read the Docs runs (plus ``extra`` options)."""
    command = [
        sys.executable, "-m", "sphinx", "-T", "-W", "--keep-going", "-b", "html",
        "-d", str(outdir / "doctrees"), "-D", "language=en", *extra,
        str(REPO), str(outdir / "html"),
    ]  # fmt: skip
    env = {**os.environ, "SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH}
    env.pop("READTHEDOCS_CANONICAL_URL", None)
    done = subprocess.run(command, capture_output=True, text=True, env=env, cwd=REPO)
    return BuiltSite(outdir / "html", done.returncode, done.stdout, done.stderr)


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> BuiltSite:
    """The real site, built once for the whole session; fails loudly if the build fails."""
    built = build_site(tmp_path_factory.mktemp("site"))
    assert built.returncode == 0, f"the site build failed:\n{built.stderr}"
    return built


# -- Browser fixtures ------------------------------------------------------------
# The system Chromium driven by Playwright (its own browser download is not used).

# The browser path and flags, and the static server, live in webcheck (the benchmarks use them too).


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
