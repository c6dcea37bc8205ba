"""A site written by attackers (tests/roots/test-hostile): one case per field and channel.

Every payload calls ``pwn('<case>')`` or ``alert()``. The build must refuse each one with a
warning at its file and line, or publish it as plain text; the built pages must carry no
event handler, no script link and no script of the payloads; and in Chromium no payload
may run, on load or when a visitor clicks the links.
"""

import json
import re
import shutil

import pytest
import webcheck
from bs4 import BeautifulSoup
from conftest import warnings_of
from sphinx.testing.util import SphinxTestApp

ROOT = "test-hostile"
HOSTILE_NAME = "x';alert(1);'"

#: Refusals: (file, text on the line the warning must name).
REFUSED = [
    ("index.md", "<div><img src=x"),  # a raw HTML block
    ("index.md", "Inline <img"),  # inline HTML
    ("index.md", "<svg><script>"),
    ("index.md", "{raw} html"),
    ("soc.md", ":url: javascript:"),
    ("soc.md", ":url: data:"),
    ("soc.md", ":url: vbscript:"),
    ("soc.md", ":url: //evil"),
    ("soc.md", ":url: http:"),
    ("dates.md", 'url: "javascript:'),
    ("dates.md", "\\a and escape"),  # control characters
    ("dates.md", "NUL \\0"),
    ("program.md", 'url: "javascript:'),
    ("hostile.csv", "javascript:"),
    # Paper 1's anchor is also the id of the heading "## Paper 1": the paper's row is told.
    ("hostile.csv", ",1,https://example.org/1.pdf"),
]

#: Text fields whose payload is published as text: (page, text a visitor must read).
AS_TEXT = [
    ("soc", "Marc <img src=x"),
    ("soc", "<script>pwn('person-role')</script>"),
    ("soc", "IAC <!--<script>"),
    ("dates", "</script><script>pwn('date-note')</script>"),
    ("program", "<script>pwn('slot-speaker')</script>"),
    ("program", "<script>pwn('paper-authors')</script>"),
]

#: Schemes that run script or hide a page, and protocol-relative links.
SCRIPT_URL = re.compile(r"^\s*(?:javascript|vbscript|data(?!:image/)|file):|^\s*//", re.I)
URL_ATTRIBUTES = ("href", "src", "action", "formaction", "xlink:href", "poster", "data")
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


@pytest.fixture(scope="module")
def hostile(rootdir, tmp_path_factory):
    """The hostile site (and a page with a hostile file name), built once for the module."""
    srcdir = tmp_path_factory.mktemp("hostile") / "src"
    shutil.copytree(rootdir / ROOT, srcdir)
    (srcdir / f"{HOSTILE_NAME}.md").write_text("# Named to inject\n", encoding="utf-8")
    app = SphinxTestApp("html", srcdir=srcdir, freshenv=True)
    try:
        app.build()
        yield app
    finally:
        app.cleanup()


def pages(app) -> dict[str, BeautifulSoup]:
    return {
        path.relative_to(app.outdir).as_posix(): BeautifulSoup(
            path.read_text(encoding="utf-8"), "html.parser"
        )
        for path in map(app.outdir.joinpath, webcheck.site_pages(app.outdir))
    }


def line_of(app, name: str, text: str) -> int:
    lines = (app.srcdir / name).read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, 1) if text in line)


def test_each_refusal_is_a_warning_at_its_file_and_line(hostile):
    found = [line.split(": WARNING")[0] for line in warnings_of(hostile) if ": WARNING" in line]
    missing = [
        f"{name}:{line_of(hostile, name, text)} ({text})"
        for name, text in REFUSED
        if f"<src>/{name}:{line_of(hostile, name, text)}" not in found
    ]
    assert missing == []


def test_edition_facts_with_markup_are_refused_where_a_page_shows_them(hostile):
    use = line_of(hostile, "index.md", "{{ name }}")
    # MyST numbers the lines of a substitution's text from the line after its use.
    at = {f"<src>/index.md:{use}", f"<src>/index.md:{use + 1}"}
    assert any(line.split(": WARNING")[0] in at for line in warnings_of(hostile))


