"""The phases extension on small test projects (tests/roots/test-phases*): what a page
without JavaScript shows at a build date, the warnings, other builders, rebuilds.

Expected instants come from the test root's own dates (``important_dates.lookup``).
"""

import re
import shutil
from datetime import UTC, datetime, timedelta

import important_dates
import pytest
import site_sources
from conftest import REPO, build_site, parse_html, warnings_of

MINUTE = timedelta(minutes=1)


def epoch_of(moment: datetime) -> str:
    return str(int(moment.timestamp()))


def entry(app, date_id: str):
    found = important_dates.lookup(app.env, date_id)
    assert found is not None, date_id
    return found


def boundaries(app) -> dict[str, datetime]:
    """The instants where the root's phases change: when each entry passes or begins/ends."""
    return {
        "deadline": entry(app, "abstract-deadline").end(),
        "notification": entry(app, "notification").end(),
        "workshop starts": entry(app, "workshop").start(),
        "workshop ends": entry(app, "workshop").end(),
    }


def shown(app, page: str) -> list[str]:
    """The text of the phase blocks of ``page`` a visitor without JavaScript sees."""
    soup = parse_html(app.outdir / f"{page}.html")
    return [" ".join(b.get_text(" ").split()) for b in soup.select("div.phases:not([hidden])")]


def day(moment) -> str:
    return f"{moment:%B} {moment.day}"


@pytest.fixture
def root(rootdir, tmp_path):
    """A fresh copy of tests/roots/test-phases, which a test may edit."""
    return shutil.copytree(rootdir / "test-phases", tmp_path / "phases")


def build_at(make_app, monkeypatch, moment: datetime, srcdir, builder="html", **kwargs):
    """A build of ``srcdir`` dated ``moment``; a fresh one unless ``freshenv=False``."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch_of(moment))
    app = make_app(builder, srcdir=srcdir, freshenv=kwargs.pop("freshenv", True), **kwargs)
    app.build()
    app.cleanup()  # several apps in one test: Sphinx's global registrations are undone
    assert warnings_of(app) == []
    return app


@pytest.fixture
def dates_of_root(make_app, monkeypatch, rootdir, tmp_path):
    """The root's boundaries, read from one build of it."""
    srcdir = shutil.copytree(rootdir / "test-phases", tmp_path / "reading")
    return boundaries(build_at(make_app, monkeypatch, datetime(2000, 1, 1, tzinfo=UTC), srcdir))


@pytest.mark.parametrize("which", ["deadline", "notification", "workshop starts", "workshop ends"])
def test_without_javascript_the_build_date_decides_one_minute_either_side(
    make_app, monkeypatch, root, dates_of_root, which
):
    moment = dates_of_root[which]
    status_before = shown(build_at(make_app, monkeypatch, moment - MINUTE, root), "index")[0]
    after = build_at(make_app, monkeypatch, moment + MINUTE, root)
    status_after = shown(after, "index")[0]
    assert status_before != status_after
    expected_after = {
        "deadline": "Next: Notification of acceptance, in",
        "notification": "The workshop is in",
        "workshop starts": "The workshop is today",
        "workshop ends": "The workshop took place on",
    }[which]
    assert status_after.startswith(expected_after)
    # One status sentence at any moment, and the page's own blocks agree with it.
    assert len([t for t in shown(after, "index") if t in status_after]) == 1


def test_the_status_counts_down_and_names_the_dates(make_app, monkeypatch, root, dates_of_root):
    deadline = dates_of_root["deadline"]
    app = build_at(make_app, monkeypatch, deadline - timedelta(days=3, hours=2), root)
    written = entry(app, "abstract-deadline").date
    assert (
        shown(app, "index")[0] == f"Abstract submission closes in 3 days (on {day(written)}, AoE)."
    )
    app = build_at(make_app, monkeypatch, deadline - MINUTE, root)
    assert shown(app, "index")[0].startswith("Abstract submission closes in 1 minute")
    workshop = entry(app, "workshop")
    app = build_at(
        make_app, monkeypatch, dates_of_root["workshop ends"] + timedelta(days=900), root
    )
    when = f"{day(workshop.date)}, {workshop.date.year}"
    assert shown(app, "index") == [
        f"The workshop took place on {when}, in Baltimore, Maryland, USA.",
        f"The workshop took place on {when} in Baltimore, Maryland, USA.",
    ]
    assert shown(app, "program") == []  # nothing announced, nothing to upload


