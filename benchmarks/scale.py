"""Does the site scale to a real program? Times clean builds of the site as it is and of
the same site with 1,000 accepted papers and a 100-slot schedule on its program page.

    .venv/bin/python benchmarks/scale.py [--papers 1000] [--slots 100] [--runs 3]

Works on temporary copies of the site (the repository is not touched) and prints the
build times (wall-clock and CPU), their ratio against the target (at most 3x), and the
cost of the first and second half of the papers, equal when the cost grows linearly.
Exits 1 above the target.
"""

import argparse
import csv
import gzip
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
TARGET = 3.0
#: Not part of the site: left out of the temporary copy.
SKIP = (".git", ".venv", "node_modules", "_build", "build", "tests", "benchmarks", "*.egg-info",
        ".pytest_cache", ".hypothesis", ".ruff_cache", "__pycache__")  # fmt: skip

TOPICS = ["Cosmology", "Galaxies", "Time domain", "Stars", "Exoplanets", "Instrumentation"]
KINDS = ["oral", "spotlight", "poster", "poster", "poster"]
WORDS = ["inference", "simulation", "lensing", "survey", "galaxy", "neural", "flow", "emulator",
         "anomaly", "spectra", "redshift", "transient", "likelihood-free", "equivariant",
         "photometric"]  # fmt: skip
NAMES = ("Ada Lovelace", "Vera Rubin", "Henrietta Leavitt", "Annie Jump Cannon", "Carl Gauss",
         "Émilie du Châtelet", "Cecilia Payne", "Subrahmanyan Chandrasekhar")  # fmt: skip


def write_papers(path: Path, count: int) -> None:
    """``count`` made-up papers (a benchmark's data, never published) with every column."""
    rng = random.Random(2022)  # the same data on every run
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(["id", "title", "authors", "kind", "topic", "pdf", "openreview", "arxiv"])
        for number in range(1, count + 1):
            title = " ".join(rng.sample(WORDS, 6)).capitalize()
            authors = ", ".join(rng.sample(NAMES, rng.randint(1, 5)))
            writer.writerow([
                number, title, authors, rng.choice(KINDS), rng.choice(TOPICS),
                f"https://example.org/papers/{number}.pdf", f"bench{number:05d}",
                f"2206.{number:05d}",
            ])  # fmt: skip


def schedule_block(slots: int) -> str:
    """``slots`` back-to-back 4-minute slots from 08:00 on the workshop day."""
    lines = ["```{schedule}", ":date: workshop", ""]
    for number in range(slots):
        start, end = 8 * 60 + 4 * number, 8 * 60 + 4 * (number + 1)
        lines += [
            f'- time: "{start // 60:02d}:{start % 60:02d}-{end // 60:02d}:{end % 60:02d}"',
            f"  title: Benchmark slot {number + 1}",
            "  speaker: Vera Rubin",
            "  kind: contributed",
        ]
    return "\n".join([*lines, "```", ""])


def copy_site(target: Path) -> Path:
    shutil.copytree(REPO, target, ignore=shutil.ignore_patterns(*SKIP))
    return target


def scale(site: Path, papers: int, slots: int) -> None:
    write_papers(site / "accepted.csv", papers)
    program = site / "program.md"
    program.write_text(
        program.read_text(encoding="utf-8")
        + "\n## Schedule\n\n"
        + schedule_block(slots)
        + "\n## Accepted papers\n\n```{papers} accepted.csv\n```\n",
        encoding="utf-8",
    )


@dataclass
class Timing:
    """The fastest clean build seen so far: wall-clock and CPU seconds."""

    wall: float = float("inf")
    cpu: float = float("inf")


def build_once(site: Path, best: Timing) -> None:
    """One clean build of ``site``; keeps the fastest (the least disturbed by the machine).

    CPU time (user + system of the build process) barely moves when other processes
    compete for the cores, where wall-clock time can double: both are kept.
    """
    out = site / "_build"
    shutil.rmtree(out, ignore_errors=True)
    command = [sys.executable, "-m", "sphinx", "-E", "-q", "-W", "--keep-going", "-b", "html",
               "-d", str(out / "doctrees"), str(site), str(out / "html")]  # fmt: skip
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, env={**os.environ})
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        sys.exit(f"the build of {site.name} failed:\n{done.stderr}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    best.wall, best.cpu = min(best.wall, wall), min(best.cpu, cpu)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--papers", type=int, default=1000)
    parser.add_argument("--slots", type=int, default=100)
    parser.add_argument("--runs", type=int, default=3, help="builds per size; the fastest counts")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="site-scale-") as temporary:
        base = Path(temporary)
        sites = {"seed": copy_site(base / "seed"), "half": copy_site(base / "half"),
                 "full": copy_site(base / "full")}  # fmt: skip
        scale(sites["half"], args.papers // 2, args.slots)
        scale(sites["full"], args.papers, args.slots)
        timings = {name: Timing() for name in sites}
        # Interleaved, so that a busy spell of the machine hits every size alike.
        for _ in range(args.runs):
            for name, site in sites.items():
                build_once(site, timings[name])
        page = (sites["full"] / "_build" / "html" / "program.html").read_bytes()
    seed, half, full = (timings[name] for name in ("seed", "half", "full"))
    print("                                   wall-clock      CPU")
    print(f"seed-size site:                    {seed.wall:7.2f} s  {seed.cpu:7.2f} s")
    print(f"{args.papers // 2:>5} papers + {args.slots} slots:        "
          f"{half.wall:7.2f} s  {half.cpu:7.2f} s")  # fmt: skip
    print(f"{args.papers:>5} papers + {args.slots} slots:        "
          f"{full.wall:7.2f} s  {full.cpu:7.2f} s")  # fmt: skip
    ratio = full.cpu / seed.cpu
    print(f"ratio scaled / seed:               {full.wall / seed.wall:7.2f}x  {ratio:7.2f}x"
          f"   (target <= {TARGET:.0f}x, judged on CPU time)")  # fmt: skip
    # Linear growth: the second half of the papers costs what the first half did
    # (the first half also carries the schedule).
    first, second = half.cpu - seed.cpu, full.cpu - half.cpu
    print(f"CPU cost of the 1st / 2nd half of the papers: {first:.2f} s / {second:.2f} s")
    print(f"program.html with {args.papers} papers: {len(page) / 1024:.0f} KB, "
          f"{len(gzip.compress(page)) / 1024:.0f} KB gzipped")  # fmt: skip
    return 0 if ratio <= TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
