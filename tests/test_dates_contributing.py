"""The dates recipe of CONTRIBUTING.md as written: its snippets build, its example warning is
the one the build prints (at the line of the bad date), its table lists every key."""

import re

import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import REPO, warnings_of
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
    return app, [line.removeprefix("<src>/") for line in warnings_of(app)]


def dates_page(body: str) -> str:
    """A dates page of its own around ``body``: the site's dates change, the recipe does not."""
    return f"# Dates\n\n```{{important-dates}}\n:timezone: AoE\n\n{body}```\n"


def entries(*items: dict) -> str:
    """YAML entries, keys in the order given, values unquoted as the recipe writes them."""
    return "".join(
        f"{'- ' if number == 0 else '  '}{key}: {value}\n"
        for item in items
        for number, (key, value) in enumerate(item.items())
    )


def long_date(day) -> str:
    return f"{day:%B} {day.day}, {day.year}"


def test_the_section_has_the_two_snippets_and_a_warning_example():
    assert len(SNIPPETS) == 2
    assert "extended_from" not in SNIPPETS[0] and "extended_from" in SNIPPETS[1]


def test_adding_a_date_and_extending_a_deadline_as_written(make_app, tmp_path):
    add, extend = SNIPPETS
    added, extended = yaml.safe_load(add)[0], yaml.safe_load(extend)[0]
    # The recipe's two entries, in chronological order as the recipe asks.
    body = extend + add if extended["date"] <= added["date"] else add + extend
    page = dates_page(body)
    app, warnings = build(
        make_app, tmp_path, page, f"# Home\n\n{{date}}`{extended['id']}` {{date}}`{added['id']}`\n"
    )
    assert warnings == []
    home = BeautifulSoup((app.outdir / "index.html").read_text(), "html.parser")
    assert [t.get_text() for t in home.select("[role=main] time")] == [
        long_date(extended["date"]),
        long_date(added["date"]),
    ]
    shown = BeautifulSoup((app.outdir / "dates.html").read_text(), "html.parser")
    entry = shown.select_one(f"#date-{extended['id']}")
    assert entry.select_one(".dates-badge").get_text() == "extended"
    assert long_date(extended["extended_from"]) in entry.select_one("del time").get_text()


def test_the_warning_shown_as_an_example_is_the_one_the_build_prints(make_app, tmp_path):
    example = re.fullmatch(r"dates\.md:(\d+): (WARNING: entry '([\w-]+)': date '([\d-]+)'.*)",
                           WARNING_EXAMPLE)  # fmt: skip
    assert example, WARNING_EXAMPLE
    _, message, entry_id, bad = example.groups()
    page = dates_page(
        entries(
            {"id": "first", "date": "2022-05-16", "label": "First"},
            {"id": entry_id, "date": bad, "label": "The entry of the example"},
        )
    )
    line = page.splitlines().index(f"  date: {bad}") + 1
    _, warnings = build(make_app, tmp_path, page, "# Home\n")
    assert warnings == [f"dates.md:{line}: {message}"]


def documented_keys() -> set[str]:
    rows = [line for line in SECTION.group(1).splitlines() if line.startswith("| `")]
    return {key for row in rows for key in re.findall(r"`(\w+)`", row.split("|")[1])}


def test_the_table_documents_every_key_the_extension_accepts():
    assert documented_keys() == set(KEYS)


@pytest.mark.parametrize("snippet", SNIPPETS)
def test_snippets_use_only_documented_keys(snippet):
    keys = re.findall(r"^(?:- |  )(\w+):", snippet, re.M)
    assert set(keys) <= documented_keys()
