"""The guard extension on a small project (tests/roots/test-guard): what pages may not
publish (raw HTML, script links, unsafe page names, duplicate ids), and the
Content-Security-Policy of every written page."""

import base64
import hashlib
import shutil
from pathlib import Path
from urllib.parse import unquote

import pytest
from bs4 import BeautifulSoup
from conftest import warnings_of

RAW = "is not published: pages may not contain HTML; write Markdown instead (**bold**, [text](https://example.org), ![alt](image.png)) or use one of the site's directives [guard.raw-html]"  # noqa: E501

JAVASCRIPT = {"", "module", "text/javascript", "application/javascript"}


def soup(app, page: str) -> BeautifulSoup:
    return BeautifulSoup((app.outdir / f"{page}.html").read_text(encoding="utf-8"), "html.parser")


def line_of(app, name: str, text: str) -> int:
    """The 1-based line of ``text`` in a source file of the root."""
    lines = (app.srcdir / name).read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, 1) if text in line)


def policy_of(page: BeautifulSoup) -> dict[str, list[str]]:
    meta = page.find("meta", attrs={"http-equiv": "Content-Security-Policy"})
    directives = [part.split() for part in meta["content"].split(";")]
    return {words[0]: words[1:] for words in directives}


def expected_raw_warnings(app) -> list[str]:
    where = [
        ("index.md", "<div class", "<div>"),
        ("index.md", "<img src=x", "<img>"),
        ("index.md", "{raw} html", "<script>"),
        ("rst.rst", ".. raw:: html", "<svg>"),
        ("rst.rst", ":html:`", "<i>"),
    ]
    return [
        f"<src>/{name}:{line_of(app, name, text)}: WARNING: raw HTML ({tag}) {RAW}"
        for name, text, tag in where
    ]


@pytest.fixture
def built(app):
    app.build()
    return app


@pytest.mark.sphinx("html", testroot="guard", freshenv=True)
def test_raw_html_in_every_form_is_a_located_warning(built):
    raw = [line for line in warnings_of(built) if "guard.raw-html" in line]
    # HTML in a substitution's value (an edition fact) is refused where the page uses it.
    # MyST numbers the lines of a substitution's text from the line after its use.
    use = line_of(built, "index.md", "{{ bad }}")
    substituted = [line for line in raw if "(<b>)" in line or "(</b>)" in line]
    assert [line.split(": WARNING")[0] for line in substituted] in (
        [f"<src>/index.md:{use}"] * 2,
        [f"<src>/index.md:{use + 1}"] * 2,
    )
    assert [line for line in raw if line not in substituted] == expected_raw_warnings(built)


@pytest.mark.sphinx("html", testroot="guard", freshenv=True)
def test_raw_html_is_not_published_and_markdown_around_it_is(built):
    for page in ("index", "rst"):
        body = soup(built, page).find("div", attrs={"role": "main"})
        assert body.find_all(["img", "script", "svg", "b", "i"]) == []
        assert body.find(class_="box") is None
        assert "pwn" not in str(body)
        assert "next editor" not in (built.outdir / f"{page}.html").read_text()
    index = soup(built, "index").find("div", attrs={"role": "main"})
    # Markdown's own markup stays: a hard line break and the links.
    assert index.find("br") is not None
    assert "Inline HTML." in " ".join(index.get_text(" ").split())


@pytest.mark.sphinx("html", testroot="guard", freshenv=True)
def test_a_script_link_is_warned_and_published_as_its_text(built):
    links = [line for line in warnings_of(built) if "guard.link" in line]
    line = line_of(built, "rst.rst", "<javascript:")
    assert links == [
        f"<src>/rst.rst:{line}: WARNING: the link 'link' is not published: 'javascript:pwn()' "
        "is not an https:// link (javascript: links are not published); write an https:// link "
        "or a mailto: address, such as 'https://example.org/page'; or link to a page of the site "
        "[guard.link]"
    ]
    page = soup(built, "rst")
    assert [a["href"] for a in page.select("div[role=main] a.reference")] == ["https://example.org"]
    assert "javascript:" not in str(page)
    assert "and a link and" in " ".join(page.find("div", attrs={"role": "main"}).get_text().split())


