"""The site's dates: one source of truth in dates.md, shown through {date}, a calendar feed.
(What each page shows is site_contracts.check_dates, run by test_site.py.)"""

import re
from datetime import UTC, datetime, timedelta

import pytest
import site_sources
from conftest import PAGES, REPO
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


def test_the_calendar_feed_has_one_event_per_entry_stamped_with_the_first_date(site):
    entries = site_sources.important_dates(REPO)
    link = site.soup("dates").select_one("article .dates-feed a")
    assert link["href"] == "important-dates.ics"
    events = Calendar.from_ical((site.outdir / link["href"]).read_bytes()).walk("VEVENT")
    assert [str(e["UID"]).split("@")[0] for e in events] == [entry.id for entry in entries]
    for event, entry in zip(events, entries, strict=True):
        start = event.decoded("DTSTART")
        if entry.time is None:  # a whole day: from that day to the next
            assert (start, event.decoded("DTEND")) == (entry.date, entry.date + timedelta(1))
    first = min(entry.date for entry in entries)
    stamp = datetime(first.year, first.month, first.day, tzinfo=UTC)
    assert {e.decoded("DTSTAMP") for e in events} == {stamp}


def test_the_dates_script_loads_only_on_pages_with_a_dates_block(site):
    sources = site_sources.source_files(REPO)
    for page in PAGES:
        scripts = [s.get("src", "") for s in site.soup(page).find_all("script")]
        uses = any("important-dates.js" in src for src in scripts)
        assert uses == ("{important-dates}" in sources[page]), page
