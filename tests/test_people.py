"""The person directive: one committee member as a sphinx-design card."""

import re

import pytest
from bs4 import BeautifulSoup
from people import get_people
from people.avatar import initials

ANSI = re.compile(r"\x1b\[[0-9;]*m")


@pytest.fixture
def built(app):
    app.build()
    soup = BeautifulSoup((app.outdir / "index.html").read_text(encoding="utf-8"), "html.parser")
    return soup, ANSI.sub("", app.warning.getvalue())


@pytest.mark.sphinx("html", testroot="people", freshenv=True)
def test_each_person_is_a_card_with_name_affiliation_and_role(built):
    soup, _ = built
    cards = soup.select(".sd-card.people-card")
    assert [c.select_one(".sd-card-title").get_text(strip=True) for c in cards] == [
        "Ada Lovelace",
        "Grace Hopper",
        "Nameless Affiliation",
    ]
    assert [p.get_text() for p in cards[0].select("p")] == ["University of London", "Chair"]
    assert [p.get_text() for p in cards[1].select("p")] == ["Yale"]


@pytest.mark.sphinx("html", testroot="people", freshenv=True)
def test_a_photo_is_one_line_and_reserves_its_size(built):
    soup, _ = built
    photo = soup.select(".people-card")[0].find("img")
    assert photo["alt"] == ""  # the name is written right below it
    # A fixed size, so that the card never moves while the photo loads.
    assert photo["style"] == "width: 128px; height: 128px;"
    assert soup.select(".people-card")[0].select(".people-avatar") == []


@pytest.mark.sphinx("html", testroot="people", freshenv=True)
def test_without_photo_an_initials_avatar_hidden_from_screen_readers(built):
    soup, _ = built
    avatar = soup.select(".people-card")[1].select_one(".people-avatar")
    assert avatar.get_text() == "GH"
    assert avatar["aria-hidden"] == "true"
    assert soup.select(".people-card")[1].find("img") is None


@pytest.mark.sphinx("html", testroot="people", freshenv=True)
def test_missing_affiliation_is_a_located_warning(built):
    _, warnings = built
    lines = [line for line in warnings.splitlines() if "WARNING" in line]
    assert [line.split("/")[-1] for line in lines] == [
        "index.md:15: WARNING: person 'Nameless Affiliation' has no affiliation; "
        "add a line ':affiliation: Institute' [people.missing]"
    ]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("François Lanusse", "FL"),
        ("Marc Huertas-Company", "MH"),
        ("Cher", "C"),
        ("Jean-Luc Starck", "JS"),
        ("Maria de la Cruz", "MC"),
        ("   ", "?"),
    ],
)
def test_initials(name, expected):
    assert initials(name) == expected


PEOPLE = [
    ("loc", "Vera Rubin", "Carnegie Institution", "Host"),
    ("soc", "Ada Lovelace", "University of London", "Chair"),
    ("soc", "Grace Hopper", "Yale", ""),
]


def people_of(app) -> list[tuple]:
    return [(p["docname"], p["name"], p["affiliation"], p["role"]) for p in get_people(app.env)]


@pytest.mark.sphinx("html", testroot="people-pages", freshenv=True)
def test_the_people_of_all_pages_are_in_the_environment_for_other_extensions(app):
    app.build()
    assert people_of(app) == PEOPLE
    assert [p["lineno"] for p in get_people(app.env)] == [5, 5, 10]


@pytest.mark.sphinx("html", testroot="people-pages", freshenv=True, parallel=2)
def test_a_parallel_read_gathers_the_same_people(app):
    app.build()
    assert people_of(app) == PEOPLE


@pytest.mark.sphinx("html", testroot="people-pages", freshenv=True)
def test_an_edited_page_replaces_its_people(app):
    app.build()
    page = app.srcdir / "loc.md"
    page.write_text(page.read_text(encoding="utf-8").replace("Vera Rubin", "Cecilia Payne"))
    app.build()
    assert [p[1] for p in people_of(app)] == ["Cecilia Payne", "Ada Lovelace", "Grace Hopper"]


@pytest.mark.browser
@pytest.mark.sphinx("html", testroot="people", freshenv=True)
def test_cards_in_a_row_have_equal_heights_whatever_their_content(app, browser):
    import webcheck

    app.build()
    with webcheck.serve(app.outdir) as url:
        page = browser.new_page(viewport={"width": 1280, "height": 800})
        page.goto(f"{url}/index.html")
        boxes = [card.bounding_box() for card in page.locator(".people-card").all()]
        page.close()
    # Three cards in one row, each with other lines (photo, no role, no affiliation).
    assert len({box["y"] for box in boxes}) == 1
    assert len({round(box["height"]) for box in boxes}) == 1
