"""The trimmed site in a real browser: it looks exactly like the untrimmed one, and search,
the colour-mode menu and the phone navigation still work.

The proof for CSS pruning and the icon subset: the site built with ``trim_enabled = False``
(every rule, every glyph) and the session's build are screenshotted in the same states,
light and dark, desktop and phone, and must give the same pixels.
"""

import base64
import os

import pytest
import site_sources
import webcheck
from conftest import PAGES, REPO, build_site

pytestmark = pytest.mark.browser

VIEWPORTS = {"desktop": (1280, 800), "phone": (375, 812)}
#: Where to keep the screenshots for a human look (e.g. TRIM_SCREENSHOTS=/tmp/shots).
KEEP = os.environ.get("TRIM_SCREENSHOTS")


@pytest.fixture(scope="session")
def unpruned_site(tmp_path_factory):
    built = build_site(tmp_path_factory.mktemp("unpruned"), "-D", "trim_enabled=0")
    assert built.returncode == 0, built.stderr
    with webcheck.serve(built.outdir) as url:
        yield url


def new_page(browser, viewport: str, scheme: str):
    width, height = VIEWPORTS[viewport]
    context = browser.new_context(
        viewport={"width": width, "height": height},
        color_scheme=scheme,
        reduced_motion="reduce",
        timezone_id="UTC",
    )
    page = context.new_page()
    # The dates page words times relative to now: the same now for every load.
    page.clock.set_fixed_time("2022-05-01T12:00:00Z")
    return page


def open_theme_menu(page) -> None:
    page.locator(".bd-header .theme-switch-button").click()
    page.locator(".dropdown-menu.show").wait_for()


def open_phone_menu(page) -> None:
    page.locator(".primary-toggle").click()
    page.locator("#pst-primary-sidebar-modal[open]").wait_for()


#: Every page (search with results: their classes come from the script), then the menus
#: open: (path, action before the screenshot).
STATES = {
    "desktop": [
        *((f"{name}.html", None) for name in (*PAGES, "404")),
        ("search.html?q=astrophysics", None),
        ("index.html", open_theme_menu),
    ],
    # The phone layout of the pages with the most components (cards, dates list, people).
    "phone": [
        *((f"{name}.html", None) for name in ("index", "dates", "soc")),
        ("index.html", open_phone_menu),
    ],
}


def screenshot(page, base_url: str, path: str, action) -> bytes:
    page.goto(f"{base_url}/{path}")
    if "?q=" in path:
        page.locator("#search-results ul.search li").first.wait_for()
    page.wait_for_function(
        "document.readyState === 'complete' && [...document.images].every(i => i.complete)"
    )
    page.evaluate("document.fonts.ready")
    if action:
        action(page)
    page.wait_for_timeout(50)
    return page.screenshot(full_page=True, animations="disabled")


#: Headless Chromium antialiases the edges of the header's round logo and search button
#: differently from one load to the next (measured: 25 pixels, on the same build); a
#: pruned rule changes far more (a missing icon alone is over 100 pixels).
NOISE_PIXELS = 40

_COMPARE = """async ([a, b]) => {
  const load = (src) => new Promise((ok) => {
    const image = new Image();
    image.onload = () => ok(image);
    image.src = src;
  });
  const [A, B] = [await load(a), await load(b)];
  if (A.width !== B.width || A.height !== B.height) {
    return {size: [A.width, A.height, B.width, B.height]};
  }
  const canvas = document.createElement("canvas");
  [canvas.width, canvas.height] = [A.width, A.height];
  const ctx = canvas.getContext("2d");
  const pixels = (image) => {
    ctx.drawImage(image, 0, 0);
    return ctx.getImageData(0, 0, A.width, A.height).data;
  };
  const [pa, pb] = [pixels(A), pixels(B)];
  let worst = 0, count = 0;
  for (let i = 0; i < pa.length; i += 4) {
    const d = Math.max(...[0, 1, 2].map((c) => Math.abs(pa[i + c] - pb[i + c])));
    if (d > 0) count++;
    worst = Math.max(worst, d);
  }
  return {worst, count};
}"""


