"""A realistic copy of the site, for the weight budgets: the site as it is, plus what a full
edition adds by the CONTRIBUTING recipes: committee members with camera photos, a 12-slot
program and 150 accepted papers with long titles and accented names (an OpenReview-like
export with its links).

Used by ``tests/test_visitor_weight.py`` and ``benchmarks/page_weight.py --realistic``.
"""

import csv
import io
import os
import random
import re
import shutil
import string
import subprocess
import sys
from pathlib import Path

from PIL import Image, ImageDraw

REPO = Path(__file__).resolve().parent.parent
#: Not part of the site: left out of the copy.
SKIP = (".git", ".venv", "node_modules", "_build", "build", "tests", "benchmarks", "*.egg-info",
        ".pytest_cache", ".hypothesis", ".ruff_cache", "__pycache__")  # fmt: skip

PHOTOS = 3
SLOTS = 12
PAPERS = 150

PEOPLE = ("Émilie du Châtelet", "Subrahmanyan Chandrasekhar", "Cecilia Payne-Gaposchkin")
AFFILIATIONS = ("Université Paris-Saclay", "Max-Planck-Institut für Astrophysik",
                "Harvard–Smithsonian Center for Astrophysics")  # fmt: skip
NAMES = ("Émilie du Châtelet", "François Lanusse", "Marc Huertas-Company", "Sofía Ramírez Núñez",
         "Jürgen Müller", "Zoë Ødegaard", "Łukasz Wąsowski", "Nguyễn Thị Minh", "İlkay Çelik",
         "Henrietta Swan Leavitt", "Annie Jump Cannon", "Vera Rubin", "Ana Tereza Gonçalves",
         "Søren Kierkegaard-Holm", "Chloé Bénard", "José Ángel Pérez")  # fmt: skip
WORDS = ("simulation-based", "inference", "of", "strong", "gravitational", "lensing", "with",
         "equivariant", "neural", "networks", "for", "photometric", "redshift", "estimation",
         "in", "large", "galaxy", "surveys", "anomaly", "detection", "transient", "light",
         "curves", "normalizing", "flows", "likelihood-free", "cosmological", "parameter",
         "emulators", "spectroscopic", "uncertainty", "calibration", "self-supervised",
         "representation", "learning", "the", "Vera", "Rubin", "Observatory", "Legacy", "Survey",
         "Space", "and", "Time")  # fmt: skip
TOPICS = ("Cosmology", "Galaxies", "Time domain", "Stars", "Exoplanets", "Instrumentation",
          "Methods")  # fmt: skip
KINDS = ("oral", "spotlight", "poster", "poster", "poster", "poster")


