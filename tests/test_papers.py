"""The papers directive: a CSV of accepted papers as one list, every bad row a located warning."""

import pytest
from conftest import ANSI
from papers.csvfile import read_papers
from program_testing import soup, warnings


@pytest.mark.sphinx("html", testroot="papers-good", freshenv=True)
def test_each_paper_has_its_anchor_authors_badges_and_links(app):
    app.build()
    assert warnings(app) == []
    items = soup(app).select(".papers .papers-list > li.papers-item")
    found = [
        (
            item.get("id"),
            item.select_one(".papers-title").get_text(),
            item.select_one(".papers-authors").get_text(),
            [badge.get_text() for badge in item.select(".papers-badge")],
            [(a.get_text(), a["href"]) for a in item.select("a")],
        )
        for item in items
    ]
    assert found == [
        (
            "paper-12",
            "Galaxy morphology with equivariant networks",
            "Ada Lovelace, Émilie du Châtelet",
            ["oral", "Galaxies"],
            [
                ("PDF", "https://example.org/12.pdf"),
                ("OpenReview", "https://openreview.net/forum?id=aBcD12xYz"),
                ("arXiv", "https://arxiv.org/abs/2206.01234"),
            ],
        ),
        (
            "paper-ab-7",
            # A title over two lines of the CSV is one line on the page.
            "Simulation-based inference for strong lensing",
            "Carl Gauss",
            ["spotlight", "Cosmology"],
            [
                ("Poster", "https://example.org/ab-7-poster.pdf"),
                ("Video", "https://example.org/v/ab-7"),
            ],
        ),
        ("paper-30", "Anomaly detection in light curves", "Henrietta Leavitt",
         ["poster", "Time domain"], []),
        # Without an id the title makes the anchor.
        ("paper-a-paper-without-an-id", "A paper without an id", "Annie Jump Cannon", [], []),
    ]  # fmt: skip


@pytest.mark.sphinx("html", testroot="papers-good", freshenv=True)
def test_the_filter_box_has_a_label_and_a_live_count(app):
    app.build()
    box = soup(app).select_one(".papers .papers-filter")
    field = box.select_one("input[type=search]")
    assert box.select_one(f"label[for={field['id']}]").get_text() == (
        "Filter by title, author or topic"
    )
    count = box.select_one(".papers-count")
    assert count["aria-live"] == "polite"
    assert count.get_text() == "4 papers"


@pytest.mark.sphinx("html", testroot="papers-good", freshenv=True)
def test_script_and_style_load_only_on_the_page_with_papers(app):
    app.build()

    def assets(page):
        page_soup = soup(app, page)
        return [s["src"].split("?")[0] for s in page_soup.select("script[src*=papers]")] + [
            s["href"].split("?")[0] for s in page_soup.select("link[href*=papers]")
        ]

    assert assets("index") == ["_static/papers.js", "_static/papers.css"]
    assert soup(app).select_one("script[src*=papers]")["defer"] is not None
    assert assets("other") == []
    assert (app.outdir / "_static" / "papers.js").is_file()


