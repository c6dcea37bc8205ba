"""The papers filter in a real browser: typing narrows the list, the count is announced."""

import pytest
from program_testing import build_root, open_page, shift_once_ready
from webcheck import serve


@pytest.fixture(scope="module")
def site_url(tmp_path_factory):
    with serve(build_root("papers-good", tmp_path_factory.mktemp("papers"))) as url:
        yield url


def shown(page) -> list[str]:
    return [
        item.get_attribute("id") for item in page.locator(".papers-item").all() if item.is_visible()
    ]


@pytest.mark.browser
def test_typing_filters_by_title_author_and_topic_and_announces_the_count(browser, site_url):
    page, errors = open_page(browser, f"{site_url}/index.html")
    page.wait_for_selector(".papers-filter.papers-ready")
    field = page.get_by_label("Filter by title, author or topic")
    count = page.locator(".papers-count")
    assert count.get_attribute("aria-live") == "polite"
    field.fill("lensing")  # a word of a title
    assert shown(page) == ["paper-ab-7"]
    page.wait_for_function(
        "document.querySelector('.papers-count').textContent === '1 of 4 papers'"
    )
    field.fill("chatelet")  # an author, typed without the accent
    assert shown(page) == ["paper-12"]
    field.fill("time domain")  # a topic, both words must match
    assert shown(page) == ["paper-30"]
    field.fill("poster")  # a kind or a link label is not a title, author or topic
    assert shown(page) == []
    page.wait_for_function(
        "document.querySelector('.papers-count').textContent === '0 of 4 papers'"
    )
    field.fill("")
    assert shown(page) == ["paper-12", "paper-ab-7", "paper-30", "paper-a-paper-without-an-id"]
    page.wait_for_function("document.querySelector('.papers-count').textContent === '4 papers'")
    assert errors == []
    page.close()


@pytest.mark.browser
def test_nothing_moves_when_the_script_shows_the_filter(browser, site_url):
    ready = ".papers-filter.papers-ready"
    assert shift_once_ready(browser, f"{site_url}/index.html", ready) == (0, [])


@pytest.mark.browser
def test_an_anchor_leads_to_its_paper(browser, site_url):
    page, _ = open_page(browser, f"{site_url}/index.html#paper-30")
    assert page.evaluate("document.querySelector(':target').id") == "paper-30"
    page.close()
