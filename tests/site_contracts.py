"""The contract between the site's sources and its build: what a visitor must find.

Each ``check_*`` takes a build (``conftest.BuiltSite``: its source folder and its output) and
asserts that the output shows what the sources say (``site_sources``). The site tests run them
on the real site, ``test_recipes.py`` on a copy edited by every CONTRIBUTING recipe, so a
contributor's legitimate change is checked, never refused.
"""

from __future__ import annotations

import re
from urllib.parse import unquote, urlsplit

import site_sources as sources
from docutils.nodes import make_id
from icalendar import Calendar


def squash(text: str) -> str:
    return " ".join(text.split())


def article_text(built, page: str) -> str:
    return squash(built.soup(page).find("article").get_text(" "))


def check_builds_without_warning(built) -> None:
    assert (built.returncode, built.warnings) == (0, []), built.stderr


def check_every_page_is_built(built) -> None:
    """The home page and every toctree page are built; nothing else of the folder is a page."""
    found = {path.stem for path in built.outdir.glob("*.html")} - {"genindex", "search", "404"}
    assert found == set(sources.pages(built.srcdir))


def check_navigation(built) -> None:
    """Every page shows every toctree page in its top navigation, in the toctree's order, named
    by the entry's title or else by the page's heading."""
    entries = sources.navigation(built.srcdir)
    for page in sources.pages(built.srcdir):
        links = built.soup(page).select(".bd-header .navbar-header-items .navbar-nav a.nav-link")
        targets = [page + ".html" if a["href"] == "#" else a["href"] for a in links]
        assert targets == [f"{entry.page}.html" for entry in entries], page
        for entry, link in zip(entries, links, strict=True):
            expected = entry.title or heading_of(built, entry.page)
            assert squash(link.get_text()) == expected, (page, entry.page)


def heading_of(built, page: str) -> str:
    return squash(built.soup(page).find("h1").get_text()).rstrip("#").strip()


def check_one_heading_per_page(built) -> None:
    """Each page has exactly one level-1 heading, and the browser tab starts with it."""
    name = sources.edition(built.srcdir)["name"]
    for page in sources.pages(built.srcdir):
        soup = built.soup(page)
        assert len(soup.find_all("h1")) == 1, page
        assert soup.title.get_text().startswith(heading_of(built, page)), page
        assert name in soup.title.get_text(), page


def check_descriptions(built) -> None:
    """Each page has its description, the edition's facts filled in, shared as is."""
    for page in sources.pages(built.srcdir):
        soup = built.soup(page)
        description = soup.find("meta", attrs={"name": "description"})["content"]
        shared = soup.find("meta", attrs={"property": "og:description"})["content"]
        assert description and "{{" not in description, page
        assert shared == description, page


def check_edit_buttons(built) -> None:
    facts = sources.edition(built.srcdir)
    repository = facts["repository"].rstrip("/")
    for page in sources.pages(built.srcdir):
        edit = built.soup(page).select_one(".editthispage a")
        assert edit["href"] == f"{repository}/edit/{facts['branch']}/{page}.md"


def check_internal_links(built) -> None:
    """Every link, image, stylesheet and script of every page points to a file of the build,
    and every #fragment to an id of its page."""
    ids: dict = {}
    for path in sorted(built.outdir.rglob("*.html")):
        if any(part.startswith("_") for part in path.relative_to(built.outdir).parts):
            continue
        soup = built.soup(path.relative_to(built.outdir).with_suffix("").as_posix())
        for tag, attr in (("a", "href"), ("img", "src"), ("link", "href"), ("script", "src")):
            for element in soup.find_all(tag):
                url = element.get(attr)
                if not url or urlsplit(url).scheme or url.startswith(("//", "mailto:")):
                    continue
                parts = urlsplit(url)
                target = (path.parent / unquote(parts.path)).resolve() if parts.path else path
                where = f"{path.name}: {tag} {attr}={url!r}"
                if path.name == "404.html" and parts.path.startswith("/"):
                    target = built.outdir / unquote(parts.path).lstrip("/")
                assert target.exists(), f"{where} points nowhere"
                if parts.fragment and target.suffix == ".html":
                    if target not in ids:
                        ids[target] = set(re.findall(r'id="([^"]+)"', target.read_text("utf-8")))
                    assert parts.fragment in ids[target], f"{where}: no such id"


