"""Every page loads from the site alone (no third party sees the visitor), every request
succeeds, the tab icon included, and the console stays clean."""

import pytest
import webcheck
from visitor_fixtures import MISSING, ids, visit_one_page

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("mode", webcheck.MODES, ids=ids)
@pytest.mark.parametrize("viewport", webcheck.VIEWPORTS, ids=ids)
def test_every_request_goes_to_the_site_and_succeeds(visits, viewport, mode):
    problems = {}
    for visit in visits(viewport, mode):
        expected_status = 404 if visit.path == MISSING else 200
        found = [f"to another host: {url}" for url in visit.foreign_requests()]
        found += [f"failed: {request}" for request in visit.failed_requests()]
        if visit.status != expected_status:
            found.append(f"the page itself answered {visit.status}, not {expected_status}")
        if found:
            problems[visit.path] = found
    assert problems == {}


@pytest.mark.parametrize("mode", webcheck.MODES, ids=ids)
@pytest.mark.parametrize("viewport", webcheck.VIEWPORTS, ids=ids)
def test_no_console_error_on_any_page(visits, viewport, mode):
    errors = {
        visit.path: visit.console_errors + visit.page_errors
        for visit in visits(viewport, mode)
        if visit.console_errors or visit.page_errors
    }
    assert errors == {}


def test_the_icon_counts_even_when_the_browser_does_not_ask_for_it(browser, tmp_path):
    # The check must see a broken icon: a page that declares none gets /favicon.ico asked for.
    html = "<!DOCTYPE html><html lang='en'><title>t</title><p>No icon here.</p></html>"
    visit = visit_one_page(browser, tmp_path, html, axe=False)
    assert [url.rsplit("/", 1)[-1] for url in visit.failed_requests()] == ["favicon.ico (404)"]


def test_requests_to_other_hosts_are_seen_even_when_they_fail(browser, tmp_path):
    html = (
        "<!DOCTYPE html><html lang='en'><title>t</title><link rel='icon' href='data:,'>"
        "<script src='http://192.0.2.1/tracker.js' async></script><p>Hi</p></html>"
    )
    visit = visit_one_page(browser, tmp_path, html, axe=False)
    assert visit.foreign_requests() == ["http://192.0.2.1/tracker.js"]
