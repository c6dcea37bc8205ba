"""Helpers of the schedule and papers tests: a test root's page, a shared build of a test
root, a browser page that records layout shifts (reading warnings, parsing HTML and measuring
the shift are conftest's, re-exported here)."""

import io
from pathlib import Path

from bs4 import BeautifulSoup
from conftest import RECORD_LAYOUT_SHIFTS, layout_shift, parse_html
from conftest import warnings_of as warnings
from sphinx.testing.util import SphinxTestApp

ROOTS = Path(__file__).parent / "roots"

__all__ = ["RECORD_LAYOUT_SHIFTS", "build_root", "layout_shift", "open_page", "soup", "warnings"]


def soup(app, page: str = "index") -> BeautifulSoup:
    return parse_html(Path(app.outdir) / f"{page}.html")


def build_root(name: str, outdir: Path) -> Path:
    """Build the test root ``test-<name>`` into ``outdir``, for tests that share one build."""
    app = SphinxTestApp(
        "html", srcdir=ROOTS / f"test-{name}", builddir=outdir, freshenv=True,
        status=io.StringIO(), warning=io.StringIO(),
    )  # fmt: skip
    try:
        app.build()
    finally:
        # Unregisters the app's nodes and roles, so later apps of the session start clean.
        app.cleanup()
    return app.outdir


def open_page(browser, url: str, timezone_id: str = "Europe/Paris"):
    """A new page at ``url`` in the visitor's zone; returns (page, console errors)."""
    page = browser.new_page(timezone_id=timezone_id, locale="en-US")
    errors: list[str] = []

    def on_console(message) -> None:
        # A test root has no favicon; Chromium asks for one on its own.
        if message.type == "error" and not message.location["url"].endswith("/favicon.ico"):
            errors.append(f"{message.text} ({message.location['url']})")

    page.on("console", on_console)
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.add_init_script(RECORD_LAYOUT_SHIFTS)
    page.goto(url)
    page.wait_for_load_state("load")
    return page, errors


def shift_once_ready(browser, url: str, ready: str) -> tuple[float, list[str]]:
    """The layout shift of ``url`` once its script marked ``ready`` (a selector), and the
    console errors: a script that enhances a block must not move the page."""
    page, errors = open_page(browser, url)
    page.wait_for_selector(ready)
    page.wait_for_timeout(200)  # let late layout shifts be reported
    shift = layout_shift(page)
    page.close()
    return shift, errors
