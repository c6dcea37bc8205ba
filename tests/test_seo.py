"""What search engines and social sites read: descriptions, share tags, Event JSON-LD,
sitemap.xml, robots.txt and a 404 page that works at any depth."""

import json
import re
import runpy
import shutil
import struct

import pytest
import webcheck
from canonical_fixtures import CANONICAL_PATH, CANONICAL_URL
from conftest import PAGES, REPO, warnings_of
from defusedxml import ElementTree

ALL_PAGES = (*PAGES, "search", "404")


def meta(soup, key: str) -> list[str]:
    return [tag["content"] for tag in soup.find_all("meta", attrs={"name": key})] + [
        tag["content"] for tag in soup.find_all("meta", attrs={"property": key})
    ]


def test_conf_takes_the_canonical_url_from_read_the_docs(monkeypatch):
    monkeypatch.setenv("READTHEDOCS_CANONICAL_URL", CANONICAL_URL)
    conf = runpy.run_path(str(REPO / "conf.py"))
    assert conf["html_baseurl"] == conf["ogp_site_url"] == CANONICAL_URL
    assert conf["notfound_urls_prefix"] == CANONICAL_PATH


@pytest.mark.parametrize("page", ALL_PAGES)
def test_every_page_has_one_meta_description(site, page):
    (description,) = meta(site.soup(page), "description")
    assert 50 <= len(description) <= 200
    assert "Machine Learning for Astrophysics" in description


@pytest.mark.parametrize("page", PAGES)
def test_share_tags_are_absolute_and_repeat_the_page_description(canonical_site, page):
    soup = canonical_site.soup(page)
    title = " ".join(soup.find("h1").get_text().split()).rstrip("#").strip()
    assert meta(soup, "og:title") == [title]
    assert meta(soup, "og:url") == [f"{CANONICAL_URL}{page}.html"]
    assert meta(soup, "og:description") == meta(soup, "description")
    assert meta(soup, "og:image") == [f"{CANONICAL_URL}_static/social-preview.png"]
    assert meta(soup, "og:image:width") == ["1200"] and meta(soup, "og:image:height") == ["630"]
    assert meta(soup, "og:image:alt") == [
        "Machine Learning for Astrophysics, an ICML 2022 workshop"
    ]
    assert meta(soup, "twitter:card") == ["summary_large_image"]


def test_the_share_image_is_a_1200x630_png_of_our_own(site):
    image = site.outdir / "_static" / "social-preview.png"
    header = image.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", header[16:24]) == (1200, 630)
    assert (REPO / "_static" / "social-preview.svg").is_file()  # its source


def event_of(site) -> dict:
    (script,) = site.soup("index").find_all("script", type="application/ld+json")
    return json.loads(script.string)


def test_the_home_page_describes_the_workshop_as_an_event(canonical_site):
    event = event_of(canonical_site)
    workshop_day = canonical_site.soup("dates").select_one("#date-workshop time")["datetime"]
    assert event["@context"] == "https://schema.org" and event["@type"] == "Event"
    assert event["name"] == "Machine Learning for Astrophysics (ICML 2022 workshop)"
    assert event["startDate"] == event["endDate"] == workshop_day == "2022-07-23"
    assert event["location"] == {
        "@type": "Place",
        "name": "ICML 2022",
        "address": {
            "@type": "PostalAddress",
            "addressLocality": "Baltimore",
            "addressRegion": "Maryland",
            "addressCountry": "USA",
        },
    }
    assert event["url"] == CANONICAL_URL
    assert event["image"] == f"{CANONICAL_URL}_static/social-preview.png"
    assert event["description"] == meta(canonical_site.soup("index"), "description")[0]


def test_the_event_organizers_are_the_committee(canonical_site):
    cards = canonical_site.soup("soc").select(".people-grid .sd-card")
    committee = [
        {
            "@type": "Person",
            "name": " ".join(card.select_one(".sd-card-title").get_text().split()),
            "affiliation": {
                "@type": "Organization",
                "name": card.select_one(".people-affiliation").get_text(),
            },
        }
        for card in cards
    ]
    assert len(committee) >= 2
    assert event_of(canonical_site)["organizer"] == committee


@pytest.mark.parametrize("page", ALL_PAGES[1:])
def test_only_the_home_page_carries_the_event(site, page):
    assert site.soup(page).find("script", type="application/ld+json") is None


def test_the_sitemap_lists_every_page_and_robots_txt_points_to_it(canonical_site):
    outdir = canonical_site.outdir
    namespace = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    root = ElementTree.parse(outdir / "sitemap.xml").getroot()
    locations = [loc.text for loc in root.findall("s:url/s:loc", namespace)]
    assert sorted(locations) == sorted(f"{CANONICAL_URL}{page}.html" for page in PAGES)
    robots = (outdir / "robots.txt").read_text()
    assert robots == f"User-agent: *\nAllow: /\nSitemap: {CANONICAL_URL}sitemap.xml\n"


