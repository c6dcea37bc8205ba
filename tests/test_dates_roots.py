"""The important_dates extension on small test projects (tests/roots/test-dates-*)."""

import os
import re
import shutil
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import ANSI, SOURCE_DATE_EPOCH, build_one_page, warnings_of
from icalendar import Calendar
from important_dates.entries import DateEntry
from important_dates.feed import calendar_bytes, write_feed


def soup(app, page: str) -> BeautifulSoup:
    return BeautifulSoup((app.outdir / f"{page}.html").read_text(encoding="utf-8"), "html.parser")


def squash(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture
def epoch(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", SOURCE_DATE_EPOCH)


# -- The good case ---------------------------------------------------------------


@pytest.mark.sphinx("html", testroot="dates-good", freshenv=True)
def test_good_dates_build_without_warning_and_render_every_fact(app, epoch):
    app.build()
    assert warnings_of(app) == []
    entries = soup(app, "dates").select(".dates-list > li.dates-entry")
    assert [squash(entry.get_text(" ")) for entry in entries] == [
        "Abstract submission deadline extended "
        "Monday, May 16, 2022 (extended from Monday, May 9, 2022 ) "
        "end of day, Anywhere on Earth (UTC-12) "
        "= Tuesday, May 17, 11:59 UTC "
        "https://openreview.net/group?id=ICML.cc/2022/Workshop/ML4Astro",
        "Notification of acceptance Friday, June 3, 2022 "
        "end of day, Anywhere on Earth (UTC-12) = Saturday, June 4, 11:59 UTC",
        "Poster upload Friday, July 15, 2022, 23:00 "
        "Europe/Paris time (CEST, UTC+2) = Friday, July 15, 21:00 UTC",
        "Workshop Saturday, July 23, 2022 all day, America/New_York time (EDT, UTC-4) "
        "= Saturday, July 23, 04:00 to Sunday, July 24, 03:59 UTC In Baltimore.",
    ]


@pytest.mark.sphinx("html", testroot="dates-good", freshenv=True)
def test_entries_carry_utc_instants_for_the_browser_and_time_elements(app):
    app.build()
    page = soup(app, "dates")
    found = [
        (li["id"], li["data-dates-kind"], li["data-dates-start"], li["data-dates-end"])
        for li in page.select("li.dates-entry")
    ]
    assert found == [
        ("date-abstract-deadline", "deadline", "2022-05-16T12:00:00Z", "2022-05-17T12:00:00Z"),
        ("date-notification", "deadline", "2022-06-03T12:00:00Z", "2022-06-04T12:00:00Z"),
        ("date-poster-upload", "time", "2022-07-15T21:00:00Z", "2022-07-15T21:00:00Z"),
        ("date-workshop", "day", "2022-07-23T04:00:00Z", "2022-07-24T04:00:00Z"),
    ]
    times = [(t["datetime"], t.get_text()) for t in page.select(".dates-when time")]
    assert times == [
        ("2022-05-16", "Monday, May 16, 2022"),
        ("2022-05-09", "Monday, May 9, 2022"),
        ("2022-06-03", "Friday, June 3, 2022"),
        ("2022-07-15T23:00+02:00", "Friday, July 15, 2022, 23:00"),
        ("2022-07-23", "Saturday, July 23, 2022"),
    ]
    # The old date of an extension is struck through, the entry marked.
    assert page.select_one("#date-abstract-deadline del time")["datetime"] == "2022-05-09"
    assert page.select_one("#date-abstract-deadline .dates-badge").get_text() == "extended"
    link = page.select_one(".dates-feed a")
    assert (link["href"], link.get_text()) == ("important-dates.ics", "Add to your calendar")


@pytest.mark.sphinx("html", testroot="dates-good", freshenv=True)
def test_the_date_role_shows_the_entry_in_a_time_element_md_and_rst(app):
    app.build()

    def shown(page):
        return [(t["datetime"], t.get_text()) for t in soup(app, page).select("[role=main] time")]

    assert shown("index") == [("2022-05-16", "May 16, 2022"), ("2022-07-23", "July 23, 2022")]
    assert shown("program") == [("2022-06-03", "June 3, 2022")]
    # more.rst: the role and a directive in reStructuredText; no :timezone:, so dates_timezone.
    assert shown("more")[0] == ("2022-07-23T19:30+00:00", "July 23, 2022")
    assert squash(soup(app, "more").select_one("#date-dinner .dates-zone").get_text()) == "UTC"


@pytest.mark.sphinx("html", testroot="dates-good", freshenv=True)
def test_script_and_styles_only_on_pages_that_list_dates(app):
    app.build()

    def assets(page):
        html = (app.outdir / f"{page}.html").read_text(encoding="utf-8")
        return sorted(set(re.findall(r"_static/(important-dates\.(?:js|css))", html)))

    assert assets("dates") == ["important-dates.css", "important-dates.js"]
    assert assets("index") == []
    assert (app.outdir / "_static" / "important-dates.js").is_file()


@pytest.mark.sphinx("html", testroot="dates-good", freshenv=True)
def test_the_calendar_feed_parses_back_to_one_event_per_entry(app, epoch):
    app.build()
    raw = (app.outdir / "important-dates.ics").read_bytes()
    assert raw.startswith(b"BEGIN:VCALENDAR\r\n") and raw.endswith(b"END:VCALENDAR\r\n")
    calendar = Calendar.from_ical(raw)
    assert str(calendar["VERSION"]) == "2.0"
    assert str(calendar["PRODID"]) == "-//Test Workshop//Important dates//EN"
    events = {str(event["UID"]): event for event in calendar.walk("VEVENT")}
    assert list(events) == [
        "abstract-deadline@test-workshop",
        "notification@test-workshop",
        "poster-upload@test-workshop",
        "dinner@test-workshop",
        "workshop@test-workshop",
    ]
    first_day = min(event.decoded("DTSTART") for event in events.values() if "DTEND" in event)
    stamp = datetime(first_day.year, first_day.month, first_day.day, tzinfo=UTC)
    assert {event.decoded("DTSTAMP") for event in events.values()} == {stamp}

    deadline = events["abstract-deadline@test-workshop"]
    assert str(deadline["SUMMARY"]) == "Abstract submission deadline"
    # All-day: DATE values, DTEND the day after (RFC 5545 3.6.1).
    assert deadline.decoded("DTSTART") == date(2022, 5, 16)
    assert deadline.decoded("DTEND") == date(2022, 5, 17)
    assert deadline["DTSTART"].params["VALUE"] == "DATE"
    assert str(deadline["DESCRIPTION"]) == (
        "Monday, May 16, 2022, end of day, Anywhere on Earth (UTC-12) "
        "= Tuesday, May 17, 11:59 UTC.\nExtended from 2022-05-09.\n"
        "https://openreview.net/group?id=ICML.cc/2022/Workshop/ML4Astro"
    )
    assert str(deadline["URL"]) == "https://openreview.net/group?id=ICML.cc/2022/Workshop/ML4Astro"
    assert deadline.decoded("SEQUENCE") == 1

    # Timed: the exact instant, in UTC, and no DTEND (the event is that instant).
    upload = events["poster-upload@test-workshop"]
    assert upload.decoded("DTSTART") == datetime(2022, 7, 15, 21, 0, tzinfo=UTC)
    assert "DTEND" not in upload
    workshop = events["workshop@test-workshop"]
    assert (workshop.decoded("DTSTART"), workshop.decoded("DTEND")) == (
        date(2022, 7, 23),
        date(2022, 7, 24),
    )
    assert "all day, America/New_York time (EDT, UTC-4)" in str(workshop["DESCRIPTION"])


@pytest.mark.parametrize("epoch", [None, "0", "1650000000", "4102444800"])
def test_the_feed_is_the_same_whatever_the_build_date(monkeypatch, epoch):
    if epoch is None:
        monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    else:
        monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch)
    entries = [
        DateEntry(id="b", label="B", date=date(2022, 7, 23), timezone="UTC"),
        DateEntry(id="a", label="A", date=date(2022, 5, 16), timezone="AoE"),
    ]
    first = calendar_bytes(entries, "P")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1234567890")
    assert first == calendar_bytes(entries, "P")
    stamps = {event.decoded("DTSTAMP") for event in Calendar.from_ical(first).walk("VEVENT")}
    assert stamps == {datetime(2022, 5, 16, tzinfo=UTC)}  # the first date's midnight


@pytest.mark.sphinx("text", testroot="dates-good", freshenv=True)
def test_other_builders_render_the_dates_as_text_and_write_no_feed(app):
    app.build()
    assert warnings_of(app) == []
    text = (app.outdir / "dates.txt").read_text(encoding="utf-8")
    assert "Monday, May 16, 2022 (extended from Monday, May 9, 2022)" in text
    assert "Add to your calendar" not in text
    assert not (app.outdir / "important-dates.ics").exists()


@pytest.mark.sphinx("html", testroot="dates-good", freshenv=True)
def test_no_feed_is_written_when_the_build_raised(app):
    app.build()
    feed = app.outdir / "important-dates.ics"
    feed.unlink()
    write_feed(app, RuntimeError("the build failed"))
    assert not feed.exists()
    write_feed(app, None)
    assert feed.exists()


# -- Every mistake: a located warning, all in one run ----------------------------

EXPECTED_WARNINGS = [
    "<src>/dates.md:5: WARNING: the important-dates block is not valid YAML (while parsing a "
    "flow sequence expected ',' or ']', but got '<stream end>'); write one '- id: ...' entry per "
    "date, with 'date:' and 'label:' lines under it [dates.yaml]",
    "<src>/dates.md:9: WARNING: the important-dates block must be a list, not a "
    "mapping; write one '- id: ...' entry per date, with 'date:' and 'label:' lines under it "
    "[dates.yaml]",
    "<src>/dates.md:16: WARNING: entry 1 is the text 'just text', not 'key: value' lines; write "
    "one '- id: ...' entry per date, with 'date:' and 'label:' lines under it [dates.yaml]",
    "<src>/dates.md:20: WARNING: entry 'no-date': the required key 'date' is missing; "
    "add 'date: YYYY-MM-DD' [dates.key]",
    "<src>/dates.md:22: WARNING: entry 4: the required key 'id' is missing; add 'id: a-slug' "
    "[dates.key]",
    "<src>/dates.md:22: WARNING: entry 4: the required key 'label' is missing; add 'label: ...' "
    "[dates.key]",
    # At the typo's own line, with the key it is closest to.
    "<src>/dates.md:25: WARNING: entry 'typo-key': unknown key 'lable'; did you mean 'label'? "
    "[dates.key]",
    "<src>/dates.md:28: WARNING: entry 'words': date 'July 23d' is not a date; write YYYY-MM-DD "
    "[dates.format]",
    "<src>/dates.md:31: WARNING: entry 'slashes': date '2022/07/23' is not a date; "
    "write YYYY-MM-DD [dates.format]",
    "<src>/dates.md:34: WARNING: entry 'unpadded': date '2022-5-16' is not a date; "
    "write YYYY-MM-DD [dates.format]",
    "<src>/dates.md:37: WARNING: entry 'not-real': date '2022-02-30' is not a real calendar date "
    "(day is out of range for month); write YYYY-MM-DD [dates.format]",
    "<src>/dates.md:41: WARNING: entry 'bad-time': time '25:00' is not a time; "
    'write "HH:MM" (24-hour clock) [dates.format]',
    "<src>/dates.md:45: WARNING: entry 'bad-zone': unknown time zone 'Europe/Pari'; use AoE, UTC "
    "or an IANA name such as 'Europe/Paris' [dates.timezone]",
    "<src>/dates.md:47: WARNING: entry 12: id 'Bad_Id' is not valid; use lowercase letters, "
    "digits and hyphens, such as 'bad-id' [dates.format]",
    "<src>/dates.md:50: WARNING: entry 'abstract-deadline': duplicate id, already used on line "
    "17; give each date its own id [dates.duplicate]",
    "<src>/dates.md:53: WARNING: entry 'before-in-utc' (Saturday, May 21, 2022, 08:00 UTC) is "
    "listed after 'typo-key' (Friday, May 20, 2022, end of day AoE) but comes earlier; list the "
    "entries in chronological order [dates.order]",
    "<src>/dates.md:60: WARNING: entry 'bad-extension': extended_from '2022-05-30' is not earlier "
    "than the date '2022-05-25'; extended_from is the old date, before the extension "
    "[dates.order]",
    "<src>/dates.md:62: WARNING: entry 'far-away': 2032-05-26 is more than 2 years away from the "
    "other dates (around 2022-05-21); check the year [dates.range]",
    "<src>/dates.md:72: WARNING: entry 'yaml-options': date '2022-13-01' is not a real calendar "
    "date (month must be in 1..12); write YYYY-MM-DD [dates.format]",
    # At the option's own line, below the directive's.
    "<src>/dates.md:77: WARNING: unknown time zone 'Mars/Olympus' in the :timezone: option; use "
    "AoE, UTC or an IANA name such as 'America/New_York'; falling back to 'AoE' [dates.timezone]",
    "<src>/index.md:3: WARNING: unknown date id 'abstract-deadlin' in {date}; did you mean "
    "'abstract-deadline'? known ids: abstract-deadline, bad-extension, before-in-utc, dinner, "
    "far-away, on-mars, typo-key [dates.ref]",
    "<src>/more.rst:10: WARNING: entry 'lunch': date '23/07/2022' is not a date; "
    "write YYYY-MM-DD [dates.format]",
    # A line separator is no text: the entry is refused at its label's line.
    "<src>/other.md:6: WARNING: entry 'workshop': label has a control character (U+2028); "
    "remove it (retype the text if unsure) [dates.text]",
    # Line 7 although the label above holds a U+2028, which MyST's own line split counts.
    "<src>/other.md:7: WARNING: entry 'abstract-deadline': duplicate id, already used at "
    "dates.md:17; give each date its own id [dates.duplicate]",
]


def by_location(line: str) -> tuple[str, int]:
    path, number = re.match(r"(.*?):(\d+): ", line).groups()
    return path, int(number)


@pytest.mark.sphinx("html", testroot="dates-bad", freshenv=True)
def test_every_mistake_is_a_located_warning_in_one_run(app):
    app.build()
    found = sorted(warnings_of(app), key=by_location)  # stable: same-line order kept
    assert found == EXPECTED_WARNINGS


@pytest.mark.sphinx("html", testroot="dates-bad", freshenv=True)
def test_the_valid_entries_still_render_next_to_the_bad_ones(app):
    app.build()
    page = soup(app, "dates")
    ids = [li["data-dates-id"] for li in page.select("li.dates-entry")]
    # Unknown keys, a bad extension, order and range problems are reported, yet rendered;
    # an entry without a usable date, time, zone or id cannot be, and a duplicate is dropped.
    assert ids == [
        "abstract-deadline", "typo-key", "before-in-utc", "bad-extension", "far-away", "on-mars",
    ]  # fmt: skip
    assert page.select_one("#date-bad-extension del") is None
    # A block whose :timezone: is unknown falls back to dates_timezone (AoE here).
    zone = page.select_one("#date-on-mars .dates-zone").get_text()
    assert zone == "end of day, Anywhere on Earth (UTC-12)"
    # The unknown id is shown as written, not silently dropped.
    assert soup(app, "index").select_one("[role=main] p code").get_text() == "abstract-deadlin"


@pytest.mark.sphinx(
    "html", testroot="dates-good", freshenv=True, confoverrides={"dates_timezone": "Mars/Olympus"}
)
def test_an_unknown_default_time_zone_in_conf_is_a_warning_and_aoe_applies(app):
    app.build()
    assert warnings_of(app) == [
        "WARNING: unknown time zone 'Mars/Olympus' in dates_timezone (conf.py); use AoE, UTC or "
        "an IANA name such as 'America/New_York'; falling back to 'AoE' [dates.timezone]"
    ]
    zone = soup(app, "more").select_one("#date-dinner .dates-zone").get_text()
    assert zone == "Anywhere on Earth (UTC-12)"


# -- Incremental and parallel builds ---------------------------------------------


def written_pages(app) -> list[str]:
    """The pages the last build wrote, from its status output."""
    status = ANSI.sub("", app._status.getvalue())
    return sorted(set(re.findall(r"writing output\.\.\. \[\s*\d+%\] (\S+)", status)))


@pytest.mark.sphinx("html", testroot="dates-good", srcdir="dates-incremental", freshenv=True)
def test_changing_a_date_rewrites_every_page_showing_it_without_a_fresh_env(app, make_app):
    app.build()
    assert soup(app, "program").select_one("[role=main] time").get_text() == "June 3, 2022"
    source = Path(app.srcdir) / "dates.md"
    source.write_text(source.read_text().replace('"2022-06-03"', '"2022-06-10"'))
    later = source.stat().st_mtime + 10  # newer than the last read, whatever the clock
    os.utime(source, (later, later))

    app.cleanup()  # a second app in one process: unregister the first one's nodes
    again = make_app("html", srcdir=app.srcdir)
    again.build()
    assert warnings_of(again) == []
    assert soup(again, "program").select_one("[role=main] time").get_text() == "June 10, 2022"
    assert soup(again, "dates").select_one("#date-notification time")["datetime"] == "2022-06-10"
    # program.md did not change, yet was rewritten; notes.md shows no date and was not
    # (index.md is rewritten by Sphinx itself: its toctree lists dates.md).
    assert written_pages(again) == ["dates", "index", "program"]


@pytest.mark.sphinx("html", testroot="dates-good", srcdir="dates-unchanged", freshenv=True)
def test_editing_a_date_page_without_changing_dates_rewrites_only_that_page(app, make_app):
    app.build()
    source = Path(app.srcdir) / "dates.md"
    source.write_text(source.read_text().replace("# Dates\n", "# Dates\n\nAll times AoE.\n"))
    later = source.stat().st_mtime + 10
    os.utime(source, (later, later))
    app.cleanup()
    again = make_app("html", srcdir=app.srcdir)
    again.build()
    assert written_pages(again) == ["dates", "index"]  # not program.md: its date is the same


def outputs(app) -> dict[str, bytes]:
    files = [*sorted(app.outdir.glob("*.html")), app.outdir / "important-dates.ics"]
    return {path.name: path.read_bytes() for path in files}


@pytest.mark.parametrize("root", ["dates-good", "dates-bad"])
def test_parallel_build_gives_the_serial_output_and_warnings(root, make_app, tmp_path, epoch):
    results = {}
    for jobs in (1, 2):
        srcdir = tmp_path / f"j{jobs}"
        shutil.copytree(Path(__file__).parent / "roots" / f"test-{root}", srcdir)
        app = make_app("html", srcdir=srcdir, parallel=jobs, freshenv=True)
        assert app.is_parallel_allowed("read") and app.is_parallel_allowed("write")
        app.build()
        results[jobs] = (outputs(app), sorted(warnings_of(app), key=by_location))
        app.cleanup()
        if jobs == 2:  # the read really ran in worker processes, in chunks of pages
            status = ANSI.sub("", app._status.getvalue())
            assert re.search(r"reading sources\.\.\. \[\s*\d+%\] \S+ \.\. \S+", status)
    assert results[1][0].keys() == results[2][0].keys()
    for name in results[1][0]:
        assert results[1][0][name] == results[2][0][name], name
    assert results[1][1] == results[2][1]


# -- The same answers as the schedule; hostile input -----------------------------

CONF = 'extensions = ["myst_parser", "important_dates"]\nproject = "P"\n'


def build_page(srcdir: Path, page: str):
    """A one-page project with ``page`` as index.md; returns (built, warnings, soup)."""
    built = build_one_page(srcdir, page, CONF)
    return built, built.warnings, built.html


def line_of(page: str, marker: str) -> int:
    """The 1-based file line of the first line containing ``marker``."""
    return next(n for n, line in enumerate(page.split("\n"), 1) if marker in line)


def block(body: str, options: str = ":timezone: AoE") -> str:
    return f"# P\n\n```{{important-dates}}\n{options}\n\n{body}\n```\n"


def test_an_unknown_option_and_a_loose_time_say_the_fix_at_their_line(tmp_path):
    page = block("- id: a\n  date: 2022-05-16\n  time: 8:45\n  label: A", ":timezon: UTC")
    _, found, _ = build_page(tmp_path / "p", page)
    assert found == [
        f"<src>/index.md:{line_of(page, ':timezon:')}: WARNING: unknown option ':timezon:'; "
        "did you mean 'timezone'? [dates.option]",
        f"<src>/index.md:{line_of(page, '8:45')}: WARNING: entry 'a': time '8:45' is not a time; "
        "write 08:45 [dates.format]",
    ]


@pytest.mark.parametrize(
    "zone", ["localtime", "posixrules", "America", "Factory", "Europe/" + "x" * 300]
)
def test_names_that_are_not_zones_are_located_warnings(tmp_path, zone):
    page = block(
        f"- id: a\n  date: 2022-05-16\n  timezone: {zone}\n  label: A", f":timezone: {zone}"
    )
    _, found, html = build_page(tmp_path / "p", page)
    option, entry = found
    assert option.startswith(f"<src>/index.md:{line_of(page, ':timezone:')}: WARNING: unknown ")
    assert option.endswith("; falling back to 'AoE' [dates.timezone]")
    assert entry.startswith(f"<src>/index.md:{line_of(page, '  timezone:')}: WARNING: entry 'a': ")
    assert all(len(line) < 300 for line in found)  # an over-long name is not copied whole
    assert html.select("li.dates-entry") == []


def test_links_get_the_answer_the_schedule_gives(tmp_path):
    body = (
        "- id: a\n  date: 2022-05-16\n  label: A\n  url: https:///path\n"
        "- id: b\n  date: 2022-05-17\n  label: B\n  url: HTTPS://example.org/submit\n"
        "- id: c\n  date: 2022-05-18\n  label: C\n  url: javascript:alert(1)"
    )
    page = block(body)
    _, found, html = build_page(tmp_path / "p", page)
    fix = "write an https:// link, such as 'https://example.org/page'"
    assert found == [
        f"<src>/index.md:{line_of(page, 'https:///')}: WARNING: entry 'a': url 'https:///path' "
        f"has no valid host after 'https://'; {fix} [dates.link]",
        f"<src>/index.md:{line_of(page, 'javascript:')}: WARNING: entry 'c': url "
        "'javascript:alert(1)' is not an https:// link (javascript: links are not published); "
        f"{fix} [dates.link]",
    ]
    assert [a["href"] for a in html.select(".dates-url a")] == ["https://example.org/submit"]


HOSTILE = "<img src=x onerror=alert(1)><script>alert(2)</script> **bold** {date}`a`"


def test_labels_and_notes_are_text_and_control_characters_are_refused(tmp_path):
    quoted = HOSTILE.replace('"', '\\"')
    body = (
        f'- id: a\n  date: 2022-05-16\n  label: "{quoted}"\n  note: "{quoted}"\n'
        '- id: b\n  date: 2022-05-17\n  label: "Escape \\e[31m"\n'
        '- id: c\n  date: 2022-05-18\n  label: C\n  note: "Lone\\rCR"\n'
        '- id: d\n  date: 2022-05-19\n  label: D\n  note: "C1\\x85 NUL\\0"'
    )
    page = block(body)
    app, found, html = build_page(tmp_path / "p", page)
    remove = "remove it (retype the text if unsure) [dates.text]"
    assert found == [
        f"<src>/index.md:{line_of(page, 'Escape')}: WARNING: entry 'b': label has a control "
        f"character (U+001B); {remove}",
        f"<src>/index.md:{line_of(page, 'Lone')}: WARNING: entry 'c': note has a control "
        f"character (U+000D); {remove}",
        f"<src>/index.md:{line_of(page, 'C1')}: WARNING: entry 'd': note has a control "
        f"character (U+0085); {remove}",
    ]
    assert [li["data-dates-id"] for li in html.select("li.dates-entry")] == ["a", "c", "d"]
    first = html.select_one("#date-a")
    assert squash(first.select_one(".dates-label").get_text()) == squash(HOSTILE)
    assert squash(first.select_one(".dates-note").get_text()) == squash(HOSTILE)
    assert html.select(".dates img, .dates script, .dates time[datetime] ~ time") == []
    assert html.select(".dates-note") == [first.select_one(".dates-note")]
    raw = (app.outdir / "important-dates.ics").read_bytes()
    assert b"\r" not in raw.replace(b"\r\n", b"") and b"\x1b" not in raw and b"\x00" not in raw
    events = Calendar.from_ical(raw).walk("VEVENT")
    assert [str(event["summary"]) for event in events] == [HOSTILE, "C", "D"]


def test_deep_and_huge_blocks_are_located_or_linear(tmp_path):
    import time

    page = block("- " + "[" * 600 + "]" * 600)
    _, found, _ = build_page(tmp_path / "deep", page)
    assert len(found) == 1 and "nested more than" in found[0], found
    assert found[0].startswith(f"<src>/index.md:{line_of(page, '[[[')}: WARNING: ")
    assert found[0].endswith("[dates.yaml]")

    def seconds(name: str, body: str, expected: int) -> float:
        started = time.perf_counter()
        _, found, _ = build_page(tmp_path / name, block(body))
        assert len(found) == expected, found[:3]
        assert all(len(line) < 300 for line in found)  # the word is not copied whole
        return time.perf_counter() - started

    word = "w" * 300_000
    # A 300,000-character word as an id, a date, a label and a note: one located date.
    huge = f"- id: {word}\n  date: {word}\n  label: {word}\n  note: {word}"
    assert seconds("word", huge, 1) < 10

    def entries(count: int) -> str:
        return "\n".join(f"- id: e{n}\n  date: 2022-05-16\n  label: L{n}" for n in range(count))

    small, large = seconds("small", entries(50), 0), seconds("large", entries(500), 0)
    assert large < 10 * small + 5


def test_a_date_with_a_mistake_is_reported_once_where_it_is_written(tmp_path):
    """Pages showing a date whose entry has a mistake are not told the id is unknown: the one
    warning is at the entry, where the fix is."""
    body = "- id: notification\n  date: 2022-6-3\n  label: Notification"
    page = block(body) + "\n\nNotification on {date}`notification`.\n"
    _, found, html = build_page(tmp_path / "p", page)
    assert found == [
        f"<src>/index.md:{line_of(page, '2022-6-3')}: WARNING: entry 'notification': date "
        "'2022-6-3' is not a date; write YYYY-MM-DD [dates.format]"
    ]
    assert "notification" in html.get_text()