@pytest.mark.sphinx("html", testroot="papers-bad", freshenv=True)
def test_every_problem_is_a_warning_located_in_the_csv_or_at_the_directive(app):
    app.build()
    csv, page = "<src>/accepted.csv", "<src>/index.md"
    link = "write an https:// link, such as 'https://example.org/page'"
    outside = "is outside the project; put it next to the page [papers.file]"
    up = "../../../../../../../.."
    assert warnings(app) == [
        f"{page}:4: WARNING: unknown option ':clas:'; this directive takes none [papers.option]",
        f"{csv}:3: WARNING: this paper has an empty title; every paper needs one [papers.title]",
        f"{csv}:4: WARNING: duplicate id '1' (first on line 2); each paper needs its own id "
        "[papers.duplicate]",
        f"{csv}:5: WARNING: pdf 'htp:/nowhere' is not an https:// link (htp: links are not "
        f"published); {link} [papers.link]",
        f"{csv}:5: WARNING: openreview 'javascript:alert(1)' is not an https:// link (javascript: "
        f"links are not published); {link}, or an OpenReview forum id [papers.link]",
        f"{csv}:5: WARNING: arxiv 'arxiv 2206' is not a link (it has spaces or control "
        f"characters); {link}, or an arXiv id such as 2206.01234 [papers.link]",
        f"{csv}:6: WARNING: unknown kind 'keynote'; valid kinds are: oral, spotlight, poster "
        "[papers.kind]",
        f"{csv}:7: WARNING: id '4 5' cannot be an anchor; use letters, digits, '-' and '_' "
        "(at most 100) [papers.id]",
        f"{csv}:8: WARNING: this row has 9 cells but the header has 8; put cells holding commas "
        "in double quotes [papers.row]",
        f"{csv}:9: WARNING: pdf 'https:///x' has no valid host after 'https://'; {link} "
        "[papers.link]",
        f"{page}:7: WARNING: papers file 'missing.csv' does not exist; check the name and its "
        "folder [papers.file]",
        "<src>/no-title.csv:1: WARNING: missing required column 'title'; the header must have the "
        "columns title and authors (found: 'name', 'authors') [papers.column]",
        "<src>/latin1.csv:2: WARNING: the file is not UTF-8 (byte 0xE9 on this line is not UTF-8 "
        "text); save it as UTF-8 (in Excel: Save As > CSV UTF-8; in LibreOffice: Save As > Text "
        "CSV, character set Unicode (UTF-8)) [papers.encoding]",
        f"{page}:16: WARNING: papers file '{up}/etc/passwd' {outside}",
        f"{page}:19: WARNING: papers file '{up}/proc/self/environ' {outside}",
        f"{page}:22: WARNING: papers file '{up}/dev/zero' {outside}",
        f"{csv}:2: WARNING: this paper's anchor 'paper-1' is also the id of the heading 'Paper 1' "
        "on the page; the paper keeps no anchor: give it another id, or rename the heading "
        "[papers.anchor]",
    ]
    assert "root:" not in app.status.getvalue() + app.warning.getvalue()  # nothing of /etc/passwd


@pytest.mark.sphinx("html", testroot="papers-bad", freshenv=True)
def test_the_good_rows_still_render_next_to_the_bad_ones(app):
    app.build()
    page = soup(app)
    items = page.select(".papers-item")
    assert [(item.get("id"), item.select_one(".papers-title").get_text()) for item in items] == [
        (None, "A good paper"),  # its anchor is the heading's
        (None, "A second paper"),  # its id repeats: one anchor per page
        ("paper-3", "Bad links"),
        ("paper-4", "Wrong kind"),
        ("paper-4-5", "Bad id"),
        ("paper-7", "No host"),
    ]
    # The bad links are left out, never written as broken hrefs.
    assert items[2].select("a") == [] and items[5].select("a") == []
    ids = [element["id"] for element in page.select("[id]")]
    assert sorted(set(ids)) == sorted(ids)
    assert page.select_one("#paper-1").name == "section"


@pytest.mark.sphinx("html", testroot="papers-exports", freshenv=True)
def test_exports_with_a_bom_crlf_other_separators_and_extra_columns_are_read(app):
    app.build()
    assert warnings(app) == []
    found = [
        (
            item["id"],
            item.select_one(".papers-title").get_text(),
            item.select_one(".papers-authors").get_text(),
            [a["href"] for a in item.select("a")],
        )
        for item in soup(app).select(".papers-item")
    ]
    assert found == [
        ("paper-galaxy-morphology-with-equivariant-networks",
         "Galaxy morphology with equivariant networks", "Ada Lovelace, Émilie du Châtelet",
         ["https://example.org/12.pdf", "https://openreview.net/forum?id=aBcD12xYz"]),
        ("paper-anomalies-in-light-curves", "Anomalies in light curves", "Henrietta Leavitt", []),
        ("paper-s1", "Deep lensing: a review", "Vera Rubin; Carl Gauss", []),
        ("paper-t1", "Photometric redshifts, quickly", "Annie Jump Cannon", []),
    ]  # fmt: skip
    # The columns the site does not use are named once, as information.
    status = ANSI.sub("", app.status.getvalue())
    assert [line for line in status.splitlines() if "ignored" in line] == [
        "openreview.csv: columns not used by the site, ignored: 'Number', 'Abstract', 'Keywords', "
        "'TL;DR', 'Decision'"
    ]