def test_blocks_carry_their_utc_span_for_the_browser(make_app, monkeypatch, root, dates_of_root):
    app = build_at(make_app, monkeypatch, dates_of_root["deadline"] - MINUTE, root)
    soup = parse_html(app.outdir / "program.html")
    spans = [
        (b.get("data-phases-start"), b.get("data-phases-until")) for b in soup.select(".phases")
    ]
    iso = {
        key: moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        for key, moment in dates_of_root.items()
    }
    poster = entry(app, "poster-upload").start().astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    assert spans == [
        (None, iso["notification"]),
        (iso["notification"], iso["workshop starts"]),
        (None, poster),  # a timed entry has begun at its instant
    ]
    # Each block is settled by the same one-line script right after it (one CSP hash).
    html = (app.outdir / "program.html").read_text(encoding="utf-8")
    settle = re.findall(r"</div>\n(<script>[^<]*</script>)", html)
    assert len(settle) == 3 and len(set(settle)) == 1
    assert "onclick" not in html and "eval(" not in html


@pytest.mark.sphinx("html", testroot="phases-bad", freshenv=True)
def test_mistakes_are_located_warnings(app):
    app.build()
    known = "known ids: abstract-deadline, notification, poster-upload, workshop"
    at = "<src>/index.md:"
    assert warnings_of(app) == [
        f"{at}3: WARNING: unknown word 'befor' in phase condition 'befor abstract-deadline'; "
        "did you mean 'before'? write before, during or after, then a date id [phases.word]",
        f"{at}27: WARNING: a phase needs a condition; write e.g. 'before abstract-deadline' "
        "or 'after workshop' [phases.syntax]",
        f"{at}31: WARNING: condition 'before' in 'after abstract-deadline before' names no "
        "date; write before ID, with the id of an entry of the important-dates block "
        "[phases.syntax]",
        f"{at}35: WARNING: 3 conditions in 'after abstract-deadline before notification "
        "before workshop'; a phase takes one or two (e.g. 'after abstract-deadline before "
        "notification') [phases.syntax]",
        f"{at}62: WARNING: condition 'after workshop' is written twice in 'after workshop "
        "after workshop'; write it once [phases.repeated]",
        f"{at}66: WARNING: 'before' twice in 'before notification before workshop' ('before "
        "notification' and 'before workshop'); all conditions must hold, so keep one 'before' "
        "condition (for a span, write 'after ID before ID') [phases.repeated]",
        f"{at}39: WARNING: phase-status lists 'abstract-deadline' (2022-05-17 12:00 UTC) "
        "after 'notification' (2022-06-04 12:00 UTC); list the dates in chronological order (the "
        "status is written in that order) [phases.order]",
        f"{at}39: WARNING: unknown date id 'workshp' in phase-status; did you mean "
        f"'workshop'? {known} [phases.id]",
        f"{at}7: WARNING: unknown date id 'abstract-dedline' in phase condition 'before "
        f"abstract-dedline'; did you mean 'abstract-deadline'? {known} [phases.id]",
        f"{at}11: WARNING: 'during abstract-deadline': 'abstract-deadline' is a deadline, "
        "a moment rather than a span (it passes at 2022-05-17 12:00 UTC); write 'before "
        "abstract-deadline' or 'after abstract-deadline' [phases.during]",
        f"{at}15: WARNING: 'during poster-upload': 'poster-upload' is a moment (2022-07-15 "
        "21:00 UTC), not a span; write 'before poster-upload' or 'after poster-upload', or make it "
        "an all-day entry [phases.during]",
        f"{at}19: WARNING: phase 'after notification before abstract-deadline' can never "
        "hold: it would begin at 2022-06-04 12:00 UTC and end at 2022-05-17 12:00 UTC; check the "
        "words and the order of the dates [phases.never]",
        f"{at}23: WARNING: phase 'before workshop after workshop' can never hold: it would "
        "begin at 2022-07-24 04:00 UTC and end at 2022-07-23 04:00 UTC; check the words and the "
        "order of the dates [phases.never]",
    ]


