"""What a visitor's browser gets from the built site: requests, errors, bytes, layout shift, axe.

Shared by the visitor tests (``tests/test_visitor_*.py``) and the benchmarks (``benchmarks/``),
so that a budget test and the figure printed for the closing note are measured the same way.
It drives the Playwright objects it is given and knows nothing of pytest.
"""

from __future__ import annotations

import contextlib
import functools
import gzip
import io
import os
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

REPO = Path(__file__).resolve().parent.parent
NODE_MODULES = REPO / "node_modules"
AXE_JS = NODE_MODULES / "axe-core" / "axe.min.js"
VNU_JAR = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"

# -- Browser ------------------------------------------------------------------------

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
#: Flags that keep headless Chromium from reaching out to any host on its own.
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip


@dataclass(frozen=True)
class Viewport:
    name: str
    width: int
    height: int
    #: A phone: touch, honours <meta name="viewport">, 2 device pixels per CSS pixel.
    mobile: bool

    def context_options(self) -> dict:
        options = {"viewport": {"width": self.width, "height": self.height}}
        if self.mobile:
            options |= {"is_mobile": True, "has_touch": True, "device_scale_factor": 2}
        return options


VIEWPORTS = (Viewport("1280x800", 1280, 800, False), Viewport("375x812", 375, 812, True))


@dataclass(frozen=True)
class ColourMode:
    """How the visitor chose light or dark, and which theme the page must then show."""

    name: str
    #: The operating system's choice (prefers-color-scheme), which the theme follows in auto mode.
    emulated: str
    #: The choice stored by the theme's switcher (localStorage "mode"), None for a first visit.
    stored: str | None
    #: The resulting html[data-theme].
    theme: str


MODES = (
    ColourMode("light", emulated="light", stored=None, theme="light"),
    ColourMode("dark", emulated="dark", stored=None, theme="dark"),
    # A stored choice wins over the system's: proves the switcher's dark mode, not only auto.
    ColourMode("stored-dark", emulated="light", stored="dark", theme="dark"),
    ColourMode("stored-light", emulated="dark", stored="light", theme="light"),
)


def launch(playwright):
    """The system Chromium, quiet (it reaches no host by itself)."""
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)


# -- The built site -----------------------------------------------------------------


def site_pages(outdir: Path) -> list[str]:
    """Every HTML page of a build, as paths relative to ``outdir`` (``index.html``, ``404.html``).

    Found in the build output rather than listed, so a new page is covered as soon as it exists.
    Folders starting with ``_`` hold assets (``_static/webpack-macros.html`` is a theme template).
    """
    return sorted(
        path.relative_to(outdir).as_posix()
        for path in outdir.rglob("*.html")
        if not any(part.startswith("_") for part in path.relative_to(outdir).parts)
    )


# -- Budgets ------------------------------------------------------------------------

#: Gzipped bytes per page: the site's own weight (1 KB = 1000 bytes, the strict reading of
#: "65 KB"), and what content may add on top of it: a committee photo, a listed paper.
SITE_BUDGET = 65_000
PER_PHOTO = 15_000
PER_PAPER = 500


def page_budget(*, photos: int = 0, papers: int = 0) -> int:
    """The bytes a page may weigh with that much content."""
    return SITE_BUDGET + PER_PHOTO * photos + PER_PAPER * papers


# -- Serving ------------------------------------------------------------------------

#: Content types a static host compresses (Read the Docs and GitHub Pages gzip text, not images).
COMPRESSIBLE = (
    "text/", "application/javascript", "application/json", "application/xml",
    "application/manifest+json", "image/svg+xml", "image/x-icon", "image/vnd.microsoft.icon",
    "font/ttf", "font/otf",
)  # fmt: skip
#: gzip level of the measurements and of the compressing server: zlib's default (``gzip -6``).
GZIP_LEVEL = 6


def compressible(content_type: str) -> bool:
    return content_type.split(";")[0].strip().lower().startswith(COMPRESSIBLE)


def served_size(body: bytes, content_type: str) -> int:
    """Bytes a static host sends for ``body``: gzip level 6 for text types, as is for the rest.

    Images and fonts (PNG, JPEG, WOFF2...) are already compressed and hosts send them unchanged,
    so they count at their own size.
    """
    if compressible(content_type):
        return len(gzip.compress(body, compresslevel=GZIP_LEVEL, mtime=0))
    return len(body)


