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