def difference(browser, first: bytes, second: bytes) -> dict:
    """The largest colour difference of any pixel, and how many pixels differ at all."""
    page = browser.new_page()
    uris = [f"data:image/png;base64,{base64.b64encode(s).decode()}" for s in (first, second)]
    found = page.evaluate(_COMPARE, uris)
    page.close()
    return found


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_pruning_changes_no_pixel(browser, served_site, unpruned_site, viewport, scheme):
    page = new_page(browser, viewport, scheme)
    changed = {}
    for path, action in STATES[viewport]:
        trimmed = screenshot(page, served_site, path, action)
        full = screenshot(page, unpruned_site, path, action)
        name = path.split(".")[0]
        label = f"{name}-{viewport}-{scheme}{'-' + action.__name__ if action else ''}"
        if KEEP:
            os.makedirs(KEEP, exist_ok=True)
            for kind, shot in (("trimmed", trimmed), ("full", full)):
                with open(os.path.join(KEEP, f"{label}-{kind}.png"), "wb") as out:
                    out.write(shot)
        found = difference(browser, trimmed, full)
        if "size" in found or found["count"] > NOISE_PIXELS:
            changed[label] = found
    page.context.close()
    assert changed == {}


def test_search_finds_pages_from_any_page(browser, served_site):
    page = new_page(browser, "desktop", "light")
    page.goto(f"{served_site}/soc.html")
    page.keyboard.press("Control+k")
    field = page.locator("#pst-search-dialog input[name=q]")
    field.wait_for()
    field.fill("astrophysics")
    field.press("Enter")
    page.wait_for_url("**/search.html?q=astrophysics")
    results = page.locator("#search-results ul.search li a")
    results.first.wait_for()
    hrefs = results.evaluate_all("links => links.map((a) => a.getAttribute('href'))")
    found = {href.split("?")[0].split("#")[0] for href in hrefs}
    assert {"index.html", "about.html"} <= found
    page.context.close()


def test_the_colour_mode_menu_works_with_the_keyboard(browser, served_site):
    page = new_page(browser, "desktop", "light")
    page.goto(f"{served_site}/index.html")
    light = page.evaluate("getComputedStyle(document.body).backgroundColor")
    page.locator(".bd-header .theme-switch-button").focus()
    page.keyboard.press("Enter")
    page.locator(".dropdown-menu.show").wait_for()
    page.keyboard.press("ArrowDown")  # Bootstrap moves the focus into the menu
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    focused = page.evaluate("document.activeElement.dataset.mode")
    assert focused == "dark"
    page.keyboard.press("Enter")
    assert page.evaluate("document.documentElement.dataset.theme") == "dark"
    dark = page.evaluate("getComputedStyle(document.body).backgroundColor")
    assert dark != light
    page.keyboard.press("Escape")
    page.context.close()


def test_the_phone_menu_opens_with_the_pages_and_closes(browser, served_site):
    page = new_page(browser, "phone", "dark")
    page.goto(f"{served_site}/about.html")
    assert not page.locator(".bd-header .navbar-header-items").is_visible()
    open_phone_menu(page)
    links = page.locator("#pst-primary-sidebar-modal .navbar-nav a")
    expected = [
        entry.title or site_sources.heading(site_sources.source_files(REPO)[entry.page])
        for entry in site_sources.navigation(REPO)
    ]
    assert [" ".join(t.split()) for t in links.all_inner_texts()] == expected
    page.keyboard.press("Escape")
    assert page.locator("#pst-primary-sidebar-modal[open]").count() == 0
    page.context.close()


def test_the_first_paint_waits_until_the_whole_page_is_parsed(browser, served_site):
    from trim.first_paint import PARSED_MARKER

    page = new_page(browser, "desktop", "light")
    try:
        for name in PAGES:
            page.goto(f"{served_site}/{name}.html")
            # The render-blocking expectation is in the head, and names an id that the
            # page does not have, so it is met only when parsing is complete.
            links = page.locator('head link[rel="expect"][blocking="render"]')
            assert links.count() == 1
            assert links.get_attribute("href") == f"#{PARSED_MARKER}"
            assert page.locator(f"#{PARSED_MARKER}").count() == 0
    finally:
        page.context.close()