class _StaticHandler(SimpleHTTPRequestHandler):
    """A static host in miniature: optional gzip, and ``404.html`` for missing paths (as Read the
    Docs and GitHub Pages do), so the not-found page can be tried at any depth."""

    compress = False
    extensions_map = {**SimpleHTTPRequestHandler.extensions_map, ".woff2": "font/woff2"}

    def log_message(self, *args):
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if not path.is_file():
            return self._not_found()
        if not (self.compress and "gzip" in self.headers.get("Accept-Encoding", "")):
            return super().send_head()
        content_type = self.guess_type(str(path))
        if not compressible(content_type):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), GZIP_LEVEL)
        return self._send(HTTPStatus.OK, body, content_type, "gzip")

    def _not_found(self):
        page = Path(self.directory) / "404.html"
        if not page.is_file():
            self.send_error(HTTPStatus.NOT_FOUND)
            return None
        body, encoding = page.read_bytes(), None
        if self.compress and "gzip" in self.headers.get("Accept-Encoding", ""):
            body, encoding = gzip.compress(body, GZIP_LEVEL), "gzip"
        return self._send(HTTPStatus.NOT_FOUND, body, "text/html", encoding)

    def _send(self, status, body: bytes, content_type: str, encoding: str | None):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        if encoding:
            self.send_header("Content-Encoding", encoding)
            self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        return io.BytesIO(body)


@contextlib.contextmanager
def serve(directory: Path, *, compress: bool = False) -> Iterator[str]:
    """Serve ``directory`` on 127.0.0.1 at a free port; yields the base URL, stops on exit."""
    handler_class = type("Handler", (_StaticHandler,), {"compress": compress})
    handler = functools.partial(handler_class, directory=str(directory))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


# -- A visit ------------------------------------------------------------------------


@dataclass
class Resource:
    url: str
    resource_type: str
    status: int | None = None
    content_type: str = ""
    #: Size of the decoded body, and what a static host sends for it (see served_size).
    size: int = 0
    served: int = 0
    failure: str | None = None

    @property
    def name(self) -> str:
        """The file name, for reports."""
        return urlsplit(self.url).path.rsplit("/", 1)[-1] or "/"

    @property
    def host(self) -> str:
        return urlsplit(self.url).netloc

    @property
    def failed(self) -> bool:
        return self.failure is not None or self.status is None or self.status >= 400

    @property
    def kind(self) -> str:
        """A short type for the reports: html, css, js, font, image, other."""
        mime = self.content_type.split(";")[0].strip()
        for kind, prefixes in (
            ("html", ("text/html",)),
            ("css", ("text/css",)),
            ("js", ("text/javascript", "application/javascript")),
            ("font", ("font/", "application/font", "application/vnd.ms-fontobject")),
            ("image", ("image/",)),
        ):
            if mime.startswith(prefixes):
                return kind
        return "other"


@dataclass
class Visit:
    """Everything recorded while one page loaded at one viewport in one colour mode."""

    path: str
    url: str
    viewport: Viewport
    mode: ColourMode
    status: int | None = None
    resources: list[Resource] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    #: Cumulative layout shift, and the shifts that make it up (value and shifted elements).
    cls: float = 0.0
    shifts: list[dict] = field(default_factory=list)
    theme: str | None = None
    #: axe-core violations (rule id, impact, help, nodes with target and summary).
    violations: list[dict] = field(default_factory=list)

    @property
    def weight(self) -> int:
        """Bytes a static host sends for the whole page: HTML and every resource it loaded
        (error answers too: the 404 page is answered with status 404, and its bytes count)."""
        return sum(r.served for r in self.resources)

    def biggest(self, count: int = 5) -> list[Resource]:
        return sorted(self.resources, key=lambda r: r.served, reverse=True)[:count]

    def foreign_requests(self) -> list[str]:
        """Requests that reached, or tried to reach, any host but the site's own."""
        own = urlsplit(self.url).netloc
        inline = ("data:", "blob:")  # no host involved
        return [r.url for r in self.resources if r.host != own and not r.url.startswith(inline)]

    def failed_requests(self) -> list[str]:
        """Requests that failed, the page itself aside (a 404 page is answered with status 404)."""
        return [
            f"{r.url} ({r.failure or r.status})"
            for r in self.resources
            if r.failed and r.url != self.url
        ]


