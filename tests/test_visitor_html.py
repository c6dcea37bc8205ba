"""Every built page is valid HTML for the W3C Nu Html Checker (vnu): 0 errors."""

import json
import subprocess

import webcheck


def test_every_page_is_valid_html(site, java):
    pages = webcheck.site_pages(site.outdir)
    assert "index.html" in pages
    # One run for all pages: the checker takes seconds to start.
    done = subprocess.run(
        [java, "-jar", str(webcheck.VNU_JAR), "--format", "json", "--errors-only",
         *(str(site.outdir / page) for page in pages)],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    # The report goes to stderr; exit status 1 only means "errors found".
    assert done.returncode in (0, 1), done.stderr
    messages = json.loads(done.stderr)["messages"]
    errors = [
        f"{where(message.get('url', ''))}:{message.get('lastLine', '?')}: {message['message']}"
        for message in messages
        if message["type"] in ("error", "non-document-error")
    ]
    assert errors == []


def where(url: str) -> str:
    """The page a vnu message is about, from its file: URL, relative to the build."""
    return url.rsplit("/html/", 1)[-1]