def test_a_hostile_page_name_is_refused_and_never_written(hostile):
    assert any(
        line.startswith(f"<src>/{HOSTILE_NAME}.md: WARNING") for line in warnings_of(hostile)
    )
    assert [path for path in hostile.outdir.rglob("*") if "alert" in path.name] == []
    for name, page in pages(hostile).items():
        assert "alert(1)" not in str(page), name


def test_no_page_has_an_event_handler_or_a_script_link(hostile):
    problems = []
    for name, page in pages(hostile).items():
        for element in page.find_all(True):
            for attribute, value in element.attrs.items():
                if attribute.lower().startswith("on"):
                    problems.append(f"{name}: <{element.name} {attribute}=...>")
                elif attribute in URL_ATTRIBUTES and SCRIPT_URL.match(str(value)):
                    problems.append(f"{name}: <{element.name} {attribute}={value!r}>")
    assert problems == []


def test_no_payload_becomes_an_element(hostile):
    for name, page in pages(hostile).items():
        for script in page.find_all("script"):
            body = script.string or ""
            if script.get("type") == "application/ld+json":
                json.loads(body)  # whole: nothing ended or commented it out
            else:
                assert "pwn" not in body, name
        assert page.find("img", src="x") is None, name
        assert page.find("svg", string=re.compile("pwn")) is None, name
        # The head is whole: the JSON-LD did not swallow the title or the policy.
        assert page.head.find("title") is not None, name
        assert page.head.find("meta", attrs={"http-equiv": "Content-Security-Policy"}), name


#: Typography that docutils' smart quotes put in text, read back as typed.
TYPED = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2013": "--"})


def test_text_fields_are_published_as_text(hostile):
    built = pages(hostile)
    for page, text in AS_TEXT:
        visible = " ".join(built[f"{page}.html"].get_text(" ").split()).translate(TYPED)
        assert text in visible, (page, text)


def test_no_control_character_reaches_any_output(hostile):
    for path in hostile.outdir.rglob("*"):
        if path.suffix in {".html", ".ics", ".json", ".xml", ".txt", ".js"}:
            text = path.read_text(encoding="utf-8", errors="replace")
            assert not CONTROL.search(text), path.name


# -- In the browser ------------------------------------------------------------------

#: Records payload calls and policy violations from before any script of the page runs,
#: and keeps a click on an ordinary link on the page (a javascript: link still runs).
TRAP = """
window.__pwned = [];
for (const name of ["pwn", "alert", "confirm", "prompt"]) {
  window[name] = (...args) => { window.__pwned.push(`${name}(${args.join(", ")})`); };
}
document.addEventListener("securitypolicyviolation", (event) => {
  window.__pwned.push(`blocked by the policy: ${event.violatedDirective} ${event.sample}`);
});
document.addEventListener("click", (event) => {
  const link = event.target.closest && event.target.closest("a[href]");
  if (link && /^(https?|mailto|ftp):$/.test(link.protocol)) event.preventDefault();
}, true);
"""

#: Everything a visitor can click in the content of a page.
CLICKABLE = "article a, main a, [role=main] a, .people-card, button, summary"


@pytest.mark.browser
def test_no_payload_runs_in_chromium_on_load_or_click(hostile, browser):
    problems = {}
    with webcheck.serve(hostile.outdir) as url:
        context = browser.new_context()
        context.add_init_script(TRAP)
        page = context.new_page()
        page.on("dialog", lambda dialog: dialog.dismiss())
        try:
            for path in webcheck.site_pages(hostile.outdir):
                page.goto(f"{url}/{path}", wait_until="load")
                count = page.locator(CLICKABLE).count()
                for index in range(count):
                    if page.url != f"{url}/{path}":
                        page.goto(f"{url}/{path}", wait_until="load")
                    page.locator(CLICKABLE).nth(index).evaluate("element => element.click()")
                page.wait_for_timeout(webcheck.SETTLE_MS)
                if found := page.evaluate("window.__pwned"):
                    problems[path] = found
        finally:
            context.close()
    assert problems == {}
