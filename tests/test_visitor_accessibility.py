"""Every page passes axe-core's WCAG 2.0/2.1/2.2 A and AA rules and best practices, light and dark,
on a desktop and on a phone; and light or dark is what the visitor asked for."""

import pytest
import webcheck
from visitor_fixtures import FIRST_VISIT_MODES, ids, visit_one_page

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("mode", FIRST_VISIT_MODES, ids=ids)
@pytest.mark.parametrize("viewport", webcheck.VIEWPORTS, ids=ids)
def test_no_axe_violation_on_any_page(visits, viewport, mode):
    problems = [
        f"{visit.path}: {rule['id']} ({rule['impact']}): {rule['help']}\n"
        f"    at {node['target']}\n    " + node["summary"].replace("\n", "\n    ")
        for visit in visits(viewport, mode)
        for rule in visit.violations
        for node in rule["nodes"]
    ]
    assert not problems, f"axe-core ({', '.join(webcheck.AXE_TAGS)}) violations:\n" + "\n".join(
        problems
    )


@pytest.mark.parametrize("mode", webcheck.MODES, ids=ids)
@pytest.mark.parametrize("viewport", webcheck.VIEWPORTS, ids=ids)
def test_every_page_shows_the_colour_mode_the_visitor_chose(visits, viewport, mode):
    # Also proves that the dark-mode accessibility checks above really ran on dark pages.
    shown = {visit.path: visit.theme for visit in visits(viewport, mode)}
    assert shown == dict.fromkeys(shown, mode.theme)


def test_axe_reports_a_violation_with_its_rule_and_element(browser, tmp_path):
    # Guards the check: axe-core must really run and report what it finds.
    html = (
        "<!DOCTYPE html><html lang='en'><title>t</title><link rel='icon' href='data:,'>"
        "<main><h1>Title</h1><img id='photo' src='data:image/gif;base64,"
        "R0lGODlhAQABAAAAACw=' width='10' height='10'></main></html>"
    )
    visit = visit_one_page(browser, tmp_path, html, weigh=False)
    found = {(rule["id"], node["target"]) for rule in visit.violations for node in rule["nodes"]}
    assert ("image-alt", "#photo") in found
