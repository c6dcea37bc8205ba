"""The person directive: one committee member as a sphinx-design card, its photo processed at
build time, every fact shown as text, every mistake a warning at its own line."""

import functools
import hashlib
import io
import struct

import pytest
import realistic_site
from bs4 import BeautifulSoup
from conftest import warnings_of
from people import Person, get_people
from people.avatar import initials
from PIL import Image

#: Displayed size of a photo (CSS pixels) and the most a published photo may weigh.
SHOWN, MAX_BYTES = 128, 15_000


@functools.cache
def camera_jpeg() -> bytes:
    return realistic_site.camera_jpeg()


def noise_png() -> bytes:
    """The worst case for the weight: a photo that is nothing but fine detail."""
    out = io.BytesIO()
    noise = [Image.effect_noise((300, 300), 120 + 20 * band) for band in range(3)]
    Image.merge("RGB", noise).save(out, "PNG")
    return out.getvalue()


def webp_chunks(data: bytes) -> list[str]:
    """The chunk names of a WebP file (RIFF): 'VP8 ', 'VP8X', 'EXIF', 'XMP ', 'ICCP'..."""
    assert data[:4] == b"RIFF" and data[8:12] == b"WEBP"
    names, offset = [], 12
    while offset + 8 <= len(data):
        name, size = (
            data[offset : offset + 4].decode("latin-1"),
            struct.unpack("<I", data[offset + 4 : offset + 8])[0],
        )
        names.append(name)
        offset += 8 + size + (size & 1)
    return names


@pytest.fixture
def built(app):
    """The people root with its photos as a contributor adds them: a camera JPEG, a noisy
    PNG, and one photo in the folder that no card uses."""
    photos = app.srcdir / "_static" / "people"
    (photos / "ada.jpg").write_bytes(camera_jpeg())
    (photos / "vera.png").write_bytes(noise_png())
    (photos / "unused.jpg").write_bytes(camera_jpeg())
    app.build()
    soup = BeautifulSoup((app.outdir / "index.html").read_text(encoding="utf-8"), "html.parser")
    return soup, warnings_of(app)


def card_facts(card) -> tuple:
    return (
        card.select_one(".sd-card-title").get_text(strip=True),
        [p.get_text() for p in card.select("p")],
    )


@pytest.mark.sphinx("html", testroot="people", freshenv=True)
def test_each_person_is_a_card_with_name_affiliation_and_role(built):
    soup, _ = built
    assert [card_facts(card) for card in soup.select(".sd-card.people-card")] == [
        ("Ada Lovelace", ["University of London", "Chair"]),
        ("Grace Hopper", ["Yale"]),
        ("Nameless Affiliation", ["Member"]),
        ("Vera Rubin", ["Carnegie Institution"]),
    ]


@pytest.mark.sphinx("html", testroot="people", freshenv=True)
def test_a_photo_is_a_small_square_webp_without_metadata_under_a_content_hash(app, built):
    soup, warnings = built
    assert [warning.split(": WARNING: ")[0] for warning in warnings] == ["<src>/index.md:16"]
    assert len(camera_jpeg()) > 1_500_000  # what a camera writes, metadata included
    photos = [card.find("img") for card in soup.select(".people-card")]
    assert [photo is not None for photo in photos] == [True, False, False, True]
    for photo in filter(None, photos):
        # The name is written right below it; the size is reserved before it loads.
        assert (photo["alt"], photo["width"], photo["height"]) == ("", str(SHOWN), str(SHOWN))
        published = app.outdir / photo["src"]
        data = published.read_bytes()
        assert published.name == hashlib.sha256(data).hexdigest()[:20] + ".webp"
        assert len(data) <= MAX_BYTES
        assert [chunk for chunk in webp_chunks(data) if chunk in ("EXIF", "XMP ", "ICCP")] == []
        with Image.open(published) as image:
            assert (image.format, image.size) == ("WEBP", (2 * SHOWN, 2 * SHOWN))
            assert not image.getexif() and "icc_profile" not in image.info


@pytest.mark.sphinx("html", testroot="people", freshenv=True)
def test_only_the_photos_of_cards_are_published_never_the_originals(app, built):
    soup, _ = built
    shown = {(app.outdir / img["src"]).resolve() for img in soup.select(".people-card img")}
    folder = (app.outdir / soup.select_one(".people-card img")["src"]).parent
    assert {path.resolve() for path in folder.iterdir()} == shown
    originals = {path.read_bytes() for path in (app.srcdir / "_static" / "people").glob("*.*")}
    published = [path for path in app.outdir.rglob("*") if path.is_file()]
    assert [path for path in published if path.read_bytes() in originals] == []


@pytest.mark.sphinx("html", testroot="people", freshenv=True)
def test_a_photo_is_in_no_link_and_the_card_link_is_named_by_the_person(built):
    soup, _ = built
    assert soup.select("a img") == []
    links = [(a["href"], a.get_text(strip=True)) for a in soup.select(".people-card a")]
    assert links == [("https://example.org/ada", "Ada Lovelace")]


@pytest.mark.sphinx("html", testroot="people", freshenv=True)
def test_without_photo_an_initials_avatar_hidden_from_screen_readers(built):
    soup, _ = built
    avatar = soup.select(".people-card")[1].select_one(".people-avatar")
    assert avatar.get_text() == "GH"
    assert avatar["aria-hidden"] == "true"
    assert soup.select(".people-card")[1].find("img") is None