def camera_jpeg(seed: int = 0) -> bytes:
    """A camera-sized (8 megapixels), noisy, ~2 MB JPEG with the camera's EXIF and a GPS
    position, as a phone or a camera writes it; ``seed`` varies the scene."""
    size = (3264, 2448)
    red = Image.linear_gradient("L").resize(size)
    green = Image.linear_gradient("L").rotate(90 * (seed % 4)).resize(size)
    blue = Image.radial_gradient("L").resize(size)
    image = Image.merge("RGB", (red, green, blue))
    draw = ImageDraw.Draw(image)
    for i in range(12):  # shapes, so that the photo has edges as well as gradients
        x, y = i * size[0] // 14, size[1] // 5 + (i % 3) * size[1] // 6
        colour = ((i + seed) * 40 % 255, 90 + 30 * seed % 160, 150)
        draw.ellipse((x, y, x + size[0] // 5, y + size[1] // 3), fill=colour)
    noise = Image.effect_noise(size, 24)  # sensor noise
    image = Image.merge("RGB", [Image.blend(band, noise, 0.35) for band in image.split()])
    exif = Image.Exif()
    exif[0x010F], exif[0x0110] = "Camera Maker", "Model X"  # make, model
    exif[0x8825] = {1: "N", 2: (48.0, 51.0, 24.0), 3: "E", 4: (2.0, 21.0, 3.0)}  # GPS
    out = io.BytesIO()
    image.save(out, "JPEG", quality=84, exif=exif.tobytes())
    return out.getvalue()


def add_people(site: Path) -> None:
    """Three committee members with photos, by the recipe, in the committee's grid."""
    folder = site / "_static" / "people"
    folder.mkdir(parents=True, exist_ok=True)
    blocks = []
    for number, (name, affiliation) in enumerate(zip(PEOPLE, AFFILIATIONS, strict=True)):
        photo = f"person-{number}.jpg"
        (folder / photo).write_bytes(camera_jpeg(number))
        blocks.append(
            f":::{{person}} {name}\n:affiliation: {affiliation}\n:role: Member\n"
            f":photo: _static/people/{photo}\n:::\n"
        )
    page = site / "soc.md"
    text = page.read_text(encoding="utf-8")
    # The last grid of the page closes with '::::': the new cards go right before it.
    end = text.rindex("\n::::")
    page.write_text(text[:end] + "\n\n" + "\n".join(blocks) + text[end:], encoding="utf-8")


def schedule_block() -> str:
    lines = ["```{schedule}", ":date: workshop", ""]
    rng = random.Random(12)
    for number in range(SLOTS):
        start = 8 * 60 + 30 + 40 * number
        end = start + 40
        kind = ("invited", "contributed", "break", "poster")[number % 4]
        title = " ".join(rng.sample(WORDS, 9)).capitalize()
        lines += [
            f'- time: "{start // 60:02d}:{start % 60:02d}-{end // 60:02d}:{end % 60:02d}"',
            f'  title: "{title}"',
            f"  speaker: {rng.choice(NAMES)}",
            f"  affiliation: {rng.choice(AFFILIATIONS)}",
            f"  kind: {kind}",
        ]
    return "\n".join([*lines, "```", ""])


def write_papers(path: Path, count: int = PAPERS) -> None:
    """``count`` made-up papers (never published) in an OpenReview-like export: long titles,
    several accented authors, and the columns the site does not use."""
    rng = random.Random(2022)  # the same data on every run
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(["id", "title", "authors", "kind", "topic", "pdf", "openreview",
                         "arxiv", "abstract"])  # fmt: skip
        for number in range(1, count + 1):
            title = " ".join(rng.sample(WORDS, rng.randint(11, 15))).capitalize()
            authors = ", ".join(rng.sample(NAMES, rng.randint(2, 7)))
            forum = "".join(rng.choices(string.ascii_letters, k=10))
            writer.writerow([
                number, title, authors, rng.choice(KINDS), rng.choice(TOPICS),
                f"https://openreview.net/pdf?id={forum}", forum,
                f"2206.{rng.randint(0, 99999):05d}",
                " ".join(rng.choices(WORDS, k=150)),
            ])  # fmt: skip


def replace_block(text: str, name: str, block: str, heading: str) -> str:
    """``text`` with ``block`` in place of its first ``name`` directive (the others removed),
    or added at the end under ``heading`` when it has none: a site whose program is already
    published gets ours instead of a second one (two papers lists of one CSV share ids)."""
    from site_sources import DIRECTIVE

    found = [match for match in DIRECTIVE.finditer(text) if match["name"] == name]
    if not found:
        return text.rstrip("\n") + f"\n\n## {heading}\n\n" + block
    for match in reversed(found[1:]):
        text = text[: match.start()] + text[match.end() :]
    first = found[0]
    return text[: first.start()] + block.rstrip("\n") + text[first.end() :]


def add_program(site: Path) -> None:
    """The program recipe: the schedule and the papers (instead of any already published)."""
    write_papers(site / "accepted.csv")
    page = site / "program.md"
    text = replace_block(page.read_text(encoding="utf-8"), "schedule", schedule_block(), "Schedule")
    papers = "```{papers} accepted.csv\n```\n"
    page.write_text(replace_block(text, "papers", papers, "Accepted papers"), encoding="utf-8")


def copy_site(target: Path) -> Path:
    shutil.copytree(REPO, target, ignore=shutil.ignore_patterns(*SKIP))
    return target


def build(site: Path) -> tuple[Path, list[str]]:
    """Build ``site`` like Read the Docs; returns the output and the warning lines."""
    out = site / "_build"
    command = [sys.executable, "-m", "sphinx", "-T", "-W", "--keep-going", "-b", "html",
               "-d", str(out / "doctrees"), str(site), str(out / "html")]  # fmt: skip
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1650000000"}
    env.pop("READTHEDOCS_CANONICAL_URL", None)
    done = subprocess.run(command, capture_output=True, text=True, env=env, cwd=site)
    text = re.sub(r"\x1b\[[0-9;]*m", "", done.stderr)
    problems = [line for line in text.splitlines() if "WARNING" in line or "ERROR" in line]
    if done.returncode and not problems:
        problems = text.splitlines()[-20:]
    return out / "html", problems


def realistic_site(target: Path) -> tuple[Path, list[str]]:
    """A built realistic copy of the site in ``target``: (output folder, warnings)."""
    site = copy_site(target)
    add_people(site)
    add_program(site)
    return build(site)
