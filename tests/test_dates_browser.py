"""The dates page in a real browser, at chosen moments and in chosen time zones.

The states, the countdown and the local times come from the UTC instants in the page,
so the browser's clock is set (Playwright's fake clock) and the visitor's zone chosen.
"""

import shutil
from contextlib import contextmanager
from datetime import UTC, datetime

import pytest
import webcheck
from conftest import REPO, build_site

#: The dates these tests set their clocks against: the test's own, not the site's (which a
#: contributor moves), in the site's theme and with its extensions.
DATES_PAGE = """---
myst:
  html_meta:
    description: "Important dates, as the browser shows them."
---

# Important dates

```{important-dates}
:timezone: AoE

- id: abstract-deadline
  date: 2022-05-16
  label: Abstract submission deadline
- id: notification
  date: 2022-06-03
  label: Notification of acceptance
- id: workshop
  date: 2022-07-23
  label: Workshop
  timezone: America/New_York
```
"""
HOME = """---
myst:
  html_meta:
    description: "A site with one page of dates."
---

# Dates

```{toctree}
:hidden:

dates
```
"""


@pytest.fixture(scope="module")
def served_site(tmp_path_factory):
    """The site's theme and extensions with only a home page and the dates above, served."""
    site = tmp_path_factory.mktemp("dates-browser") / "site"
    shutil.copytree(
        REPO, site,
        ignore=shutil.ignore_patterns(".git", ".venv", "node_modules", "_build", "build", "tests",
                                      "benchmarks", "*.egg-info", "__pycache__", "*.md", "*.csv"),
    )  # fmt: skip
    (site / "index.md").write_text(HOME, encoding="utf-8")
    (site / "dates.md").write_text(DATES_PAGE, encoding="utf-8")
    built = build_site(site.parent / "out", srcdir=site)
    assert built.returncode == 0, built.stderr
    with webcheck.serve(built.outdir) as url:
        yield url


@contextmanager
def dates_page(browser, served_site, *, zone="UTC", now=None, javascript=True, width=1280):
    context = browser.new_context(
        timezone_id=zone, java_script_enabled=javascript, viewport={"width": width, "height": 900}
    )
    page = context.new_page()
    errors = []
    page.on("console", lambda msg: msg.type == "error" and errors.append(msg.text))
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    if now is not None:
        page.clock.set_fixed_time(now)
    page.goto(f"{served_site}/dates.html")
    try:
        yield page
        assert errors == []
    finally:
        context.close()


def utc(*args) -> datetime:
    return datetime(*args, tzinfo=UTC)


def states(page) -> list[tuple[str, str]]:
    entries = page.locator("li.dates-entry").all()
    return [
        (entry.get_attribute("data-dates-id"), entry.get_attribute("data-dates-state"))
        for entry in entries
    ]


def local_lines(page) -> list[str]:
    return [line.inner_text() for line in page.locator(".dates-local").all()]


@pytest.mark.browser
def test_between_deadlines_in_paris(browser, served_site):
    with dates_page(browser, served_site, zone="Europe/Paris", now=utc(2022, 5, 20, 10)) as page:
        assert states(page) == [
            ("abstract-deadline", "passed"),
            ("notification", "next"),
            ("workshop", "upcoming"),
        ]
        # The deadline is the end of June 3 AoE, 2022-06-04 12:00 UTC: 15 days 2 hours away.
        countdown = page.locator(".dates-countdown").inner_text()
        assert countdown == "Next: Notification of acceptance, in 15 days, 2 hours."
        assert local_lines(page) == [
            "passed = Tuesday, May 17, 13:59 in your time zone, Europe/Paris",
            "next = Saturday, June 4, 13:59 in your time zone, Europe/Paris",
            "upcoming = Saturday, July 23, 06:00 to Sunday, July 24, 05:59 in your time zone, "
            "Europe/Paris",
        ]


@pytest.mark.browser
def test_during_the_workshop_in_india_and_after_everything(browser, served_site):
    during = utc(2022, 7, 23, 20)
    with dates_page(browser, served_site, zone="Asia/Kolkata", now=during) as page:
        assert [state for _, state in states(page)] == ["passed", "passed", "next"]
        assert page.locator(".dates-countdown").inner_text() == (
            "Now: Workshop, until Sunday, July 24, 09:29 in your time zone."
        )
    with dates_page(browser, served_site, now=utc(2023, 1, 1)) as page:
        assert [state for _, state in states(page)] == ["passed"] * 3
        assert page.locator(".dates-countdown").inner_text() == "All these dates have passed."


@pytest.mark.browser
def test_one_minute_before_a_deadline_it_is_still_next(browser, served_site):
    with dates_page(browser, served_site, now=utc(2022, 5, 17, 11, 59)) as page:
        assert states(page)[0] == ("abstract-deadline", "next")
        assert page.locator(".dates-countdown").inner_text() == (
            "Next: Abstract submission deadline, in 1 minute."
        )


@pytest.mark.browser
def test_without_javascript_the_page_is_complete_in_utc(browser, served_site):
    with dates_page(browser, served_site, javascript=False) as page:
        assert local_lines(page) == [
            "= Tuesday, May 17, 11:59 UTC",
            "= Saturday, June 4, 11:59 UTC",
            "= Saturday, July 23, 04:00 to Sunday, July 24, 03:59 UTC",
        ]
        assert page.locator(".dates-feed a").inner_text() == "Add to your calendar"


@pytest.mark.browser
@pytest.mark.parametrize("width", [1280, 375])
def test_the_script_moves_nothing_on_the_page(browser, served_site, width):
    # The longest zone name there is, to fill the reserved lines on a phone.
    zone = "America/Argentina/ComodRivadavia"

    def layout(**options):
        with dates_page(browser, served_site, width=width, **options) as page:
            boxes = page.locator("li.dates-entry, .dates-feed").all()
            return [round(box.bounding_box()["y"]) for box in boxes]

    assert layout(javascript=False) == layout(zone=zone, now=utc(2022, 5, 20))
