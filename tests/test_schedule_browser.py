"""The schedule in a real browser: the visitor's own time zone at a click, nothing moving."""

import pytest
from program_testing import build_root, open_page, shift_once_ready
from webcheck import serve

#: Venue times of the test root's real timetable (Europe/Berlin, CEST).
VENUE = ["16:00", "16:40", "16:40", "17:20", "17:20", "17:40", "17:40", "18:20", "18:20", "19:00",
         "19:00", "19:40"]  # fmt: skip


@pytest.fixture(scope="module")
def site_url(tmp_path_factory):
    with serve(build_root("schedule-timetable", tmp_path_factory.mktemp("schedule"))) as url:
        yield url


def times(page) -> list[str]:
    return page.locator(".schedule tbody time").all_inner_texts()


def day_markers(page) -> list[str]:
    return page.locator(".schedule tbody .schedule-day").all_text_contents()


@pytest.mark.browser
def test_the_toggle_shows_tokyo_times_with_a_day_marker_and_back(browser, site_url):
    page, errors = open_page(browser, f"{site_url}/program.html", timezone_id="Asia/Tokyo")
    button = page.get_by_role("button", name="Show in my time zone")
    page.wait_for_selector(".schedule.schedule-ready")
    assert button.is_visible()
    assert times(page) == VENUE
    button.click()
    assert button.get_attribute("aria-pressed") == "true"
    # CEST + 7 hours: from the third slot on, it is already Wednesday in Tokyo.
    assert times(page) == ["23:00", "23:40", "23:40", "00:20", "00:20", "00:40", "00:40", "01:20",
                           "01:20", "02:00", "02:00", "02:40"]  # fmt: skip
    assert day_markers(page) == ["", ""] + [" (Wed, Jun 30)"] * 4
    header = page.locator(".schedule thead th").first
    assert header.inner_text() == "Your time (Asia/Tokyo, UTC+9)"
    button.click()
    assert button.get_attribute("aria-pressed") == "false"
    assert times(page) == VENUE
    assert day_markers(page) == [""] * 6
    assert header.inner_text() == "Time (CEST, UTC+2)"
    assert errors == []
    page.close()


@pytest.mark.browser
def test_a_visitor_in_los_angeles_sees_the_same_day_from_the_keyboard(browser, site_url):
    page, errors = open_page(browser, f"{site_url}/program.html", timezone_id="America/Los_Angeles")
    page.wait_for_selector(".schedule.schedule-ready")
    button = page.get_by_role("button", name="Show in my time zone")
    button.focus()
    page.keyboard.press("Enter")  # a real button: the keyboard works without extra code
    assert button.get_attribute("aria-pressed") == "true"
    assert times(page)[:2] == ["07:00", "07:40"]
    assert day_markers(page) == [""] * 6
    assert page.locator(".schedule thead th").first.inner_text() == (
        "Your time (America/Los_Angeles, UTC-7)"
    )
    assert errors == []
    page.close()


@pytest.mark.browser
def test_nothing_moves_when_the_script_shows_the_toggle(browser, site_url):
    ready = ".schedule.schedule-ready"
    assert shift_once_ready(browser, f"{site_url}/program.html", ready) == (0, [])


# -- On a phone -------------------------------------------------------------------

PHONE = {"width": 375, "height": 812}

#: Every whitespace-separated word of the schedule whose letters lie on more than one line
#: (a word split across lines has client rects at two heights), and how wide the page is.
SPLIT_WORDS = """
() => {
  const split = [];
  const root = document.querySelector(".schedule table");
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!node.parentElement.closest("thead")) {
      for (const match of node.data.matchAll(/\\S+/g)) {
        const range = document.createRange();
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        const tops = new Set(
          Array.from(range.getClientRects(), (rect) => Math.round(rect.top)));
        if (tops.size > 1) split.push(match[0]);
      }
    }
  }
  return { split, width: document.documentElement.scrollWidth };
}
"""


@pytest.fixture(scope="module")
def phone_url(tmp_path_factory):
    with serve(build_root("schedule-phone", tmp_path_factory.mktemp("phone"))) as url:
        yield url


def phone_page(browser, url: str, zone: str):
    context = browser.new_context(viewport=PHONE, timezone_id=zone, locale="en-US")
    page = context.new_page()
    page.goto(f"{url}/index.html")
    page.wait_for_selector(".schedule.schedule-ready")
    return context, page


@pytest.mark.browser
def test_on_a_phone_no_word_is_split_across_lines(browser, phone_url):
    context, page = phone_page(browser, phone_url, "America/New_York")
    try:
        words = page.locator(".schedule tbody").inner_text().split()
        assert any("-" in word for word in words)  # the case that used to break
        found = page.evaluate(SPLIT_WORDS)
        assert found == {"split": [], "width": PHONE["width"]}
        # Each slot is a block of its own: time, then session, then speaker.
        display = page.locator(".schedule tbody tr").first.evaluate(
            "(row) => getComputedStyle(row).display"
        )
        assert display == "block"
        page.get_by_role("button", name="Show in my time zone").click()
        assert page.evaluate(SPLIT_WORDS) == {"split": [], "width": PHONE["width"]}
    finally:
        context.close()


@pytest.mark.parametrize("zone", ["Asia/Tokyo", "Europe/Paris"])
@pytest.mark.parametrize("viewport", [PHONE, {"width": 1280, "height": 900}])
@pytest.mark.browser
def test_after_the_toggle_caption_and_header_name_the_visitor_zone(
    browser, phone_url, zone, viewport
):
    context = browser.new_context(viewport=viewport, timezone_id=zone, locale="en-US")
    page = context.new_page()
    try:
        page.goto(f"{phone_url}/index.html")
        page.wait_for_selector(".schedule.schedule-ready")
        caption = page.locator(".schedule caption .caption-text")
        header = page.locator(".schedule thead th").first
        venue = caption.inner_text(), header.text_content()
        venue_zone = page.locator(".schedule caption .schedule-zone").inner_text().split()[0]
        assert venue_zone in venue[0]
        page.get_by_role("button", name="Show in my time zone").click()
        for shown in (caption.inner_text(), header.text_content()):
            assert zone in shown and venue_zone not in shown, shown
        page.get_by_role("button", name="Show in my time zone").click()
        assert (caption.inner_text(), header.text_content()) == venue
    finally:
        context.close()
