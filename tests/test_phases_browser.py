"""Phases in Chromium: the home page's status and the program page at fixed clocks one
minute either side of each boundary, seen from UTC+14 and UTC-7; nothing shifts; the page
changes by itself when a boundary passes; without JavaScript the build's date decides.

Boundaries, labels and dates are read from the built dates page, the city from conf.py.
"""

import runpy
import shutil
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta

import pytest
import site_sources
import webcheck
from conftest import RECORD_LAYOUT_SHIFTS, REPO, layout_shift, parse_html

MINUTE = timedelta(minutes=1)
ZONES = ("Pacific/Kiritimati", "America/Los_Angeles")
CITY = runpy.run_path(str(REPO / "conf.py"))["edition"]["city"]


def instant(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


@pytest.fixture(scope="module")
def dates(site) -> dict[str, dict]:
    """id -> start, end, kind and label of each entry, as the dates page publishes them."""
    found = {}
    for li in parse_html(site.outdir / "dates.html").select("li.dates-entry"):
        found[li["data-dates-id"]] = {
            "start": instant(li["data-dates-start"]),
            "end": instant(li["data-dates-end"]),
            "kind": li["data-dates-kind"],
            "label": li.select_one(".dates-label strong").get_text(strip=True),
        }
    return found


def moments(dates) -> dict[str, datetime]:
    return {
        "deadline": dates["abstract-deadline"]["end"],
        "notification": dates["notification"]["end"],
        "workshop starts": dates["workshop"]["start"],
        "workshop ends": dates["workshop"]["end"],
    }


@contextmanager
def opened(
    browser, url, *, zone="UTC", now=None, javascript=True, install=False, shifts=True, **options
):
    context = browser.new_context(timezone_id=zone, java_script_enabled=javascript, **options)
    page = context.new_page()
    errors = []
    page.on("console", lambda msg: msg.type == "error" and errors.append(msg.text))
    # A test project has no icon: the browser's own request for one is not the page's error.
    page.route("**/favicon.ico", lambda route: route.fulfill(status=204))
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    if shifts:
        page.add_init_script(RECORD_LAYOUT_SHIFTS)
    if now is not None:
        if install:  # a running clock, which the test moves on
            page.clock.install(time=now)
        else:
            page.clock.set_fixed_time(now)
    page.goto(url)
    try:
        yield page
        assert errors == []
    finally:
        context.close()


def status(page) -> list[str]:
    return [
        b.inner_text().strip()
        for b in page.locator(".phases-status .phases").all()
        if b.is_visible()
    ]


def day(moment: datetime) -> str:
    return f"{moment:%B} {moment.day}"


def expected_status(dates, which: str, side: int) -> str:
    """The start of the status a minute before (side -1) or after (+1) a boundary."""
    deadline, notification, workshop = (
        dates[i] for i in ("abstract-deadline", "notification", "workshop")
    )
    before_deadline = f"{deadline['label'].removesuffix(' deadline')} closes in"
    next_milestone = f"Next: {notification['label']}, in"
    coming = f"The {workshop['label'].lower()} is in"
    today = f"The {workshop['label'].lower()} is today, in {CITY}."
    return {
        ("deadline", -1): f"{before_deadline} 1 minute (on {day(deadline['start'])}, AoE).",
        ("deadline", 1): next_milestone,
        ("notification", -1): f"{next_milestone} 1 minute (on {day(notification['start'])}, AoE).",
        ("notification", 1): coming,
        ("workshop starts", -1): f"{coming} 1 minute",
        ("workshop starts", 1): today,
        ("workshop ends", -1): today,
        ("workshop ends", 1): f"The {workshop['label'].lower()} took place on",
    }[which, side]


@pytest.mark.browser
@pytest.mark.parametrize("zone", ZONES)
@pytest.mark.parametrize("which", ["deadline", "notification", "workshop starts", "workshop ends"])
def test_the_home_status_one_minute_either_side_of_each_boundary(
    browser, served_site, dates, which, zone
):
    boundary = moments(dates)[which]
    for side in (-1, 1):
        url = f"{served_site}/index.html"
        with opened(browser, url, zone=zone, now=boundary + side * MINUTE) as page:
            shown = status(page)
            assert len(shown) == 1, shown
            assert shown[0].startswith(expected_status(dates, which, side)), shown
            assert layout_shift(page) == 0


@pytest.mark.browser
def test_after_the_workshop_the_home_page_says_when_and_where(browser, served_site, dates):
    workshop = dates["workshop"]
    local_day = workshop["start"].astimezone(UTC) + timedelta(hours=12)  # midday of the day
    with opened(
        browser, f"{served_site}/index.html", now=workshop["end"] + timedelta(days=1500)
    ) as page:
        assert status(page) == [
            f"The {workshop['label'].lower()} took place on {day(local_day)}, {local_day.year}, "
            f"in {CITY}."
        ]


@pytest.mark.browser
@pytest.mark.parametrize("zone", ZONES)
def test_the_program_never_says_will_be_announced_after_the_notification(
    browser, served_site, dates, zone
):
    notification = dates["notification"]["end"]
    # Before the notification the page says it only while a phase block of the sources does
    # (a published program replaces those blocks, CONTRIBUTING).
    program = site_sources.source_files(REPO)["program"]
    before = any(
        "will be announced" in body
        for argument, _, body in site_sources.directives(program, "phase")
        if "before notification" in argument
    )
    for now, announced in ((notification - MINUTE, before), (notification + MINUTE, False),
                           (notification + timedelta(days=3000), False)):  # fmt: skip
        with opened(browser, f"{served_site}/program.html", zone=zone, now=now) as page:
            text = page.locator("article").inner_text()
            assert ("will be announced" in text) is announced, (now, text)
            assert layout_shift(page) == 0


@pytest.mark.browser
def test_the_page_follows_a_boundary_while_it_stays_open(browser, served_site, dates):
    deadline = moments(dates)["deadline"]
    url = f"{served_site}/index.html"
    with opened(
        browser,
        url,
        zone="Pacific/Kiritimati",
        now=deadline - 2 * MINUTE,
        install=True,
        shifts=False,
    ) as page:
        assert status(page)[0].startswith(
            expected_status(dates, "deadline", -1).split(" 1 ")[0] + " 2 minutes"
        )
        page.clock.run_for(60 * 1000)
        assert status(page)[0].startswith(expected_status(dates, "deadline", -1))
        page.clock.run_for(2 * 60 * 1000)
        assert status(page)[0].startswith(expected_status(dates, "deadline", 1))


@pytest.mark.browser
def test_without_javascript_the_build_date_decides(
    browser, make_app, monkeypatch, rootdir, tmp_path
):
    import important_dates

    srcdir = shutil.copytree(rootdir / "test-phases", tmp_path / "phases")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "0")
    app = make_app("html", srcdir=srcdir, freshenv=True)
    app.build()
    deadline = important_dates.lookup(app.env, "abstract-deadline").end()
    app.cleanup()
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int((deadline + MINUTE).timestamp())))
    app = make_app("html", srcdir=srcdir, freshenv=True)
    app.build()
    app.cleanup()
    with webcheck.serve(app.outdir) as url:
        with opened(browser, f"{url}/index.html", javascript=False) as page:
            assert status(page)[0].startswith("Next: Notification of acceptance")
        # With JavaScript the visitor's clock wins over the build's date, before first paint.
        with opened(browser, f"{url}/index.html", now=deadline - MINUTE) as page:
            assert status(page)[0].startswith("Abstract submission closes in 1 minute")
            assert layout_shift(page) == 0


