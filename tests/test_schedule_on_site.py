"""The CONTRIBUTING recipe "Publish the program and the accepted papers", applied to a copy of
the real site: it builds without a warning, and the program works in the site's own theme."""

import importlib.util
import re
from datetime import datetime, time
from zoneinfo import ZoneInfo

import pytest
import site_sources
from bs4 import BeautifulSoup
from conftest import REPO, build_site
from icalendar import Calendar
from program_testing import layout_shift, open_page
from realistic_site import replace_block
from webcheck import MODES, VIEWPORTS, Run, Visitor, page_budget, serve

#: Elements of the schedule and the papers list, as webcheck names shifted elements.
OURS = re.compile(r"schedule|papers|table|caption|\b(tr|td|th|time|li)\b")
RECIPE = (REPO / "CONTRIBUTING.md").read_text(encoding="utf-8")
ACCEPTED = """title,authors,id,kind,topic,arxiv
Simulation-based inference of strong lenses,"Ada Lovelace, Vera Rubin",12,oral,Cosmology,2206.01234
Anomalies in light curves,Henrietta Leavitt,13,poster,Time domain,
"""


def recipe_blocks() -> list[str]:
    """The Markdown examples (fenced with four backticks) of the recipe, in order."""
    section = RECIPE.split("## Publish the program and the accepted papers\n", 1)[1]
    blocks = re.findall(r"^````markdown\n(.*?)^````$|^(## )", section, re.S | re.M)
    found = []
    for block, next_heading in blocks:
        if next_heading:  # a heading outside the examples: the next section
            break
        found.append(block)
    return found


def first_slot_in(zone: str) -> str:
    """The recipe's first slot (08:30 on the workshop day, venue time) on a clock in ``zone``."""
    day_id = re.search(r"^:date: (\S+)", recipe_blocks()[0], re.M)[1]
    day = next(e.date for e in site_sources.important_dates(REPO) if e.id == day_id)
    venue = ZoneInfo(site_sources.edition(REPO)["venue_timezone"])
    start = datetime.combine(day, time(8, 30), venue)
    return f"{start.astimezone(ZoneInfo(zone)):%H:%M}"


def load_scale():
    spec = importlib.util.spec_from_file_location("scale", REPO / "benchmarks" / "scale.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    """A copy of the site with the recipe's program and papers, built like Read the Docs."""
    site = load_scale().copy_site(tmp_path_factory.mktemp("published") / "site")
    schedule, papers = recipe_blocks()
    program = site / "program.md"
    text = replace_block(program.read_text("utf-8"), "schedule", schedule, "Schedule")
    listing = site_sources.DIRECTIVE.search(papers)[0] + "\n"
    program.write_text(replace_block(text, "papers", listing, "Accepted papers"), "utf-8")
    (site / "accepted.csv").write_text(ACCEPTED, "utf-8")
    built = build_site(site.parent / "out", srcdir=site)
    return built.outdir, built.returncode, built.warnings


def test_the_recipe_has_a_schedule_and_a_papers_block():
    schedule, papers = recipe_blocks()
    assert schedule.startswith("```{schedule}\n:date: workshop\n")
    assert papers.endswith("```{papers} accepted.csv\n```\n")


def test_the_recipe_builds_without_warning_into_a_program_in_venue_time(published):
    html, returncode, warnings = published
    assert (returncode, warnings) == (0, [])
    soup = BeautifulSoup((html / "program.html").read_text("utf-8"), "html.parser")
    table = soup.select_one("article .schedule table")
    # The workshop day of dates.md, in the venue zone of the edition block of conf.py.
    day_id = re.search(r"^:date: (\S+)", recipe_blocks()[0], re.M)[1]
    day = next(e.date for e in site_sources.important_dates(REPO) if e.id == day_id)
    caption = table.caption.select_one(".caption-text").get_text()
    assert site_sources.long_date(day) in caption
    assert site_sources.edition(REPO)["venue_timezone"] in caption
    assert table.select_one("tbody time")["datetime"].startswith(f"{day.isoformat()}T08:30")
    assert [li["id"] for li in soup.select("article .papers-item")] == ["paper-12", "paper-13"]
    events = Calendar.from_ical((html / "program.ics").read_bytes()).walk("VEVENT")
    assert [str(event["summary"]) for event in events] == [
        "Opening remarks",
        "Invited talk: Simulation-based inference at scale (Ada Lovelace)",
        "Coffee break",
    ]


@pytest.mark.browser
def test_in_the_site_theme_the_toggle_and_filter_work_and_nothing_moves(browser, published):
    html, _, _ = published
    with serve(html) as url:
        page, errors = open_page(browser, f"{url}/program.html", timezone_id="Europe/Paris")
        page.wait_for_selector(".schedule.schedule-ready")
        page.wait_for_selector(".papers-filter.papers-ready")
        page.wait_for_timeout(200)  # let late layout shifts be reported
        assert layout_shift(page) == 0
        page.get_by_role("button", name="Show in my time zone").click()
        assert page.locator(".schedule tbody time").first.inner_text() == first_slot_in(
            "Europe/Paris"
        )
        page.get_by_label("Filter by title, author or topic").fill("rubin")
        assert page.locator(".papers-item:visible").count() == 1
        assert errors == []
        page.close()


@pytest.mark.browser
def test_the_published_program_passes_the_visitor_checks(browser, published):
    html, _, _ = published
    with serve(html, compress=True) as url:
        visitor = Visitor(browser, url)
        runs = [Run(viewport, mode) for viewport in VIEWPORTS for mode in MODES[:2]]
        try:
            visits = visitor.visit_side_by_side("program.html", runs)
        finally:
            visitor.close()
    for visit in visits:
        where = f"{visit.viewport.name} {visit.mode.name}"
        assert visit.violations == [], where
        assert (visit.console_errors, visit.page_errors) == ([], []), where
        # The schedule and the papers list never move; shifts of the theme's own containers
        # are the page budget's business (tests/test_visitor_layout.py).
        own = [shift for shift in visit.shifts if any(OURS.search(s) for s in shift["sources"])]
        assert own == [], where
        papers = len(ACCEPTED.strip().splitlines()) - 1
        assert visit.weight <= page_budget(papers=papers), (where, visit.biggest())
