"""The contract of the built site: all of the seed, faithfully, in the agreed shape."""

import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from conftest import PAGES, REPO

SEED = (Path(__file__).parent / "data" / "seed-workshop-page.md").read_text(encoding="utf-8")
#: Typos of the seed that the site fixes on purpose (the issue welcomes it).
TYPO_FIXES = {"with in the last year": "within the last year", "July 23d": "July 23"}


def fixed(text: str) -> str:
    for typo, fix in TYPO_FIXES.items():
        text = text.replace(typo, fix)
    return text


def section(title: str) -> str:
    """The body of one '### title' section of the seed."""
    match = re.search(rf"^### {title}\n(.*?)(?=^### |\Z)", SEED, re.S | re.M)
    assert match, title
    return match.group(1)


def squash(text: str) -> str:
    return " ".join(text.split())


def page_text(site, page: str) -> str:
    return squash(site.soup(page).find("article").get_text(" "))


ABOUT = section("About")
TOPICS = [line[2:].strip() for line in ABOUT.splitlines() if line.startswith("- ")]
ABOUT_SENTENCES = [
    sentence
    for line in ABOUT.splitlines()
    if line.strip() and not line.startswith("- ")
    for sentence in re.split(r"(?<=[.:])\s+", fixed(line.strip()))
    if sentence
]


def test_the_build_has_no_warning(site):
    assert site.warnings == []


def test_seed_parsing_found_the_content():
    # Guards the tests below against an empty parse of the seed.
    assert len(TOPICS) == 8
    assert len(ABOUT_SENTENCES) == 10


@pytest.mark.parametrize("sentence", ABOUT_SENTENCES)
def test_every_about_sentence_is_on_the_about_page(site, sentence):
    assert squash(sentence) in page_text(site, "about")


def test_the_topics_are_eight_cards_with_the_exact_text(site):
    grid = site.soup("about").select_one(".topic-cards")
    cards = [squash(card.get_text(" ")) for card in grid.select(".sd-card")]
    assert cards == TOPICS


def test_the_committee_are_cards_with_name_affiliation_and_role(site):
    cards = site.soup("soc").select(".people-grid .sd-card")
    found = [
        (
            squash(card.select_one(".sd-card-title").get_text()),
            card.select_one(".people-affiliation").get_text(),
            card.select_one(".people-role").get_text(),
        )
        for card in cards
    ]
    assert found == [
        ("François Lanusse", "CEA", "Chair"),
        ("Marc Huertas-Company", "IAC", "Co-Chair"),
    ]


def test_a_person_without_photo_gets_a_hidden_initials_avatar_not_an_image(site):
    cards = site.soup("soc").select(".people-grid .sd-card")
    assert [card.select_one(".people-avatar").get_text() for card in cards] == ["FL", "MH"]
    for card in cards:
        assert card.select_one(".people-avatar")["aria-hidden"] == "true"
        assert card.find("img") is None


def test_the_important_dates_of_the_seed_are_on_the_dates_page(site):
    text = page_text(site, "dates")
    for label, day in [
        ("abstract submission deadline", "May 16, 2022"),
        ("notification of acceptance", "June 3, 2022"),
        ("workshop", "July 23, 2022"),
    ]:
        assert label in text.lower()
        assert day in text


def test_the_home_page_says_what_when_and_where(site):
    text = page_text(site, "index")
    assert "Machine Learning for Astrophysics" in text
    assert "ICML 2022 workshop" in text
    assert "July 23, 2022" in text and "May 16, 2022" in text
    assert "Baltimore" in text
    links = {a["href"] for a in site.soup("index").select("article .sd-card a")}
    assert links == {"about.html", "dates.html", "soc.html", "program.html"}


def test_the_program_page_announces_without_inventing_talks(site):
    text = page_text(site, "program")
    assert site.soup("program").find("h1").get_text(strip=True).startswith("Preliminary program")
    assert "June 3, 2022" in text
    assert "talk:" not in text.lower()


def test_navigation_shows_the_four_pages_in_order_without_more_menu(site):
    for page in PAGES:
        nav = site.soup(page).select(".bd-header .navbar-header-items .navbar-nav li a")
        assert [squash(a.get_text()) for a in nav] == ["About", "Important dates", "SOC", "Program"]
        assert site.soup(page).select(".bd-header .navbar-nav .dropdown") == []


@pytest.mark.parametrize(
    ("page", "h1", "title"),
    [
        ("index", "Machine Learning for Astrophysics", "Machine Learning for Astrophysics"),
        ("about", "About", "About"),
        ("dates", "Important dates", "Important dates"),
        ("soc", "Scientific Organizing Committee", "Scientific Organizing Committee"),
        ("program", "Preliminary program", "Preliminary program"),
    ],
)
def test_each_page_has_its_heading_and_a_title_naming_the_workshop(site, page, h1, title):
    soup = site.soup(page)
    assert [squash(h.get_text()).rstrip("#").strip() for h in soup.find_all("h1")] == [h1]
    assert soup.title.get_text().startswith(title)
    assert "Machine Learning for Astrophysics" in soup.title.get_text()


