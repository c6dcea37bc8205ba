"""The HTML build a benchmark measures: the one given on the command line, else a fresh
build of the site made with the test suite's own build command (Read the Docs' command)."""

import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))


@contextmanager
def html_build(given: Path | None) -> Iterator[Path]:
    if given:
        yield given
        return
    from conftest import build_site

    with tempfile.TemporaryDirectory() as tmp:
        built = build_site(Path(tmp))
        if built.returncode:
            sys.exit(f"the site build failed:\n{built.stderr}")
        yield built.outdir
