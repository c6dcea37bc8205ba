"""Every recipe of CONTRIBUTING.md, applied to a copy of the site with values other than its
examples, keeps the site whole: the build passes with warnings as errors, links resolve, the
content contracts hold (the same ``site_contracts`` as for the real site) and the pages that
changed pass the visitor checks (axe-core, valid HTML, requests, layout shift, weight).

The snippets are read from CONTRIBUTING.md itself, so the test follows the documentation: a
recipe whose snippet no longer builds fails here.
"""

import json
import re
import shutil
import subprocess
from datetime import timedelta

import pytest
import realistic_site
import site_contracts
import site_sources
import webcheck
import yaml
from conftest import REPO, build_site
from visitor_fixtures import FIRST_VISIT_MODES, require_file

CONTRIBUTING = (REPO / "CONTRIBUTING.md").read_text(encoding="utf-8")
#: What is not the site's sources: tooling, tests, builds, installed tools.
NOT_SOURCES = shutil.ignore_patterns(
    ".git", ".venv", "node_modules", "_build", "build", "tests", "benchmarks", "*.egg-info",
    ".cache", "__pycache__",
)  # fmt: skip


def section(title: str) -> str:
    """The text of a ``## title`` section of CONTRIBUTING.md, up to the next ``## `` heading
    outside a code block (an example may hold headings of its own)."""
    lines, found, fence = [], False, None
    for line in CONTRIBUTING.splitlines(keepends=True):
        if fence is None and line.startswith("## "):
            if found:
                break
            found = line.rstrip("\n") == f"## {title}"
            continue
        if found:
            lines.append(line)
        opening = re.match(r"^(`{3,}|~{3,})", line)
        if opening and fence is None and line.strip() != opening[1]:
            fence = opening[1]
        elif opening and fence is not None and line.strip() == fence:
            fence = None
    assert found, f"CONTRIBUTING.md has no section '## {title}'"
    return "".join(lines)


def fenced(text: str, language: str) -> list[str]:
    """The bodies of the ```language (or ````language) blocks of a section."""
    return [m[2] for m in re.finditer(rf"^(`{{3,}}){language}\n(.*?)^\1$", text, re.S | re.M)]


def insert_before_closing_fence(text: str, directive: str, addition: str) -> str:
    """``addition`` added at the end of the body of the first ``directive`` block."""
    match = site_sources.DIRECTIVE.search(text)
    for match in site_sources.DIRECTIVE.finditer(text):
        if match["name"] == directive:
            break
        inner = site_sources.DIRECTIVE.search(match["body"])
        if inner and inner["name"] == directive:  # one level of nesting: a person in a grid
            at = match.start("body") + inner.start("fence") + len(inner.group(0))
            return text[:at] + "\n" + addition.rstrip("\n") + text[at:]
    assert match and match["name"] == directive, f"no {directive} block"
    at = match.end("body")
    return text[:at] + addition + text[at:]


# -- The recipes, with other values --------------------------------------------------


def add_a_page(site) -> str:
    """A new page from the recipe's example, another title, listed in the home toctree."""
    example = fenced(section("Add a page"), "markdown")[0]
    page = example.replace("Travel information", "Visa letters and travel grants").replace(
        "# Travel", "# Visas and grants"
    )
    assert page != example
    page += "\nAsk for a letter before {date}`poster-upload`; see the [code](conduct.md).\n"
    # A second page, left out of the navigation: the recipe lets another page link to it.
    (site / "conduct.md").write_text(
        example.replace("Travel information", "The code of conduct").replace(
            "# Travel", "# Code of conduct"
        ),
        encoding="utf-8",
    )
    (site / "visas.md").write_text(page, encoding="utf-8")
    index = (site / "index.md").read_text(encoding="utf-8")
    (site / "index.md").write_text(
        insert_before_closing_fence(index, "toctree", "Visas <visas>\n"), encoding="utf-8"
    )
    return "visas"


def dates_block(site) -> list[dict]:
    text = (site / "dates.md").read_text(encoding="utf-8")
    return yaml.safe_load(site_sources.directives(text, "important-dates")[0][2])


def with_values(snippet: str, **values) -> str:
    """The snippet with other values for the given keys (``key: value`` lines, YAML or
    directive options), everything else as the recipe writes it."""
    for key, value in values.items():
        snippet, count = re.subn(
            rf"^((?:- |  |:)?{key}: ?).*$",
            lambda match, value=value: f"{match[1]}{value}",
            snippet,
            count=1,
            flags=re.M,
        )
        assert count == 1, f"the recipe's snippet has no {key!r}: {snippet}"
    return snippet


