"""Helpers shared by the schedule and papers tests: warnings, parsed pages, a local server."""

import contextlib
import functools
import re
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from bs4 import BeautifulSoup

ANSI = re.compile(r"\x1b\[[0-9;]*m")


def warnings(app) -> list[str]:
    """Warning lines of a test-root build, with the source directory written '<src>'."""
    text = ANSI.sub("", app.warning.getvalue()).replace(str(app.srcdir), "<src>")
    return [line for line in text.splitlines() if "WARNING" in line or "ERROR" in line]


def soup(app, page: str = "index") -> BeautifulSoup:
    return BeautifulSoup((Path(app.outdir) / f"{page}.html").read_text("utf-8"), "html.parser")


@contextlib.contextmanager
def serve(directory: Path):
    """Serve a built site on 127.0.0.1 at a free port; yields the base URL."""

    class QuietHandler(SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(directory))
    )
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
