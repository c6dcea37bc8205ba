"""Nothing moves once the page is painted: cumulative layout shift is exactly 0 on every page,
for a first visit in light or dark and for a visitor whose choice of mode is stored."""

import pytest
import webcheck
from visitor_fixtures import ids, visit_one_page

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("mode", webcheck.MODES, ids=ids)
@pytest.mark.parametrize("viewport", webcheck.VIEWPORTS, ids=ids)
def test_no_layout_shift_on_any_page(visits, viewport, mode):
    shifted = {
        visit.path: [
            f"{shift['value']:.4f} at {shift['at']} ms: {', '.join(shift['sources'])}"
            for shift in visit.shifts
        ]
        for visit in visits(viewport, mode)
        if visit.cls != 0
    }
    assert shifted == {}, "layout shifts (value, elements that moved):"


def test_a_banner_inserted_after_first_paint_is_measured(browser, tmp_path):
    # Guards the measurement: content pushed down after paint must give a non-zero shift.
    html = (
        "<!DOCTYPE html><html lang='en'><title>t</title><link rel='icon' href='data:,'>"
        "<main><p id='text'>Some text.</p></main><script>setTimeout(() => document.querySelector"
        "('main').prepend(Object.assign(document.createElement('div'), {style: 'height:200px'}))"
        ", 150)</script></html>"
    )
    visit = visit_one_page(browser, tmp_path, html, axe=False, weigh=False)
    assert visit.cls > 0.01
    assert [shift["at"] >= 150 for shift in visit.shifts] == [True]