def check_dates(built) -> None:
    """The dates page lists every entry of the important-dates block with its day; an extended
    entry strikes its old day through; every ``{date}`` of every page shows the day dates.md
    gives; the calendar feed holds one event per entry."""
    entries = sources.important_dates(built.srcdir)
    by_id = {entry.id: entry for entry in entries}
    for page, text in sources.source_files(built.srcdir).items():
        if "{important-dates}" not in text:
            continue
        shown = built.soup(page).select("article li.dates-entry")
        assert [li["id"] for li in shown] == [f"date-{entry.id}" for entry in entries]
        for li, entry in zip(shown, entries, strict=True):
            assert entry.label in squash(li.select_one(".dates-label").get_text()), entry.id
            when = next(t for t in li.select(".dates-when time") if not t.find_parent("del"))
            assert when["datetime"].startswith(entry.date.isoformat()), entry.id
            assert sources.long_date(entry.date) in when.get_text(), entry.id
            old = li.select_one("del time")
            if entry.extended_from:
                assert old["datetime"].startswith(entry.extended_from.isoformat()), entry.id
            else:
                assert old is None, entry.id
        feed = built.soup(page).select_one("article .dates-feed a")
        events = Calendar.from_ical((built.outdir / feed["href"]).read_bytes()).walk("VEVENT")
        assert [str(event["UID"]).split("@")[0] for event in events] == list(by_id)
        assert [str(event["SUMMARY"]) for event in events] == [e.label for e in entries]
    for page, ids in sources.date_roles(built.srcdir).items():
        shown = [
            (time["datetime"][:10], squash(time.get_text()))
            for time in built.soup(page).select("article time")
            if not time.find_parent(class_=("dates-entry", "schedule", "papers"))
        ]
        expected = [(by_id[i].date.isoformat(), sources.long_date(by_id[i].date)) for i in ids]
        assert shown == expected, page


def check_people(built) -> None:
    """Every person block becomes a card with the name, affiliation and role written; a photo
    gives an image with the person's name as text alternative, no photo the initials."""
    for page in {person.page for person in sources.people(built.srcdir)}:
        written = [person for person in sources.people(built.srcdir) if person.page == page]
        cards = built.soup(page).select(".people-card")
        assert len(cards) == len(written), page
        for card, person in zip(cards, written, strict=True):
            assert squash(card.select_one(".sd-card-title").get_text()) == person.name
            affiliation = card.select_one(".people-affiliation")
            assert squash(affiliation.get_text()) == (person.affiliation or "")
            role = card.select_one(".people-role")
            assert (squash(role.get_text()) if role else None) == person.role
            image = card.find("img")
            if person.photo:
                assert image is not None, person.name
                assert (built.outdir / unquote(image["src"])).is_file(), person.name
                assert image.get("width") and image.get("height"), person.name
                assert image.find_parent("a") is None or squash(
                    image.find_parent("a").get_text()
                ), person.name
            else:
                assert image is None, person.name
                avatar = card.select_one(".people-avatar")
                assert avatar["aria-hidden"] == "true", person.name


def check_program(built) -> None:
    """A page with a schedule shows one row per slot, with its title, loads the schedule's
    script and publishes program.ics; a site without one loads no schedule asset at all."""
    found = sources.schedules(built.srcdir)
    for page in sources.pages(built.srcdir):
        blocks = found.get(page, [])
        shown = built.soup(page).select("article .schedule")
        assert len(shown) == len(blocks), page
        for block, slots in zip(shown, blocks, strict=True):
            # A program inside a phase block that ends would vanish when the phase does.
            assert not block.find_parent(attrs={"data-phases-until": True}), page
            text = squash(block.get_text(" "))
            assert len(block.select("tbody tr")) == len(slots), page
            for slot in slots:
                assert squash(str(slot["title"])) in text, (page, slot["title"])
        assets = [
            t.get("src") or t.get("href") or "" for t in built.soup(page).select("script, link")
        ]
        assert any("schedule" in asset for asset in assets) == bool(blocks), page
    assert (built.outdir / "program.ics").exists() == bool(found)


def check_papers(built) -> None:
    """Every row of a papers CSV is a paper of its page, with its title and its anchor."""
    found = sources.papers(built.srcdir)
    for page in sources.pages(built.srcdir):
        written = found.get(page, [])
        items = built.soup(page).select("article .papers-item")
        assert len(items) == len(written), page
        for item, paper in zip(items, written, strict=True):
            assert squash(paper.title) in squash(item.get_text(" ")), paper.title
            if paper.id:
                # Anchors follow docutils' rules for ids (lowercase, '-' for '_').
                assert item["id"] == make_id(f"paper-{paper.id}"), paper.title


#: Every contract, for the tests that run them all.
ALL = (
    check_builds_without_warning,
    check_every_page_is_built,
    check_navigation,
    check_one_heading_per_page,
    check_descriptions,
    check_edit_buttons,
    check_internal_links,
    check_dates,
    check_people,
    check_program,
    check_papers,
)