def test_other_builders_keep_what_holds_at_build_time(make_app, monkeypatch, root, dates_of_root):
    moment = dates_of_root["notification"] + MINUTE
    app = build_at(make_app, monkeypatch, moment, root, builder="text")
    text = (app.outdir / "program.txt").read_text(encoding="utf-8")
    assert "will be posted here" in text
    assert "will be announced" not in text


def test_a_rebuild_after_a_boundary_rewrites_the_pages_that_changed(
    make_app, monkeypatch, root, dates_of_root
):
    deadline = dates_of_root["deadline"]
    app = build_at(make_app, monkeypatch, deadline - timedelta(days=2), root)
    assert shown(app, "index")[0].startswith("Abstract submission closes")
    # Same sources, later build date, still before the deadline: nothing to rewrite.
    written = (app.outdir / "index.html").stat().st_mtime_ns
    again = build_at(make_app, monkeypatch, deadline - timedelta(days=1), root, freshenv=False)
    assert (again.outdir / "index.html").stat().st_mtime_ns == written
    assert shown(again, "index")[0].startswith("Abstract submission closes in 2 days")
    # Past the deadline: the page is written again although no source changed.
    later = build_at(make_app, monkeypatch, deadline + MINUTE, root, freshenv=False)
    assert shown(later, "index")[0].startswith("Next: Notification of acceptance")
    assert shown(later, "program")[0].startswith("The program will be announced")


def test_a_moved_date_moves_the_phases_of_other_pages(
    make_app, monkeypatch, root, dates_of_root, tmp_path
):
    deadline = dates_of_root["deadline"]
    app = build_at(make_app, monkeypatch, deadline + timedelta(days=2), root)
    assert shown(app, "index")[0].startswith("Next:")
    when = app.srcdir / "when.md"
    written = entry(app, "abstract-deadline").date
    extended = written + timedelta(days=7)
    when.write_text(
        when.read_text(encoding="utf-8").replace(
            f"date: {written}", f"date: {extended}\n  extended_from: {written}"
        ),
        encoding="utf-8",
    )
    again = build_at(make_app, monkeypatch, deadline + timedelta(days=2), root, freshenv=False)
    assert shown(again, "index")[0] == (
        f"Abstract submission closes in 5 days (on {day(extended)}, AoE)."
    )


@pytest.mark.parametrize("parallel", [2])
def test_a_parallel_build_gives_the_same_pages(
    make_app, monkeypatch, root, dates_of_root, parallel
):
    serial = build_at(make_app, monkeypatch, dates_of_root["notification"] + MINUTE, root)
    pages = {
        p: (serial.outdir / f"{p}.html").read_text(encoding="utf-8") for p in ("index", "program")
    }
    twin_root = shutil.copytree(
        root, root.with_name("twin"), ignore=shutil.ignore_patterns("_build")
    )
    twin = build_at(
        make_app, monkeypatch, dates_of_root["notification"] + MINUTE, twin_root, parallel=parallel
    )
    for page, html in pages.items():
        assert (twin.outdir / f"{page}.html").read_text(encoding="utf-8") == html


def test_the_event_data_and_the_feeds_do_not_follow_the_phases(tmp_path):
    """Built long before the first date and long after the last, the home page says where the
    workshop stands, while its Event JSON-LD and the calendar feeds stay byte for byte the same."""
    days = [entry.date for entry in site_sources.important_dates(REPO)]
    moments = {
        "before": datetime.combine(min(days) - timedelta(days=30), datetime.min.time(), UTC),
        "after": datetime.combine(max(days) + timedelta(days=30), datetime.min.time(), UTC),
    }
    built = {
        name: build_site(tmp_path / name, epoch=str(int(moment.timestamp())))
        for name, moment in moments.items()
    }
    assert all(site.returncode == 0 for site in built.values()), built["before"].stderr
    before, after = built["before"], built["after"]
    feeds = sorted(path.name for path in before.outdir.glob("*.ics"))
    assert "important-dates.ics" in feeds
    for feed in feeds:
        assert (before.outdir / feed).read_bytes() == (after.outdir / feed).read_bytes(), feed

    def event_data(site) -> list[str]:
        return [
            script.string
            for script in site.soup("index").find_all("script", type="application/ld+json")
        ]

    assert event_data(before) and event_data(before) == event_data(after)
    status = [site.soup("index").select_one(".phases-status") for site in (before, after)]
    assert all(status) and status[0].get_text() != status[1].get_text()