def add_a_date_and_extend_a_deadline(site) -> None:
    add, extend = fenced(section("Add a date or extend a deadline"), "yaml")
    dates = (site / "dates.md").read_text(encoding="utf-8")
    entries = dates_block(site)
    # The first deadline, extended by four days.
    first = entries[0]
    day = site_sources._day(first["date"])
    extended = with_values(
        extend, id=first["id"], date=day + timedelta(4), extended_from=day, label=first["label"]
    )
    lines = re.search(rf"^- id: {re.escape(first['id'])}\n(?:  .*\n)*", dates, re.M)[0]
    dates = dates.replace(lines, extended)
    # A new date two days before the last entry (chronological order).
    last = entries[-1]
    added = with_values(
        add,
        id="poster-upload",
        date=site_sources._day(last["date"]) - timedelta(2),
        label="Poster upload deadline",
        url="https://example.org/posters",
    )
    at = re.search(rf"^- id: {re.escape(last['id'])}\n", dates, re.M).start()
    (site / "dates.md").write_text(dates[:at] + added + dates[at:], encoding="utf-8")


def add_people(site) -> None:
    """One person without a photo, one with a photo (made here, with camera metadata)."""
    from PIL import Image

    recipe = section("Add a person to the committee")
    example = fenced(recipe, "markdown")[0]
    name = re.search(r"\{person\} (.+)", example)[1]
    without = with_values(
        example.replace(name, "Cecilia Payne-Gaposchkin"),
        affiliation="Harvard College Observatory",
        role="Member",
    )
    # "add one line to the block": the recipe's :photo: line, with our file.
    photo_line = re.search(r"`(:photo: [^`]+)`", recipe)[1]
    photo = "_static/people/henrietta-leavitt.jpg"
    opening, rest = example.replace(name, "Henrietta Swan Leavitt").split("\n", 1)
    with_photo = with_values(
        f"{opening}\n{photo_line}\n{rest}", affiliation="Université de Genève", photo=photo
    )
    image = Image.radial_gradient("L").resize((640, 480)).convert("RGB")
    exif = Image.Exif()
    exif[0x010F] = "Camera maker"  # Make
    (site / "_static" / "people").mkdir(parents=True, exist_ok=True)
    image.save(site / photo, "JPEG", quality=90, exif=exif)
    soc = (site / "soc.md").read_text(encoding="utf-8")
    soc = insert_before_closing_fence(soc, "person", without + "\n" + with_photo)
    (site / "soc.md").write_text(soc, encoding="utf-8")


CSV = """title,authors,id,kind,topic,arxiv,openreview,pdf
"Équivariant networks for galaxy morphology, at scale","Cécile Dupont, Jürgen Müller",7,oral,Galaxies,2207.00001,,https://example.org/7.pdf
Normalizing flows for exoplanet transits,Ngozi Okonjo,8,spotlight,Exoplanets,,aBcD12xYz,
Anomaly detection in radio surveys,"Li Wei, Søren Kierkegaard",9,poster,Radio,,,
"""


def publish_program_and_papers(site) -> None:
    schedule, papers = fenced(section("Publish the program and the accepted papers"), "markdown")
    header, slots_yaml = schedule.split("\n\n", 1)
    slots = yaml.safe_load(slots_yaml.rsplit("```", 1)[0])
    assert {"time", "title", "speaker", "affiliation", "kind"} <= {k for s in slots for k in s}
    ours = [
        {"time": "09:00-09:10", "title": "Welcome", "kind": "other"},
        {
            "time": "09:10-10:00",
            "title": "Keynote: neural posterior estimation for galaxy surveys",
            "speaker": "Vera Rubin",
            "affiliation": "Carnegie Institution for Science",
            "kind": "invited",
        },
        {"time": "10:00-10:30", "title": "Poster session", "kind": "poster"},
    ]
    body = yaml.safe_dump(ours, sort_keys=False, allow_unicode=True)
    schedule = f"{header}\n\n{body}```\n"
    csv_name = re.search(r"\{papers\} (\S+)", papers)[1]
    (site / "accepted-2022.csv").write_text(CSV, encoding="utf-8")
    papers = papers.replace(csv_name, "accepted-2022.csv")
    program = (site / "program.md").read_text(encoding="utf-8")
    # The recipe: the schedule replaces the phase blocks that announce the program.
    announcing = [
        match
        for match in site_sources.DIRECTIVE.finditer(program)
        if match["name"] == "phase" and re.search(r"will be (announced|posted)", match["body"])
    ]
    for match in reversed(announcing[1:]):
        program = program[: match.start()] + program[match.end() :]
    if announcing:
        first = announcing[0]
        program = program[: first.start()] + schedule.rstrip("\n") + program[first.end() :]
    else:  # a program already published: ours instead
        program = realistic_site.replace_block(program, "schedule", schedule, "Schedule")
    listing = site_sources.DIRECTIVE.search(papers)[0] + "\n"
    program = realistic_site.replace_block(program, "papers", listing, "Accepted papers")
    (site / "program.md").write_text(program, encoding="utf-8")


def edit_prose(site) -> None:
    about = (site / "about.md").read_text(encoding="utf-8")
    words = re.search(r"^[A-Z][^\n{}`]*\b(workshop)\b", about, re.M)
    if words:
        about = about.replace(words[0], words[0].replace("workshop", "meeting"), 1)
    about += "\nPosters are printed in A0 portrait; bring them on the day.\n"
    (site / "about.md").write_text(about, encoding="utf-8")


