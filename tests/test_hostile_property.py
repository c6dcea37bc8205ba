"""Any text in any field of the people, dates, schedule and papers gives a site with no
element and no attribute that the site does not write itself: no markup escapes a field."""

import csv
import io
import json

import pytest
from bs4 import BeautifulSoup
from conftest import examples
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sphinx.testing.util import SphinxTestApp

CONF = """\
extensions = ["myst_parser", "sphinx_design", "people", "important_dates", "papers"]
extensions += ["schedule", "guard"]
myst_enable_extensions = ["colon_fence"]
exclude_patterns = ["_build"]
dates_timezone = "UTC"
schedule_timezone = "UTC"
"""

PAGE = """\
# Fields

:::{{person}} {name}
:affiliation: {affiliation}
:role: {role}
:::

```{{important-dates}}
- id: workshop
  date: 2022-07-23
  label: {label}
  note: {note}
```

```{{schedule}}
:date: workshop

- time: "09:00-09:30"
  title: {title}
  speaker: {speaker}
  affiliation: {affiliation_yaml}
  note: {note}
  kind: talk
```

```{{papers}} papers.csv
```
"""

FIELDS = ("name", "affiliation", "role", "label", "note", "title", "speaker", "paper", "authors")

#: Pieces of markup, mixed with any characters, so that near-misses are met often.
PIECES = st.sampled_from(
    ["<", ">", "&", '"', "'", "<img src=x onerror=pwn()>", "</script>", "<!--", "-->",
     "javascript:", "{", "}", "`", "*", "[x](y)", "\\", ":", "\x00", "\r", "\n", "&lt;"]
)  # fmt: skip
TEXT = st.lists(st.one_of(PIECES, st.text(max_size=8)), max_size=6).map("".join)


def one_line(text: str) -> str:
    return " ".join(text.splitlines()) or "x"


def write_project(folder, fields: dict[str, str]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "conf.py").write_text(CONF, encoding="utf-8")
    line = {key: one_line(value) for key, value in fields.items()}
    yaml = {key: json.dumps(value) for key, value in fields.items()}
    page = PAGE.format(
        name=line["name"], affiliation=line["affiliation"], role=line["role"],
        label=yaml["label"], note=yaml["note"], title=yaml["title"],
        speaker=yaml["speaker"], affiliation_yaml=yaml["affiliation"],
    )  # fmt: skip
    (folder / "index.md").write_text(page, encoding="utf-8")
    table = io.StringIO()
    writer = csv.writer(table)
    writer.writerows([["title", "authors", "id"], [fields["paper"], fields["authors"], "p1"]])
    (folder / "papers.csv").write_text(table.getvalue(), encoding="utf-8")


def vocabulary(folder, fields: dict[str, str]) -> set[tuple[str, str]]:
    """(tag, attribute) pairs of the built page, and (tag, '') for each tag."""
    write_project(folder, fields)
    app = SphinxTestApp("html", srcdir=folder, freshenv=True)
    try:
        app.build()
    finally:
        app.cleanup()
    page = BeautifulSoup((folder / "_build" / "html" / "index.html").read_bytes(), "html.parser")
    found = set()
    for element in page.find_all(True):
        found.add((element.name, ""))
        found.update((element.name, attribute) for attribute in element.attrs)
    return found


@pytest.fixture(scope="module")
def site_vocabulary(tmp_path_factory) -> set[tuple[str, str]]:
    """What the site writes for plain text in every field."""
    return vocabulary(tmp_path_factory.mktemp("plain"), {f: f"Plain {f}" for f in FIELDS})


@settings(
    max_examples=examples(15),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(st.fixed_dictionaries({field: TEXT for field in FIELDS}))
def test_no_markup_escapes_any_field(tmp_path_factory, site_vocabulary, fields):
    found = vocabulary(tmp_path_factory.mktemp("any"), fields)
    assert found - site_vocabulary == set()
