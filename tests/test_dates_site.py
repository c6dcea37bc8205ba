"""The site's dates: one source of truth in dates.md, shown through {date}, a calendar feed."""

import re
from datetime import UTC, date, datetime

import pytest
from conftest import PAGES, REPO, SOURCE_DATE_EPOCH
from icalendar import Calendar

MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
#: A date as people write them: 2022-05-16, May 16(th), 16 May, 16/05/2022.
HAND_WRITTEN_DATE = re.compile(
    rf"\b\d{{4}}-\d{{1,2}}-\d{{1,2}}\b|\b{MONTH}\s+\d{{1,2}}(?:st|nd|rd|th|d)?\b"
    rf"|\b\d{{1,2}}(?:st|nd|rd|th)?\s+{MONTH}\b|\b\d{{1,2}}/\d{{1,2}}/\d{{2,4}}\b"
)
DIRECTIVE = re.compile(r"^(`{3,}|:{3,})\{important-dates\}.*?^\1\s*$", re.S | re.M)


def hand_written_dates(text: str) -> list[str]:
    """Dates written in a page outside its important-dates block."""
    return HAND_WRITTEN_DATE.findall(DIRECTIVE.sub("", text))


def test_the_date_scanner_finds_the_ways_people_write_dates():
    seed = (REPO / "tests" / "data" / "seed-workshop-page.md").read_text(encoding="utf-8")
    assert hand_written_dates(seed) == ["May 16th", "June 3rd", "July 23d"]
    found = hand_written_dates("on 2022-05-16, 16 May, 16/05/2022 or Jul. 23 ... may 2 things")
    assert found == ["2022-05-16", "16 May", "16/05/2022", "Jul. 23"]
    block = "```{important-dates}\n- id: a\n  date: 2022-05-16\n```\nMay 1"
    assert hand_written_dates(block) == ["May 1"]


@pytest.mark.parametrize("page", PAGES)
def test_no_page_writes_a_date_by_hand(page):
    text = (REPO / f"{page}.md").read_text(encoding="utf-8")
    assert hand_written_dates(text) == [], f"{page}.md: use {{date}}`id` instead"


def test_the_dates_page_lists_the_dates_with_their_time_zone(site):
    entries = site.soup("dates").select("article li.dates-entry")
    found = [
        (
            entry.select_one(".dates-label").get_text(" ", strip=True),
            entry.select_one(".dates-when time").get_text(),
            entry.select_one(".dates-zone").get_text(),
        )
        for entry in entries
    ]
    assert found == [
        ("Abstract submission deadline", "Monday, May 16, 2022",
         "end of day, Anywhere on Earth (UTC-12)"),
        ("Notification of acceptance", "Friday, June 3, 2022",
         "end of day, Anywhere on Earth (UTC-12)"),
        ("Workshop", "Saturday, July 23, 2022", "all day, America/New_York time (EDT, UTC-4)"),
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("page", "expected"),
    [
        ("index", [("2022-07-23", "July 23, 2022"), ("2022-05-16", "May 16, 2022")]),
        ("program", [("2022-06-03", "June 3, 2022"), ("2022-07-23", "July 23, 2022")]),
    ],
)
def test_home_and_program_show_the_dates_through_the_role(site, page, expected):
    times = site.soup(page).select("article time")
    assert [(t["datetime"], t.get_text()) for t in times] == expected


def test_the_calendar_feed_is_linked_and_holds_the_three_dates(site):
    link = site.soup("dates").select_one("article .dates-feed a")
    assert (link.get_text(), link["href"]) == ("Add to your calendar", "important-dates.ics")
    calendar = Calendar.from_ical((site.outdir / link["href"]).read_bytes())
    events = calendar.walk("VEVENT")
    assert [
        (str(e["UID"]).split("@")[0], str(e["SUMMARY"]), e.decoded("DTSTART"), e.decoded("DTEND"))
        for e in events
    ] == [
        ("abstract-deadline", "Abstract submission deadline", date(2022, 5, 16), date(2022, 5, 17)),
        ("notification", "Notification of acceptance", date(2022, 6, 3), date(2022, 6, 4)),
        ("workshop", "Workshop", date(2022, 7, 23), date(2022, 7, 24)),
    ]
    stamp = datetime.fromtimestamp(int(SOURCE_DATE_EPOCH), UTC)
    assert {e.decoded("DTSTAMP") for e in events} == {stamp}


def test_the_dates_script_loads_on_the_dates_page_only(site):
    for page in PAGES:
        scripts = [s.get("src", "") for s in site.soup(page).find_all("script")]
        uses = any("important-dates.js" in src for src in scripts)
        assert uses == (page == "dates"), page
