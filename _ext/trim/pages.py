"""The files of a build: its pages, and what a link in a page points to."""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import unquote, urlsplit


def built_pages(outdir: Path) -> list[Path]:
    """Every HTML page of the build (the theme's templates copied into _static are not pages)."""
    return sorted(
        path
        for path in outdir.rglob("*.html")
        if "_static" not in path.relative_to(outdir).parts and is_inside(path, outdir)
    )


def normal(path: Path) -> Path:
    """``path`` made absolute, without ``.`` and ``..``: the one name this package gives a
    file of the build (``resolve()`` would ask the file system, for every link of every page)."""
    return Path(os.path.normpath(path.absolute()))


def is_inside(path: Path, outdir: Path) -> bool:
    """Is ``path``, links followed, inside ``outdir``? Trimming writes nowhere else."""
    return path.resolve().is_relative_to(outdir.resolve())


def local_file(page: Path, url: str, outdir: Path, root: str = "/") -> Path | None:
    """The file in ``outdir`` that ``url``, written in ``page``, points to (None if external).

    ``root`` is the URL path of the site's root: the 404 page links with absolute
    paths under it (``/en/latest/_static/...``), so that it works at any depth.
    """
    parts = urlsplit(url)
    if parts.scheme or parts.netloc or not parts.path:
        return None
    path = unquote(parts.path)
    if path.startswith("/"):
        if not path.startswith(root):
            return None
        target = normal(outdir / path[len(root) :])
    else:
        target = normal(page.parent / path)
    return target if target.is_relative_to(normal(outdir)) else None
