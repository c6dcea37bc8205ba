"""No page of the site raises a Content-Security-Policy violation in Chromium: in light and
dark mode, on a desktop and a phone, as loaded and after a visitor opens the search and
switches the colour mode. Also: the check sees a violation when there is one."""

import pytest
import webcheck
from visitor_fixtures import MISSING

pytestmark = pytest.mark.browser

#: Records every violation and console complaint about the policy, from before any script
#: of the page runs (added with add_init_script).
RECORD_VIOLATIONS = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__violations.push(
    `${event.violatedDirective} blocked ${event.blockedURI || "inline"} ` +
    `at ${event.sourceFile}:${event.lineNumber} (${event.sample})`);
});
"""

#: Light and dark, each as a first visit (the system's colour scheme).
MODES = [mode for mode in webcheck.MODES if mode.stored is None]

#: What a visitor clicks on every page, if the page has it: the colour-mode switch and the
#: search button (which opens the search dialog), then Escape to close it.
CLICKS = (".theme-switch-button", ".search-button__button")


def visit(context, url: str) -> list[str]:
    """Load ``url``, click what a visitor clicks, and return the violations seen."""
    page = context.new_page()
    console = []
    page.on(
        "console",
        lambda message: (
            console.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    try:
        page.goto(url, wait_until="load")
        assert page.locator('meta[http-equiv="Content-Security-Policy"]').count() == 1, url
        for selector in CLICKS:
            target = page.locator(selector).locator("visible=true").first
            if target.count():
                target.click()
                page.wait_for_timeout(100)
                page.keyboard.press("Escape")
        page.wait_for_timeout(webcheck.SETTLE_MS)
        return page.evaluate("window.__violations") + console
    finally:
        page.close()


def contexts(browser):
    for viewport in webcheck.VIEWPORTS:
        for mode in MODES:
            context = browser.new_context(
                color_scheme=mode.emulated, service_workers="block", **viewport.context_options()
            )
            context.add_init_script(RECORD_VIOLATIONS)
            yield f"{viewport.name} {mode.name}", context
            context.close()


def test_no_page_raises_a_policy_violation(browser, site, served_site):
    paths = webcheck.site_pages(site.outdir)
    paths += [MISSING] if "404.html" in paths else []
    assert {"index.html", "search.html"} <= set(paths)
    problems = {}
    for name, context in contexts(browser):
        for path in paths:
            if found := visit(context, f"{served_site}/{path}"):
                problems[f"{path} ({name})"] = found
    assert problems == {}


def test_the_check_sees_an_inline_script_the_policy_does_not_allow(browser, tmp_path):
    (tmp_path / "page.html").write_text(
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
        "<meta http-equiv='Content-Security-Policy' content=\"script-src 'self'\">"
        "<title>t</title></head><body><p>x</p><script>window.ran = true</script>"
        "<img src='data:,' onerror='window.ran = true'></body></html>",
        encoding="utf-8",
    )
    with webcheck.serve(tmp_path) as url:
        name, context = next(contexts(browser))
        try:
            found = visit(context, f"{url}/page.html")
        finally:
            context.close()
    assert len([line for line in found if line.startswith("script-src")]) == 2, found