@pytest.mark.parametrize("page", PAGES)
def test_no_broken_internal_link_or_image(site, page):
    for tag, attr in (("a", "href"), ("img", "src"), ("link", "href"), ("script", "src")):
        for element in site.soup(page).find_all(tag):
            url = element.get(attr)
            if not url or urlsplit(url).scheme or url.startswith(("#", "//", "mailto:")):
                continue
            target = (site.outdir / unquote(urlsplit(url).path)).resolve()
            assert target.exists(), f"{page}.html: {tag} {attr}={url!r} points nowhere"
            fragment = urlsplit(url).fragment
            if fragment and target.suffix == ".html":
                ids = re.findall(r'id="([^"]+)"', target.read_text(encoding="utf-8"))
                assert fragment in ids, f"{page}.html: no #{fragment} in {url}"


@pytest.mark.parametrize("page", PAGES)
def test_edit_button_points_to_the_page_in_the_repository(site, page):
    edit = site.soup(page).select_one(".editthispage a")
    assert edit["href"] == f"https://github.com/ml4astro/icml2022/edit/main/{page}.md"


def test_favicon_and_logo_are_ours_and_exist(site):
    soup = site.soup("index")
    icon = soup.find("link", rel="icon")
    assert (site.outdir / icon["href"]).is_file()
    logo = soup.select_one(".navbar-brand img")
    assert logo["src"].endswith("logo.svg") and logo["alt"]


def test_only_pages_are_sources(site):
    built = sorted(p.stem for p in site.outdir.glob("*.html"))
    assert set(built) - {"genindex", "search", "404"} == set(PAGES)
    assert not (site.outdir / "README.html").exists()
    assert not list((site.outdir).glob("tests*"))


def test_the_edition_facts_live_in_one_block_of_conf_py():
    conf = (REPO / "conf.py").read_text(encoding="utf-8")
    # The repository URL and the year are written once, in the edition block only.
    assert conf.count("github.com/ml4astro/icml2022") == 1
    for page in PAGES:
        assert "github.com" not in (REPO / f"{page}.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("page", PAGES)
def test_pages_name_the_edition_only_through_its_facts(page):
    """Name, conference and city come from conf.py's edition block ({{ name }}, ...),
    in the text and in the front matter; the dates block is the edition's own data."""
    source = (REPO / f"{page}.md").read_text(encoding="utf-8")
    prose = re.sub(r"```\{important-dates\}.*?```", "", source, flags=re.S)
    for fact in ("Machine Learning for Astrophysics", "ICML 2022", "Baltimore"):
        assert fact not in prose, f"{page}.md writes {fact!r} by hand"


@pytest.mark.parametrize("page", PAGES)
def test_descriptions_are_filled_with_the_edition_facts(site, page):
    soup = site.soup(page)
    description = soup.find("meta", attrs={"name": "description"})["content"]
    shared = soup.find("meta", attrs={"property": "og:description"})["content"]
    assert "{{" not in description and "Machine Learning for Astrophysics" in description
    assert shared == description


def load_conf(monkeypatch, **environ) -> dict:
    """Execute conf.py as Sphinx does, under the given environment variables."""
    for name, value in environ.items():
        monkeypatch.setenv(name, value)
    namespace = {"__file__": str(REPO / "conf.py")}
    exec(compile((REPO / "conf.py").read_bytes(), "conf.py", "exec"), namespace)
    return namespace


def test_read_the_docs_builds_conf_py_failing_on_warnings_with_pyproject_dependencies():
    import yaml

    config = yaml.safe_load((REPO / ".readthedocs.yaml").read_text(encoding="utf-8"))
    assert config["version"] == 2
    assert config["sphinx"] == {"configuration": "conf.py", "fail_on_warning": True}
    assert config["python"]["install"] == [{"method": "pip", "path": "."}]
    python = tuple(int(part) for part in config["build"]["tools"]["python"].split("."))
    assert python >= (3, 11)


def test_canonical_url_comes_from_read_the_docs(monkeypatch):
    url = "https://ml4astro-icml2022.readthedocs.io/en/latest/"
    assert load_conf(monkeypatch, READTHEDOCS_CANONICAL_URL=url)["html_baseurl"] == url
    monkeypatch.delenv("READTHEDOCS_CANONICAL_URL")
    assert load_conf(monkeypatch)["html_baseurl"] == ""
