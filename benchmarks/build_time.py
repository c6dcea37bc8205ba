"""Does the site's build cost at most 1.5 times a plain one? Times clean builds of the site
and of the same pages on a plain pydata-sphinx-theme + sphinx-design set-up, and prints the
CPU and wall time of both and their ratios.

    .venv/bin/python benchmarks/build_time.py [--runs 11]

The plain set-up is generated in a temporary folder: the same Markdown pages, MyST with
the same syntax extensions and substitutions, pydata-sphinx-theme with no options,
sphinx-design, and nothing else. Our own directives and roles (``person``,
``important-dates``, ``{date}``...) have no meaning there; rather than copy our
extensions (which would put most of what is measured on both sides), each of them is
registered as a stand-in that shows its body as a literal block (roles: literal text),
so the plain pages keep about the same amount of content. The ratio therefore prices
everything the site adds: its extensions, the trimming of each page's assets (_ext/trim),
share tags, 404 page, sitemap, calendar feeds. Builds alternate (plain, ours, plain, ...)
so that a busy machine slows both alike; the medians and their ratios are printed.

Target: the CPU time (user + system, of the build and anything it starts) of a clean build
of the site is at most 1.5 times that of the plain build; exits 1 above it. CPU time is
the budget because it does not depend on how many cores are idle; wall time is printed
too. "ours, untrimmed" (``trim_enabled=0``) shows what the trimming itself costs. On a
machine whose cores are shared the figures vary from run to run: use 11 runs or more.
"""

import argparse
import os
import re
import resource
import runpy
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
#: At most this many times the plain build's CPU time.
TARGET = 1.5
NOT_PAGES = {"README.md", "CONTRIBUTING.md"}
_DIRECTIVE = re.compile(r"^[`:]{3,}\{([\w:-]+)\}", re.M)
_ROLE = re.compile(r"\{([\w:-]+)\}`")

PLAIN_CONF = """\
import os
import sys
sys.path.insert(0, os.path.dirname(__file__))
project = {project!r}
extensions = ["myst_parser", "sphinx_design", "standins"]
myst_enable_extensions = {myst_extensions!r}
myst_substitutions = {substitutions!r}
standin_directives = {directives!r}
standin_roles = {roles!r}
html_theme = "pydata_sphinx_theme"
"""

STANDINS = '''\
"""Stand-ins for the site's own directives and roles: the body as a literal block."""
from docutils import nodes
from sphinx.util.docutils import SphinxDirective, is_directive_registered, is_role_registered


class StandIn(SphinxDirective):
    optional_arguments = 1
    final_argument_whitespace = True
    has_content = True

    def run(self):
        self.options = {}
        return [nodes.literal_block(text="\\n".join(self.content))]


class AnyOptions(dict):
    def __missing__(self, key):
        return str


def stand_in_role(name, rawtext, text, lineno, inliner, options=None, content=()):
    return [nodes.literal(rawtext, text)], []


def register(app, config):
    StandIn.option_spec = AnyOptions()
    for name in config.standin_directives:
        if not is_directive_registered(name):
            app.add_directive(name, StandIn)
    for name in config.standin_roles:
        if not is_role_registered(name):
            app.add_role(name, stand_in_role)


def setup(app):
    app.add_config_value("standin_directives", [], "env")
    app.add_config_value("standin_roles", [], "env")
    app.connect("config-inited", register)
    return {"parallel_read_safe": True}
'''


def site_pages() -> list[Path]:
    return sorted(p for p in REPO.glob("*.md") if p.name not in NOT_PAGES)


def make_plain_site(folder: Path) -> None:
    """The plain set-up of the same pages in ``folder``."""
    conf = runpy.run_path(str(REPO / "conf.py"))
    directives, roles = set(), set()
    for page in site_pages():
        text = page.read_text(encoding="utf-8")
        directives.update(_DIRECTIVE.findall(text))
        roles.update(_ROLE.findall(text))
        shutil.copy(page, folder / page.name)
    (folder / "standins.py").write_text(STANDINS, encoding="utf-8")
    (folder / "conf.py").write_text(
        PLAIN_CONF.format(
            project=conf["project"],
            myst_extensions=conf["myst_enable_extensions"],
            substitutions=conf["myst_substitutions"],
            directives=sorted(directives),
            roles=sorted(roles),
        ),
        encoding="utf-8",
    )


@dataclass(frozen=True)
class Timing:
    wall: float
    cpu: float


def clean_build(source: Path, scratch: Path, *options: str) -> Timing:
    """Wall and CPU seconds of one clean build (fresh output and environment), as Read the
    Docs runs it. CPU counts the build process and every process it starts."""
    shutil.rmtree(scratch, ignore_errors=True)
    command = [
        sys.executable, "-m", "sphinx", "-T", "-q", "-b", "html",
        "-d", str(scratch / "doctrees"), "-D", "language=en", *options,
        str(source), str(scratch / "html"),
    ]  # fmt: skip
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1650000000"}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, env=env, cwd=source)
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode:
        sys.exit(f"build of {source} failed:\n{done.stderr}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return Timing(elapsed, cpu)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=11, help="clean builds of each (default 11)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        plain = Path(tmp) / "plain"
        plain.mkdir()
        make_plain_site(plain)
        builds = {
            "plain": (plain,),
            "ours": (REPO,),
            # The site without _ext/trim's work: what trimming costs.
            "ours, untrimmed": (REPO, "-D", "trim_enabled=0"),
        }
        timings: dict[str, list[Timing]] = {name: [] for name in builds}
        for source, *options in builds.values():  # fills the OS file cache for all
            clean_build(source, Path(tmp) / "warm", *options)
        for _ in range(args.runs):
            for name, (source, *options) in builds.items():
                timings[name].append(clean_build(source, Path(tmp) / "out", *options))
    medians = {}
    for name, values in timings.items():
        medians[name] = {
            kind: statistics.median(getattr(value, kind) for value in values)
            for kind in ("cpu", "wall")
        }
        print(
            f"{name:>16}: CPU median {medians[name]['cpu']:.2f} s, "
            f"wall median {medians[name]['wall']:.2f} s"
        )
        print(f"{'':>16}  CPU runs:  {' '.join(f'{value.cpu:.2f}' for value in values)}")
        print(f"{'':>16}  wall runs: {' '.join(f'{value.wall:.2f}' for value in values)}")
    cpu_ratio = medians["ours"]["cpu"] / medians["plain"]["cpu"]
    wall_ratio = medians["ours"]["wall"] / medians["plain"]["wall"]
    verdict = "within" if cpu_ratio <= TARGET else "ABOVE"
    print(
        f"ratio of medians, ours / plain: CPU {cpu_ratio:.2f} ({verdict} the target of {TARGET}),"
    )
    print(f"                                wall {wall_ratio:.2f}")
    return 0 if cpu_ratio <= TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
