"""Property: whatever a contributor writes in an important-dates block, the build either
succeeds cleanly or lists located ``[dates.*]`` warnings; it never raises."""

import re

from bs4 import BeautifulSoup
from conftest import build_one_page, examples
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from icalendar import Calendar

CONF = 'extensions = ["myst_parser", "important_dates"]\nproject = "Property"\n'
HEADER = "# Dates\n\n```{important-dates}\n:timezone: AoE\n\n"
FIRST_BODY_LINE = HEADER.count("\n") + 1

# Any character but a backtick (it would close the fence) and lone surrogates (no UTF-8).
texts = st.text(st.characters(exclude_categories=("Cs",), exclude_characters="`"), max_size=20)
# Mostly plausible values, with the mistakes contributors make mixed in.
ids = st.one_of(
    st.from_regex(r"[a-z][a-z0-9]{0,6}(-[a-z0-9]{1,5})?", fullmatch=True),
    st.sampled_from(["Bad_Id", "x y", "", "-a", "1"]),
)
dates = st.one_of(
    st.dates().map(str),
    st.dates().map(lambda day: day.strftime("%d/%m/%Y")),
    st.sampled_from(["2022-02-30", "July 23d", "2022-5-16", "0000-01-01", "9999-12-31"]),
    texts,
)
times = st.one_of(
    st.times().map(lambda clock: clock.strftime("%H:%M")),
    st.sampled_from(["24:00", "7:5", "14:00:00", "noon"]),
)
zones = st.sampled_from(
    ["AoE", "UTC", "America/New_York", "Pacific/Kiritimati", "Etc/GMT+12", "Europe/Pari", ""]
)
keys = {
    "id": ids,
    "date": dates,
    "label": texts,
    "time": times,
    "timezone": zones,
    "extended_from": dates,
    "url": st.sampled_from(["https://example.org/submit", "example.org", "ftp://x"]),
    "note": texts,
    "lable": texts,
}
entries = st.lists(
    st.dictionaries(st.sampled_from(list(keys)), st.just(None), min_size=1).flatmap(
        lambda chosen: st.fixed_dictionaries({key: keys[key] for key in chosen})
    ),
    max_size=6,
)


def yaml_value(value: str, quoted: bool) -> str:
    """Values as a person types them: some quoted, some bare (bare text may break YAML)."""
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"' if quoted else value


def body(items: list[dict], quoting: list[bool]) -> str:
    lines = []
    for number, item in enumerate(items):
        for index, (key, value) in enumerate(item.items()):
            quoted = quoting[(number + index) % len(quoting)]
            prefix = "- " if index == 0 else "  "
            lines.append(f"{prefix}{key}: {yaml_value(value, quoted)}")
    return "\n".join(lines)


#: The elements an important-dates block is made of.
MARKUP = {"div", "p", "ul", "li", "strong", "span", "time", "del", "a"}

LOCATED = re.compile(r"<src>/index\.md:(\d+): WARNING: .+ \[dates\.[a-z]+\]")


@settings(
    max_examples=examples(30), deadline=None, suppress_health_check=[HealthCheck.too_slow]
)  # fmt: skip
@given(items=entries, quoting=st.lists(st.booleans(), min_size=1, max_size=4), refs=st.lists(ids))
# A CR at the end of the body and the newline after it make one line break.
@example(items=[{"time": "24:00", "label": "\r"}], quoting=[False], refs=["a"])
def test_any_block_builds_cleanly_or_with_located_warnings(tmp_path_factory, items, quoting, refs):
    text = body(items, quoting)
    roles = " ".join(f"{{date}}`{ref}`" for ref in refs if ref.strip())
    page = f"{HEADER}{text}\n```\n\n{roles}\n"
    # Sphinx reads sources with universal newlines: a lone CR ends a line, and a CR at the end
    # of the body makes one line break with the newline after it.
    read = page.replace("\r\n", "\n").replace("\r", "\n")
    last_body_line = read.count("\n", 0, read.rindex("\n```\n")) + 1
    built = build_one_page(tmp_path_factory.mktemp("dates-property"), page, CONF)
    outdir, warnings = built.outdir, built.warnings

    for warning in warnings:
        match = LOCATED.fullmatch(warning)
        assert match, f"not a located dates warning: {warning!r}\n--- page:\n{page}"
        line = int(match.group(1))
        if "{date}" in warning:
            assert line == last_body_line + 3, warning  # the roles' paragraph
        else:
            assert FIRST_BODY_LINE <= line <= last_body_line, (warning, page)

    html = BeautifulSoup((outdir / "index.html").read_text(encoding="utf-8"), "html.parser")
    rendered = [li["data-dates-id"] for li in html.select("li.dates-entry")]
    # Whatever the text, no markup escapes: only the elements the block is made of, no
    # event handler, no link but the checked ones.
    for element in html.select(".dates, .dates *"):
        assert element.name in MARKUP, element
        assert not [name for name in element.attrs if name.lower().startswith("on")], element
    assert all(
        a["href"].startswith(("https://", "important-dates.ics")) for a in html.select(".dates a")
    )
    feed = outdir / "important-dates.ics"
    if rendered:
        events = Calendar.from_ical(feed.read_bytes()).walk("VEVENT")
        assert sorted(str(event["UID"]).split("@")[0] for event in events) == sorted(rendered)
    if not warnings:
        # A clean build rendered every entry, in the feed as well.
        assert len(rendered) == len(items)
