"""Any text in a schedule block gives slots or problems with a line inside the block, never
an exception; any well-formed day of back-to-back slots gives no problem at all."""

import re

from conftest import build_one_page, examples
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schedule.slots import KINDS, read_slots

# Lines that look like a schedule, mixed with noise, so the parser meets near-misses.
LINES = st.one_of(
    st.sampled_from(
        [
            '- time: "08:30-08:45"',
            "- time: 08:30-08:45",
            '  time: "09:00-08:00"',
            "  title: Talk",
            "- title: Talk",
            "  kind: invited",
            "  kind: keynote",
            "  speakr: X",
            "  url: not a link",
            "- [a, b]",
            "  - nested",
            "time: 1",
            "- ",
            "  title:",
            "#",
            '"',
            "- ? a",
            "  : b",
        ]
    ),  # fmt: skip
    st.text(max_size=30),
)


@settings(max_examples=examples(300), deadline=None)
@given(st.lists(LINES, max_size=12))
def test_any_body_gives_slots_or_located_problems(lines):
    text = "\n".join(lines)
    slots, problems = read_slots(text)
    count = max(text.count("\n") + 1, 1)
    assert all(0 <= problem.line < count for problem in problems)
    assert all(0 <= slot.line < count for slot in slots)


SLOT = st.fixed_dictionaries(
    {"minutes": st.integers(1, 90), "title": st.text("abc xyz", min_size=1, max_size=20)},
    optional={"kind": st.sampled_from(KINDS), "speaker": st.sampled_from(["Ada", "Vera Rubin"])},
)


@settings(max_examples=examples(200), deadline=None)
@given(st.integers(0, 8 * 60), st.lists(SLOT, min_size=1, max_size=10))
def test_back_to_back_slots_in_order_give_no_problem(start, slots):
    lines, clock = [], start
    for slot in slots:
        end = clock + slot["minutes"]
        if end >= 24 * 60:
            break
        lines.append(f'- time: "{clock // 60:02d}:{clock % 60:02d}-{end // 60:02d}:{end % 60:02d}"')
        lines.append(f'  title: "{slot["title"].strip() or "x"}"')
        lines += [f"  {key}: {slot[key]}" for key in ("kind", "speaker") if key in slot]
        clock = end
    read, problems = read_slots("\n".join(lines))
    assert problems == []
    assert [f'- time: "{slot.start}-{slot.end}"' for slot in read] == [
        line for line in lines if line.startswith("- ")
    ]


# -- Through a real build: arbitrary text in every field never becomes markup ----------

CONF = 'extensions = ["myst_parser", "schedule"]\nproject = "P"\n'
#: The elements a rendered schedule is made of.
MARKUP = {"div", "button", "a", "table", "caption", "span", "colgroup", "col", "thead",
          "tbody", "tr", "th", "td", "p", "strong", "time"}  # fmt: skip
LOCATED = re.compile(r"<src>/index\.md:(\d+): WARNING: .+ \[schedule\.[a-z]+\]")
# Any character but a backtick (it would close the fence) and lone surrogates (no UTF-8).
TEXT = st.text(st.characters(exclude_categories=("Cs",), exclude_characters="`"), max_size=30)


def quoted(value: str) -> str:
    """A YAML double-quoted scalar holding exactly ``value`` (control characters too)."""
    escaped = "".join(
        f"\\x{ord(c):02x}" if ord(c) < 0x20 or 0x7F <= ord(c) <= 0x9F
        else f"\\u{ord(c):04x}" if c in "\u2028\u2029\ufeff" or 0xD800 <= ord(c) <= 0xDFFF
        else "\\\\" if c == "\\" else '\\"' if c == '"' else c
        for c in value
    )  # fmt: skip
    return f'"{escaped}"'


@settings(max_examples=examples(15), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    fields=st.fixed_dictionaries({key: TEXT for key in ("title", "speaker", "affiliation", "note")})
)
def test_any_field_text_stays_text_in_the_page(tmp_path_factory, fields):
    srcdir = tmp_path_factory.mktemp("schedule-property")
    lines = [f"  {key}: {quoted(value)}" for key, value in fields.items()]
    page = '# P\n\n```{schedule}\n:date: 2022-07-23\n\n- time: "08:30-09:00"\n'
    page += "\n".join(lines) + "\n```\n"
    built = build_one_page(srcdir, page, CONF)
    for warning in built.warnings:
        match = LOCATED.fullmatch(warning)
        assert match and 6 <= int(match[1]) <= 10, warning
    html = built.html
    for element in html.select(".schedule, .schedule *"):
        assert element.name in MARKUP, element
        assert not [name for name in element.attrs if name.lower().startswith("on")], element
    title = html.select_one(".schedule-title strong")
    if title is not None:  # a title kept is shown exactly as written, on one line
        assert title.get_text() == " ".join(fields["title"].split())