@pytest.mark.sphinx("html", testroot="people", freshenv=True)
def test_a_replaced_photo_replaces_the_published_file(app, built):
    soup, _ = built
    before = soup.select_one(".people-card img")["src"]
    image = Image.new("RGB", (400, 300), (30, 90, 160))
    image.save(app.srcdir / "_static" / "people" / "ada.jpg", "JPEG")
    app.build()  # incremental: the page depends on its photo
    html = (app.outdir / "index.html").read_text(encoding="utf-8")
    after = BeautifulSoup(html, "html.parser").select_one(".people-card img")["src"]
    assert after != before
    assert (app.outdir / after).is_file() and not (app.outdir / before).exists()


@pytest.mark.sphinx("html", testroot="people-bad", freshenv=True)
def test_every_mistake_is_a_warning_at_its_own_line(app):
    app.build()
    link = "write an https:// link or a mailto: address, such as 'https://example.org/page'"
    marc = "Marc <img src=x onerror=alert(1)> **bold**"
    assert warnings_of(app) == [
        "<src>/index.md:6: WARNING: unknown option ':afiliation:'; did you mean 'affiliation'? "
        "[people.option]",
        f"<src>/index.md:5: WARNING: person {marc!r} has no affiliation; add a line "
        "':affiliation: Institute' [people.missing]",
        f"<src>/index.md:8: WARNING: person {marc!r}: 'javascript:alert(document.domain)' is not "
        f"an https:// link (javascript: links are not published); {link} [people.link]",
        "<src>/index.md:13: WARNING: person 'Data Link': 'data:text/html,<script>alert(3)</script>'"
        f" is not an https:// link (data: links are not published); {link} [people.link]",
        "<src>/index.md:18: WARNING: person 'VB Link': 'vbscript:msgbox(4)' is not an https:// "
        f"link (vbscript: links are not published); {link} [people.link]",
        "<src>/index.md:23: WARNING: person 'Protocol Relative': '//evil.example.org/' is not an "
        f"https:// link (it has no https:// in front); {link} [people.link]",
        "<src>/index.md:28: WARNING: person 'Plain HTTP': 'http://example.org/' is not an https:// "
        f"link (http: links are not published); {link} [people.link]",
        "<src>/index.md:33: WARNING: person 'Missing Photo': file 'people/nobody.jpg' does not "
        "exist; check the name and its folder [people.photo]",
        "<src>/index.md:38: WARNING: person 'Not A Photo': photo 'people/not-a-photo.jpg' is not "
        "an image that can be read; use a JPEG, PNG or WebP photo [people.photo]",
        "<src>/index.md:43: WARNING: person 'Small Photo': photo 'people/small.png' is 200x300 "
        "pixels; use a photo of at least 256x256 (twice the 128-pixel portrait, for sharp "
        "screens) [people.photo]",
        "<src>/index.md:48: WARNING: person 'Outside Photo': file '../../../../../../etc/passwd' "
        "is outside the project; put it next to the page [people.photo]",
    ]


@pytest.mark.sphinx("html", testroot="people-bad", freshenv=True)
def test_names_and_facts_are_text_and_refused_links_and_photos_leave_nothing(app):
    app.build()
    soup = BeautifulSoup((app.outdir / "index.html").read_text(encoding="utf-8"), "html.parser")
    first = soup.select_one(".people-card")
    assert card_facts(first) == (
        "Marc <img src=x onerror=alert(1)> **bold**",
        ["<script>alert(2)</script>"],
    )
    assert soup.select("article img, article script, article b, article strong") == []
    assert [a["href"] for a in soup.select(".people-card a")] == ["mailto:someone%40example.org"]
    published = [path.name for path in app.outdir.rglob("*") if path.is_file()]
    assert not {"passwd", "not-a-photo.jpg", "small.png"} & set(published)


@pytest.mark.sphinx("html", testroot="people", freshenv=True)
def test_a_control_character_is_a_warning_at_its_line_and_is_left_out(app):
    page = app.srcdir / "index.md"
    page.write_text(
        page.read_text(encoding="utf-8").replace("Yale", "Ya\x1ble").replace("Chair", "Ch\x07air"),
        encoding="utf-8",
    )
    app.build()
    fix = "remove it (retype the text if unsure)"
    assert [w for w in warnings_of(app) if "[people.text]" in w] == [
        f"<src>/index.md:7: WARNING: role has a control character (U+0007); {fix} [people.text]",
        f"<src>/index.md:13: WARNING: affiliation has a control character (U+001B); {fix} "
        "[people.text]",
    ]
    soup = BeautifulSoup((app.outdir / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert [card_facts(card)[1] for card in soup.select(".people-card")[:2]] == [
        ["University of London", "Chair"],
        ["Yale"],
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
    ("loc", "Vera Rubin", "Carnegie Institution", "Host", 5),
    ("soc", "Ada Lovelace", "University of London", "Chair", 5),
    ("soc", "Grace Hopper", "Yale", "", 10),
]


def people_of(app) -> list[tuple]:
    found = get_people(app.env)
    assert all(isinstance(person, Person) for person in found)
    return [(p.docname, p.name, p.affiliation, p.role, p.line) for p in found]


@pytest.mark.sphinx("html", testroot="people-pages", freshenv=True)
def test_the_people_of_all_pages_are_in_the_environment_for_other_extensions(app):
    app.build()
    assert people_of(app) == PEOPLE


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
def test_cards_in_a_row_have_equal_heights_whatever_their_content(app, built, browser):
    import webcheck

    with webcheck.serve(app.outdir) as url:
        page = browser.new_page(viewport={"width": 1280, "height": 800})
        page.goto(f"{url}/index.html")
        boxes = [card.bounding_box() for card in page.locator(".people-card").all()[:3]]
        page.close()
    # Three cards in one row, each with other lines (photo, no role, no affiliation).
    assert len({box["y"] for box in boxes}) == 1
    assert len({round(box["height"]) for box in boxes}) == 1
