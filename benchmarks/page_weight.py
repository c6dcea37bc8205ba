"""Print the weight of every page of the site as a visitor's browser loads it, in two parts:
the site's own and the content's (photos of person cards, accepted papers), against the
budget (site at most 65 KB per page; content at most 15 KB per photo and 0.5 KB per paper).

For each page and viewport: all bytes the browser loaded (HTML, CSS, JS, fonts, images),
compressed as a static host sends them (gzip level 6 for text, images and WOFF2 fonts as they
are; see tests/webcheck.py and tests/page_parts.py, which the page-weight test uses too).

    .venv/bin/python benchmarks/page_weight.py                 # builds the site first
    .venv/bin/python benchmarks/page_weight.py _build/html     # an existing build
    .venv/bin/python benchmarks/page_weight.py --realistic     # a copy with 3 photos, a
                                                               # 12-slot program, 150 papers
    .venv/bin/python benchmarks/page_weight.py --resources     # also list every resource
"""

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

import page_parts  # noqa: E402
import webcheck  # noqa: E402
from playwright.sync_api import sync_playwright  # noqa: E402
from sitebuild import html_build  # noqa: E402

KINDS = ("html", "css", "js", "font", "image", "other")


def kb(size: int) -> str:
    return f"{size / 1000:.1f}"


def measure(outdir: Path, show_resources: bool) -> bool:
    """Print the figures; True when every page is within its budget."""
    pages = webcheck.site_pages(outdir)
    mode = webcheck.MODES[0]
    print("Bytes per page as served gzipped (KB = 1000 bytes), light mode, cold cache")
    print(
        f"{'page':<14}{'viewport':<10}{'total':>7}{'site':>7}{'photos':>11}{'papers':>13}"
        f"{'budget':>8}  " + "".join(f"{k:>7}" for k in KINDS)
    )
    within = True
    with webcheck.serve(outdir) as url, sync_playwright() as playwright:
        browser = webcheck.launch(playwright)
        visitor = webcheck.Visitor(browser, url)
        try:
            for path in pages:
                for viewport in webcheck.VIEWPORTS:
                    visit = visitor.visit(path, viewport, mode, axe=False)
                    within &= report(visit, outdir, show_resources)
        finally:
            visitor.close()
            browser.close()
    return within


def report(visit: webcheck.Visit, outdir: Path, show_resources: bool) -> bool:
    by_kind = dict.fromkeys(KINDS, 0)
    for resource in visit.resources:
        by_kind[resource.kind] += resource.served
    parts = page_parts.parts(visit, outdir)
    photos = f"{parts.photos} {kb(parts.photo_bytes)}"
    papers = f"{parts.papers} {kb(parts.paper_bytes)}"
    problems = parts.problems()
    print(
        f"{visit.path:<14}{visit.viewport.name:<10}{kb(parts.total):>7}{kb(parts.site):>7}"
        f"{photos:>11}{papers:>13}{kb(parts.budget):>8}  "
        + "".join(f"{kb(by_kind[kind]):>7}" for kind in KINDS)
        + (f"   OVER: {', '.join(problems)}" if problems else "")
    )
    if visit.failed_requests():
        print(f"    failed: {', '.join(visit.failed_requests())}")
    if show_resources:
        for resource in visit.biggest(len(visit.resources)):
            print(f"    {kb(resource.served):>7} KB  ({kb(resource.size):>6} raw)  {resource.name}")
    return not problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("build", nargs="?", type=Path, help="an HTML build (default: build now)")
    parser.add_argument("--realistic", action="store_true", help="measure a realistic copy")
    parser.add_argument("--resources", action="store_true", help="list every resource")
    options = parser.parse_args()
    if options.realistic:
        from realistic_site import realistic_site

        with tempfile.TemporaryDirectory() as tmp:
            outdir, warnings = realistic_site(Path(tmp) / "site")
            if warnings:
                sys.exit("the realistic copy does not build cleanly:\n" + "\n".join(warnings))
            return 0 if measure(outdir, options.resources) else 1
    with html_build(options.build) as outdir:
        return 0 if measure(outdir, options.resources) else 1


if __name__ == "__main__":
    sys.exit(main())
