"""Run Lighthouse 12 (mobile) on the site served with gzip, as a static host serves it.

Prints the four category scores and the cumulative layout shift of the home and dates pages,
and the layout shift (with the performance score) of every other page. Lighthouse is not a
dependency of the test suite: it is installed on first use into .cache/lighthouse/ (ignored by
git) from the npm registry. Needs Node.js 18+ and Chromium (CHROME_PATH, default
/usr/bin/chromium).

    .venv/bin/python benchmarks/lighthouse.py                # builds the site first
    .venv/bin/python benchmarks/lighthouse.py _build/html    # an existing build

Performance scores depend on the machine: Lighthouse slows the CPU 4x on top of the real one,
and says so (the "benchmark index" printed below) when the machine is already slower than it
expects; --cpu-slowdown adjusts the multiplier for such a machine.
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

import webcheck  # noqa: E402
from sitebuild import html_build  # noqa: E402

VERSION = "12.2.3"  # Lighthouse 13 needs Node.js 22
CACHE = webcheck.REPO / ".cache" / "lighthouse"
LIGHTHOUSE = CACHE / "node_modules" / ".bin" / "lighthouse"
#: Pages scored in every category; every other page is checked for layout shift.
SCORED = ("index.html", "dates.html")
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")


def install() -> Path:
    if not LIGHTHOUSE.exists():
        print(f"installing lighthouse@{VERSION} into {CACHE.relative_to(webcheck.REPO)}/ ...")
        CACHE.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            ["npm", "install", "--prefix", str(CACHE), "--no-audit", "--no-fund",
             "--ignore-scripts", "--loglevel=error", f"lighthouse@{VERSION}"],
            check=True,
        )  # fmt: skip
    return LIGHTHOUSE


def lighthouse(url: str, categories, cpu_slowdown: float | None) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "report.json"
        command = [
            str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={report}",
            f"--only-categories={','.join(categories)}",
            "--chrome-flags=--headless=new " + " ".join(webcheck.CHROMIUM_ARGS),
        ]  # fmt: skip
        if cpu_slowdown:
            command.append(f"--throttling.cpuSlowdownMultiplier={cpu_slowdown}")
        env = {**os.environ, "CHROME_PATH": os.environ.get("CHROME_PATH", webcheck.CHROMIUM)}
        subprocess.run(command, check=True, env=env, cwd=tmp)
        return json.loads(report.read_text(encoding="utf-8"))


def score(result: dict, category: str) -> str:
    value = result["categories"][category]["score"]
    return "-" if value is None else str(round(value * 100))


def run(outdir: Path, cpu_slowdown: float | None) -> None:
    install()
    pages = webcheck.site_pages(outdir)
    print("Lighthouse", VERSION, "mobile, served with gzip on 127.0.0.1")
    print(f"{'page':<16}" + "".join(f"{c:>16}" for c in CATEGORIES) + f"{'CLS':>8}")
    with webcheck.serve(outdir, compress=True) as url:
        for path in sorted(pages, key=lambda page: page not in SCORED):
            categories = CATEGORIES if path in SCORED else ("performance",)
            result = lighthouse(f"{url}/{path}", categories, cpu_slowdown)
            cls = result["audits"]["cumulative-layout-shift"]["numericValue"]
            scores = [score(result, c) if c in categories else "" for c in CATEGORIES]
            print(f"{path:<16}" + "".join(f"{s:>16}" for s in scores) + f"{cls:>8.3f}", flush=True)
            for category in categories:
                for audit in failing_audits(result, category):
                    print(f"    {category}: {audit}")
    environment = result["environment"]
    print(f"benchmark index of this machine: {environment['benchmarkIndex']:.0f}")
    for warning in result.get("runWarnings", []):
        print(f"warning: {warning}")


def failing_audits(result: dict, category: str) -> list[str]:
    """Audits that cost points in a category, for a score below 100."""
    found = []
    for ref in result["categories"][category]["auditRefs"]:
        audit = result["audits"][ref["id"]]
        if ref["weight"] and audit["score"] is not None and audit["score"] < 1:
            found.append(f"{audit['id']} ({audit['score']:.2f}): {audit.get('displayValue', '')}")
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("build", nargs="?", type=Path, help="an HTML build (default: build now)")
    parser.add_argument(
        "--cpu-slowdown", type=float, help="Lighthouse's CPU multiplier (default 4)"
    )
    options = parser.parse_args()
    with html_build(options.build) as outdir:
        run(outdir, options.cpu_slowdown)


if __name__ == "__main__":
    main()