@pytest.mark.browser
def test_four_moments_of_the_home_page_in_light_and_dark_on_phone_and_desktop(
    browser, served_site, dates, tmp_path
):
    """Screenshots for the record, axe-core at each moment, no layout shift."""
    axe = webcheck.AXE_JS.read_text(encoding="utf-8")
    points = moments(dates)
    at = {
        "before the deadline": points["deadline"] - timedelta(days=10),
        "after the deadline": points["deadline"] + timedelta(days=1),
        "on the day": points["workshop starts"] + timedelta(hours=10),
        "after the workshop": points["workshop ends"] + timedelta(days=400),
    }
    record = []
    for name, now in at.items():
        for viewport in webcheck.VIEWPORTS:
            for mode in ("light", "dark"):
                options = {"color_scheme": mode, "bypass_csp": True, **viewport.context_options()}
                with opened(browser, f"{served_site}/index.html", now=now, **options) as page:
                    shown = status(page)
                    assert len(shown) == 1
                    assert layout_shift(page) == 0
                    page.add_script_tag(content=axe)
                    violations = page.evaluate(
                        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})"
                        ".then(r => r.violations.map(v => v.id + ': ' + v.help))",
                        webcheck.AXE_TAGS,
                    )
                    assert violations == []
                    shot = tmp_path / f"home-{name.replace(' ', '-')}-{viewport.name}-{mode}.png"
                    page.screenshot(path=shot)
                    record.append(f"{name} ({viewport.name}, {mode}): {shown[0]}  [{shot}]")
    print("\n".join(record))
    (tmp_path / "home-status.txt").write_text("\n".join(record) + "\n", encoding="utf-8")
