"""The papers directive: a CSV of accepted papers as one list, every bad row a located warning."""

import pytest
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
def test_every_bad_row_is_a_warning_located_in_the_csv_itself(app):
    app.build()
    csv, other = "<src>/accepted.csv", "<src>/no-title.csv"
    columns = "title, authors, id, pdf, poster, video, openreview, arxiv, kind, topic"
    assert warnings(app) == [
        f"{csv}:1: WARNING: unknown column 'abstract'; valid columns are: {columns} "
        "[papers.column]",
        f"{csv}:3: WARNING: this paper has an empty title; every paper needs one [papers.title]",
        f"{csv}:4: WARNING: duplicate id '1' (first on line 2); each paper needs its own id "
        "[papers.duplicate]",
        f"{csv}:5: WARNING: pdf 'htp:/nowhere' is not a link; write an absolute https:// URL "
        "[papers.link]",
        f"{csv}:5: WARNING: openreview 'not an id!' is not a link; write an https:// URL or an "
        "OpenReview forum id [papers.link]",
        f"{csv}:5: WARNING: arxiv 'arxiv 2206' is not a link; write an https:// URL or an arXiv id "
        "such as 2206.01234 [papers.link]",
        f"{csv}:6: WARNING: unknown kind 'keynote'; valid kinds are: oral, spotlight, poster "
        "[papers.kind]",
        f"{csv}:7: WARNING: id '4 5' cannot be an anchor; use letters, digits, '-' and '_' "
        "[papers.id]",
        f"{csv}:8: WARNING: this row has 9 cells but the header has 8; put cells holding commas "
        "in double quotes [papers.row]",
        "<src>/index.md:6: WARNING: cannot read the papers file 'missing.csv' (No such file or "
        "directory); give a UTF-8 CSV file path relative to this page [papers.file]",
        f"{other}:1: WARNING: unknown column 'name'; valid columns are: {columns} [papers.column]",
        f"{other}:1: WARNING: missing required column 'title'; the header must have the columns "
        "title and authors [papers.column]",
    ]


@pytest.mark.sphinx("html", testroot="papers-bad", freshenv=True)
def test_the_good_rows_still_render_next_to_the_bad_ones(app):
    app.build()
    items = soup(app).select(".papers-item")
    assert [(item.get("id"), item.select_one(".papers-title").get_text()) for item in items] == [
        ("paper-1", "A good paper"),
        (None, "A second paper"),  # its id repeats: one anchor per page
        ("paper-3", "Bad links"),
        ("paper-4", "Wrong kind"),
        ("paper-4-5", "Bad id"),
    ]
    # The bad links are left out, never written as broken hrefs.
    assert items[2].select("a") == []


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("", (1, "column", "the file is empty; the first line must be a header row with the "
                           "columns title, authors")),
        ('title,authors\n"A "quoted" word,B\n', (2, "csv", "not valid CSV (',' expected after "
         "'\"'); put cells holding commas or quotes in double quotes")),
    ],
)  # fmt: skip
def test_an_empty_or_malformed_file_is_a_located_problem(text, problem):
    papers, problems = read_papers(text)
    assert papers == []
    assert [(p.line, p.subtype, p.message) for p in problems] == [problem]


def test_line_numbers_count_blank_lines_and_multiline_cells():
    text = 'title,authors\n\n"Two\nlines",A\n\n,B\n'
    papers, problems = read_papers(text)
    assert [(p.line, p.title) for p in papers] == [(3, "Two lines")]
    assert [(p.line, p.subtype) for p in problems] == [(6, "title")]


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
