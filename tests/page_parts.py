"""A page's weight in two parts: the site's own (theme, scripts, styles, fonts, the page's
frame) and the content a contributor adds (photos of person cards, accepted papers).

The budget holds the site to :data:`SITE_BUDGET` per page, whatever the content, and lets
content add at most :data:`PHOTO_ALLOWANCE` per photo and :data:`PAPER_ALLOWANCE` per paper.
Bytes are counted as a static host sends them (``webcheck.served_size``: gzip for text):

- photos: the bytes of each published photo the page loads (``_images/people/``);
- papers: what the papers' items add to the gzipped HTML (the page gzipped with and
  without them), so the markup of each paper is what counts, not its share of the frame;
  and the papers list's own script and style, which a page loads only when it has papers.

Anything else a page loads, a program's schedule included, is the site's.
"""

import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import webcheck

#: Budgets in bytes (1 KB = 1000 bytes, the strict reading of "65 KB").
SITE_BUDGET = 65_000
#: The search page also loads the search scripts and the index.
SEARCH_BUDGET = 80_000
PHOTO_ALLOWANCE = 15_000
PAPER_ALLOWANCE = 500

PHOTO_FOLDER = "/_images/people/"
PAPER_ASSETS = re.compile(r"papers(\.[0-9a-f]+)?\.(js|css)")
PAPER_ITEM = re.compile(r'<li class="papers-item"[^>]*>.*?</li>\s*', re.S)


def site_budget(path: str) -> int:
    return SEARCH_BUDGET if path == "search.html" else SITE_BUDGET


@dataclass(frozen=True)
class Parts:
    path: str
    total: int
    photos: int
    photo_bytes: int
    papers: int
    paper_bytes: int

    @property
    def content(self) -> int:
        return self.photo_bytes + self.paper_bytes

    @property
    def site(self) -> int:
        return self.total - self.content

    @property
    def allowance(self) -> int:
        return self.photos * PHOTO_ALLOWANCE + self.papers * PAPER_ALLOWANCE

    @property
    def budget(self) -> int:
        return site_budget(self.path) + self.allowance

    def problems(self) -> list[str]:
        """What is over budget, in words; empty when the page is within it."""
        found = []
        if self.site > site_budget(self.path):
            found.append(f"site {self.site:,} > {site_budget(self.path):,}")
        if self.content > self.allowance:
            found.append(f"content {self.content:,} > allowance {self.allowance:,}")
        return found


def page_html(outdir: Path, path: str) -> bytes:
    """The HTML served for ``path`` (a missing page is answered with the 404 page)."""
    page = Path(outdir) / path
    return (page if page.is_file() else Path(outdir) / "404.html").read_bytes()


def parts(visit: webcheck.Visit, outdir: Path) -> Parts:
    photos = [r for r in visit.resources if PHOTO_FOLDER in urlsplit(r.url).path]
    html = page_html(outdir, visit.path)
    text = html.decode("utf-8")
    papers = len(PAPER_ITEM.findall(text))
    paper_bytes = 0
    if papers:
        kind = "text/html; charset=utf-8"
        without = PAPER_ITEM.sub("", text).encode("utf-8")
        paper_bytes = webcheck.served_size(html, kind) - webcheck.served_size(without, kind)
        assets = [r for r in visit.resources if PAPER_ASSETS.fullmatch(r.name)]
        paper_bytes += sum(r.served for r in assets)
    return Parts(
        visit.path,
        visit.weight,
        len(photos),
        sum(r.served for r in photos),
        papers,
        paper_bytes,
    )
