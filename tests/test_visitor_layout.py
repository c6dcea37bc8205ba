"""Nothing moves once the page is painted: cumulative layout shift is exactly 0 on every page,
for a first visit in light or dark and for a visitor whose choice of mode is stored."""

import pytest
import webcheck
from visitor_fixtures import ids

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
