"""A directive whose body is YAML, read with the file's own line numbers.

Shared by the ``important-dates`` and ``schedule`` directives (and any block of records):

- :class:`LocatedDirective` (any directive of ours) warns at a file line and reports
  unknown options at the option's own line with "did you mean";
- :class:`YamlBlockDirective` gives the body as written and the file line of each of its
  lines (MyST and rST count differently);
- :func:`read_records` reads a YAML list of ``key: value`` records as text (never YAML's
  own typing: ``08:30`` would be the number 510 in YAML 1.1, ``2022-05-16`` a date), with
  the line of every key, unknown keys reported at their line with "did you mean";
- YAML is composed with a depth limit, so a 600-deep list is a located warning, not a
  ``RecursionError``, and common mistakes get a hint (an unquoted ``: `` in a title).
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

import yaml
from docutils.parsers.rst import directives
from sphinx.util.docutils import SphinxDirective

from . import zones
from .problems import Problem, warn
from .suggest import did_you_mean, unknown

NULL_TAG = "tag:yaml.org,2002:null"
#: Records are one level of list and one of mapping: anything far deeper is a mistake.
MAX_DEPTH = 20


class AnyOption(dict):
    """An ``option_spec`` that lets unknown options through to the directive, which then
    names the closest known one (docutils and MyST would only say "unknown option")."""

    def __missing__(self, key: str):
        return directives.unchanged

    def __bool__(self) -> bool:
        # docutils and MyST read options only when the spec is truthy: an empty spec must
        # still let them through, so that the directive can name them.
        return True


class LocatedDirective(SphinxDirective):
    """Base of our directives: warnings at a file line, unknown options at their own line.

    Subclasses set ``warning_type`` (the extension's prefix: ``dates``, ``people``...).
    """

    warning_type = "content"

    def option_line(self, name: str) -> int:
        """The file line of option ``:name:``, or the directive's first line."""
        for index, line in enumerate(self.block_text.split("\n")):
            if line.strip().startswith(f":{name}:"):
                return self.lineno + index
        return self.lineno

    def warn(self, line: int, subtype: str, message: str) -> None:
        """A warning at file line ``line`` of the current page."""
        warn((self.env.docname, line), self.warning_type, subtype, message)

    def known_options(self, known: Iterable[str]) -> dict[str, str]:
        """The options given, less unknown ones, each reported at its line.

        Use with ``option_spec = AnyOption(...)``, which lets unknown options through.
        """
        known = list(known)
        for name in self.options:
            if name not in known:
                allowed = ", ".join(f":{option}:" for option in known)
                hint = did_you_mean(name, known) or (
                    f"; allowed options: {allowed}" if known else "; this directive takes none"
                )
                self.warn(self.option_line(name), "option", f"unknown option ':{name}:'{hint}")
        return {name: value for name, value in self.options.items() if name in known}


class YamlBlockDirective(LocatedDirective):
    """Base of the directives with a YAML body."""

    has_content = True

    def is_myst(self) -> bool:
        return type(self.state).__module__.startswith("myst_parser")

    def body_text(self) -> str:
        """The body as written in the file.

        MyST splits a body with ``str.splitlines``, which also breaks at U+000B, U+001E,
        U+0085, U+2028... where the file has no line break: from MyST, take the body back
        from the directive's full text, so that line numbers count the file's own lines.
        """
        joined = "\n".join(self.content)
        if not self.is_myst():
            return joined
        first = 1 + self.content_offset  # the fence line, then the options
        written = "\n".join(self.block_text.split("\n")[first:-2])
        return written if written.splitlines() == joined.splitlines() else joined

    def body_line(self, index: int) -> int:
        """The file line of line ``index`` (from 0) of the body.

        docutils gives rST directives the 0-based offset of their body in the file; MyST
        gives the number of lines between the directive's first line and its body.
        """
        if self.is_myst():
            return self.lineno + self.content_offset + index + 1
        return self.content_offset + index + 1

    def zone_option(self, written: str, fallback: str) -> str:
        """The zone of the ``:timezone:`` option, or ``fallback`` (when none is written, or
        when it is no zone: then a warning at the option's line)."""
        if not written or zones.is_zone(written):
            return written or fallback
        message = zones.unknown_message(written, " in the :timezone: option")
        self.warn(
            self.option_line("timezone"), "timezone", f"{message}; falling back to {fallback!r}"
        )
        return fallback

    def warn_problem(self, problem: Problem) -> None:
        """A warning for a problem located in the body (line from 0)."""
        self.warn(self.body_line(problem.line), problem.subtype, problem.message)


@dataclass
class Record:
    """One ``key: value`` record of a YAML list: its first line, its rank, its fields."""

    line: int  # from 0 in the body
    position: int  # 1-based rank in the list, to name records without a usable name
    fields: dict[str, tuple[str, int]] = field(default_factory=dict)  # key -> (text, line)

    def text(self, key: str, default=None):
        return self.fields[key][0] if key in self.fields else default

    def line_of(self, key: str) -> int:
        """The line of ``key``, or the record's first line when it is missing."""
        return self.fields[key][1] if key in self.fields else self.line


class _BoundedLoader(yaml.SafeLoader):
    """PyYAML's composer is recursive: stop at :data:`MAX_DEPTH` with a located error."""

    depth = 0

    def compose_node(self, parent, index):
        self.depth += 1
        try:
            if self.depth > MAX_DEPTH:
                mark = self.peek_event().start_mark
                raise yaml.composer.ComposerError(
                    None, None, f"nested more than {MAX_DEPTH} levels deep", mark
                )
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1


def line_of(text: str, mark: yaml.Mark) -> int:
    """The line of a mark as Sphinx counts it: YAML also breaks lines at U+0085, U+2028
    and U+2029, so its own ``mark.line`` can be ahead of the file's."""
    return text.count("\n", 0, mark.index)


def _quote_hint(text: str, error: yaml.MarkedYAMLError) -> str:
    """A hint for the most common mistake: a value with ': ' in it, unquoted."""
    if "mapping values are not allowed" in (error.problem or ""):
        return ' (a value with ": " in it must be in quotes: title: "Deep learning: a review")'
    return ""


def compose(text: str, what: str, hint: str) -> tuple[yaml.Node | None, list[Problem]]:
    """The YAML node tree of ``text``, or a located problem (subtype ``yaml``)."""
    try:
        return yaml.compose(text, Loader=_BoundedLoader), []
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        # One line: a warning is one line of the build log.
        words = (error.context, error.problem)
        found = " ".join(" ".join(part.split()) for part in words if part)
        line = line_of(text, mark) if mark else 0
        message = f"{what} is not valid YAML ({found}){_quote_hint(text, error)}; {hint}"
        return None, [Problem(line, "yaml", message)]
    except yaml.reader.ReaderError as error:  # a control character: located by its position
        line = text.count("\n", 0, error.position)
        code = error.character if isinstance(error.character, int) else ord(error.character)
        message = f"{what} has a character YAML forbids (U+{code:04X}); remove it"
        return None, [Problem(line, "yaml", message)]


def kind_of(node) -> str:
    """How a message names a YAML node: 'a list', 'a mapping', 'empty', "the text 'x'"."""
    if isinstance(node, yaml.SequenceNode):
        return "a list"
    if isinstance(node, yaml.MappingNode):
        return "a mapping"
    if node is None or node.tag == NULL_TAG:
        return "empty"
    return f"the text {node.value!r}"


def read_records(
    text: str,
    *,
    what: str,
    item: str,
    keys: Iterable[str],
    hint: str,
    name: Callable[[Record], str] | None = None,
) -> tuple[list[Record], list[Problem]]:
    """The records of a YAML list and every structural problem, located.

    ``what`` names the block ("the schedule"), ``item`` one record ("slot"), ``keys`` the
    known keys; ``hint`` says how to write a record; ``name(record)`` names a record in a
    message once it is read (default: "slot 3"). Problems have subtype ``yaml`` (the text
    is no list of records) or ``key`` (an unknown, repeated or non-scalar key).
    """
    name = name or (lambda record: f"{item} {record.position}")
    keys = list(keys)
    if not text.strip():
        return [], [Problem(0, "yaml", f"{what} is empty; {hint}")]
    root, problems = compose(text, what, hint)
    if problems:
        return [], problems
    if root is None:  # nothing but comments
        return [], [Problem(0, "yaml", f"{what} is empty; {hint}")]
    if not isinstance(root, yaml.SequenceNode):
        line = line_of(text, root.start_mark)
        return [], [Problem(line, "yaml", f"{what} must be a list, not {kind_of(root)}; {hint}")]
    records = []
    for position, node in enumerate(root.value, start=1):
        first = line_of(text, node.start_mark)
        if not isinstance(node, yaml.MappingNode):
            message = f"{item} {position} is {kind_of(node)}, not 'key: value' lines; {hint}"
            problems.append(Problem(first, "yaml", message))
            continue
        record = Record(first, position)
        found = [*_read_fields(record, node, text, keys)]
        problems += [Problem(line, "key", f"{name(record)}: {message}") for line, message in found]
        records.append(record)
    return records, problems


def _read_fields(record: Record, node: yaml.MappingNode, text: str, keys: list[str]):
    """Fill ``record.fields``; yield ``(line, message)`` for each key that cannot be read."""
    for key_node, value_node in node.value:
        line = line_of(text, key_node.start_mark)
        key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
        if key is None:
            yield line, f"a key must be a word, not {kind_of(key_node)}"
        elif key not in keys:
            yield line, unknown("key", key, keys)
        elif key in record.fields:
            yield line, f"key {key!r} is given twice; keep one"
        elif not isinstance(value_node, yaml.ScalarNode):
            yield line, f"{key!r} must be a single value, not {kind_of(value_node)}"
        elif value_node.tag != NULL_TAG and value_node.value.strip():
            record.fields[key] = (value_node.value.strip(), line)