def test_without_a_site_url_there_is_no_sitemap_and_robots_txt_says_so(site):
    assert not (site.outdir / "sitemap.xml").exists()
    assert (site.outdir / "robots.txt").read_text() == "User-agent: *\nAllow: /\n"


@pytest.mark.browser
def test_the_404_page_works_deep_under_the_site_path(browser, canonical_site, tmp_path):
    # A host like Read the Docs: the site under /en/latest/, its 404 page for any missing path.
    site_root = tmp_path / CANONICAL_PATH.strip("/")
    shutil.copytree(canonical_site.outdir, site_root)
    shutil.copy(site_root / "404.html", tmp_path / "404.html")
    with webcheck.serve(tmp_path) as url:
        page = browser.new_page()
        failed = []
        page.on("requestfailed", lambda request: failed.append(request.url))
        page.on("response", lambda r: r.status >= 400 and failed.append(f"{r.url} {r.status}"))
        response = page.goto(f"{url}{CANONICAL_PATH}no/such/folder/page.html")
        page.wait_for_load_state("networkidle")
        assert response.status == 404
        assert page.locator("h1").inner_text() == "Page not found"
        styled = page.evaluate("getComputedStyle(document.querySelector('.bd-header')).position")
        assert styled == "sticky"  # the theme's stylesheet applied
        assert failed == [f"{url}{CANONICAL_PATH}no/such/folder/page.html 404"]
        page.get_by_role("link", name="home page").click()
        page.wait_for_load_state()
        assert page.url == f"{url}{CANONICAL_PATH}index.html"
        assert page.locator("h1").inner_text().startswith("Machine Learning for Astrophysics")
        page.close()


@pytest.mark.sphinx("html", testroot="seo", freshenv=True)
def test_a_page_without_description_is_a_located_warning(app):
    app.build()
    assert warnings_of(app) == [
        "<src>/undescribed.md: WARNING: page 'undescribed' has no meta description; add it to the "
        "page's front matter (myst: html_meta: description: ...) [seo.description]"
    ]
    search = (app.outdir / "search.html").read_text()
    assert re.search(r'<meta name="description" content="Search this test site." />', search)


# -- Hostile person cards and edition facts (test root seo-hostile) -----------------
#: As written in the test root's soc.md and conf.py.
HOSTILE_PEOPLE = [
    ("Eve </script><script>alert('eve')</script>", "IAC <!--<script>"),
    ("Mallory &amp; Co", "</SCRIPT ><b>&amp; Co</b>"),
]
HOSTILE_EVENT_NAME = "Workshop </script><script>alert('name')</script> (ICML <!-- 2022 workshop)"


def organizers_of(event: dict) -> list[tuple[str, str]]:
    return [(person["name"], person["affiliation"]["name"]) for person in event["organizer"]]


@pytest.mark.sphinx("html", testroot="seo-hostile", freshenv=True)
def test_hostile_names_cannot_end_or_comment_out_the_event_script(app):
    app.build()
    html = (app.outdir / "index.html").read_text()
    start = html.index('<script type="application/ld+json">')
    text = html[html.index(">", start) + 1 : html.index("</script>", start)]
    # The HTML parser reads nothing in the script's text as markup...
    assert not {"<", ">", "&"} & set(text)
    # ...and a JSON reader reads back exactly what was written.
    event = json.loads(text)
    assert event["name"] == HOSTILE_EVENT_NAME
    assert organizers_of(event) == HOSTILE_PEOPLE


@pytest.mark.browser
@pytest.mark.sphinx("html", testroot="seo-hostile", freshenv=True)
def test_the_home_page_head_survives_hostile_names_in_a_browser(app, browser):
    app.build()
    with webcheck.serve(app.outdir) as url:
        page = browser.new_page()
        page.goto(f"{url}/index.html")
        head = page.evaluate(
            """() => ({
              title: document.title,
              stylesheets: [...document.querySelectorAll('head link[rel=stylesheet]')]
                .map((link) => link.getAttribute('href').split('?')[0]),
              share: [...document.querySelectorAll('head meta[property^="og:"]')]
                .map((meta) => meta.getAttribute('property')),
              event: JSON.parse(
                document.querySelector('head script[type="application/ld+json"]').textContent),
            })"""
        )
        page.close()
    assert head["title"].startswith("Hostile home")
    assert "_static/custom.css" in head["stylesheets"]
    assert {"og:title", "og:description", "og:url"} <= set(head["share"])
    assert head["event"]["name"] == HOSTILE_EVENT_NAME
    assert organizers_of(head["event"]) == HOSTILE_PEOPLE
