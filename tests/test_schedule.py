"""The schedule directive: a day's slots as an accessible table, a calendar feed, warnings."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from conftest import build_one_page
from icalendar import Calendar
from program_testing import soup, warnings

BERLIN = ZoneInfo("Europe/Berlin")

#: The real timetable of the test root (first day of the 2021 Workshop on Artificial
#: Scientific Discovery, Max Planck Institute for the Science of Light), as published.
TIMETABLE = [
    ("16:00", "16:40", "The Automation of Science", "Ross King", "Chalmers"),
    ("16:40", "17:20", "Projective simulation as an interpretable AI for basic science",
     "Hans Briegel", "Innsbruck"),
    ("17:20", "17:40", "Break", None, None),
    ("17:40", "18:20", "From chips to qubits faster than human experts", "Natalia Ares", "Oxford"),
    ("18:20", "19:00", "Sloppy models, differential geometry, and why science works",
     "James P. Sethna", "Cornell"),
    ("19:00", "19:40", "Deep Learning for the Discovery of Coordinates and Dynamics",
     "J. Nathan Kutz", "U of Washington, Seattle"),
]  # fmt: skip


def text(element) -> str:
    return " ".join(element.get_text().split()) if element else ""


@pytest.mark.sphinx("html", testroot="schedule-timetable", freshenv=True)
def test_a_real_timetable_renders_as_a_captioned_table_with_header_cells(app):
    app.build()
    assert warnings(app) == []
    table = soup(app, "program").select_one(".schedule table")
    # The day comes from an important-dates entry on a page read after this one.
    assert (
        text(table.caption.select_one(".caption-text"))
        == "Tuesday, June 29, 2021, in Europe/Berlin time (CEST, UTC+2)"
    )
    assert [text(th) for th in table.select("thead th")] == [
        "Time (CEST, UTC+2)",
        "Session",
        "Speaker",
    ]
    rows = table.select("tbody tr")
    assert [text(row.th) for row in rows] == [f"{start}–{end}" for start, end, *_ in TIMETABLE]
    assert [text(row.select_one(".schedule-title")) for row in rows] == [
        f"{title} Invited talk" if speaker else title for _, _, title, speaker, _ in TIMETABLE
    ]
    assert [
        (text(row.select_one(".schedule-speaker")) or None,
         text(row.select_one(".schedule-affiliation")) or None)
        for row in rows
    ] == [(speaker, affiliation) for *_, speaker, affiliation in TIMETABLE]  # fmt: skip


@pytest.mark.sphinx("html", testroot="schedule-timetable", freshenv=True)
def test_each_time_carries_its_exact_instant(app):
    app.build()
    times = soup(app, "program").select(".schedule tbody time")
    expected = []
    for start, end, *_ in TIMETABLE:
        expected += [(start, f"2021-06-29T{start}+02:00"), (end, f"2021-06-29T{end}+02:00")]
    assert [(time.get_text(), time["datetime"]) for time in times] == expected


@pytest.mark.sphinx("html", testroot="schedule-timetable", freshenv=True)
def test_the_toggle_is_a_real_button_and_the_feed_is_linked(app):
    app.build()
    controls = soup(app, "program").select_one(".schedule .schedule-controls")
    button = controls.find("button")
    assert button["type"] == "button"
    assert button["aria-pressed"] == "false"
    assert text(button) == "Show in my time zone"
    assert controls.find("a", class_="schedule-feed")["href"] == "program.ics"


@pytest.mark.sphinx("html", testroot="schedule-timetable", freshenv=True)
def test_the_calendar_feed_has_one_event_per_slot_in_the_venue_zone(app):
    app.build()
    raw = (app.outdir / "program.ics").read_bytes()
    calendar = Calendar.from_ical(raw)
    events = calendar.walk("VEVENT")
    assert [
        (
            event.decoded("dtstart"),
            event.decoded("dtend"),
            str(event["summary"]),
        )
        for event in events
    ] == [
        (
            datetime(2021, 6, 29, *map(int, start.split(":")), tzinfo=BERLIN),
            datetime(2021, 6, 29, *map(int, end.split(":")), tzinfo=BERLIN),
            f"{title} ({speaker})" if speaker else title,
        )
        for start, end, title, speaker, _ in TIMETABLE
    ]
    assert b"DTSTART;TZID=Europe/Berlin:20210629T160000" in raw
    assert [str(zone["tzid"]) for zone in calendar.walk("VTIMEZONE")] == ["Europe/Berlin"]
    uids = [str(event["uid"]) for event in events]
    assert (
        uids[0]
        == "2021-06-29-1600-the-automation-of-science@workshop-on-artificial-scientific-discovery"
    )
    assert len(set(uids)) == len(uids)
    assert str(events[0]["description"]) == "Ross King, Chalmers"


@pytest.mark.sphinx("html", testroot="schedule-timetable", freshenv=True)
def test_script_and_style_load_only_on_the_page_with_a_schedule(app):
    app.build()
    for page, expected in (("program", ["_static/schedule.js"]), ("index", []), ("when", [])):
        scripts = soup(app, page).select("script[src*=schedule]")
        assert [s["src"].split("?")[0] for s in scripts] == expected, page
    assert soup(app, "program").select_one("script[src*=schedule]").has_attr("defer")
    assert soup(app, "program").select("link[href*='schedule.css']")


@pytest.mark.sphinx("html", testroot="schedule-bad", freshenv=True)
def test_every_mistake_is_a_located_warning_and_the_rest_renders(app):
    app.build()
    src = "<src>/index.md"
    kinds = "talk, invited, contributed, poster, panel, break, other"
    link = "write an https:// link, such as 'https://example.org/page'"
    hint = "write one '- time: \"HH:MM-HH:MM\"' item per slot, with a 'title:' line under it"
    assert warnings(app) == [
        # The fix itself: the leading zeros.
        f"{src}:8: WARNING: slot 'A time without leading zeros': time '8:45-9:30' is not a time "
        'range; write "08:45-09:30" [schedule.time]',
        f"{src}:10: WARNING: slot 'Ends before it starts': time '09:30-09:00' ends at 09:00, not "
        "after its start 09:30; a slot ends later on the same day [schedule.time]",
        # Each mistake at its own key's line, with the key it is closest to.
        f"{src}:14: WARNING: slot 'Invited talk': unknown key 'speakr'; did you mean 'speaker'? "
        "[schedule.key]",
        f"{src}:15: WARNING: slot 'Invited talk': unknown kind 'keynote'; allowed kinds: {kinds} "
        "[schedule.kind]",
        f"{src}:16: WARNING: slot '10:00-10:30 Overlapping talk' overlaps the slot above it, "
        "'09:30-10:15 Invited talk'; start it at 10:15 or later, or end the other one earlier "
        "[schedule.overlap]",
        f"{src}:18: WARNING: slot '09:00-09:15 Out of order' starts before the slot above it, "
        "'10:00-10:30 Overlapping talk'; list the slots in time order [schedule.order]",
        f"{src}:20: WARNING: slot 7: the required key 'title' is missing; add 'title: ...' "
        "[schedule.missing]",
        f"{src}:21: WARNING: slot 'A slot without time': the required key 'time' is missing; "
        "add 'time: \"HH:MM-HH:MM\"' [schedule.missing]",
        f"{src}:22: WARNING: slot 'A slot without time': url 'not a link' is not a link (it has "
        f"spaces or control characters); {link} [schedule.link]",
        # Options at their own line.
        f"{src}:27: WARNING: unknown time zone 'America/Baltimore' in the :timezone: option; "
        "use AoE, UTC or an IANA name such as 'America/Matamoros'; "
        "falling back to 'America/New_York' [schedule.timezone]",
        f"{src}:34: WARNING: :date: '2022-02-30' is not a real calendar date (day is out of range "
        "for month); write YYYY-MM-DD [schedule.date]",
        f"{src}:43: WARNING: the schedule must be a list, not a mapping; {hint} [schedule.yaml]",
        f"{src}:49: WARNING: the schedule is empty; {hint} [schedule.yaml]",
        f"{src}:57: WARNING: slot 'Opening remarks': key 'title' is given twice; keep one "
        "[schedule.key]",
        # A line separator is no text: the slot is refused at its title's line...
        f"{src}:64: WARNING: slot 'Opening\\u2028remarks': title has a control character "
        "(U+2028); remove it (retype the text if unsure) [schedule.text]",
        # ... and the next slot is still at the file's own line.
        f"{src}:65: WARNING: slot 'After a line separator': time '8:45' is not a time range; "
        'write its start and its end, "08:45-HH:MM" [schedule.time]',
        # Ids are checked once every page is read: this one comes last, at its option's line.
        f"{src}:26: WARNING: the schedule's :date: 'workshp' is neither a date (YYYY-MM-DD) nor "
        "the id of an important-dates entry; write YYYY-MM-DD, or add an important-dates block "
        "with this id [schedule.date]",
    ]
    first = soup(app).select(".schedule table")[0]
    assert [text(row.select_one(".schedule-title")) for row in first.select("tbody tr")] == [
        "Opening remarks",
        "Invited talk",  # its unknown kind is dropped, the slot stays
        "Overlapping talk",
        "Out of order",
    ]
    # A schedule whose day is unknown still shows its venue times, without instants.
    second = soup(app).select(".schedule")[1]
    assert text(second.select_one("tbody th")) == "08:30–08:45"
    assert second.select("time") == [] and second.select("button") == []


@pytest.mark.sphinx(
    "html", testroot="schedule-timetable", srcdir="schedule-incremental", freshenv=True
)
def test_moving_the_important_date_rewrites_the_schedule_page(app):
    app.build()
    program_source = app.srcdir / "program.md"
    dates_page = app.srcdir / "when.md"
    dates_page.write_text(
        dates_page.read_text("utf-8").replace("2021-06-29", "2021-06-30"), "utf-8"
    )
    app.build()  # incremental: only when.md changed
    table = soup(app, "program").select_one(".schedule table")
    assert text(table.caption.select_one(".caption-text")).startswith("Wednesday, June 30, 2021")
    assert table.select_one("time")["datetime"] == "2021-06-30T16:00+02:00"
    events = Calendar.from_ical((app.outdir / "program.ics").read_bytes()).walk("VEVENT")
    assert events[0].decoded("dtstart") == datetime(2021, 6, 30, 16, 0, tzinfo=BERLIN)
    assert program_source.read_text("utf-8").count(":date: day-one") == 1  # untouched


@pytest.mark.sphinx("html", testroot="schedule-timetable", srcdir="schedule-parallel", parallel=2)
def test_a_parallel_build_gives_the_same_pages_and_feed(app, make_app, tmp_path):
    app.build()
    assert warnings(app) == []
    serial = make_app("html", srcdir=app.srcdir, builddir=tmp_path, parallel=0)
    serial.build()
    for name in ("program.html", "when.html", "index.html", "program.ics"):
        assert (app.outdir / name).read_bytes() == (serial.outdir / name).read_bytes(), name


@pytest.mark.sphinx(
    "html",
    testroot="schedule-timetable",
    confoverrides={"schedule_timezone": "Mars/Olympus_Mons"},
    freshenv=True,
)
def test_an_unknown_venue_zone_in_conf_py_is_a_warning_and_utc_applies(app):
    app.build()
    assert warnings(app) == [
        "WARNING: unknown time zone 'Mars/Olympus_Mons' in schedule_timezone (conf.py); use AoE, "
        "UTC or an IANA name such as 'America/New_York'; falling back to 'UTC' [schedule.timezone]"
    ]
    assert app.config.schedule_timezone == "UTC"


# -- The same question gets the same answer as in the dates; hostile input -----------

CONF = 'extensions = ["myst_parser", "schedule"]\nproject = "P"\nschedule_timezone = "UTC"\n'
DATES = "```{important-dates}\n- id: workshop\n  date: 2022-07-23\n  label: Workshop\n```\n"


def build_page(srcdir, page: str):
    """A one-page project with ``page`` as index.md; returns (built, warnings, soup)."""
    built = build_one_page(srcdir, page, CONF)
    return built, built.warnings, built.html


def line_of(page: str, marker: str) -> int:
    """The 1-based file line of the first line containing ``marker``."""
    return next(n for n, line in enumerate(page.split("\n"), 1) if marker in line)


def schedule(options: str, body: str) -> str:
    return f"```{{schedule}}\n{options}\n\n{body}\n```\n\n"


def test_options_ids_and_days_are_checked_at_their_own_line(tmp_path):
    slot = '- time: "08:30-09:00"\n  title: Opening'
    page = (
        f"# P\n\n{DATES}\n"
        + schedule(":date: workshp\n:tim: 08:00", slot)
        + schedule(":date: 0001-01-01", slot)
        + schedule(":date: 2022-07-23\n:timezone: AoE", slot)
    )
    _, found, html = build_page(tmp_path / "p", page)
    src = "<src>/index.md"
    assert found == [
        f"{src}:{line_of(page, ':tim:')}: WARNING: unknown option ':tim:'; did you mean "
        "'timezone'? [schedule.option]",
        f"{src}:{line_of(page, '0001-01-01')}: WARNING: :date: '0001-01-01' is out of range; "
        "write a date from 1970-01-01 to 2999-12-31 [schedule.date]",
        f"{src}:{line_of(page, 'workshp')}: WARNING: the schedule's :date: 'workshp' is neither "
        "a date (YYYY-MM-DD) nor the id of an important-dates entry; did you mean 'workshop'? "
        "[schedule.date]",
    ]
    assert "NaN" not in html.get_text()
    # AoE, as in the dates: the day is over everywhere once it is over at UTC-12.
    aoe = html.select(".schedule")[2]
    assert text(aoe.caption.select_one(".caption-text")) == (
        "Saturday, July 23, 2022, in Anywhere on Earth (UTC-12)"
    )
    assert aoe.select_one("time")["datetime"] == "2022-07-23T08:30-12:00"


@pytest.mark.parametrize(
    "zone", ["localtime", "posixrules", "America", "Factory", "Europe/" + "x" * 300]
)
def test_names_that_are_not_zones_are_located_warnings(tmp_path, zone):
    page = "# P\n\n" + schedule(
        f":date: 2022-07-23\n:timezone: {zone}", '- time: "08:30-09:00"\n  title: T'
    )
    _, found, html = build_page(tmp_path / "p", page)
    assert len(found) == 1, found
    assert found[0].startswith(
        f"<src>/index.md:{line_of(page, ':timezone:')}: WARNING: unknown time zone "
    )
    assert found[0].endswith("; falling back to 'UTC' [schedule.timezone]")
    assert len(found[0]) < 300  # an over-long name is not copied whole
    assert text(html.select_one("caption .caption-text")).endswith("in UTC")


def test_links_get_the_answer_the_dates_give(tmp_path):
    body = (
        '- time: "08:30-09:00"\n  title: No host\n  url: https:///path\n'
        '- time: "09:00-09:30"\n  title: Upper case\n  url: HTTPS://example.org/talk\n'
        '- time: "09:30-10:00"\n  title: Script\n  url: javascript:alert(1)'
    )
    page = "# P\n\n" + schedule(":date: 2022-07-23", body)
    _, found, html = build_page(tmp_path / "p", page)
    src = "<src>/index.md"
    fix = "write an https:// link, such as 'https://example.org/page'"
    assert found == [
        f"{src}:{line_of(page, 'https:///path')}: WARNING: slot 'No host': url 'https:///path' "
        f"has no valid host after 'https://'; {fix} [schedule.link]",
        f"{src}:{line_of(page, 'javascript:')}: WARNING: slot 'Script': url 'javascript:alert(1)' "
        f"is not an https:// link (javascript: links are not published); {fix} [schedule.link]",
    ]
    assert [a["href"] for a in html.select(".schedule-title a")] == ["https://example.org/talk"]


def test_an_unquoted_colon_in_a_title_says_to_quote_it(tmp_path):
    body = '- time: "08:30-09:00"\n  title: Invited talk: Simulation-based inference'
    page = "# P\n\n" + schedule(":date: 2022-07-23", body)
    _, found, _ = build_page(tmp_path / "p", page)
    assert len(found) == 1
    assert found[0].startswith(f"<src>/index.md:{line_of(page, 'Invited talk:')}: WARNING: ")
    assert 'must be in quotes: title: "Deep learning: a review"' in found[0]


HOSTILE = "<img src=x onerror=alert(1)><script>alert(2)</script> **bold** {date}`workshop`"


def test_every_text_field_is_text_and_control_characters_are_refused(tmp_path):
    quoted = HOSTILE.replace('"', '\\"')
    body = (
        f'- time: "08:30-09:00"\n  title: "{quoted}"\n  speaker: "{quoted}"\n'
        f'  affiliation: "{quoted}"\n  note: "{quoted}"\n'
        '- time: "09:00-09:30"\n  title: "Escape \\e[31m"\n'
        '- time: "09:30-10:00"\n  title: Kept\n  speaker: "Lone\\rCR"\n'
        '  affiliation: "NUL\\0"\n  note: "C1\\x9b"\n'
    )
    page = "# P\n\n" + schedule(":date: 2022-07-23", body)
    app, found, html = build_page(tmp_path / "p", page)
    src, remove = "<src>/index.md", "remove it (retype the text if unsure) [schedule.text]"
    assert found == [
        f"{src}:{line_of(page, 'Escape')}: WARNING: slot 'Escape \\x1b[31m': title has a "
        f"control character (U+001B); {remove}",
        f"{src}:{line_of(page, 'Lone')}: WARNING: slot 'Kept': speaker has a control character "
        f"(U+000D); {remove}",
        f"{src}:{line_of(page, 'NUL')}: WARNING: slot 'Kept': affiliation has a control "
        f"character (U+0000); {remove}",
        f"{src}:{line_of(page, 'C1')}: WARNING: slot 'Kept': note has a control character "
        f"(U+009B); {remove}",
    ]
    first, kept = html.select(".schedule tbody tr")
    for cls in ("title", "speaker", "affiliation", "note"):
        assert text(first.select_one(f".schedule-{cls}")).startswith(HOSTILE.split(" **")[0])
    assert html.select(".schedule img, .schedule script:not([src]), .schedule strong strong") == []
    assert html.select(".schedule time") and len(html.select(".schedule time")) == 4
    assert kept.select(".schedule-speaker, .schedule-affiliation, .schedule-note") == []
    raw = (app.outdir / "program.ics").read_bytes()
    assert b"\r" not in raw.replace(b"\r\n", b"") and b"\x1b" not in raw and b"\x00" not in raw
    summaries = [str(event["summary"]) for event in Calendar.from_ical(raw).walk("VEVENT")]
    assert summaries == [f"{HOSTILE} ({HOSTILE})", "Kept"]


def test_deep_and_huge_bodies_are_located_or_linear(tmp_path):
    deep = "- " + "[" * 600 + "]" * 600
    page = "# P\n\n" + schedule(":date: 2022-07-23", deep)
    _, found, _ = build_page(tmp_path / "deep", page)
    assert len(found) == 1 and "nested more than" in found[0], found
    assert found[0].startswith(f"<src>/index.md:{line_of(page, '[[[')}: WARNING: ")

    def seconds(count: int, word: int) -> float:
        import time

        slots = "\n".join(
            f'- time: "{8 + n // 60:02d}:{n % 60:02d}-{8 + (n + 1) // 60:02d}:{(n + 1) % 60:02d}"'
            f"\n  title: {'w' * word}-x"
            for n in range(count)
        )
        page = "# P\n\n" + schedule(":date: 2022-07-23", slots)
        started = time.perf_counter()
        _, found, _ = build_page(tmp_path / f"n{count}-{word}", page)
        assert found == []
        return time.perf_counter() - started

    # One 300,000-character word, and ten times more slots: a fraction of a build each.
    assert seconds(1, 300_000) < 10
    small, large = seconds(60, 10), seconds(600, 10)
    assert large < 10 * small + 5


def test_yaml_surrogate_escapes_are_refused_not_crashing_the_feed(tmp_path):
    # YAML turns "\ud83d\ude00" into two lone halves, which no UTF-8 file or .ics can hold.
    body = '- time: "08:30-09:00"\n  title: Kept\n  speaker: "Ada \\ud83d\\ude00"'
    page = "# P\n\n" + schedule(":date: 2022-07-23", body)
    app, found, html = build_page(tmp_path / "p", page)
    assert found == [
        f"<src>/index.md:{line_of(page, 'speaker')}: WARNING: slot 'Kept': speaker has half of a "
        "UTF-16 surrogate pair (U+D83D), which is no character; write the character itself "
        "[schedule.text]"
    ]
    assert html.select(".schedule-speaker") == []
    events = Calendar.from_ical((app.outdir / "program.ics").read_bytes()).walk("VEVENT")
    assert [str(event["summary"]) for event in events] == ["Kept"]
