"""A file a directive may read: inside the project, a regular file, of bounded size.

Pages are written by contributors who may not be trusted, and Read the Docs build logs are
public: a path such as ``../../proc/self/environ`` or ``/dev/zero`` must never be read,
copied or quoted. Every refusal is a message that names the path as written and nothing of
the file's content.
"""

import os
import stat
from pathlib import Path

from sphinx.environment import BuildEnvironment

#: Far above any photo or paper list, far below what could exhaust memory.
MAX_BYTES = 10 * 1024 * 1024


def project_file(
    env: BuildEnvironment, written: str, max_bytes: int = MAX_BYTES
) -> tuple[Path | None, str | None]:
    """``(path, None)`` for a path written on the current page, or ``(None, the fix)``.

    Relative paths are relative to the page, ``/...`` to the project folder, as in
    Sphinx's own image and include directives (``env.relfn2path``).
    """
    if not written.strip() or "\x00" in written:
        return None, "the file name is empty; write a path relative to this page"
    _, absolute = env.relfn2path(written.strip(), env.docname)
    root = Path(env.srcdir).resolve()
    path = Path(absolute)
    try:
        real = path.resolve(strict=True)
        info = real.stat()
    except FileNotFoundError:
        return None, f"file {written!r} does not exist; check the name and its folder"
    except (OSError, RuntimeError):
        return None, f"file {written!r} cannot be read; check the name"
    if not real.is_relative_to(root):
        return None, f"file {written!r} is outside the project; put it next to the page"
    if not stat.S_ISREG(info.st_mode):
        return None, f"{written!r} is not a regular file; give the path of a file"
    if info.st_size > max_bytes:
        return None, (
            f"file {written!r} is larger than {max_bytes // (1024 * 1024)} MB; use a smaller file"
        )
    if not os.access(real, os.R_OK):
        return None, f"file {written!r} cannot be read; check its permissions"
    return real, None


def refused_source(env: BuildEnvironment, written: str) -> str | None:
    """Why a file a page names for Sphinx to copy (an image, a download) must not be
    copied, or None when Sphinx may handle it (a link, a missing file: Sphinx says so).

    Sphinx copies images and downloads into the site from wherever the path points, so
    ``![x](../../etc/hostname)`` would publish a file of the build machine. A path outside
    the project (a ``*`` pattern too, judged by where it points), a device, a folder or an
    over-large file is refused with :func:`project_file`'s message.
    """
    text = written.strip()
    if "://" in text or text.startswith("data:"):
        return None
    if "\x00" in text:
        return "the file name has a NUL character; write a path relative to this page"
    _, absolute = env.relfn2path(text, env.docname)
    try:
        where = Path(absolute).resolve()
        exists = where.exists() or where.is_symlink()
    except (OSError, RuntimeError):
        return f"file {written!r} cannot be read; check the name"
    if not where.is_relative_to(Path(env.srcdir).resolve()):
        return f"file {written!r} is outside the project; put it next to the page"
    if not exists:
        return None
    return project_file(env, text)[1]
