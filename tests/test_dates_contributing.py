"""The dates recipe of CONTRIBUTING.md, applied to a copy of the site's dates.md."""

import os
import re

import pytest
from bs4 import BeautifulSoup
from conftest import ANSI, REPO
from important_dates.parse import KEYS

CONTRIBUTING = (REPO / "CONTRIBUTING.md").read_text(encoding="utf-8")
SECTION = re.search(
    r"^## Add a date or extend a deadline\n(.*?)(?=^## )", CONTRIBUTING, re.S | re.M
)
SNIPPETS = re.findall(r"```yaml\n(.*?)```", SECTION.group(1), re.S)
WARNING_EXAMPLE = re.search(r"`(dates\.md:\d+: WARNING: .*?)`", SECTION.group(1)).group(1)

CONF = 'extensions = ["myst_parser", "important_dates"]\nproject = "Recipe"\n'


def build(make_app, tmp_path, dates_md: str, index_md: str):
    (tmp_path / "conf.py").write_text(CONF)
    (tmp_path / "dates.md").write_text(dates_md, encoding="utf-8")
    (tmp_path / "index.md").write_text(index_md + "\n```{toctree}\ndates\n```\n")
    app = make_app("html", srcdir=tmp_path, freshenv=True)
    app.build()
    text = ANSI.sub("", app._warning.getvalue()).replace(str(tmp_path) + os.sep, "")
    return app, [line for line in text.splitlines() if line.strip()]


def site_dates() -> str:
    return (REPO / "dates.md").read_text(encoding="utf-8")


def entry_of(dates_md: str, date_id: str) -> str:
    """The lines of one entry of the block, from its '- id:' line to the next entry."""
    return re.search(rf"^- id: {date_id}\n(?:  .*\n)*", dates_md, re.M).group(0)


def test_the_section_has_the_two_snippets_and_a_warning_example():
    assert len(SNIPPETS) == 2
    assert SNIPPETS[0].startswith("- id: camera-ready") and "extended_from" in SNIPPETS[1]


def test_adding_a_date_and_extending_the_deadline_as_written(make_app, tmp_path):
    add, extend = SNIPPETS
    dates = site_dates()
    dates = dates.replace(entry_of(dates, "abstract-deadline"), extend)
    dates = dates.replace("- id: workshop\n", add + "- id: workshop\n")  # chronological order
    app, warnings = build(
        make_app, tmp_path, dates, "# Home\n\n{date}`abstract-deadline` {date}`camera-ready`\n"
    )
    assert warnings == []
    home = BeautifulSoup((app.outdir / "index.html").read_text(), "html.parser")
    assert [t.get_text() for t in home.select("[role=main] time")] == [
        "May 23, 2022",
        "July 1, 2022",
    ]
    page = BeautifulSoup((app.outdir / "dates.html").read_text(), "html.parser")
    extended = page.select_one("#date-abstract-deadline")
    assert extended.select_one(".dates-badge").get_text() == "extended"
    assert extended.select_one("del time").get_text() == "Monday, May 16, 2022"


def test_the_warning_shown_as_an_example_is_the_one_the_build_prints(make_app, tmp_path):
    bad = re.search(r"date '([\d-]+)'", WARNING_EXAMPLE).group(1)
    dates = site_dates().replace("date: 2022-06-03", f"date: {bad}")
    assert dates != site_dates()
    _, warnings = build(make_app, tmp_path, dates, "# Home\n")
    assert warnings == [WARNING_EXAMPLE]


def documented_keys() -> set[str]:
    rows = [line for line in SECTION.group(1).splitlines() if line.startswith("| `")]
    return {key for row in rows for key in re.findall(r"`(\w+)`", row.split("|")[1])}


def test_the_table_documents_every_key_the_extension_accepts():
    assert documented_keys() == set(KEYS)


@pytest.mark.parametrize("snippet", SNIPPETS)
def test_snippets_use_only_documented_keys(snippet):
    keys = re.findall(r"^(?:- |  )(\w+):", snippet, re.M)
    assert set(keys) <= documented_keys()
