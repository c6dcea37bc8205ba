"""The site in a real browser: the basics every visitor relies on."""

import pytest
from conftest import PAGES


@pytest.mark.browser
@pytest.mark.parametrize("page_name", PAGES)
def test_page_loads_with_its_heading_and_no_console_error(browser, served_site, page_name):
    page = browser.new_page()
    errors = []
    page.on("console", lambda msg: msg.type == "error" and errors.append(msg.text))
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(f"{served_site}/{page_name}.html")
    assert page.locator("h1").count() == 1
    assert errors == []
    page.close()