@pytest.mark.sphinx("html", testroot="guard", freshenv=True)
def test_two_elements_with_one_id_are_a_warning_at_the_heading(built):
    duplicates = [line for line in warnings_of(built) if "guard.duplicate-id" in line]
    assert len(duplicates) == 1
    heading = line_of(built, "index.md", "## Paper 1")
    assert duplicates[0].startswith(
        f"<src>/index.md:{heading}: WARNING: id 'paper-1' is used by 2 elements of index.html: "
        "<section> 'Paper 1' (line "
    )
    assert duplicates[0].endswith(
        "a link to #paper-1 reaches only the first. Rename the heading (or give the entry "
        "another id) so that each id is used once [guard.duplicate-id]"
    )
    assert "<div> 'The first paper.'" in duplicates[0]


@pytest.mark.sphinx("html", testroot="guard", freshenv=True)
def test_every_page_has_a_policy_right_after_its_charset(built):
    for page in ("index", "rst", "search"):
        head = soup(built, page).head
        first, second = head.find_all(recursive=False)[:2]
        assert first.name == "meta" and first.has_attr("charset")
        assert second.name == "meta" and second["http-equiv"] == "Content-Security-Policy"


@pytest.mark.sphinx("html", testroot="guard", freshenv=True)
def test_the_policy_allows_exactly_the_pages_own_inline_scripts(built):
    for page in ("index", "rst"):
        html = soup(built, page)
        inline = [
            script.string or ""
            for script in html.find_all("script")
            if not script.has_attr("src") and script.get("type", "").lower() in JAVASCRIPT
        ]
        assert inline, f"{page} has no inline script: the check would prove nothing"
        hashes = {
            "'sha256-" + base64.b64encode(hashlib.sha256(body.encode()).digest()).decode() + "'"
            for body in inline
        }
        policy = policy_of(html)
        assert policy["script-src"] == ["'self'", *sorted(hashes)]
        assert policy["object-src"] == ["'none'"]
        assert policy["base-uri"] == ["'self'"]
        assert policy["default-src"] == ["'self'"]
        assert all("'unsafe-inline'" not in policy[name] for name in ("script-src", "default-src"))


@pytest.mark.sphinx("html", testroot="guard", freshenv=True)
def test_a_rebuild_keeps_one_policy_and_the_same_bytes(built, make_app):
    before = {path.name: path.read_bytes() for path in built.outdir.glob("*.html")}
    again = make_app("html", srcdir=built.srcdir)
    again.build()
    after = {path.name: path.read_bytes() for path in again.outdir.glob("*.html")}
    assert after == before
    assert all(page.count(b"Content-Security-Policy") == 1 for page in after.values())


@pytest.mark.sphinx("html", testroot="guard", freshenv=True)
def test_an_unsafe_page_name_is_warned_and_not_built(rootdir, make_app, tmp_path):
    srcdir = tmp_path / "guard"
    shutil.copytree(rootdir / "test-guard", srcdir)
    hostile = "x';alert(1);'"
    (srcdir / f"{hostile}.md").write_text("# Hostile\n\nA page.\n", encoding="utf-8")
    app = make_app("html", srcdir=srcdir, freshenv=True)
    app.build()
    names = [line for line in warnings_of(app) if "guard.page-name" in line]
    assert names == [
        f'<src>/{hostile}.md: WARNING: page file name "{hostile}.md" is not built: page names '
        "may only use letters, digits, '-' and '_'; rename the file, e.g. to "
        "'x-alert-1.md' [guard.page-name]"
    ]
    written = [path.name for path in app.outdir.rglob("*") if "alert" in path.name]
    assert written == []
    for page in app.outdir.glob("*.html"):
        assert "alert(1)" not in page.read_text(encoding="utf-8")


def test_a_parallel_build_gives_the_same_warnings_and_pages(make_app, rootdir, tmp_path):
    results = {}
    for jobs in (1, 2):
        srcdir = tmp_path / f"j{jobs}"
        shutil.copytree(rootdir / "test-guard", srcdir)
        app = make_app("html", srcdir=srcdir, parallel=jobs, freshenv=True)
        assert app.is_parallel_allowed("read") and app.is_parallel_allowed("write")
        app.build()
        pages = {page: (app.outdir / f"{page}.html").read_bytes() for page in ("index", "rst")}
        results[jobs] = pages, sorted(warnings_of(app))
        app.cleanup()
    assert results[1] == results[2]


