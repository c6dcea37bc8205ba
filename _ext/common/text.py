"""Is this field plain text? One answer for every field of every extension.

Fields are always rendered as text nodes (never parsed as Markdown or HTML), so markup
cannot escape; what is refused here are characters that have no place in a name, a title
or a label and that browsers, calendar apps or logs treat specially: C0 and C1 control
characters (NUL, a lone CR, ESC...), the Unicode line and paragraph separators, and lone
surrogates (which YAML's ``"\\ud83d"`` escapes produce and no UTF-8 file can hold).
"""

import unicodedata

ALLOWED_CONTROLS = {"\t", "\n"}
SEPARATORS = {"\u2028", "\u2029"}


def bad_character(value: str) -> str | None:
    """The first forbidden character of ``value`` as ``'U+0000'``, or None."""
    for character in value:
        if character in ALLOWED_CONTROLS:
            continue
        if character in SEPARATORS or unicodedata.category(character) in ("Cc", "Cs"):
            return f"U+{ord(character):04X}"
    return None


def check_text(field: str, value: str) -> str | None:
    """A message when ``value`` is not plain text, else None."""
    found = bad_character(value)
    if found is None:
        return None
    if 0xD800 <= int(found[2:], 16) <= 0xDFFF:
        # YAML's "\ud83d\ude00" gives two halves, not the character they encode: no
        # UTF-8 file or calendar can hold them.
        return (
            f"{field} has half of a UTF-16 surrogate pair ({found}), which is no character; "
            "write the character itself"
        )
    return f"{field} has a control character ({found}); remove it (retype the text if unsure)"


def one_line(value: str) -> str:
    """Runs of white space (line breaks included) as one space: a field is one line of text."""
    return " ".join(value.split())


def shorten(value: str, limit: int = 60) -> str:
    """The value as a message quotes it: at most ``limit`` characters, so that a
    300,000-character word is not copied into every line of the build log."""
    return value if len(value) <= limit else value[: limit - 3] + "..."
