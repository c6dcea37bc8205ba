"""Print the weight of every page of the site as a visitor's browser loads it.

For each page and viewport: all bytes the browser loaded (HTML, CSS, JS, fonts, images),
compressed as a static host sends them (gzip level 6 for text, images and WOFF2 fonts as they
are; see tests/webcheck.py, which the page-weight test uses too), in total and per resource type.

    .venv/bin/python benchmarks/page_weight.py                 # builds the site first
    .venv/bin/python benchmarks/page_weight.py _build/html     # an existing build
    .venv/bin/python benchmarks/page_weight.py --resources     # also list every resource
"""

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

import webcheck  # noqa: E402
from playwright.sync_api import sync_playwright  # noqa: E402
from sitebuild import html_build  # noqa: E402

KINDS = ("html", "css", "js", "font", "image", "other")


def kb(size: int) -> str:
    return f"{size / 1000:.1f}"


def measure(outdir: Path, show_resources: bool) -> None:
    pages = webcheck.site_pages(outdir)
    mode = webcheck.MODES[0]
    print("Bytes per page as served gzipped (KB = 1000 bytes), light mode, cold cache")
    print(f"{'page':<16}{'viewport':<10}{'total':>8}" + "".join(f"{k:>8}" for k in KINDS))
    with webcheck.serve(outdir) as url, sync_playwright() as playwright:
        browser = webcheck.launch(playwright)
        visitor = webcheck.Visitor(browser, url)
        try:
            for path in pages:
                for viewport in webcheck.VIEWPORTS:
                    visit = visitor.visit(path, viewport, mode, axe=False)
                    report(visit, show_resources)
        finally:
            visitor.close()
            browser.close()


def report(visit: webcheck.Visit, show_resources: bool) -> None:
    by_kind = dict.fromkeys(KINDS, 0)
    for resource in visit.resources:
        by_kind[resource.kind] += resource.served
    print(
        f"{visit.path:<16}{visit.viewport.name:<10}{kb(visit.weight):>8}"
        + "".join(f"{kb(by_kind[kind]):>8}" for kind in KINDS)
    )
    if visit.failed_requests():
        print(f"    failed: {', '.join(visit.failed_requests())}")
    if show_resources:
        for resource in visit.biggest(len(visit.resources)):
            print(f"    {kb(resource.served):>7} KB  ({kb(resource.size):>6} raw)  {resource.name}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("build", nargs="?", type=Path, help="an HTML build (default: build now)")
    parser.add_argument("--resources", action="store_true", help="list every resource")
    options = parser.parse_args()
    with html_build(options.build) as outdir:
        measure(outdir, options.resources)


if __name__ == "__main__":
    main()