#: Sums layout shifts from the very start of the page (registered before any page script runs).
_CLS_OBSERVER = """
window.__shifts = [];
new PerformanceObserver(list => {
  for (const entry of list.getEntries()) {
    if (!entry.hadRecentInput) window.__shifts.push(entry);
  }
}).observe({type: "layout-shift", buffered: true});
"""
_READ_SHIFTS = """
() => new Promise(resolve => requestAnimationFrame(() => requestAnimationFrame(() => resolve(
  window.__shifts.map(entry => ({
    value: entry.value,
    at: Math.round(entry.startTime),
    sources: (entry.sources || []).map(source => {
      const node = source.node, r = rect => [rect.x, rect.y, rect.width, rect.height].join(",");
      const name = !node ? "?" : node.id ? "#" + node.id : node.nodeName.toLowerCase() +
        (node.classList && node.classList.length ? "." + [...node.classList].join(".") : "");
      return `${name} (${r(source.previousRect)} -> ${r(source.currentRect)})`;
    }),
  }))
))))
"""
#: axe-core rule sets of the budget: WCAG 2.0/2.1/2.2 A and AA, and best practices.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
#: Time left after the load event for late work (fonts, deferred scripts) to shift the layout.
SETTLE_MS = 300


@dataclass(frozen=True)
class Run:
    """One way to visit a page: where, in which mode, and which costly measurements to take."""

    viewport: Viewport
    mode: ColourMode
    #: Run axe-core on the settled page.
    axe: bool = True
    #: Fetch every response body back from the browser to measure the bytes.
    weigh: bool = True


class Visitor:
    """Loads pages of one served site: one browser context, and one tab, per (viewport, mode)."""

    def __init__(self, browser, base_url: str):
        self.browser = browser
        self.base_url = base_url.rstrip("/")
        self._tabs: dict[tuple[Viewport, ColourMode], _Tab] = {}

    def close(self):
        for tab in self._tabs.values():
            tab.page.context.close()
        self._tabs.clear()

    def visit(
        self, path: str, viewport: Viewport, mode: ColourMode, *, axe=True, weigh=True
    ) -> Visit:
        """Load ``path`` as a first-time visitor would, and record what happens."""
        return self.visit_side_by_side(path, [Run(viewport, mode, axe, weigh)])[0]

    def visit_side_by_side(self, path: str, runs: list[Run]) -> list[Visit]:
        """Load ``path`` once per run, each in its own tab, then run axe-core in all at once.

        Each tab has its own context (and renderer), cache disabled, and records only its own
        requests, so the figures are those of single first visits. The loads go one at a time:
        tabs loading together starve each other of CPU, and a starved tab paints a half-parsed
        page, whose layout then shifts as the rest arrives (measured here: 2 to 5 pages in 56
        shifted with two tabs loading at once on 2 cores, none one at a time). axe-core runs
        once every layout is measured, in all tabs at the same time.
        """
        tabs = [self._tab(run.viewport, run.mode) for run in runs]
        assert len(set(tabs)) == len(tabs), "one run per (viewport, mode)"
        url = f"{self.base_url}/{path}"
        for tab, run in zip(tabs, runs, strict=True):
            tab.start(Visit(path, url, run.viewport, run.mode))
            tab.wait_for_load()
            tab.page.wait_for_timeout(SETTLE_MS)
            tab.measure(weigh=run.weigh)
        axed = [tab for tab, run in zip(tabs, runs, strict=True) if run.axe]
        for tab in axed:
            tab.start_axe()
        for tab in axed:
            tab.visit.violations = tab.axe_violations()
        return [tab.visit for tab in tabs]

    def _tab(self, viewport: Viewport, mode: ColourMode) -> _Tab:
        if (viewport, mode) not in self._tabs:
            self._tabs[viewport, mode] = _Tab(self.browser, viewport, mode)
        return self._tabs[viewport, mode]