@pytest.fixture(scope="module")
def edited(tmp_path_factory):
    """A copy of the site's sources with every recipe applied, built as Read the Docs does."""
    copy = tmp_path_factory.mktemp("recipes") / "site"
    shutil.copytree(REPO, copy, ignore=NOT_SOURCES)
    add_a_page(copy)
    add_a_date_and_extend_a_deadline(copy)
    add_people(copy)
    publish_program_and_papers(copy)
    edit_prose(copy)
    return build_site(copy.parent / "out", srcdir=copy)


def test_every_recipe_builds_without_warning(edited):
    site_contracts.check_builds_without_warning(edited)


@pytest.mark.parametrize("contract", site_contracts.ALL[1:], ids=lambda check: check.__name__)
def test_the_edited_site_keeps_the_contract(edited, contract):
    contract(edited)


def test_the_recipes_really_changed_the_site(edited):
    # Guards the contracts: they must have had the new content to check.
    src = edited.srcdir
    assert "visas" in site_sources.pages(src)
    assert "conduct" in site_sources.pages(src)
    assert "conduct" not in {entry.page for entry in site_sources.navigation(src)}
    assert [e.id for e in site_sources.important_dates(src) if e.extended_from]
    assert "poster-upload" in {e.id for e in site_sources.important_dates(src)}
    photos = {p.name for p in site_sources.people(src) if p.photo}
    assert photos == {p.name for p in site_sources.people(REPO) if p.photo} | {
        "Henrietta Swan Leavitt"
    }
    assert len(site_sources.schedules(src)["program"][0]) == 3
    assert len(site_sources.papers(src)["program"]) == 3


def test_a_published_photo_has_no_camera_metadata(edited):
    from PIL import Image

    card = next(
        card for card in edited.soup("soc").select(".people-card") if "Leavitt" in card.get_text()
    )
    with Image.open(edited.outdir / card.find("img")["src"]) as image:
        assert not image.getexif(), "the photo is published with its EXIF metadata"
    assert not list(edited.outdir.rglob("henrietta-leavitt.jpg")), "the original is published"


# -- Visitor checks on the pages that changed -------------------------------------------

#: Every page changed: the new page joined the navigation of all of them.
CHANGED = ("index", "visas", "about", "dates", "soc", "program")


@pytest.fixture(scope="module")
def edited_visits(edited, browser):
    require_file(webcheck.AXE_JS, "axe-core")
    runs = [
        webcheck.Run(viewport, mode)
        for viewport in webcheck.VIEWPORTS
        for mode in FIRST_VISIT_MODES
    ]
    with webcheck.serve(edited.outdir, compress=True) as url:
        visitor = webcheck.Visitor(browser, url)
        try:
            visits = {page: visitor.visit_side_by_side(f"{page}.html", runs) for page in CHANGED}
            # A shift the page causes comes back on a fresh load; one the CPU-starved test
            # machine causes does not (see test_visitor_layout.py).
            for page, page_visits in visits.items():
                for index, visit in enumerate(page_visits):
                    if visit.cls:
                        again = visitor.visit(f"{page}.html", visit.viewport, visit.mode,
                                              axe=False, weigh=False)  # fmt: skip
                        page_visits[index].cls = again.cls
        finally:
            visitor.close()
    return visits


def budget_of(edited, page: str) -> int:
    photos = sum(1 for p in site_sources.people(edited.srcdir) if p.page == page and p.photo)
    papers = len(site_sources.papers(edited.srcdir).get(page, []))
    return webcheck.page_budget(photos=photos, papers=papers)


@pytest.mark.parametrize("page", CHANGED)
def test_a_changed_page_passes_the_visitor_checks(edited, edited_visits, page):
    budget = budget_of(edited, page)
    for visit in edited_visits[page]:
        where = f"{page} {visit.viewport.name} {visit.mode.name}"
        assert [rule["id"] for rule in visit.violations] == [], (where, visit.violations)
        assert (visit.console_errors, visit.page_errors) == ([], []), where
        assert (visit.foreign_requests(), visit.failed_requests()) == ([], []), where
        assert visit.cls == 0, (where, visit.shifts)
        assert visit.weight <= budget, (where, visit.weight, budget, visit.biggest())


def test_the_changed_pages_are_valid_html(edited, java):
    require_file(webcheck.VNU_JAR, "the W3C Nu Html Checker")
    done = subprocess.run(
        [java, "-jar", str(webcheck.VNU_JAR), "--format", "json", "--errors-only",
         *(str(edited.outdir / f"{page}.html") for page in CHANGED)],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert done.returncode in (0, 1), done.stderr
    errors = [
        f"{m.get('url', '').rsplit('/', 1)[-1]}:{m.get('lastLine', '?')}: {m['message']}"
        for m in json.loads(done.stderr)["messages"]
        if m["type"] in ("error", "non-document-error")
    ]
    assert errors == []
