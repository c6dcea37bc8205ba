"""Helpers shared by the schedule and papers tests: warnings, parsed pages, browser pages."""

import io
import re
from pathlib import Path

from bs4 import BeautifulSoup
from sphinx.testing.util import SphinxTestApp

ROOTS = Path(__file__).parent / "roots"

ANSI = re.compile(r"\x1b\[[0-9;]*m")


def warnings(app) -> list[str]:
    """Warning lines of a test-root build, with the source directory written '<src>'."""
    text = ANSI.sub("", app.warning.getvalue()).replace(str(app.srcdir), "<src>")
    return [line for line in text.splitlines() if "WARNING" in line or "ERROR" in line]


def soup(app, page: str = "index") -> BeautifulSoup:
    return BeautifulSoup((Path(app.outdir) / f"{page}.html").read_text("utf-8"), "html.parser")


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


def layout_shift(page) -> float:
    """The cumulative layout shift so far, not counting shifts right after user input."""
    shift = page.evaluate("window.__shifts.reduce((sum, value) => sum + value, 0)")
    if shift:
        print("layout shift sources:", page.evaluate("window.__shiftSources"))
    return shift


def shift_once_ready(browser, url: str, ready: str) -> tuple[float, list[str]]:
    """The layout shift of ``url`` once its script marked ``ready`` (a selector), and the
    console errors: a script that enhances a block must not move the page."""
    page, errors = open_page(browser, url)
    page.wait_for_selector(ready)
    page.wait_for_timeout(200)  # let late layout shifts be reported
    shift = layout_shift(page)
    page.close()
    return shift, errors