@pytest.mark.sphinx("html", testroot="guard-files", freshenv=True)
def test_directives_that_read_a_named_file_are_refused_at_their_line(app):
    app.build()
    secret = Path("/etc/passwd").read_text(encoding="utf-8").splitlines()[0]
    for page in ("index", "other"):
        assert secret not in (app.outdir / f"{page}.html").read_text(encoding="utf-8")
    warnings = warnings_of(app)
    assert not any(secret in line for line in warnings)
    located = {line.split(": WARNING:")[0] for line in warnings}
    expected = [
        ("index.md", "{literalinclude}"),
        ("index.md", "{include}"),
        ("index.md", "{csv-table}"),
        ("other.rst", ".. include::"),
        ("other.rst", ".. literalinclude::"),
    ]
    for name, text in expected:
        assert f"<src>/{name}:{line_of(app, name, text)}" in located


@pytest.mark.sphinx("html", testroot="guard-copies", freshenv=True)
def test_images_and_downloads_from_outside_the_project_are_refused_at_their_line(app):
    # A symbolic link inside the project to a file outside it, and a device file.
    (app.srcdir / "linked.png").symlink_to("/etc/hostname")
    (app.srcdir / "devices").mkdir()
    (app.srcdir / "devices" / "null").symlink_to("/dev/null")
    app.build()
    outside = "is outside the project; put it next to the page [guard.file]"
    up = "../" * 9
    expected = [
        ("![a file of the build machine]", "image", f"'{up}etc/hostname' {outside}"),
        ("{figure}", "image", f"'/{up}etc/hostname' {outside}"),
        ("{download}`the same", "download", f"'{up}etc/hostname' {outside}"),
        ("![through a link", "image", f"'linked.png' {outside}"),
        ("{download}`a device", "download", f"'devices/null' {outside}"),
        ("![a pattern", "image", f"'{up}etc/host*' {outside}"),
    ]
    assert sorted(warnings_of(app)) == sorted(
        f"<src>/index.md:{line_of(app, 'index.md', text)}: WARNING: {what} not published: "
        f"file {rest}"
        for text, what, rest in expected
    )
    published = {path.name for path in app.outdir.rglob("*") if path.is_file()}
    assert "hostname" not in published and "linked.png" not in published
    assert "null" not in published
    page = soup(app, "index")
    assert [img["src"] for img in page.select("img")] == ["_images/ok.svg"]
    assert [a.get_text() for a in page.select("a.download")] == ["a download of the project"]
    assert page.select_one("figcaption .caption-text").get_text() == "A figure of it"


@pytest.mark.sphinx("html", testroot="guard-meta", freshenv=True)
def test_meta_tags_that_instruct_the_browser_are_refused(app):
    app.build()
    advice = (
        "is not published: a page's meta tags may describe it (description, keywords) but "
        "not instruct the browser; remove it [guard.meta]"
    )
    assert sorted(warnings_of(app)) == [
        f"<src>/index.md:1: WARNING: the meta tag 'http-equiv={name}' {advice}"
        for name in ("Content-Security-Policy", "refresh")
    ]
    page = soup(app, "index")
    assert page.find("meta", attrs={"http-equiv": "refresh"}) is None
    policies = page.find_all("meta", attrs={"http-equiv": "Content-Security-Policy"})
    assert len(policies) == 1 and "script-src *" not in policies[0]["content"]
    description = page.find("meta", attrs={"name": "description"})["content"]
    assert description == "A page that tries to redirect its visitors."


@pytest.mark.sphinx("html", testroot="guard-prose", freshenv=True)
def test_prose_links_images_and_formulas_get_the_answer_every_field_gets(app):
    """A link in prose passes the same link check as a date's or a person's; an image comes
    from the site itself; a formula needs no script from another site."""
    app.build()
    found = {line.split(": WARNING: ")[0]: line for line in warnings_of(app)}
    refused = ["http://", "(//", "https:///", "ftp://", ":99999", "![remote]", "{math}", "$$"]
    for text in refused:
        assert f"<src>/index.md:{line_of(app, 'index.md', text)}" in found, text
    assert len(found) == len(refused), found
    page = soup(app, "index")
    main = page.find("div", attrs={"class": "body"}) or page.find("body")
    # Sphinx cloaks e-mail addresses (%40 for @).
    assert sorted(unquote(a["href"]) for a in main.select("a.reference.external")) == [
        "https://example.org/fine",
        "https://example.org/other",
        "mailto:team@example.org",
    ]
    assert not main.select('img[src^="http"]')
    assert not [s for s in page.find_all("script") if "mathjax" in s.get("src", "").lower()]