def test_a_huge_cell_a_control_character_and_a_runaway_quote_are_located_problems():
    word = "x" * 100_000
    text = (
        f"title,authors\nA fine paper,Ada\n{word},Grace\nBell\x07 and NUL\x00,Vera\n"
        'Last,"never closed\n' + "y" * 200_000
    )
    reading = read_papers(text.encode("utf-8"))
    assert [(p.title, p.line) for p in reading.papers] == [
        ("A fine paper", 2),
        ("Bell and NUL", 4),
    ]
    assert [(p.line, p.subtype, p.message) for p in reading.problems] == [
        (3, "cell", "title has 100,000 characters, more than the 5,000 a paper may show; "
                    "shorten it"),
        (3, "title", "this paper has an empty title; every paper needs one"),
        (4, "text", "title has a control character (U+0007); remove it (retype the text if "
                    "unsure)"),
        (6, "csv", "a cell is longer than 131,072 characters (a quote that is never closed?); "
                   "check this row, the rows after it are not read"),
    ]  # fmt: skip


@pytest.mark.parametrize("separator", [",", ";", "\t"])
@pytest.mark.parametrize("start", ["", "\ufeff"])
def test_header_names_in_any_case_with_spaces_and_any_separator(separator, start):
    header = separator.join([" Title", "AUTHORS ", "Id", "Abstract"])
    row = separator.join(["Lensing", "Ada", "7", "Long text"])
    reading = read_papers(f"{start}{header}\r\n{row}\r\n".encode())
    assert [(p.title, p.authors, p.anchor) for p in reading.papers] == [
        ("Lensing", "Ada", "paper-7")
    ]
    assert (reading.problems, reading.ignored) == ([], ["Abstract"])


@pytest.mark.sphinx("html", testroot="papers-good", srcdir="papers-incremental", freshenv=True)
def test_editing_the_csv_rebuilds_the_page(app):
    app.build()
    assert len(soup(app).select(".papers-item")) == 4
    csv = app.srcdir / "accepted.csv"
    csv.write_text(csv.read_text("utf-8") + "A late addition,Vera Rubin,99,,poster,,,\n", "utf-8")
    app.build()  # incremental: no -E
    items = soup(app).select(".papers-item")
    assert [item.get("id") for item in items][-1] == "paper-99"
    assert soup(app).select_one(".papers-count").get_text() == "5 papers"


@pytest.mark.sphinx("html", testroot="papers-good", srcdir="papers-parallel", parallel=2)
def test_a_parallel_build_gives_the_same_page(app, make_app, tmp_path):
    app.build()
    parallel_html = (app.outdir / "index.html").read_text("utf-8")
    serial = make_app("html", srcdir=app.srcdir, builddir=tmp_path, parallel=0)
    serial.build()
    assert (serial.outdir / "index.html").read_text("utf-8") == parallel_html
    assert warnings(app) == []


@pytest.mark.sphinx("html", testroot="papers-good", srcdir="papers-quotes", freshenv=True)
def test_quotes_and_apostrophes_are_shown_as_the_csv_writes_them(app):
    # Exports hold straight quotes; curly ones would differ from the CSV and from what a
    # visitor types into the filter.
    title, authors = "A \"fast\" look at O'Brien's -- survey...", "Seán O'Neill, Zoë d'Arc"
    csv = app.srcdir / "accepted.csv"
    quoted = '"' + title.replace('"', '""') + '"'
    csv.write_text(csv.read_text("utf-8") + f'{quoted},"{authors}",q1,,,,,,,\n', "utf-8")
    app.build()
    item = soup(app).select_one("#paper-q1")
    assert item.select_one(".papers-title").get_text() == title
    assert item.select_one(".papers-authors").get_text() == authors


def test_a_line_break_inside_a_quoted_header_cell_is_read_not_a_crash():
    # A lone CR (or any line break) inside a quoted header cell: the separator is still
    # found from the header record, and the extra column is named once as ignored.
    for separator in (",", ";", "\t"):
        header = separator.join(["title", "authors", '"a\rb"', '"c\nd"'])
        reading = read_papers(f"{header}\nLensing{separator}Ada{separator}x{separator}y\n".encode())
        assert [(p.title, p.authors) for p in reading.papers] == [("Lensing", "Ada")]
        assert (reading.problems, reading.ignored) == ([], ["a b", "c d"])
