"""The site in a real browser: the basics every visitor relies on."""

import pytest
import site_sources
from conftest import PAGES, REPO


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


#: The toctree's titles (an entry without one shows its page's heading: not used here).
NAV = [entry.title for entry in site_sources.navigation(REPO)]


def visible_nav_labels(page) -> list[str]:
    return [
        a.inner_text().strip()
        for a in page.locator(".navbar-nav a.nav-link").all()
        if a.is_visible()
    ]


@pytest.mark.browser
def test_desktop_shows_every_page_link_and_no_menu_button(browser, served_site):
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.goto(f"{served_site}/about.html")
    assert visible_nav_labels(page) == NAV
    assert not page.locator("button.primary-toggle").is_visible()
    context.close()


@pytest.mark.browser
def test_phone_collapses_the_navigation_into_a_menu_that_opens(browser, served_site):
    context = browser.new_context(viewport={"width": 375, "height": 812})
    page = context.new_page()
    page.goto(f"{served_site}/about.html")
    assert visible_nav_labels(page) == []
    page.locator("button.primary-toggle").click()
    page.wait_for_function("document.querySelector('dialog#pst-primary-sidebar-modal')?.open")
    assert visible_nav_labels(page) == NAV
    page.keyboard.press("Escape")
    # The dialog closes with a transition: wait until its links are hidden again.
    page.locator("#pst-primary-sidebar-modal .navbar-nav a.nav-link").first.wait_for(state="hidden")
    assert visible_nav_labels(page) == []
    context.close()
