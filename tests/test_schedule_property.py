"""Any text in a schedule block gives slots or problems with a line inside the block, never
an exception; any well-formed day of back-to-back slots gives no problem at all."""

from hypothesis import given, settings
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


@settings(max_examples=300, deadline=None)
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


@settings(max_examples=200, deadline=None)
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