class _Tab:
    """A browser tab in its own context, recording what each page it loads does."""

    def __init__(self, browser, viewport: Viewport, mode: ColourMode):
        context = browser.new_context(
            color_scheme=mode.emulated, service_workers="block", **viewport.context_options()
        )
        if mode.stored:
            context.add_init_script(f"localStorage.setItem('mode', {mode.stored!r});")
        context.add_init_script(_CLS_OBSERVER)
        self.page = context.new_page()
        # Every visit counts every byte, as for a first-time visitor: no cache between pages.
        cdp = context.new_cdp_session(self.page)
        cdp.send("Network.enable")
        cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
        self.visit: Visit | None = None
        self.requests: dict[object, Resource] = {}
        self._response = None
        self.page.on("request", self._on_request)
        self.page.on("response", self._on_response)
        self.page.on("requestfailed", self._on_failed)
        self.page.on("console", self._on_console)
        self.page.on("pageerror", lambda error: self.visit.page_errors.append(str(error)))

    def _on_request(self, request):
        self.requests[request] = Resource(request.url, request.resource_type)

    def _on_response(self, response):
        resource = self.requests.get(response.request)
        if resource is not None:
            resource.status = response.status
            resource.content_type = response.headers.get("content-type", "")

    def _on_failed(self, request):
        if request in self.requests:
            self.requests[request].failure = request.failure or "failed"

    def _on_console(self, message):
        where = message.location
        if message.type != "error":
            return
        if where.get("url") == self.visit.url and message.text.startswith("Failed to load"):
            return  # the page's own status (404 for the not-found page) is in Visit.status
        self.visit.console_errors.append(
            f"{message.text} ({where.get('url', '')}:{where.get('lineNumber', '')})"
        )

    def start(self, visit: Visit):
        self.visit, self.requests = visit, {}
        self._response = self.page.goto(visit.url, wait_until="commit")

    def wait_for_load(self):
        self.page.wait_for_load_state("load")
        self.page.evaluate("document.fonts.ready.then(() => null)")

    def measure(self, *, weigh: bool):
        page, visit = self.page, self.visit
        visit.status = self._response.status if self._response else None
        icons = self._request_icons({request.url for request in self.requests})
        visit.shifts = page.evaluate(_READ_SHIFTS)
        visit.cls = sum(shift["value"] for shift in visit.shifts)
        visit.theme = page.evaluate("document.documentElement.dataset.theme || null")
        if weigh:
            for request, resource in self.requests.items():
                self._weigh(request, resource)
        visit.resources = [*self.requests.values(), *icons]

    def start_axe(self):
        """Start axe-core in the page without waiting, so that several tabs run it at once.

        axe's source is run by Playwright itself: the pages' Content-Security-Policy has no
        'unsafe-eval', so an ``eval`` inside the page would be refused (as it should be).
        """
        self.page.evaluate(_axe_source())
        self.page.evaluate(
            """([tags]) => {
              window.__axeViolations = new Promise(resolve => setTimeout(resolve)).then(() => {
                return axe.run(document, {runOnly: {type: "tag", values: tags},
                                          resultTypes: ["violations"]});
              }).then(results => results.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.map(n => ({target: n.target.join(" "), summary: n.failureSummary})),
              })));
            }""",
            [AXE_TAGS],
        )

    def axe_violations(self) -> list[dict]:
        return self.page.evaluate("() => window.__axeViolations")

    def _request_icons(self, requested: set[str]) -> list[Resource]:
        """Fetch the page's icons the browser has not asked for yet, as a browser tab would.

        Chromium asks for a declared icon shortly after load, but never for ``/favicon.ico`` while
        Playwright reports no request for that path at all: the declared ``<link rel="icon">``s,
        or ``/favicon.ico`` when there are none, are fetched from the page and recorded here, so a
        broken icon always shows up as a failed request and its bytes count.
        """
        fetched = self.page.evaluate(
            """async requested => {
              const links = [...document.querySelectorAll('link[rel~="icon"]')].map(l => l.href);
              const icons = links.length ? links : [new URL("/favicon.ico", location).href];
              const results = [];
              // data: icons are inline, their bytes already counted in the HTML.
              const fetchable = icons.filter(url => !url.startsWith("data:"));
              for (const url of fetchable.filter(url => !requested.includes(url))) {
                try {
                  const response = await fetch(url, {cache: "no-store"});
                  const bytes = new Uint8Array(await response.arrayBuffer());
                  results.push({url, status: response.status, body: Array.from(bytes),
                                type: response.headers.get("content-type") || ""});
                } catch (error) {
                  results.push({url, failure: String(error)});
                }
              }
              return results;
            }""",
            sorted(requested),
        )
        icons = []
        for icon in fetched:
            resource = Resource(icon["url"], "icon", icon.get("status"), icon.get("type", ""))
            resource.failure = icon.get("failure")
            if resource.failure is None:
                body = bytes(icon["body"])
                resource.size, resource.served = len(body), served_size(body, resource.content_type)
            icons.append(resource)
        return icons

    @staticmethod
    def _weigh(request, resource: Resource):
        if resource.failure is not None or resource.status is None:
            return  # nothing arrived
        try:
            body = request.response().body()
        except Exception as error:  # a body the browser no longer holds
            resource.failure = f"body unavailable: {error}"
            return
        resource.size = len(body)
        resource.served = served_size(body, resource.content_type)


@functools.cache
def _axe_source() -> str:
    return AXE_JS.read_text(encoding="utf-8")
